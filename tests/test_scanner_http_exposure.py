"""The http scanner's exposed-file, HTTP-method and crawl checks against real HTTP and HTTPS
servers on 127.0.0.1.

The servers and the well-configured site are those of ``test_scanner_http``; here they also
answer TRACE and OPTIONS, and exposed files are real files served from a temporary directory
by http.server. Each check is seen firing on a server that really exposes it and staying
silent on a well-configured one, and the exposed-file checks on catch-all servers that answer
200 to every path.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import time
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import marshmallow as ma
import pytest
from support.pki import make_pki
from test_scanner_http import (
    GOOD_BODY,
    SECURITY_TXT,
    Handler,
    Pki,
    Reply,
    Route,
    ScriptedServer,
    Site,
    only,
    page,
)

from cyberorigen.plugin_api import ScanCancelled, ScanContext, Target
from cyberorigen.plugin_api.testing import check_ids, run_scanner, validated_options
from cyberorigen.plugins.http.checks import CHECKS
from cyberorigen.plugins.http.scanner import HttpScanner

EXPOSURE_CHECKS = {"http.git_exposed", "http.env_exposed", "http.backup_exposed"}
METHOD_CHECKS = {"http.trace_enabled", "http.put_delete_allowed"}
NEW_CHECKS = EXPOSURE_CHECKS | METHOD_CHECKS
PROBED_FILES = {
    "/.git/HEAD",
    "/.git/config",
    "/.env",
    "/backup.zip",
    "/backup.tar.gz",
    "/site.zip",
    "/db.sql",
    "/index.php.bak",
    "/.DS_Store",
}

# --- servers that also answer TRACE and OPTIONS -----------------------------------------------

#: A method route that closes the connection without answering.
DROP = "drop"


class MethodsHandler(Handler):
    """``Handler``, answering TRACE and OPTIONS from ``server.methods`` (method name to a
    route); a method without one gets http.server's own 501."""

    server: MethodsServer

    def do_TRACE(self) -> None:  # noqa: N802 - http.server's naming
        self._answer_method("TRACE")

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self._answer_method("OPTIONS")

    def _answer_method(self, method: str) -> None:
        self.server.methods_seen.append((method, self.path))
        route = self.server.methods.get(method)
        if route is None:
            self.send_error(501, f"Unsupported method ({method!r})")
            return
        if route == DROP:
            self.close_connection = True
            return
        reply = route(self) if callable(route) else route
        body = reply.body.encode()
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class MethodsServer(ScriptedServer):
    def __init__(self, tls=None) -> None:
        super().__init__(tls)
        self.RequestHandlerClass = MethodsHandler

    def reset(self) -> None:
        super().reset()
        self.methods: dict[str, Route | str] = {}
        self.methods_seen: list[tuple[str, str]] = []


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Pki:
    ca = make_pki(tmp_path_factory.mktemp("pki"), "CyberOrigen test CA", 1, 1)
    cert_file, key_file = ca.leaf("leaf", days_before=1 / 24, days_after=1)  # from an hour ago
    return Pki(ca.ca_pem, cert_file, key_file)


@pytest.fixture(scope="module")
def servers(pki) -> Iterator[tuple[MethodsServer, MethodsServer]]:
    https, http = MethodsServer(pki.server_context()), MethodsServer()
    yield https, http
    https.stop()
    http.stop()


#: TRACE refused and only read methods offered, as a well-configured server does.
TRACE_REFUSED = Reply(405, [("Allow", "GET, HEAD, OPTIONS"), ("Content-Type", "text/plain")])
READ_ONLY_OPTIONS = Reply(204, [("Allow", "GET, HEAD, OPTIONS")])


@pytest.fixture
def site(servers, pki) -> Site:
    """The well-configured site of ``test_scanner_http``, refusing TRACE and offering only
    GET, HEAD and OPTIONS."""
    https, http = servers
    https.reset()
    http.reset()
    https.routes["/"] = page()
    https.routes["/.well-known/security.txt"] = SECURITY_TXT
    https.methods["TRACE"] = TRACE_REFUSED
    https.methods["OPTIONS"] = READ_ONLY_OPTIONS

    def to_https(handler: SimpleHTTPRequestHandler) -> Reply:
        return Reply(301, [("Location", f"https://127.0.0.1:{https.port}{handler.path}")])

    http.fallback = to_https
    return Site(https, http, pki.ca_pem)


def serve_files(site: Site, folder: Path, files: dict[str, bytes | str]) -> None:
    """Serve ``folder`` (with ``files`` written into it) over HTTPS, '/' staying the page."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content)
        else:
            path.write_bytes(content)
    site.https.directory = str(folder)


def requested(server: ScriptedServer) -> list[str]:
    return [path for path, _ in server.requests]


def probe(site: Site, **options) -> list:
    return site.scan(probe_exposed_files=True, **options)


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.php", "<?php echo 'hello';")
    return buffer.getvalue()


def tar_gz_bytes() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = b"<?php echo 'hello';"
        member = tarfile.TarInfo("index.php")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))
    return buffer.getvalue()


SQL_DUMP = (
    "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n"
    "CREATE TABLE `users` (`id` int, `password_hash` varchar(255));\n"
    "INSERT INTO `users` VALUES (1,'$2y$10$abcdefghijklmnopqrstuv');\n"
)
DS_STORE = b"\x00\x00\x00\x01Bud1" + b"\x00" * 56


# --- .git -------------------------------------------------------------------------------------


def test_git_exposed_fires_for_a_served_git_head(site, tmp_path):
    serve_files(site, tmp_path, {".git/HEAD": "ref: refs/heads/main\n"})

    finding = only(probe(site), "http.git_exposed")

    assert finding.severity == "high"
    assert finding.location == site.https_url("/.git/")
    assert finding.evidence["url"] == site.https_url("/.git/HEAD")
    assert finding.evidence["status"] == 200
    assert finding.evidence["head"] == "ref: refs/heads/main"
    assert "/.git/config" not in requested(site.https)  # HEAD proved it already


def test_git_exposed_fires_for_a_config_when_head_proves_nothing(site, tmp_path):
    config = (
        "[core]\n\trepositoryformatversion = 0\n\tbare = false\n"
        '[remote "origin"]\n\turl = https://deploy:ghp_s3cr3tT0ken@git.example/site.git\n'
    )
    serve_files(site, tmp_path, {".git/config": config})

    finding = only(probe(site), "http.git_exposed")

    assert finding.location == site.https_url("/.git/")
    assert finding.evidence["url"] == site.https_url("/.git/config")
    assert "[core]" in finding.evidence["signature"]
    assert "ghp_s3cr3tT0ken" not in repr(finding.evidence)


def test_git_exposed_is_silent_without_a_repository(site):
    findings = probe(site)

    assert findings == []
    assert {"/.git/HEAD", "/.git/config"} <= set(requested(site.https))


# --- .env -------------------------------------------------------------------------------------


def test_env_exposed_is_critical_with_secrets_and_masks_every_value(site, tmp_path):
    dotenv = (
        "# production settings\n"
        "APP_NAME=shop\n"
        "DB_PASSWORD=hunter2hunter2\n"
        'export STRIPE_SECRET_KEY="sk_live_abcdef"\n'
        "DEBUG=\n"
    )
    serve_files(site, tmp_path, {".env": dotenv})

    finding = only(probe(site), "http.env_exposed")

    assert finding.severity == "critical"
    assert finding.location == site.https_url("/.env")
    assert finding.evidence["secret_names"] == ["DB_PASSWORD", "STRIPE_SECRET_KEY"]
    assert finding.evidence["variables"] == [
        "APP_NAME=<redacted, 4 characters>",
        "DB_PASSWORD=<redacted, 14 characters>",
        "STRIPE_SECRET_KEY=<redacted, 14 characters>",
        "DEBUG=",
    ]
    for secret in ("hunter2", "sk_live", "shop"):
        assert secret not in repr(finding.evidence)


def test_env_exposed_is_high_without_secret_variables(site, tmp_path):
    serve_files(site, tmp_path, {".env": "APP_ENV=production\nLOG_LEVEL=info\n"})

    finding = only(probe(site), "http.env_exposed")

    assert finding.severity == "high"
    assert finding.evidence["secret_names"] == []


def test_env_exposed_is_silent_for_a_file_that_is_not_key_value_lines(site, tmp_path):
    serve_files(site, tmp_path, {".env": "This directory holds the virtualenv.\nSee README.\n"})

    assert probe(site) == []


# --- backups ----------------------------------------------------------------------------------


def test_backup_exposed_fires_for_each_archive_and_dump_served(site, tmp_path):
    serve_files(
        site,
        tmp_path,
        {
            "backup.zip": zip_bytes(),
            "backup.tar.gz": tar_gz_bytes(),
            "db.sql": SQL_DUMP,
            "index.php.bak": "<?php\n$db_password = 'not-in-evidence';\n",
            ".DS_Store": DS_STORE,
            "site.zip": "<html><body>not an archive</body></html>",
        },
    )

    findings = [f for f in probe(site) if f.check_id == "http.backup_exposed"]

    by_location = {finding.location: finding for finding in findings}
    assert set(by_location) == {
        site.https_url(path)
        for path in ("/backup.zip", "/backup.tar.gz", "/db.sql", "/index.php.bak", "/.DS_Store")
    }
    assert all(finding.severity == "high" for finding in findings)
    assert (
        by_location[site.https_url("/backup.zip")].evidence["first_bytes"].startswith("50 4b 03 04")
    )
    assert by_location[site.https_url("/backup.tar.gz")].evidence["first_bytes"].startswith("1f 8b")
    assert by_location[site.https_url("/db.sql")].evidence["signature"] == "SQL dump text"
    assert "not-in-evidence" not in repr(by_location[site.https_url("/index.php.bak")].evidence)
    assert "$2y$10$" not in repr(by_location[site.https_url("/db.sql")].evidence)


def test_backup_exposed_is_silent_for_files_without_the_content_their_name_promises(site, tmp_path):
    serve_files(
        site,
        tmp_path,
        {
            "backup.zip": "coming soon",
            "backup.tar.gz": gzip.compress(b"x")[2:],  # the magic bytes cut off
            "db.sql": "SELECT 1;\n",
            "index.php.bak": "<html><body>backup of the home page</body></html>",
        },
    )

    assert probe(site) == []


# --- exposed files: off by default, silent on catch-all servers -------------------------------


def test_exposed_files_are_not_probed_by_default_and_their_checks_say_so(site, tmp_path):
    serve_files(site, tmp_path, {".env": "DB_PASSWORD=hunter2\n", ".git/HEAD": "ref: refs/x\n"})
    not_examined: dict[str, str] = {}

    findings = run_scanner(
        HttpScanner(), "127.0.0.1", site.options(), timeout=20, not_examined=not_examined
    )

    assert check_ids(findings) & EXPOSURE_CHECKS == set()
    assert not PROBED_FILES & set(requested(site.https))
    assert set(not_examined) == EXPOSURE_CHECKS
    assert "probe_exposed_files" in not_examined["http.env_exposed"]


def test_the_probes_are_bounded(site):
    probe(site)

    extra = [
        path for path in requested(site.https) if path not in ("/", "/.well-known/security.txt")
    ]
    assert set(extra) - PROBED_FILES == {extra[0]}  # one request for a random missing file
    assert extra[0].startswith("/cyberorigen-missing-")
    assert len(extra) == len(PROBED_FILES) + 1 <= 12


@pytest.mark.parametrize(
    "catch_all",
    [
        page(),
        Reply(200, [("Content-Type", "text/plain")], "status=ok\nversion=2\n"),
        Reply(200, [("Content-Type", "application/octet-stream")], "PK\x03\x04same for all"),
        Reply(200, [("Content-Type", "text/plain")], "ref: refs/heads/main\n[core]\n"),
    ],
    ids=["html-page", "key-value-text", "same-archive-bytes", "git-like-text"],
)
def test_exposed_file_checks_are_silent_on_a_server_answering_200_to_everything(site, catch_all):
    site.https.fallback = catch_all

    findings = probe(site)

    assert check_ids(findings) & EXPOSURE_CHECKS == set()
    assert PROBED_FILES - {"/.git/config"} <= set(requested(site.https))


# --- TRACE ------------------------------------------------------------------------------------


def echo_request(handler: SimpleHTTPRequestHandler) -> Reply:
    return Reply(
        200, [("Content-Type", "message/http")], f"{handler.requestline}\r\n{handler.headers}"
    )


def test_trace_enabled_fires_when_the_request_is_echoed(site):
    site.https.methods["TRACE"] = echo_request

    finding = only(site.scan(), "http.trace_enabled")

    assert finding.severity == "medium"
    assert finding.location == site.https_url("/")
    assert finding.evidence["status"] == 200
    assert finding.evidence["echoed_header"].startswith("X-CyberOrigen-Trace: ")
    assert ("TRACE", "/") in site.https.methods_seen


@pytest.mark.parametrize(
    "route",
    [TRACE_REFUSED, None, Reply(200, [("Content-Type", "text/html")], GOOD_BODY)],
    ids=["405", "501", "200-without-echo"],
)
def test_trace_enabled_is_silent_when_trace_is_refused_or_not_echoed(site, route):
    if route is None:
        del site.https.methods["TRACE"]  # http.server answers 501
    else:
        site.https.methods["TRACE"] = route

    assert "http.trace_enabled" not in check_ids(site.scan())


def test_a_method_request_that_fails_leaves_its_check_not_examined(site):
    site.https.methods["TRACE"] = DROP
    not_examined: dict[str, str] = {}

    findings = run_scanner(
        HttpScanner(), "127.0.0.1", site.options(), timeout=20, not_examined=not_examined
    )

    assert findings == []
    assert "TRACE" in not_examined["http.trace_enabled"]
    assert "http.put_delete_allowed" not in not_examined


# --- PUT / DELETE -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("allow", "risky"),
    [
        ("GET, HEAD, POST, PUT, DELETE, OPTIONS", ["DELETE", "PUT"]),
        ("OPTIONS,GET,HEAD,put", ["PUT"]),
    ],
)
def test_put_delete_allowed_fires_when_options_offers_them(site, allow, risky):
    site.https.methods["OPTIONS"] = Reply(200, [("Allow", allow)])

    finding = only(site.scan(), "http.put_delete_allowed")

    assert finding.severity == "low"
    assert finding.location == site.https_url("/")
    assert finding.evidence["allow"] == allow
    assert finding.evidence["risky"] == risky


def test_method_checks_are_silent_on_a_well_configured_server(site):
    findings = site.scan()

    assert findings == []
    assert {("TRACE", "/"), ("OPTIONS", "/")} <= set(site.https.methods_seen)


def test_put_delete_allowed_is_silent_when_options_is_not_implemented(site):
    del site.https.methods["OPTIONS"]

    assert site.scan() == []


# --- the crawl --------------------------------------------------------------------------------


def linking(*hrefs: str) -> Reply:
    links = "".join(f'<a href="{href}">{href}</a>' for href in hrefs)
    return page(body=GOOD_BODY.replace("</body>", links + "</body>"))


def test_a_directory_listing_linked_from_the_home_page_is_found_by_the_crawl(site, tmp_path):
    serve_files(site, tmp_path, {"files/report.pdf": "pdf"})
    site.https.routes["/"] = linking("/files/")

    found = site.scan(crawl_depth=1)
    not_crawled = site.scan(crawl_depth=0)

    finding = only(found, "http.directory_listing")
    assert finding.location == site.https_url("/files/")
    assert finding.evidence["title"] == "Directory listing for /files/"
    assert "http.directory_listing" not in check_ids(not_crawled)


def test_the_crawl_goes_as_deep_as_crawl_depth(site):
    site.https.routes["/"] = linking("/a")
    site.https.routes["/a"] = linking("/b")
    site.https.routes["/b"] = linking("/c")
    site.https.routes["/c"] = linking("/d")

    site.scan()
    default_depth = requested(site.https)
    site.https.requests.clear()
    site.scan(crawl_depth=3)

    assert "/a" in default_depth and "/b" not in default_depth
    assert {"/a", "/b", "/c"} <= set(requested(site.https))
    assert "/d" not in requested(site.https)


def test_the_crawl_fetches_at_most_crawl_max_pages(site):
    site.https.routes["/"] = linking("/one", "/two", "/three")
    observations: list[str] = []

    run_scanner(
        HttpScanner(),
        "127.0.0.1",
        site.options(crawl_max_pages=2),
        timeout=20,
        observations=observations,
    )

    assert [p for p in requested(site.https) if p in ("/one", "/two", "/three")] == ["/one", "/two"]
    assert any("crawl_max_pages" in what for what in observations)
    assert f"GET {site.https_url('/one')} answered 404" in observations


def test_the_crawl_never_leaves_the_origin(site):
    site.https.routes["/"] = linking(
        f"http://127.0.0.1:{site.http.port}/plaintext",
        f"https://127.0.0.1:{site.http.port}/other-port",
        "https://example.invalid/elsewhere",
        "//example.invalid/protocol-relative",
        "mailto:security@example.com",
        "javascript:alert(1)",
        "#top",
        f"https://127.0.0.1:{site.https.port}/same?x=1#part",
    )

    site.scan()

    assert requested(site.https) == ["/", "/.well-known/security.txt", "/same?x=1"]
    assert requested(site.http) == ["/"]


def test_the_crawl_stops_before_it_could_overrun_the_deadline(site, tmp_path):
    serve_files(site, tmp_path, {"files/report.pdf": "pdf"})
    site.https.routes["/"] = linking("/files/")
    observations: list[str] = []

    # Each request may wait 5 s: with less than 6 s left the crawl does not start one.
    findings = run_scanner(
        HttpScanner(), "127.0.0.1", site.options(), timeout=5.5, observations=observations
    )

    assert "http.directory_listing" not in check_ids(findings)
    assert "/files/" not in requested(site.https)
    assert any("deadline is near" in what for what in observations)


def test_the_crawl_checks_for_cancellation_between_requests(site):
    site.https.routes["/"] = linking("/one", "/two")
    ctx = ScanContext(
        target=Target.parse("127.0.0.1"),
        options=validated_options(HttpScanner(), site.options()),
        deadline=time.monotonic() + 20,
        is_cancelled=lambda: "/one" in requested(site.https),
    )

    with pytest.raises(ScanCancelled):
        list(HttpScanner().run(ctx))
    assert "/two" not in requested(site.https)


def test_exposed_files_are_probed_in_crawled_directories(site, tmp_path):
    serve_files(site, tmp_path, {"app/index.html": "<html></html>", "app/.env": "SECRET=x\n"})
    site.https.routes["/"] = linking("/app/index.html")

    crawled = probe(site)
    not_crawled = probe(site, crawl_depth=0)

    finding = only(crawled, "http.env_exposed")
    assert finding.location == site.https_url("/app/.env")
    assert finding.severity == "critical"
    assert "http.env_exposed" not in check_ids(not_crawled)


# --- declarations and options -----------------------------------------------------------------


def test_the_new_checks_are_declared_with_known_controls():
    by_id = {check.id: check for check in CHECKS}
    known_controls = {
        control for check in CHECKS if check.id not in NEW_CHECKS for control in check.controls
    }

    assert set(by_id) >= NEW_CHECKS
    assert {check_id: by_id[check_id].severity for check_id in NEW_CHECKS} == {
        "http.git_exposed": "high",
        "http.env_exposed": "high",
        "http.backup_exposed": "high",
        "http.trace_enabled": "medium",
        "http.put_delete_allowed": "low",
    }
    for check_id in NEW_CHECKS:
        assert by_id[check_id].controls and set(by_id[check_id].controls) <= known_controls


@pytest.mark.parametrize(
    "options",
    [
        {"crawl_depth": -1},
        {"crawl_depth": 4},
        {"crawl_depth": "1"},
        {"crawl_max_pages": 0},
        {"crawl_max_pages": 201},
        {"probe_exposed_files": "maybe"},
    ],
)
def test_bad_crawl_and_probe_options_are_rejected(options):
    with pytest.raises(ma.ValidationError):
        validated_options(HttpScanner(), options)


def test_crawl_and_probe_options_have_defaults():
    loaded = validated_options(HttpScanner(), {})

    assert loaded["crawl_depth"] == 1
    assert loaded["crawl_max_pages"] == 20
    assert loaded["probe_exposed_files"] is False
    schema = HttpScanner().options_schema()
    for name in ("crawl_depth", "crawl_max_pages", "probe_exposed_files"):
        assert schema.fields[name].metadata["description"]
