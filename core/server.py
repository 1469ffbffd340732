"""Running the WSGI app under gunicorn, configured from Python rather than a file.

A request gunicorn itself refuses before the app sees it (a request line over
``limit_request_line``, headers over their limits, bytes that are not HTTP) is answered in the
API's error envelope, as JSON, rather than with gunicorn's HTML page.
"""

from __future__ import annotations

import json
import logging
import secrets
import socket
import ssl
from collections.abc import Callable
from http import HTTPStatus

from flask import Flask
from gunicorn import util
from gunicorn.app.base import BaseApplication
from gunicorn.config import KNOWN_SETTINGS
from gunicorn.http import errors as http_errors
from gunicorn.workers.gthread import ThreadWorker

from cyberorigen.api.errors import ERROR_CODES

_SETTINGS = {setting.name for setting in KNOWN_SETTINGS}
log = logging.getLogger("cyberorigen.server")

#: gunicorn's refusals of a request, most specific first: (exception, status, detail).
_REFUSALS = (
    # a header the *app* sent is the app's fault, and so is gunicorn's own configuration
    (http_errors.InvalidResponseHeader, 500, None),
    (http_errors.InvalidResponseHeaderName, 500, None),
    (http_errors.ConfigurationProblem, 500, None),
    (
        http_errors.LimitRequestLine,
        414,
        "The request line (method, path and query) is longer than {limit_request_line} bytes.",
    ),
    (
        http_errors.LimitRequestHeaders,
        431,
        "The request headers are too many (over {limit_request_fields}) or one is longer "
        "than {limit_request_field_size} bytes.",
    ),
    (http_errors.ParseException, 400, "The request is not valid HTTP/1.1."),
    (ssl.SSLError, 400, "The TLS connection could not be read."),
)


def refusal(exc: BaseException, cfg) -> tuple[int, str | None]:
    """The status and detail for an exception gunicorn raised while reading a request."""
    for kind, status, detail in _REFUSALS:
        if isinstance(exc, kind):
            return status, detail and detail.format(
                limit_request_line=cfg.limit_request_line,
                limit_request_fields=cfg.limit_request_fields,
                limit_request_field_size=cfg.limit_request_field_size,
            )
    return 500, None


def error_bytes(status: int, detail: str | None) -> bytes:
    """A complete HTTP response carrying the error envelope (500 with a request id)."""
    request_id = secrets.token_hex(8)
    body = {"detail": detail, "error_code": ERROR_CODES.get(status, "ERROR"), "field": None}
    if detail is None:
        body["detail"] = f"Internal server error. Quote request id {request_id} when reporting it."
        body["request_id"] = request_id
    payload = json.dumps(body).encode()
    head = (
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(payload)}\r\n"
        f"X-Request-ID: {request_id}\r\n\r\n"
    )
    return head.encode("latin-1") + payload


class EnvelopeThreadWorker(ThreadWorker):
    """gunicorn's threaded worker, answering its own refusals in the error envelope."""

    def handle_error(self, req, client, addr, exc) -> None:
        status, detail = refusal(exc, self.cfg)
        ip = (addr or ("unix socket",))[0]
        if status == 500:
            log.error("error outside the app handling a request from %s", ip, exc_info=exc)
        else:
            log.warning("refused a request from %s (%d): %s", ip, status, str(exc)[:200])
        try:
            util.write_nonblock(client, error_bytes(status, detail))
        except OSError:
            log.debug("could not send the %d to %s", status, ip)


def check_can_listen(host: str, port: int) -> None:
    """Bind ``host:port`` as gunicorn will (address reuse on), and let it go: raises
    ``OSError`` when the port is taken or the address is not this machine's, so ``serve``
    says so before it announces an address it cannot serve on (gunicorn would retry for
    five seconds, then exit with a log line)."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(address)


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
        "worker_class": EnvelopeThreadWorker,
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
