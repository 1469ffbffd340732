"""Running the WSGI app under gunicorn, configured from Python rather than a file."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from gunicorn.app.base import BaseApplication


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
        "accesslog": "-",
        "timeout": 60,
        "graceful_timeout": 20,
    }
    if on_worker_start is not None:
        options["post_worker_init"] = lambda worker: on_worker_start()
    _Gunicorn(app, options).run()
