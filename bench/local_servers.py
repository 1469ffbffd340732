"""Local servers for ``bench/scanners.py``: a throw-away CA made with ``cryptography``, an
HTTPS site with a good TLS configuration (TLS 1.2 + 1.3, ECDHE with AEAD only, an ECDSA P-256
certificate for localhost and 127.0.0.1 from that CA), a plain HTTP site and a service that
greets like SSH. Everything listens on 127.0.0.1 and serves in daemon threads."""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cyberorigen.plugin_api.testing import make_test_ca

HOST = "127.0.0.1"
GOOD_TLS12_CIPHERS = "ECDHE+AESGCM:ECDHE+CHACHA20"
PAGE = (
    b"<!doctype html><html><head><title>bench</title></head>"
    b"<body><p>CyberOrigen scanner benchmark</p></body></html>"
)
SECURE_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_pki(folder: Path) -> tuple[str, Path, Path, Path]:
    """A CA and a leaf for localhost/127.0.0.1: (CA PEM, CA file, leaf cert file, key file)."""
    now = datetime.datetime.now(datetime.UTC)
    ca_cert, ca_key = make_test_ca("CyberOrigen bench CA", 30, 365)
    key = ec.generate_private_key(ec.SECP256R1())
    sans = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=90))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_pem = ca_cert.public_bytes(serialization.Encoding.PEM)
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "leaf.pem", folder / "leaf.key"
    ca_file.write_bytes(ca_pem)
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ca_pem.decode(), ca_file, cert_file, key_file


def good_context(cert_file: Path, key_file: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(GOOD_TLS12_CIPHERS)
    context.load_cert_chain(str(cert_file), str(key_file))
    return context


class _Handler(BaseHTTPRequestHandler):
    timeout = 5  # a client that connects and says nothing is dropped after this

    def do_GET(self):  # noqa: N802 - http.server's naming
        tls = isinstance(self.connection, ssl.SSLSocket)
        if not tls and self.server.redirect_to:  # plain HTTP redirects to HTTPS
            self.send_response(301)
            self.send_header("Location", f"https://{HOST}:{self.server.redirect_to}{self.path}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        if tls:
            for name, value in SECURE_HEADERS.items():
                self.send_header(name, value)
        self.end_headers()
        self.wfile.write(PAGE)

    def do_HEAD(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Site(ThreadingHTTPServer):
    """An HTTP(S) site on 127.0.0.1; with a context, the TLS handshake is done in the
    connection's own thread (a client that never completes it blocks nothing else)."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, context: ssl.SSLContext | None = None, redirect_to: int = 0) -> None:
        self.context = context
        self.redirect_to = redirect_to
        super().__init__((HOST, 0), _Handler)
        self.port = self.server_address[1]
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    def finish_request(self, request, client_address):
        if self.context is not None:
            request.settimeout(5)
            try:
                request = self.context.wrap_socket(request, server_side=True)
            except (OSError, ValueError):
                return
        super().finish_request(request, client_address)

    def handle_error(self, request, client_address):
        pass  # scanners drop connections in every way; nothing to report

    def close(self) -> None:
        self.shutdown()
        self.server_close()


class Greeter:
    """A TCP service that greets each connection with ``banner`` and closes (SSH-like)."""

    def __init__(self, banner: bytes = b"SSH-2.0-OpenSSH_9.6 bench\r\n") -> None:
        self.banner = banner
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((HOST, 0))
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
            threading.Thread(target=self._greet, args=(conn,), daemon=True).start()

    def _greet(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:
            conn.settimeout(3)
            conn.sendall(self.banner)
            conn.recv(1024)  # what the client says back, if anything, then close

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        self.thread.join(2)
