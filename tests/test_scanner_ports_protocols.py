"""The ``ports`` scanner's protocol probes against servers on 127.0.0.1: anonymous FTP, POP3
and IMAP logins offered in clear text, SMTP open relay, etcd and the Kubernetes API server
without authentication. Every check has a firing and a silent case.

Which servers are real and which are emulated:

* FTP: real pyftpdlib servers, with and without an anonymous user.
* SMTP: real aiosmtpd servers; the handler decides the RCPT answer (an open relay accepting
  any recipient, and one refusing foreign recipients with 554), and records that DATA never
  came.
* POP3 and IMAP: small servers written here that speak the protocol lines the probe uses
  (greeting, CAPA / CAPABILITY, QUIT / LOGOUT), with the capability lists Dovecot sends.
* etcd: the real etcd (Debian's ``etcd-server``, /usr/bin/etcd) without authentication, with
  authentication enabled through its own v3 API, and over TLS; those tests are skipped where
  the binary is missing. The same answers are also emulated by a small HTTP server
  (etcd 3.4's /version and /v3/kv/range bodies, and a 401), so that the judging is covered
  without the binary too.
* Kubernetes: emulated. A real kube-apiserver cannot run here (it is not packaged, and needs
  etcd, certificates and a control plane), so a small HTTP(S) server answers /version, /api
  and /api/v1/namespaces with the documents and statuses kube-apiserver sends anonymous
  users. Over TLS it also behaves like Go's net/http: plain HTTP on the TLS port gets Go's
  fixed "400 ... Client sent an HTTP request to an HTTPS server" answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import shutil
import socket
import socketserver
import ssl
import subprocess
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from support.pki import make_pki, server_context
from support.servers import QuietHandler

from cyberorigen.plugin_api import Severity
from cyberorigen.plugin_api.testing import run_scanner
from cyberorigen.plugins.ports import connect_scan as cs
from cyberorigen.plugins.ports.identify import identify_banner
from cyberorigen.plugins.ports.model import PortResult
from cyberorigen.plugins.ports.scanner import PortsScanner, pop3_logins, relay_addresses

with warnings.catch_warnings():  # pyftpdlib is built on asyncore/asynchat (deprecated in 3.11)
    warnings.simplefilter("ignore", DeprecationWarning)
    from pyftpdlib.authorizers import DummyAuthorizer
    from pyftpdlib.handlers import FTPHandler
    from pyftpdlib.ioloop import IOLoop
    from pyftpdlib.servers import FTPServer

FAST = {"use_nmap": False, "timeout": 2.0, "banner_timeout": 0.3, "snmp_ports": []}
ETCD = shutil.which("etcd") or ("/usr/bin/etcd" if Path("/usr/bin/etcd").exists() else None)
needs_etcd = pytest.mark.skipif(ETCD is None, reason="etcd is not installed (etcd-server)")


@pytest.fixture
def scanner() -> PortsScanner:
    return PortsScanner()


def scan(scanner: PortsScanner, ports: list[int], **options: object):
    return run_scanner(scanner, "127.0.0.1", {**FAST, "ports": ports, **options}, timeout=60)


def by_check(findings, check_id):
    return [finding for finding in findings if finding.check_id == check_id]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_new_checks_are_declared(scanner: PortsScanner) -> None:
    severities = {check.id: check.severity for check in scanner.checks}
    assert {
        key: severities[key]
        for key in (
            "ports.ftp_anonymous_login",
            "ports.pop3_cleartext_auth",
            "ports.imap_cleartext_auth",
            "ports.smtp_open_relay",
            "ports.unauthenticated_mgmt_api",
        )
    } == {
        "ports.ftp_anonymous_login": Severity.HIGH,
        "ports.pop3_cleartext_auth": Severity.MEDIUM,
        "ports.imap_cleartext_auth": Severity.MEDIUM,
        "ports.smtp_open_relay": Severity.CRITICAL,
        "ports.unauthenticated_mgmt_api": Severity.CRITICAL,
    }
    controls = {check.id: check.controls for check in scanner.checks}
    assert all(controls[key] for key in severities)


# --- FTP: real pyftpdlib ----------------------------------------------------------------------


class PyFtpd:
    """A real pyftpdlib server on 127.0.0.1 in a thread: with an anonymous user (read-only on
    ``root``) or with a named user only."""

    def __init__(self, root: Path, anonymous: bool) -> None:
        authorizer = DummyAuthorizer()
        if anonymous:
            authorizer.add_anonymous(str(root))
        else:
            authorizer.add_user("alice", "correct horse", str(root), perm="elr")
        # pyftpdlib waits 3 s before answering a failed login; the test wants the 530 at once.
        handler = type("Handler", (FTPHandler,), {"authorizer": authorizer})
        handler.auth_failed_timeout = 0
        # Each server has its own IOLoop: pyftpdlib's default is one process-wide loop, which
        # two server threads would poll at once (sockets closed under each other's feet).
        self.server = FTPServer(("127.0.0.1", 0), handler, ioloop=IOLoop())
        self.port = self.server.address[1]
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            self.server.serve_forever(timeout=0.05, blocking=False, handle_exit=False)
        self.server.close_all()

    def close(self) -> None:
        self.running = False
        self.thread.join(5)


@pytest.fixture
def pyftpd(tmp_path: Path) -> Iterator[Callable[[bool], PyFtpd]]:
    logging.getLogger("pyftpdlib").setLevel(logging.WARNING)
    started: list[PyFtpd] = []

    def start(anonymous: bool) -> PyFtpd:
        folder = tmp_path / f"ftp-{len(started)}"
        folder.mkdir()
        (folder / "readme.txt").write_text("public\n")
        started.append(PyFtpd(folder, anonymous))
        return started[-1]

    yield start
    for server in started:
        server.close()


def test_ftp_anonymous_login_fires_and_named_users_only_is_silent(scanner, pyftpd) -> None:
    anonymous, private = pyftpd(True), pyftpd(False)
    findings = scan(scanner, [anonymous.port, private.port])
    found = by_check(findings, "ports.ftp_anonymous_login")
    assert [f.evidence["port"] for f in found] == [anonymous.port]
    (finding,) = found
    assert finding.severity == Severity.HIGH
    assert finding.location == f"127.0.0.1:{anonymous.port}/tcp"
    assert finding.evidence["greeting"].startswith("220")
    assert finding.evidence["user"] == "anonymous"
    assert finding.evidence["user_reply"].startswith("331")
    assert finding.evidence["pass_reply"].startswith("230")
    assert finding.evidence["quit_reply"].startswith("221")  # it logged out
    # Both are plain FTP, so both also fire the existing AUTH TLS check.
    assert {f.evidence["port"] for f in by_check(findings, "ports.ftp_cleartext_open")} == {
        anonymous.port,
        private.port,
    }
    # The silent server was asked, and refused the anonymous login.
    answer = asyncio.run(cs.ftp_anonymous_login("127.0.0.1", private.port, 2.0))
    assert answer["login"] is False
    assert answer["pass_reply"].startswith("530")


# --- line-protocol servers (POP3, IMAP) -------------------------------------------------------


class LineServer:
    """A threaded TCP server on 127.0.0.1 (TLS when given a context): ``greeting`` first,
    then ``answer(line)`` for each line received (None closes the connection). Records the
    lines it received."""

    def __init__(
        self,
        greeting: bytes,
        answer: Callable[[bytes], bytes | None],
        context=None,
    ) -> None:
        received = self.received = []

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                conn = self.request
                conn.settimeout(3)
                with contextlib.suppress(OSError):
                    if context is not None:
                        conn = context.wrap_socket(conn, server_side=True)
                    conn.sendall(greeting)
                    buffer = b""
                    while True:
                        chunk = conn.recv(1024)
                        if not chunk:
                            return
                        buffer += chunk
                        while b"\n" in buffer:
                            line, buffer = buffer.split(b"\n", 1)
                            received.append(line.strip())
                            reply = answer(line.strip())
                            if reply is None:
                                return
                            conn.sendall(reply)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def line_server() -> Iterator[Callable[..., LineServer]]:
    started: list[LineServer] = []

    def start(greeting: bytes, answer: Callable[[bytes], bytes | None], context=None):
        started.append(LineServer(greeting, answer, context))
        return started[-1]

    yield start
    for server in started:
        server.close()


def pop3(capabilities: list[str]) -> Callable[[bytes], bytes | None]:
    def answer(line: bytes) -> bytes | None:
        command = line.upper()
        if command == b"CAPA":
            body = "".join(f"{item}\r\n" for item in capabilities)
            return f"+OK Capability list follows\r\n{body}.\r\n".encode()
        if command == b"QUIT":
            return b"+OK Logging out.\r\n"
        return b"-ERR Unknown command.\r\n"

    return answer


POP3_GREETING = b"+OK Dovecot (Debian) ready.\r\n"
#: Dovecot's CAPA on the plain port: with plaintext logins allowed, and with
#: disable_plaintext_auth=yes (no USER, no SASL mechanism until STLS).
POP3_OPEN = ["CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "STLS", "USER", "SASL PLAIN"]
POP3_STLS_FIRST = ["CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "STLS", "SASL"]


def test_pop3_cleartext_auth_fires_and_stls_first_is_silent(scanner, line_server) -> None:
    open_pop3 = line_server(POP3_GREETING, pop3(POP3_OPEN))
    stls_first = line_server(POP3_GREETING, pop3(POP3_STLS_FIRST))
    findings = scan(scanner, [open_pop3.port, stls_first.port])
    assert [(f.check_id, f.evidence["port"]) for f in findings] == [
        ("ports.pop3_cleartext_auth", open_pop3.port)
    ]
    (finding,) = findings
    assert finding.severity == Severity.MEDIUM
    assert finding.evidence["service"] == "pop3"
    assert finding.evidence["logins_offered"] == ["USER", "SASL PLAIN"]
    assert finding.evidence["stls_offered"] is True
    assert finding.evidence["greeting"] == POP3_GREETING.decode().strip()
    for server in (open_pop3, stls_first):  # both were asked CAPA, and said goodbye to
        assert b"CAPA" in server.received and server.received[-1] == b"QUIT"


def test_pop3_over_implicit_tls_is_silent(scanner, line_server, tmp_path) -> None:
    pki = make_pki(tmp_path)
    context = server_context(*pki.leaf("pop3s"))
    pop3s = line_server(POP3_GREETING, pop3(POP3_OPEN), context)
    discovered: list = []
    findings = run_scanner(
        scanner, "127.0.0.1", {**FAST, "ports": [pop3s.port]}, timeout=60, discovered=discovered
    )
    assert findings == []
    assert [(service.port, service.tls) for service in discovered] == [(pop3s.port, True)]
    # Only the TLS probe's GET / came, inside TLS: CAPA was never asked.
    assert b"CAPA" not in pop3s.received


def test_pop3_and_imap_on_995_and_993_are_judged_as_implicit_tls(scanner) -> None:
    def result(port: int, service: str) -> PortResult:
        facts = {
            "pop3": {"greeting": "+OK", "capabilities": ["USER"]},
            "imap": {"greeting": "* OK", "capabilities": ["IMAP4rev1", "AUTH=PLAIN"]},
        }
        return PortResult(port, service=service, service_source="banner", facts=facts)

    findings = scanner.judge(
        "mail.example",
        [result(110, "pop3"), result(995, "pop3"), result(143, "imap"), result(993, "imap")],
        allowlist=[],
    )
    assert [(f.check_id, f.evidence["port"]) for f in findings] == [
        ("ports.pop3_cleartext_auth", 110),
        ("ports.imap_cleartext_auth", 143),
    ]


def test_pop3_login_rule() -> None:
    assert pop3_logins(["TOP", "USER", "SASL PLAIN LOGIN", "STLS"]) == [
        "USER",
        "SASL PLAIN",
        "SASL LOGIN",
    ]
    assert pop3_logins(["TOP", "STLS", "SASL"]) == []
    assert pop3_logins([]) == []


def imap(capabilities: str) -> Callable[[bytes], bytes | None]:
    def answer(line: bytes) -> bytes | None:
        tag, _, command = line.decode().partition(" ")
        if command.upper() == "CAPABILITY":
            return f"* CAPABILITY {capabilities}\r\n{tag} OK Pre-login capabilities.\r\n".encode()
        if command.upper() == "LOGOUT":
            return f"* BYE Logging out\r\n{tag} OK Logout completed.\r\n".encode()
        return f"{tag} BAD Error in IMAP command.\r\n".encode()

    return answer


IMAP_GREETING = b"* OK [CAPABILITY IMAP4rev1 SASL-IR STARTTLS] Dovecot (Debian) ready.\r\n"


def test_imap_cleartext_auth_fires_and_logindisabled_is_silent(scanner, line_server) -> None:
    open_imap = line_server(
        IMAP_GREETING, imap("IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE STARTTLS AUTH=PLAIN")
    )
    login_disabled = line_server(
        IMAP_GREETING, imap("IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE STARTTLS LOGINDISABLED")
    )
    findings = scan(scanner, [open_imap.port, login_disabled.port])
    assert [(f.check_id, f.evidence["port"]) for f in findings] == [
        ("ports.imap_cleartext_auth", open_imap.port)
    ]
    (finding,) = findings
    assert finding.severity == Severity.MEDIUM
    assert finding.evidence["service"] == "imap"
    assert finding.evidence["auth_mechanisms"] == ["PLAIN"]
    assert finding.evidence["starttls_offered"] is True
    assert "LOGINDISABLED" not in finding.evidence["capabilities"]
    for server in (open_imap, login_disabled):
        assert server.received == [b"c1 CAPABILITY", b"c2 LOGOUT"]


# --- SMTP: real aiosmtpd ----------------------------------------------------------------------


class RelayHandler:
    """aiosmtpd handler: accepts every recipient (``open_relay``) or only those of
    ``local_domain``, refusing the rest with 554. Records the commands it saw."""

    def __init__(self, open_relay: bool, local_domain: str = "mail.test") -> None:
        self.open_relay = open_relay
        self.local_domain = local_domain
        self.commands: list[str] = []

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802
        self.commands.append(f"MAIL {address}")
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        self.commands.append(f"RCPT {address}")
        if not self.open_relay and not address.lower().endswith("@" + self.local_domain):
            return f"554 5.7.1 <{address}>: Relay access denied"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_RSET(self, server, session, envelope):  # noqa: N802
        self.commands.append("RSET")
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.commands.append("DATA")
        return "250 Message accepted for delivery"

    async def handle_QUIT(self, server, session, envelope):  # noqa: N802
        self.commands.append("QUIT")
        return "221 Bye"


@pytest.fixture
def smtp_server() -> Iterator[Callable[[RelayHandler], int]]:
    controllers: list[Controller] = []

    def start(handler: RelayHandler) -> int:
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)
        return port

    yield start
    for controller in controllers:
        controller.stop()


def wait_for(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_smtp_open_relay_fires_and_relay_denied_is_silent(scanner, smtp_server) -> None:
    open_handler, closed_handler = RelayHandler(open_relay=True), RelayHandler(open_relay=False)
    open_port, closed_port = smtp_server(open_handler), smtp_server(closed_handler)
    findings = scan(scanner, [open_port, closed_port])
    assert [(f.check_id, f.evidence["port"]) for f in findings] == [
        ("ports.smtp_open_relay", open_port)
    ]
    (finding,) = findings
    assert finding.severity == Severity.CRITICAL
    assert finding.evidence["service"] == "smtp"
    assert finding.evidence["greeting"].startswith("220")
    assert (finding.evidence["sender"], finding.evidence["recipient"]) == (
        "probe@example.org",
        "probe@example.net",
    )
    dialogue = finding.evidence["dialogue"]
    assert [step["sent"].split()[0] for step in dialogue] == [
        "EHLO",
        "MAIL",
        "RCPT",
        "RSET",
        "QUIT",
    ]
    assert dialogue[0]["sent"] == "EHLO [127.0.0.1]"
    assert dialogue[2]["reply"].startswith("250")
    assert finding.evidence["data_sent"] is False
    for handler in (open_handler, closed_handler):
        wait_for(lambda handler=handler: "QUIT" in handler.commands)
        assert handler.commands == [
            "MAIL probe@example.org",
            "RCPT probe@example.net",
            "RSET",
            "QUIT",
        ]  # never DATA
    answer = asyncio.run(
        cs.smtp_relay("127.0.0.1", closed_port, 2.0, "probe@example.org", "probe@example.net")
    )
    assert answer["accepted"] is False
    assert answer["dialogue"][2]["reply"].startswith("554")


def test_relay_addresses_avoid_the_target_domain() -> None:
    assert relay_addresses("mail.customer.test") == ("probe@example.org", "probe@example.net")
    assert relay_addresses("mx.example.org") == ("probe@example.net", "probe@example.com")
    assert relay_addresses("example.net.") == ("probe@example.org", "probe@example.com")


# --- etcd: real etcd, and emulated answers ----------------------------------------------------


class RealEtcd:
    """The real etcd binary as a single-member cluster on free ports of 127.0.0.1, its data in
    ``folder``; HTTPS on the client port when given a certificate and key."""

    def __init__(self, folder: Path, cert: tuple[str, str] | None = None) -> None:
        self.port, peer = free_port(), free_port()
        self.scheme = "https" if cert else "http"
        client = f"{self.scheme}://127.0.0.1:{self.port}"
        peer_url = f"http://127.0.0.1:{peer}"
        command = [
            ETCD,
            *("--name", "probe", "--data-dir", str(folder / "data")),
            *("--listen-client-urls", client, "--advertise-client-urls", client),
            *("--listen-peer-urls", peer_url, "--initial-advertise-peer-urls", peer_url),
            *("--initial-cluster", f"probe={peer_url}", "--log-level", "error"),
        ]
        if cert:
            command += ["--cert-file", cert[0], "--key-file", cert[1]]
        self.log = (folder / "etcd.log").open("wb")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"etcd exited: {(folder / 'etcd.log').read_text()[-2000:]}")
            with contextlib.suppress(OSError):
                if self.call("GET", "/version")[0] == 200:
                    return
            time.sleep(0.1)
        self.close()
        raise RuntimeError("etcd did not answer within 30 seconds")

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
        context = ssl._create_unverified_context() if self.scheme == "https" else None  # noqa: S323
        request = urllib.request.Request(  # noqa: S310 - the test's own etcd
            f"{self.scheme}://127.0.0.1:{self.port}{path}",
            data=json.dumps(body).encode() if body is not None else None,
            method=method,
        )
        try:
            with urllib.request.urlopen(request, timeout=5, context=context) as response:  # noqa: S310
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            return exc.code, {}

    def enable_auth(self) -> None:
        """A root user with the root role, then ``auth enable``, all through the v3 API."""
        for path, body in (
            ("/v3/auth/user/add", {"name": "root", "password": "etcd-root-pw"}),
            ("/v3/auth/role/add", {"name": "root"}),
            ("/v3/auth/user/grant", {"user": "root", "role": "root"}),
            ("/v3/auth/enable", {}),
        ):
            status, _ = self.call("POST", path, body)
            assert status == 200, path

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture
def etcd(tmp_path: Path) -> Iterator[Callable[..., RealEtcd]]:
    started: list[RealEtcd] = []

    def start(cert: tuple[str, str] | None = None) -> RealEtcd:
        folder = tmp_path / f"etcd-{len(started)}"
        folder.mkdir()
        started.append(RealEtcd(folder, cert))
        return started[-1]

    yield start
    for server in started:
        server.close()


@needs_etcd
def test_real_etcd_without_auth_fires_and_with_auth_is_silent(scanner, etcd) -> None:
    open_etcd, protected = etcd(), etcd()
    protected.enable_auth()
    findings = scan(scanner, [open_etcd.port, protected.port])
    assert [(f.check_id, f.evidence["port"]) for f in findings] == [
        ("ports.unauthenticated_mgmt_api", open_etcd.port)
    ]
    (finding,) = findings
    evidence = finding.evidence
    assert finding.severity == Severity.CRITICAL
    assert (evidence["api"], evidence["service"], evidence["identified_by"]) == (
        "etcd",
        "etcd",
        "probe",
    )
    assert evidence["version"].startswith("3.")
    assert evidence["v3_kv_range_status"] == 200
    assert (
        f"POST http://127.0.0.1:{open_etcd.port}/v3/kv/range"
        in (evidence["answered_without_credentials"])
    )
    # The protected etcd still tells its version, but refuses the key API without a user.
    assert protected.call("POST", "/v3/kv/range", {"key": "AA=="})[0] == 400


@needs_etcd
def test_real_etcd_over_tls_fires(scanner, etcd, tmp_path) -> None:
    pki = make_pki(tmp_path)
    server = etcd(pki.leaf("etcd"))
    findings = scan(scanner, [server.port])
    assert [(f.check_id, f.evidence["api"]) for f in findings] == [
        ("ports.unauthenticated_mgmt_api", "etcd")
    ]
    assert findings[0].evidence["url"] == f"https://127.0.0.1:{server.port}/version"


def test_go_answer_to_plain_http_on_a_tls_port_means_tls() -> None:
    banner = b"HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
    assert identify_banner(banner) == "ssl"


#: What Go's net/http (kube-apiserver, kubelets) answers on a TLS port to a connection whose
#: first bytes are plain HTTP, and those first bytes (net/http's tlsRecordHeaderLooksLikeHTTP).
GO_PLAIN_HTTP_ANSWER = (
    b"HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
)
GO_HTTP_STARTS = (b"GET /", b"HEAD ", b"POST ", b"PUT /", b"OPTIO")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass


class _GoStyleTlsServer(_QuietServer):
    """HTTPS the way Go's net/http serves it: Go's fixed 400 answer to plain HTTP, else a TLS
    handshake (in the connection's own thread) and the handler inside it."""

    context: ssl.SSLContext

    def finish_request(self, request, client_address) -> None:
        request.settimeout(5)
        try:
            first = b""
            deadline = time.monotonic() + 5
            while len(first) < 5 and time.monotonic() < deadline:
                first = request.recv(5, socket.MSG_PEEK)
                if not first:
                    return
                if len(first) < 5:
                    time.sleep(0.01)
            if first in GO_HTTP_STARTS:
                request.sendall(GO_PLAIN_HTTP_ANSWER)
                return
            tls = self.context.wrap_socket(request, server_side=True)
        except OSError:
            return
        try:
            super().finish_request(tls, client_address)
        finally:
            tls.close()


class EmulatedApi:
    """An HTTP server answering GET and POST from ``routes`` (``path`` or ``"METHOD path"``
    -> (status, JSON)); over TLS in Go's style when given a context."""

    def __init__(self, routes: dict[str, tuple[int, object]], context=None) -> None:
        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                key = f"{self.command} {self.path}"
                status, body = routes.get(key, routes.get(self.path, (404, {"error": "nf"})))
                self.reply(status, json.dumps(body).encode(), {"Content-Type": "application/json"})

            do_HEAD = do_POST = do_GET  # noqa: N815

        server_class = _GoStyleTlsServer if context is not None else _QuietServer
        self.server = server_class(("127.0.0.1", 0), Handler)
        self.server.context = context
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def api() -> Iterator[Callable[..., EmulatedApi]]:
    started: list[EmulatedApi] = []

    def start(routes: dict, context=None) -> EmulatedApi:
        started.append(EmulatedApi(routes, context))
        return started[-1]

    yield start
    for server in started:
        server.close()


ETCD_VERSION = {"etcdserver": "3.4.23", "etcdcluster": "3.4.0"}
ETCD_RANGE = {"header": {"cluster_id": "1", "member_id": "2", "revision": "1", "raft_term": "2"}}


def test_emulated_etcd_without_auth_fires_and_with_401_is_silent(scanner, api) -> None:
    """etcd's answers emulated (what etcd 3.4 sends, see the real-etcd test): the key API open,
    and a proxy in front of it that wants credentials (401) for everything."""
    open_etcd = api({"/version": (200, ETCD_VERSION), "POST /v3/kv/range": (200, ETCD_RANGE)})
    closed = api({"/version": (401, {"message": "Unauthorized"}), "POST /v3/kv/range": (401, {})})
    findings = scan(scanner, [open_etcd.port, closed.port])
    assert [(f.check_id, f.evidence["port"], f.evidence["api"]) for f in findings] == [
        ("ports.unauthenticated_mgmt_api", open_etcd.port, "etcd")
    ]
    assert findings[0].evidence["v2_keys_status"] == 404


def test_etcd_key_api_refused_is_silent_even_with_public_version(scanner, api) -> None:
    refused = api(
        {
            "/version": (200, ETCD_VERSION),
            "/v2/keys": (401, {"errorCode": 110, "message": "The request requires user auth"}),
            "POST /v3/kv/range": (401, {"error": "etcdserver: user name is empty", "code": 3}),
        }
    )
    assert scan(scanner, [refused.port]) == []


# --- Kubernetes API server: emulated ---------------------------------------------------------

K8S_VERSION = {
    "major": "1",
    "minor": "30",
    "gitVersion": "v1.30.2",
    "gitCommit": "39683505b630ff2121012f3c5b16215a1449d5ed",
    "platform": "linux/amd64",
}
K8S_API = {
    "kind": "APIVersions",
    "versions": ["v1"],
    "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "10.0.0.1:6443"}],
}
K8S_NAMESPACES = {
    "kind": "NamespaceList",
    "apiVersion": "v1",
    "items": [{"metadata": {"name": name}} for name in ("default", "kube-system", "prod")],
}


def forbidden(path: str) -> tuple[int, dict]:
    """kube-apiserver's answer to an anonymous user RBAC does not allow."""
    return 403, {
        "kind": "Status",
        "apiVersion": "v1",
        "status": "Failure",
        "message": f'forbidden: User "system:anonymous" cannot get path "{path}"',
        "reason": "Forbidden",
        "code": 403,
    }


def test_kubernetes_anonymous_listing_fires_and_public_version_alone_is_silent(
    scanner, api, tmp_path
) -> None:
    pki = make_pki(tmp_path)
    context = server_context(*pki.leaf("apiserver"))
    anonymous_admin = api(
        {
            "/version": (200, K8S_VERSION),
            "/api": (200, K8S_API),
            "/api/v1/namespaces": (200, K8S_NAMESPACES),
        },
        context,
    )
    default_rbac = api(
        {
            "/version": (200, K8S_VERSION),
            "/api": forbidden("/api"),
            "/api/v1/namespaces": (
                403,
                {"kind": "Status", "reason": "Forbidden", "code": 403},
            ),
        },
        context,
    )
    anonymous_disabled = api({"/version": (401, {"kind": "Status", "code": 401})}, context)
    ports = [anonymous_admin.port, default_rbac.port, anonymous_disabled.port]
    findings = scan(scanner, ports)
    assert [(f.check_id, f.evidence["port"]) for f in findings] == [
        ("ports.unauthenticated_mgmt_api", anonymous_admin.port)
    ]
    (finding,) = findings
    evidence = finding.evidence
    assert finding.severity == Severity.CRITICAL
    assert (evidence["api"], evidence["service"], evidence["version"]) == (
        "Kubernetes API",
        "kubernetes",
        "v1.30.2",
    )
    assert evidence["url"] == f"https://127.0.0.1:{anonymous_admin.port}/version"
    # The connect scan's HEAD got Go's answer for plain HTTP on a TLS port; the scan went on
    # over TLS.
    assert "Client sent an HTTP request to an HTTPS server" in evidence["banner"]
    assert (evidence["api_status"], evidence["namespaces_status"]) == (200, 200)
    assert evidence["namespaces"] == 3
    assert "items" not in evidence  # names of the namespaces are not copied


def test_kubernetes_anonymous_discovery_only_is_high(scanner, api) -> None:
    discovery = api(
        {
            "/version": (200, K8S_VERSION),
            "/api": (200, K8S_API),
            "/api/v1/namespaces": forbidden("/api/v1/namespaces"),
        }
    )
    findings = scan(scanner, [discovery.port])
    assert [(f.check_id, f.severity) for f in findings] == [
        ("ports.unauthenticated_mgmt_api", Severity.HIGH)
    ]
    assert findings[0].evidence["answered_without_credentials"] == [
        f"GET http://127.0.0.1:{discovery.port}/api"
    ]
    assert "namespaces" not in findings[0].evidence


def test_kubernetes_namespaces_listed_without_discovery_is_critical(scanner, api) -> None:
    """Anonymous bound to the 'view' role: resources listed, while /api (a non-resource URL
    that role does not grant) stays forbidden."""
    view = api(
        {
            "/version": (200, K8S_VERSION),
            "/api": forbidden("/api"),
            "/api/v1/namespaces": (200, K8S_NAMESPACES),
        }
    )
    findings = scan(scanner, [view.port])
    assert [(f.check_id, f.severity) for f in findings] == [
        ("ports.unauthenticated_mgmt_api", Severity.CRITICAL)
    ]
    assert findings[0].evidence["answered_without_credentials"] == [
        f"GET http://127.0.0.1:{view.port}/api/v1/namespaces"
    ]
    assert (findings[0].evidence["api_status"], findings[0].evidence["namespaces"]) == (403, 3)
