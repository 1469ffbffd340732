"""The robots scanner against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import ssl
import time
from datetime import UTC, datetime, timedelta

import marshmallow as ma
import pytest
from cyberorigen.plugin_api import ScanCancelled, ScanContext, Severity, Target
from cyberorigen.plugin_api.testing import (
    assert_well_formed,
    check_ids,
    run_scanner,
    validated_options,
)

from cyberorigen_example.robots import RobotsScanner, sensitive_disallows

ROBOTS = """\
# Sample robots.txt
User-agent: *
Disallow: /admin/
Disallow: /search
Disallow: /backup2024.zip
Allow: /public/

User-agent: BadBot
Disallow: /
Disallow: /.git/   # old deployment
Disallow: /admin/
"""


@pytest.fixture
def scanner() -> RobotsScanner:
    return RobotsScanner()


def test_the_scanner_declares_what_the_core_requires(scanner):
    assert_well_formed(scanner)
    assert {check.severity for check in scanner.checks} == {Severity.INFO}


def test_options_get_defaults_and_are_checked(scanner):
    assert validated_options(scanner) == {
        "port": 80,
        "scheme": "http",
        "timeout": 10.0,
        "verify_tls": True,
    }
    assert validated_options(scanner, {"scheme": "https"})["port"] == 443
    assert validated_options(scanner, {"scheme": "https", "port": 8443})["port"] == 8443
    with pytest.raises(ma.ValidationError) as raised:
        validated_options(scanner, {"scheme": "ftp", "port": 0})
    assert set(raised.value.messages) == {"scheme", "port"}


def test_sensitive_disallow_entries_are_reported_with_their_lines(scanner, site):
    site.serve("/robots.txt", 200, ROBOTS)

    findings = run_scanner(scanner, "127.0.0.1", {"port": site.port})

    assert check_ids(findings) == {"robots.disallowed_paths_disclosed"}
    (finding,) = findings
    assert finding.severity == Severity.INFO
    assert finding.location == f"{site.origin}/robots.txt"
    assert finding.evidence["url"] == f"{site.origin}/robots.txt"
    assert finding.evidence["status"] == 200
    assert finding.evidence["entries"] == [
        {"line": 3, "path": "/admin/", "matched": "admin"},
        {"line": 5, "path": "/backup2024.zip", "matched": "backup"},
        {"line": 10, "path": "/.git/", "matched": ".git"},
    ]
    assert finding.remediation and finding.references
    assert site.requests == [("/robots.txt", "CyberOrigen-robots/0.1 (example plugin)")]


def test_a_url_target_is_fetched_at_the_root_of_its_own_origin(scanner, site):
    site.serve("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n")

    findings = run_scanner(scanner, f"{site.origin}/shop/index.html")

    assert [finding.evidence["entries"][0]["path"] for finding in findings] == ["/private/"]
    assert site.requests[0][0] == "/robots.txt"


def test_harmless_disallow_entries_report_nothing(scanner, site):
    site.serve("/robots.txt", 200, "User-agent: *\nDisallow: /search\nDisallow: /badminton\n")

    assert run_scanner(scanner, site.origin) == []


@pytest.mark.parametrize("status", [404, 410])
def test_no_robots_txt_is_reported_as_missing(scanner, site, status):
    site.serve("/robots.txt", status, "gone")

    findings = run_scanner(scanner, site.origin)

    assert check_ids(findings) == {"robots.missing"}
    assert findings[0].evidence == {"url": f"{site.origin}/robots.txt", "status": status}


def test_an_html_page_instead_of_robots_txt_counts_as_missing(scanner, site):
    page = "\n<!DOCTYPE html><html><body>Page not found</body></html>"
    site.serve("/robots.txt", 200, page, content_type="text/html")

    findings = run_scanner(scanner, site.origin)

    assert check_ids(findings) == {"robots.missing"}
    assert "soft 404" in findings[0].evidence["note"]


def test_a_forbidden_robots_txt_discloses_nothing(scanner, site):
    site.serve("/robots.txt", 403, "forbidden")

    assert run_scanner(scanner, site.origin) == []


def test_a_server_error_is_the_scanners_error_not_a_pass(scanner, site):
    site.serve("/robots.txt", 503, "try later")

    with pytest.raises(ConnectionError, match="answered 503"):
        run_scanner(scanner, site.origin)


def test_a_refused_connection_raises(scanner, closed_port):
    with pytest.raises(ConnectionError, match="cannot fetch http://127.0.0.1"):
        run_scanner(scanner, "127.0.0.1", {"port": closed_port})


def test_a_silent_server_raises_within_the_timeout_option(scanner, silent_port):
    started = time.monotonic()

    with pytest.raises(TimeoutError, match="no answer within 0.5 s"):
        run_scanner(scanner, "127.0.0.1", {"port": silent_port, "timeout": 0.5})

    assert time.monotonic() - started < 5


def test_the_deadline_caps_the_timeout(scanner, silent_port):
    started = time.monotonic()

    with pytest.raises(TimeoutError):
        run_scanner(scanner, "127.0.0.1", {"port": silent_port, "timeout": 60}, timeout=0.5)

    assert time.monotonic() - started < 5


def test_redirects_are_followed_on_the_same_host_only(scanner, site):
    site.serve("/robots.txt", 301, headers={"Location": "/static/robots.txt"})
    site.serve("/static/robots.txt", 200, "User-agent: *\nDisallow: /wp-admin/\n")

    findings = run_scanner(scanner, site.origin)
    assert check_ids(findings) == {"robots.disallowed_paths_disclosed"}
    # The location stays the URL the scanner asked for, so the fingerprint does too.
    assert findings[0].location == f"{site.origin}/robots.txt"

    # Elsewhere: not followed (following it would fail: the name does not resolve).
    site.serve("/robots.txt", 302, headers={"Location": "http://robots.invalid/robots.txt"})
    assert run_scanner(scanner, site.origin) == []


def test_a_cancelled_scan_stops_before_the_request(scanner, site):
    ctx = ScanContext(
        target=Target.parse(site.origin),
        options=validated_options(scanner),
        deadline=time.monotonic() + 30,
        is_cancelled=lambda: True,
    )

    with pytest.raises(ScanCancelled):
        list(scanner.run(ctx))
    assert site.requests == []


def test_progress_is_reported_and_defaults_apply_to_bare_options(scanner, site):
    site.serve("/robots.txt", 404)
    steps: list[tuple[int, str]] = []
    ctx = ScanContext(
        target=Target.parse(site.origin),
        options={},  # what the core passes when the scan gave no options for this scanner
        deadline=time.monotonic() + 30,
        report_progress=lambda percent, step: steps.append((percent, step)),
    )

    findings = list(scanner.run(ctx))

    assert check_ids(findings) == {"robots.missing"}
    assert steps[0] == (10, f"GET {site.origin}/robots.txt")
    assert steps[-1] == (100, "done")


def test_the_fingerprint_stays_when_the_entries_change(scanner, site):
    target = Target.parse("127.0.0.1")
    site.serve("/robots.txt", 200, "Disallow: /admin/\n")
    first = run_scanner(scanner, "127.0.0.1", {"port": site.port})
    site.serve("/robots.txt", 200, "Disallow: /admin/\nDisallow: /backup/\n")
    second = run_scanner(scanner, "127.0.0.1", {"port": site.port})

    assert first[0].evidence != second[0].evidence
    assert first[0].fingerprint_for(target) == second[0].fingerprint_for(target)


@pytest.mark.parametrize(
    ("line", "matched"),
    [
        ("Disallow: /administrator/", "administrator"),
        ("Disallow: /wp-admin/", "admin"),
        ("Disallow: /*.sql$", "sql"),
        ("disallow : /private # comment", "private"),
        ("Disallow: /.env", ".env"),
        ("Disallow: /app/config/", "config"),
        ("Disallow: /badminton", None),
        ("Disallow: /catalogue", None),
        ("Disallow:", None),
        ("Allow: /admin/", None),
        ("# Disallow: /admin/", None),
    ],
)
def test_what_counts_as_sensitive(line, matched):
    entries = sensitive_disallows(line)

    assert [entry["matched"] for entry in entries] == ([matched] if matched else [])


# --- https ------------------------------------------------------------------------------------


@pytest.fixture
def tls_site(site, tmp_path):
    """The same server, behind TLS with a self-signed certificate for 127.0.0.1."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    pem = tmp_path / "server.pem"
    pem.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pem)
    site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
    return site


def test_https_verifies_the_certificate_unless_told_not_to(scanner, tls_site):
    tls_site.serve("/robots.txt", 200, "Disallow: /internal/\n")
    options = {"scheme": "https", "port": tls_site.port}

    with pytest.raises(ConnectionError, match="TLS certificate not verified"):
        run_scanner(scanner, "127.0.0.1", options)

    findings = run_scanner(scanner, "127.0.0.1", {**options, "verify_tls": False})
    assert findings[0].location == f"https://127.0.0.1:{tls_site.port}/robots.txt"
    assert findings[0].evidence["entries"][0]["matched"] == "internal"
