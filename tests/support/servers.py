"""Servers on 127.0.0.1 that tests run in threads: HTTP(S) with a handler of the test's own,
and a TLS server that only completes handshakes."""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Iterable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing, with a one-call answer."""

    def reply(
        self,
        status: int,
        body: bytes = b"",
        headers: Mapping[str, str] | Iterable[tuple[str, str]] = (),
    ) -> None:
        """Send ``status``, ``headers``, Content-Length and ``body`` (no body to HEAD)."""
        self.send_response(status)
        items = headers.items() if isinstance(headers, Mapping) else headers
        for name, value in items:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class _NoErrorReports(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass


class HttpServer:
    """Serves ``handler`` on ``host`` (127.0.0.1 unless given) and ``port`` (0 for any free
    one) in a thread; HTTPS when given an SSLContext. ``quiet`` drops the tracebacks of failed
    requests (the tls scanner's probes of refused protocol versions end in handshake errors)."""

    def __init__(
        self,
        handler: type[BaseHTTPRequestHandler],
        context: ssl.SSLContext | None = None,
        *,
        port: int = 0,
        quiet: bool = False,
        host: str = "127.0.0.1",
    ) -> None:
        server_class = _NoErrorReports if quiet else ThreadingHTTPServer
        self.server = server_class((host, port), handler)
        self.server.daemon_threads = True
        if context is not None:
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class TlsServer:
    """Accepts connections on ``host`` (127.0.0.1 unless given), completes the TLS handshake
    in a thread per connection, reads until the client goes away, and closes. Without a
    context it answers a line of plain text instead (a port that does not speak TLS)."""

    def __init__(
        self, context: ssl.SSLContext | None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.context = context
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(3)
        try:
            if self.context is None:
                conn.sendall(b"220 not TLS here\r\n")
                return
            with self.context.wrap_socket(conn, server_side=True) as tls:
                while tls.recv(4096):
                    pass
        except (OSError, ValueError):
            pass
        finally:
            conn.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self.sock.close()
        self.thread.join(2)
