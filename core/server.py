"""Running the WSGI app under gunicorn, configured from Python rather than a file."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.config import KNOWN_SETTINGS

_SETTINGS = {setting.name for setting in KNOWN_SETTINGS}


class _Gunicorn(BaseApplication):
    def __init__(self, app: Flask, options: dict) -> None:
        self._app = app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self._app


def run_gunicorn(
    app: Flask,
    host: str,
    port: int,
    workers: int,
    threads: int = 4,
    on_worker_start: Callable[[], None] | None = None,
) -> None:
    """Serve ``app``; ``on_worker_start`` runs in each worker process after it forked."""
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        # Requests are logged by the app itself (logger cyberorigen.requests, JSON with
        # log_json), with their request id: no second, plain-text access log.
        "accesslog": None,
        "timeout": 60,
        "graceful_timeout": 20,
    }
    if "control_socket_disable" in _SETTINGS:
        # gunicorn 25+ opens a control socket at one path per user; two appliances on a host
        # would take it from each other, and nothing here uses it.
        options["control_socket_disable"] = True
    if on_worker_start is not None:
        options["post_worker_init"] = lambda worker: on_worker_start()
    _Gunicorn(app, options).run()
