"""The HTTP security-headers scanner against real HTTP and HTTPS servers on 127.0.0.1.

The HTTPS server's certificate is issued by a throw-away CA (``support.pki``); its PEM
reaches the scanner through the ``trust_store`` option. Every test starts from a
well-configured site and changes one thing, so each check is seen firing and staying silent.
"""

from __future__ import annotations

import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import marshmallow as ma
import pytest
from support.pki import make_pki, server_context

from cyberorigen.plugin_api import Finding, ScanCancelled, ScanContext, Scanner, Target
from cyberorigen.plugin_api.testing import (
    assert_well_formed,
    check_ids,
    run_scanner,
    validated_options,
)
from cyberorigen.plugins import http as http_plugin
from cyberorigen.plugins.http.scanner import (
    CertificateNotTrusted,
    HttpScanner,
    TargetUnreachable,
)

# --- a test PKI -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pki:
    ca_pem: str
    cert_file: str
    key_file: str

    def server_context(self) -> ssl.SSLContext:
        return server_context(self.cert_file, self.key_file)


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Pki:
    ca = make_pki(tmp_path_factory.mktemp("pki"), "CyberOrigen test CA", 1, 1)
    cert_file, key_file = ca.leaf("leaf", days_before=1 / 24, days_after=1)  # from an hour ago
    return Pki(ca.ca_pem, cert_file, key_file)


# --- servers with chosen answers --------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: str = ""


Route = Reply | Callable[[SimpleHTTPRequestHandler], Reply]


class Handler(SimpleHTTPRequestHandler):
    """Answers from ``server.routes`` (exact path); else serves ``server.directory`` with
    http.server's own listing when one is set; else ``server.fallback``."""

    server: ScriptedServer

    def __init__(self, request, client_address, server) -> None:
        self._banner = "test-server"
        directory = server.directory or os.getcwd()
        super().__init__(request, client_address, server, directory=directory)

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers)))
        route = self.server.routes.get(self.path)
        if route is None and self.server.directory:
            super().do_GET()
            return
        if route is None:
            route = self.server.fallback
        reply = route(self) if callable(route) else route
        body = reply.body.encode()
        for name, value in reply.headers:
            if name.lower() == "server":
                self._banner = value
        self.send_response(reply.status)
        for name, value in reply.headers:
            if name.lower() != "server":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def version_string(self) -> str:
        return self._banner

    def log_message(self, format, *args) -> None:
        pass


NOT_FOUND = Reply(404, [("Content-Type", "text/plain")], "not found")


class ScriptedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.tls = tls
        self.port = self.server_address[1]
        self.reset()
        self.thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def reset(self) -> None:
        self.routes: dict[str, Route] = {}
        self.fallback: Route = NOT_FOUND
        self.directory: str | None = None
        self.requests: list[tuple[str, dict[str, str]]] = []

    def finish_request(self, request, client_address) -> None:
        """The TLS handshake happens here, in the request's own thread."""
        if self.tls is None:
            super().finish_request(request, client_address)
            return
        try:
            connection = self.tls.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return  # a client that gave up, or did not trust us: its side reports it
        try:
            self.RequestHandlerClass(connection, client_address, self)
        finally:
            connection.close()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


@pytest.fixture(scope="module")
def servers(pki) -> Iterator[tuple[ScriptedServer, ScriptedServer]]:
    https, http = ScriptedServer(pki.server_context()), ScriptedServer()
    yield https, http
    https.stop()
    http.stop()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- a well-configured site, changed one thing at a time --------------------------------------

GOOD_HEADERS: dict[str, str] = {
    "Content-Type": "text/html; charset=utf-8",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Set-Cookie": "__Host-session=4f9c2a7e1b; Path=/; Secure; HttpOnly; SameSite=Lax",
    "Server": "nginx",
}

#: Same-origin scripts without integrity, and plaintext links and images (passive content):
#: none of them is a finding.
GOOD_BODY = """<!doctype html>
<html><head><title>Welcome</title>
<script src="/static/app.js"></script>
<link rel="stylesheet" href="/static/site.css">
</head><body><h1>Welcome</h1>
<a href="http://example.com/">a plaintext link</a>
<img src="http://example.com/logo.png" alt="">
</body></html>"""

SECURITY_TXT = Reply(
    200,
    [("Content-Type", "text/plain")],
    "Contact: mailto:security@example.com\nExpires: 2030-01-01T00:00:00.000Z\n",
)


def page(
    *,
    without: tuple[str, ...] = (),
    replace: dict[str, str] | None = None,
    add: tuple[tuple[str, str], ...] = (),
    body: str = GOOD_BODY,
    status: int = 200,
) -> Reply:
    """The well-configured page with headers removed, replaced or added."""
    replace = replace or {}
    headers = [
        (name, replace.get(name, value))
        for name, value in GOOD_HEADERS.items()
        if name not in without
    ]
    headers += [(name, value) for name, value in replace.items() if name not in GOOD_HEADERS]
    return Reply(status, headers + list(add), body)


@dataclass
class Site:
    https: ScriptedServer
    http: ScriptedServer
    ca_pem: str

    def options(self, **extra) -> dict:
        return {
            "https_port": self.https.port,
            "http_port": self.http.port,
            "trust_store": self.ca_pem,
            "timeout": 5,
            **extra,
        }

    def scan(self, target: str = "127.0.0.1", **options) -> list[Finding]:
        return run_scanner(HttpScanner(), target, self.options(**options), timeout=20)

    def https_url(self, path: str = "/") -> str:
        return f"https://127.0.0.1:{self.https.port}{path}"

    def http_url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.http.port}{path}"


@pytest.fixture
def site(servers, pki) -> Site:
    https, http = servers
    https.reset()
    http.reset()
    https.routes["/"] = page()
    https.routes["/.well-known/security.txt"] = SECURITY_TXT

    def to_https(handler: SimpleHTTPRequestHandler) -> Reply:
        return Reply(301, [("Location", f"https://127.0.0.1:{https.port}{handler.path}")])

    http.fallback = to_https
    return Site(https, http, pki.ca_pem)


def only(findings: list[Finding], check_id: str) -> Finding:
    matching = [finding for finding in findings if finding.check_id == check_id]
    assert len(matching) == 1, f"{check_id}: {[(f.check_id, f.location) for f in findings]}"
    return matching[0]


# --- the whole site ---------------------------------------------------------------------------


def test_a_well_configured_site_has_no_findings(site):
    findings = site.scan()

    assert findings == []
    paths_requested = [path for path, _ in site.https.requests]
    assert paths_requested == ["/", "/.well-known/security.txt"]
    assert [path for path, _ in site.http.requests] == ["/"]


def test_a_url_target_is_scanned_at_its_own_port_and_path(site):
    site.https.routes["/app?x=1"] = page(without=("X-Content-Type-Options",))

    findings = run_scanner(
        HttpScanner(),
        site.https_url("/app?x=1"),
        {"http_port": site.http.port, "trust_store": site.ca_pem},
    )

    assert only(findings, "http.xcto_missing").location == site.https_url("/app?x=1")
    assert check_ids(findings) == {"http.xcto_missing"}


def test_every_path_given_is_examined(site):
    site.https.routes["/admin"] = page(without=("Content-Security-Policy",))

    findings = site.scan(paths=["/", "/admin"])

    assert only(findings, "http.csp_missing").location == site.https_url("/admin")
    assert {path for path, _ in site.http.requests} == {"/", "/admin"}


def test_an_unreachable_target_raises_instead_of_passing(site):
    https_port, http_port = closed_port(), closed_port()

    with pytest.raises(TargetUnreachable) as raised:
        site.scan(https_port=https_port, http_port=http_port)

    message = str(raised.value)
    assert f"cannot connect to 127.0.0.1:{https_port}" in message
    assert "connection refused" in message
    assert f"127.0.0.1:{http_port}" in message


def test_an_untrusted_certificate_is_examined_and_an_error_only_when_verifying(site):
    with pytest.raises(CertificateNotTrusted, match="trust_store"):
        run_scanner(
            HttpScanner(), "127.0.0.1", site.options(trust_store=None, verify_tls=True)
        )

    findings = run_scanner(
        HttpScanner(), "127.0.0.1", site.options(trust_store=None, verify_tls=False)
    )
    assert findings == []
    by_default = run_scanner(HttpScanner(), "127.0.0.1", site.options(trust_store=None))
    assert by_default == []  # examined whatever the certificate (the tls scanner judges it)


def test_a_cancelled_scan_stops_before_its_first_request(site):
    ctx = ScanContext(
        target=Target.parse("127.0.0.1"),
        options=validated_options(HttpScanner(), site.options()),
        deadline=time.monotonic() + 30,
        is_cancelled=lambda: True,
    )

    with pytest.raises(ScanCancelled):
        list(HttpScanner().run(ctx))
    assert site.https.requests == [] and site.http.requests == []


def test_progress_is_reported_up_to_done(site):
    reported: list[tuple[int, str]] = []
    ctx = ScanContext(
        target=Target.parse("127.0.0.1"),
        options=validated_options(HttpScanner(), site.options()),
        deadline=time.monotonic() + 30,
        report_progress=lambda percent, step: reported.append((percent, step)),
    )

    list(HttpScanner().run(ctx))

    percents = [percent for percent, _ in reported]
    assert percents == sorted(percents) and percents[-1] == 100
    assert any(step.startswith("GET https://127.0.0.1") for _, step in reported)


# --- transport --------------------------------------------------------------------------------


def test_no_https_fires_when_only_plaintext_answers(site):
    site.http.routes["/"] = page(without=("Strict-Transport-Security",))
    port = closed_port()

    findings = site.scan(https_port=port)

    finding = only(findings, "http.no_https")
    assert finding.location == site.http_url("/")
    assert finding.evidence["https_error"] == "connection refused"
    assert finding.evidence["http_status"] == 200
    # No redirect is possible without HTTPS, and HSTS means nothing over plaintext.
    assert "http.no_https_redirect" not in check_ids(findings)
    assert "http.hsts_missing" not in check_ids(findings)
    assert "http.cookie_missing_secure" not in check_ids(findings)


def test_no_https_fires_when_the_https_port_does_not_speak_tls(site):
    site.http.routes["/"] = page()

    findings = site.scan(https_port=site.http.port)

    assert "TLS handshake failed" in only(findings, "http.no_https").evidence["https_error"]


def test_no_https_is_silent_when_https_answers(site):
    assert "http.no_https" not in check_ids(site.scan())


def test_no_https_redirect_fires_when_plaintext_serves_the_page(site):
    site.http.routes["/"] = page()

    finding = only(site.scan(), "http.no_https_redirect")

    assert finding.location == site.http_url("/")
    assert finding.evidence["status"] == 200
    assert finding.evidence["location"] == "absent"


def test_no_https_redirect_fires_when_the_redirect_stays_on_plaintext(site):
    site.http.routes["/"] = Reply(302, [("Location", "/home")])
    site.http.routes["/home"] = page()

    finding = only(site.scan(), "http.no_https_redirect")

    assert [hop["status"] for hop in finding.evidence["responses"]] == [302, 200]


def test_no_https_redirect_is_silent_when_a_plaintext_hop_ends_on_https(site):
    site.http.routes["/"] = Reply(301, [("Location", "/index")])
    site.http.routes["/index"] = Reply(308, [("Location", site.https_url("/"))])

    assert "http.no_https_redirect" not in check_ids(site.scan())


def test_no_https_redirect_is_silent_when_nothing_listens_in_plaintext(site):
    assert site.scan(http_port=closed_port()) == []


# --- HSTS -------------------------------------------------------------------------------------


def test_hsts_missing_fires_without_the_header(site):
    site.https.routes["/"] = page(without=("Strict-Transport-Security",))

    finding = only(site.scan(), "http.hsts_missing")

    assert finding.location == site.https_url("/")
    assert finding.evidence["value"] == "absent"


def test_hsts_missing_fires_when_the_header_has_no_max_age(site):
    site.https.routes["/"] = page(replace={"Strict-Transport-Security": "includeSubDomains"})

    assert only(site.scan(), "http.hsts_missing").evidence["value"] == "includeSubDomains"


def test_hsts_missing_is_silent_with_hsts(site):
    assert "http.hsts_missing" not in check_ids(site.scan())


def test_hsts_short_max_age_fires_below_180_days(site):
    site.https.routes["/"] = page(replace={"Strict-Transport-Security": "max-age=86400"})

    findings = site.scan()

    assert only(findings, "http.hsts_short_max_age").evidence["max_age"] == 86400
    assert "http.hsts_missing" not in check_ids(findings)


def test_hsts_short_max_age_is_silent_at_180_days(site):
    site.https.routes["/"] = page(replace={"Strict-Transport-Security": "max-age=15552000"})

    assert site.scan() == []


# --- CSP and framing --------------------------------------------------------------------------


def test_csp_missing_fires_when_only_a_report_only_policy_is_sent(site):
    site.https.routes["/"] = page(
        without=("Content-Security-Policy",),
        add=(("Content-Security-Policy-Report-Only", "default-src 'self'"),),
    )

    finding = only(site.scan(), "http.csp_missing")

    assert finding.evidence["value"] == "absent"
    assert finding.evidence["report_only"] == "default-src 'self'"


def test_csp_missing_is_silent_with_a_meta_policy(site):
    body = GOOD_BODY.replace(
        "<head>",
        '<head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">',
    )
    site.https.routes["/"] = page(
        without=("Content-Security-Policy",), add=(("X-Frame-Options", "DENY"),), body=body
    )

    assert site.scan() == []


@pytest.mark.parametrize(
    ("policy", "issue"),
    [
        ("default-src 'self'; script-src 'self' 'unsafe-inline'", "'unsafe-inline'"),
        ("default-src 'self' 'unsafe-eval'", "'unsafe-eval'"),
        ("default-src *", "wildcard source"),
        ("default-src 'self'; script-src 'self' https:", "wildcard source"),
        ("img-src 'self'; style-src 'self'", "no script-src or default-src"),
    ],
)
def test_csp_unsafe_fires_for_unsafe_script_sources(site, policy, issue):
    site.https.routes["/"] = page(
        replace={"Content-Security-Policy": policy + "; frame-ancestors 'none'"}
    )

    finding = only(site.scan(), "http.csp_unsafe")

    assert any(item.startswith(issue) for item in finding.evidence["issues"])
    assert finding.evidence["policies"] == [policy + "; frame-ancestors 'none'"]


@pytest.mark.parametrize(
    "policy",
    [
        "script-src 'nonce-r4nd0m' 'unsafe-inline' 'strict-dynamic' https:; frame-ancestors 'self'",
        # Two policies are both enforced: the strict one wins.
        "default-src *, script-src 'self'; frame-ancestors 'none'",
    ],
)
def test_csp_unsafe_is_silent_when_scripts_are_restricted(site, policy):
    site.https.routes["/"] = page(replace={"Content-Security-Policy": policy})

    assert site.scan() == []


@pytest.mark.parametrize(
    ("policy", "frame_options"),
    [
        ("default-src 'self'", None),
        ("default-src 'self'", "ALLOW-FROM https://partner.example"),
        ("default-src 'self'; frame-ancestors *", None),
    ],
)
def test_clickjacking_fires_without_an_effective_framing_rule(site, policy, frame_options):
    extra = (("X-Frame-Options", frame_options),) if frame_options else ()
    site.https.routes["/"] = page(replace={"Content-Security-Policy": policy}, add=extra)

    finding = only(site.scan(), "http.clickjacking_unprotected")

    assert finding.evidence["x_frame_options"] == (frame_options or "absent")


def test_clickjacking_is_silent_with_x_frame_options_alone(site):
    site.https.routes["/"] = page(
        replace={"Content-Security-Policy": "default-src 'self'"},
        add=(("X-Frame-Options", "SAMEORIGIN"),),
    )

    assert site.scan() == []


def test_clickjacking_is_not_judged_on_non_html_responses(site):
    site.https.routes["/"] = page(
        without=("Content-Security-Policy",),
        replace={"Content-Type": "application/json"},
        body='{"ok": true}',
    )

    assert site.scan() == []


# --- other headers ----------------------------------------------------------------------------


def test_xcto_missing_fires_without_nosniff(site):
    site.https.routes["/"] = page(without=("X-Content-Type-Options",))

    assert only(site.scan(), "http.xcto_missing").evidence["value"] == "absent"


def test_xcto_missing_is_silent_with_nosniff(site):
    assert "http.xcto_missing" not in check_ids(site.scan())


@pytest.mark.parametrize("value", [None, "unsafe-url", "no-referrer-when-downgrade", "origin"])
def test_referrer_policy_fires_when_missing_or_unsafe(site, value):
    if value is None:
        site.https.routes["/"] = page(without=("Referrer-Policy",))
    else:
        site.https.routes["/"] = page(replace={"Referrer-Policy": value})

    finding = only(site.scan(), "http.referrer_policy_unsafe")

    assert finding.severity == "info"
    assert finding.evidence["effective_policy"] == (value or "absent")


def test_referrer_policy_is_silent_when_the_last_known_token_is_strict(site):
    site.https.routes["/"] = page(
        replace={"Referrer-Policy": "unsafe-url, no-such-policy, strict-origin"}
    )

    assert site.scan() == []


@pytest.mark.parametrize(
    ("header", "value"),
    [("Server", "nginx/1.18.0 (Ubuntu)"), ("X-Powered-By", "PHP/8.1.2")],
)
def test_server_banner_version_fires_for_a_version_number(site, header, value):
    site.https.routes["/"] = page(add=((header, value),))

    finding = only(site.scan(), "http.server_banner_version")

    assert finding.location == f"https://127.0.0.1:{site.https.port} header {header}"
    assert finding.evidence["value"] == value


def test_server_banner_version_is_silent_for_a_bare_product_name(site):
    site.https.routes["/"] = page(add=(("X-Powered-By", "Express"),))

    assert site.scan() == []


# --- cookies ----------------------------------------------------------------------------------


def test_cookie_missing_secure_fires_for_a_cookie_set_over_https(site):
    site.https.routes["/"] = page(
        replace={"Set-Cookie": "session=s3cr3tvalue; Path=/; HttpOnly; SameSite=Lax"}
    )

    finding = only(site.scan(), "http.cookie_missing_secure")

    assert finding.location == f"{site.https_url('/')} cookie session"
    assert finding.evidence["set_cookie"] == (
        "session=<redacted, 11 characters>; Path=/; HttpOnly; SameSite=Lax"
    )
    assert "s3cr3tvalue" not in repr(finding.evidence)


def test_cookie_missing_secure_is_silent_for_plaintext_and_deleted_cookies(site):
    site.http.routes["/"] = Reply(
        301,
        [
            ("Location", site.https_url("/")),
            ("Set-Cookie", "visited=1; Path=/; SameSite=Lax"),
        ],
    )
    site.https.routes["/"] = page(
        add=(("Set-Cookie", "old_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"),)
    )

    assert site.scan() == []


def test_cookie_missing_httponly_fires_for_a_session_cookie(site):
    site.https.routes["/"] = page(
        replace={"Set-Cookie": "JSESSIONID=ab12; Path=/app; Secure; SameSite=Strict"}
    )

    finding = only(site.scan(), "http.cookie_missing_httponly")

    assert finding.location == f"{site.https_url('/app')} cookie JSESSIONID"


def test_cookie_missing_httponly_is_silent_for_other_cookies(site):
    site.https.routes["/"] = page(
        add=(
            ("Set-Cookie", "theme=dark; Path=/; Secure; SameSite=Lax"),
            ("Set-Cookie", "csrftoken=x1y2; Path=/; Secure; SameSite=Strict"),
        )
    )

    assert site.scan() == []


def test_cookie_missing_samesite_fires_per_cookie(site):
    site.https.routes["/"] = page(
        add=(
            ("Set-Cookie", "theme=dark; Path=/; Secure"),
            ("Set-Cookie", "lang=en; Path=/; Secure; SameSite=Sometimes"),
        )
    )

    findings = [f for f in site.scan() if f.check_id == "http.cookie_missing_samesite"]

    assert sorted(f.evidence["cookie"] for f in findings) == ["lang", "theme"]


def test_cookie_missing_samesite_is_silent_with_samesite(site):
    assert "http.cookie_missing_samesite" not in check_ids(site.scan())


# --- page contents ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "element",
    [
        '<script src="http://cdn.example/lib.js" integrity="sha384-x"></script>',
        '<link rel="stylesheet" href="http://cdn.example/site.css">',
        '<iframe src="http://widgets.example/frame"></iframe>',
    ],
)
def test_mixed_content_fires_for_active_content_over_http(site, element):
    site.https.routes["/"] = page(body=GOOD_BODY.replace("</body>", element + "</body>"))

    finding = only(site.scan(), "http.mixed_content")

    assert finding.evidence["insecure_resources"][0]["url"].startswith("http://")


def test_mixed_content_is_silent_with_upgrade_insecure_requests(site):
    policy = GOOD_HEADERS["Content-Security-Policy"] + "; upgrade-insecure-requests"
    body = GOOD_BODY.replace("</body>", '<link rel="stylesheet" href="http://x.example/a.css">')
    site.https.routes["/"] = page(replace={"Content-Security-Policy": policy}, body=body)

    assert site.scan() == []


def test_mixed_content_is_silent_for_plain_links_and_images(site):
    assert "http.mixed_content" not in check_ids(site.scan())


def test_sri_missing_fires_for_a_third_party_script_without_integrity(site):
    body = GOOD_BODY.replace("</head>", '<script src="https://cdn.example/lib.js"></script></head>')
    site.https.routes["/"] = page(body=body)

    finding = only(site.scan(), "http.sri_missing_external_scripts")

    assert finding.evidence["scripts"] == ["https://cdn.example/lib.js"]


def test_sri_missing_is_silent_with_integrity_or_for_same_origin_scripts(site):
    body = GOOD_BODY.replace(
        "</head>",
        '<script src="https://cdn.example/lib.js" integrity="sha384-abc" '
        'crossorigin="anonymous"></script>'
        f'<script src="https://127.0.0.1:{site.https.port}/own.js"></script></head>',
    )
    site.https.routes["/"] = page(body=body)

    assert site.scan() == []


def test_directory_listing_fires_for_python_http_server_listing(site, tmp_path):
    (tmp_path / "backup.sql").write_text("-- dump")
    del site.https.routes["/"]
    site.https.directory = str(tmp_path)

    findings = site.scan()

    finding = only(findings, "http.directory_listing")
    assert finding.evidence["title"].startswith("Directory listing for /")


def test_directory_listing_fires_for_an_apache_style_index(site):
    site.https.routes["/files/"] = page(
        body="<html><head><title>Index of /files</title></head><body>"
        '<h1>Index of /files</h1><a href="db.bak">db.bak</a></body></html>'
    )

    finding = only(site.scan(paths=["/files/"]), "http.directory_listing")

    assert finding.location == site.https_url("/files/")


def test_directory_listing_is_silent_for_an_ordinary_page(site):
    assert "http.directory_listing" not in check_ids(site.scan())


# --- CORS -------------------------------------------------------------------------------------


def reflect_origin(handler: SimpleHTTPRequestHandler) -> Reply:
    return page(
        add=(
            ("Access-Control-Allow-Origin", handler.headers.get("Origin", "")),
            ("Access-Control-Allow-Credentials", "true"),
        )
    )


@pytest.mark.parametrize(
    "route",
    [
        reflect_origin,
        page(
            add=(
                ("Access-Control-Allow-Origin", "*"),
                ("Access-Control-Allow-Credentials", "true"),
            )
        ),
    ],
    ids=["reflected", "wildcard-with-credentials"],
)
def test_cors_permissive_fires(site, route):
    site.https.routes["/"] = route

    finding = only(site.scan(), "http.cors_permissive")

    assert finding.severity == "high"
    assert finding.evidence["request_origin"] == "https://evil.example"
    assert finding.evidence["access_control_allow_credentials"] == "true"


@pytest.mark.parametrize(
    "allowed", ["*", "https://app.example"], ids=["wildcard-alone", "fixed-origin"]
)
def test_cors_permissive_is_silent(site, allowed):
    site.https.routes["/"] = page(add=(("Access-Control-Allow-Origin", allowed),))

    assert site.scan() == []
    assert site.https.requests[0][1]["Origin"] == "https://evil.example"


# --- security.txt -----------------------------------------------------------------------------


def test_security_txt_missing_fires_on_404(site):
    del site.https.routes["/.well-known/security.txt"]

    finding = only(site.scan(), "http.security_txt_missing")

    assert finding.location == site.https_url("/.well-known/security.txt")
    assert finding.evidence["status"] == 404


def test_security_txt_missing_fires_without_a_contact_field(site):
    site.https.routes["/.well-known/security.txt"] = Reply(
        200, [("Content-Type", "text/plain")], "Expires: 2030-01-01T00:00:00.000Z\n"
    )

    assert only(site.scan(), "http.security_txt_missing").evidence["problem"] == (
        "no Contact: field"
    )


def test_security_txt_missing_is_silent_with_a_contact(site):
    assert "http.security_txt_missing" not in check_ids(site.scan())


# --- declarations and options -----------------------------------------------------------------


def test_the_scanner_is_well_formed_and_provided_by_the_plugin():
    assert_well_formed(HttpScanner())
    assert http_plugin.PLUGIN_API == "~=1.0"
    provided = http_plugin.cyberorigen_scanners()
    assert [type(item) for item in provided] == [HttpScanner]
    assert isinstance(provided[0], Scanner) and provided[0].name == "http"


def test_every_check_is_documented():
    for check in HttpScanner().checks:
        assert check.references and all(ref.startswith("https://") for ref in check.references)
        assert "location" in check.fingerprint
    assert "http.outdated_software" not in {check.id for check in HttpScanner().checks}


@pytest.mark.parametrize(
    "options",
    [
        {"port": 0},
        {"https_port": 70000},
        {"http_port": "80"},
        {"timeout": 0},
        {"paths": ["no-leading-slash"]},
        {"paths": []},
        {"trust_store": "not a certificate"},
        {"unknown": 1},
    ],
)
def test_bad_options_are_rejected(options):
    with pytest.raises(ma.ValidationError):
        validated_options(HttpScanner(), options)


def test_options_have_defaults():
    loaded = validated_options(HttpScanner(), {"port": 8443})

    assert loaded["port"] == 8443
    assert loaded["timeout"] == 10
    assert loaded["verify_tls"] is False
