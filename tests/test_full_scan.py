"""A `full` scan through the API of a local target, well configured and then misconfigured.

The target is 127.0.0.1 with servers this test runs: HTTPS (TLS 1.2+, certificate from a test
CA, good headers), HTTP redirecting to it, and, for the misconfigured case, a plaintext site
without any security header, a TLS server with an expired self-signed certificate and an
unauthenticated Redis-like service. The dns and smtp scanners do not scan IP targets: they are
`not_applicable` here (test_scanner_dns.py covers them against a DNS server of its own).
"""

from __future__ import annotations

import socket
import ssl
import threading

import pytest
from support.pki import GOOD_TLS12_CIPHERS, make_pki, server_context
from support.servers import HttpServer, QuietHandler

from cyberorigen.appliance import appliance_of

GOOD_HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}


class Web(HttpServer):
    """An HTTP(S) server on 127.0.0.1 answering every path with ``answer(path)``."""

    def __init__(self, answer, context: ssl.SSLContext | None = None) -> None:
        class Handler(QuietHandler):
            server_version = "web"  # no product version in the Server header
            sys_version = ""

            def do_GET(self):  # noqa: N802 - http.server's naming
                status, headers, body = answer(self.path)
                self.reply(status, body.encode(), headers)

            do_HEAD = do_GET  # noqa: N815

        super().__init__(Handler, context)


class Resp:
    """A Redis-like service answering PING with +PONG, without authentication."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.port = self.socket.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.socket.settimeout(0.2)
        while not self.stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._talk, args=(connection,), daemon=True).start()

    @staticmethod
    def _talk(connection: socket.socket) -> None:
        with connection:
            connection.settimeout(3)
            try:
                while data := connection.recv(1024):
                    if b"PING" in data.upper():
                        connection.sendall(b"+PONG\r\n")
                    else:
                        connection.sendall(b"-ERR unknown command\r\n")
            except OSError:
                pass

    def close(self) -> None:
        self.stop.set()
        self.socket.close()


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    pki = make_pki(tmp_path_factory.mktemp("full-scan-pki"), "Full scan test CA", 1, 365)
    good = pki.leaf("good", days_after=90)
    expired_self_signed = pki.leaf("bad", days_before=40, days_after=-10, self_signed=True)
    return {
        "ca_pem": pki.ca_pem,
        "good": server_context(*good, ciphers=GOOD_TLS12_CIPHERS),
        "bad": server_context(*expired_self_signed, ciphers=GOOD_TLS12_CIPHERS),
    }


@pytest.fixture
def scanning(with_plugins, make_app, make_account, unique_address):
    """An embedded appliance (scans run in-process) and an analyst of an organization whose
    scope is loopback."""
    with_plugins()
    app = make_app(redis=False)
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    analyst = make_account(role="analyst")

    def scan(options: dict) -> tuple[dict, list[dict]]:
        created = client.post(
            "/api/v1/scans",
            json={"target": "127.0.0.1", "scan_type": "full", "options": options},
            headers=analyst.headers,
        )
        assert created.status_code == 201, created.get_json()
        appliance_of(app).jobs.shutdown()  # wait for the in-process run to end
        scan_id = created.get_json()["id"]
        scan = client.get(f"/api/v1/scans/{scan_id}", headers=analyst.headers).get_json()
        findings = client.get(
            f"/api/v1/scans/{scan_id}/findings?per_page=100", headers=analyst.headers
        ).get_json()["items"]
        return scan, findings

    return scan


def test_a_well_configured_target_has_no_findings_above_info(scanning, pki):
    https = Web(
        lambda path: (
            (200, GOOD_HEADERS, "<html><body>ok</body></html>")
            if path != "/.well-known/security.txt"
            else (200, {"Content-Type": "text/plain"}, "Contact: mailto:security@example.com\n")
        ),
        pki["good"],
    )
    http = Web(lambda path: (301, {"Location": f"https://127.0.0.1:{https.port}{path}"}, ""))
    try:
        scan, findings = scanning(
            {
                "http": {
                    "https_port": https.port,
                    "http_port": http.port,
                    "trust_store": pki["ca_pem"],
                },
                "tls": {"ports": [https.port], "trust_store": pki["ca_pem"]},
                "ports": {
                    "ports": f"{https.port},{http.port}",
                    "use_nmap": False,
                    "allowlist": f"{https.port},{http.port}",
                },
            }
        )
    finally:
        https.close()
        http.close()

    runs = {run["scanner"]: run["status"] for run in scan["scanners"]}
    assert runs == {
        "http": "completed",
        "tls": "completed",
        "ports": "completed",
        "dns": "not_applicable",
        "smtp": "not_applicable",
        "ssh": "not_applicable",  # discovery found no SSH service
        "vulns": "not_applicable",  # no service announced its product and version
    }, scan
    assert scan["status"] == "completed"
    assert scan["error"] is None  # a scanner that does not scan IP targets is no error
    above_info = [
        (item["check_id"], item["severity"]) for item in findings if item["severity"] != "info"
    ]
    assert above_info == [], [(i["check_id"], i["severity"], i["evidence"]) for i in findings]


def test_a_misconfigured_target_reports_the_expected_checks(scanning, pki):
    plain = Web(
        lambda path: (
            200,
            {"Content-Type": "text/html", "Server": "Apache/2.4.1"},
            "<html><body>hello</body></html>",
        )
    )
    broken_tls = Web(lambda path: (200, {"Content-Type": "text/html"}, "tls"), pki["bad"])
    redis_like = Resp()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    no_https = closed.getsockname()[1]
    closed.close()
    try:
        scan, findings = scanning(
            {
                "http": {"https_port": no_https, "http_port": plain.port},
                "tls": {"ports": [broken_tls.port]},
                "ports": {
                    "ports": [plain.port, broken_tls.port, redis_like.port],
                    "use_nmap": False,
                    "allowlist": [plain.port, broken_tls.port],
                },
            }
        )
    finally:
        plain.close()
        broken_tls.close()
        redis_like.close()

    assert scan["status"] == "completed", scan
    by_check = {item["check_id"]: item for item in findings}
    expected = {
        "http.no_https",
        "http.server_banner_version",
        "tls.cert.expired",
        "tls.cert.self_signed",
        "ports.database_exposed",
        "ports.unexpected_open",
    }
    assert expected <= set(by_check), sorted(by_check)
    for check_id in expected:
        finding = by_check[check_id]
        assert finding["evidence"], check_id
        assert finding["remediation"], check_id
        assert SEVERITY_RANK[finding["severity"]] >= SEVERITY_RANK["low"], check_id
    assert "Apache/2.4.1" in str(by_check["http.server_banner_version"]["evidence"])
    assert by_check["ports.database_exposed"]["location"] == f"127.0.0.1:{redis_like.port}/tcp"
