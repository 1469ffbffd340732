"""The known-vulnerability scanner (``vulns``): version normalisation and banner parsing as
tables, the scanner on services given by hand, and once end to end on the service the
``ports`` scanner discovers on a real OpenSSH sshd (Debian 12: 9.2p1, in CVE-2024-6387's
range by upstream version)."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
from pathlib import Path

import marshmallow as ma
import pytest
from test_scanner_ssh import HARDENED_CONFIG, SSH_KEYGEN, SSHD, start_sshd

from cyberorigen.plugin_api import NotApplicable, ScanContext, Service, Severity, Target
from cyberorigen.plugin_api.testing import (
    assert_well_formed,
    check_ids,
    run_scanner,
    validated_options,
)
from cyberorigen.plugins.ports.scanner import PortsScanner
from cyberorigen.plugins.vulns import VulnsScanner
from cyberorigen.plugins.vulns.feed import (
    FeedError,
    load_feed,
    parse_feed,
    severity_of_score,
)
from cyberorigen.plugins.vulns.versions import (
    Identified,
    distribution,
    parse_banner,
    parse_version,
    upstream_version,
)

CHECK = "vulns.known_vulnerability"
DEBIAN_BANNER = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"


@pytest.fixture(autouse=True)
def feeds_in_tmp_path(tmp_path, monkeypatch):
    """The operator's feed folder of these tests: their own temporary folder."""
    monkeypatch.setenv("CYBERORIGEN_VULNS_FEED_DIRS", str(tmp_path))


def test_a_feed_outside_the_operators_folders_is_never_read(tmp_path, monkeypatch):
    monkeypatch.setenv("CYBERORIGEN_VULNS_FEED_DIRS", str(tmp_path / "feeds"))
    with pytest.raises(ma.ValidationError) as caught:
        validated_options(VulnsScanner(), {"feed": "/etc/passwd"})
    message = str(caught.value.messages["feed"])
    assert "read only from the operator's folders" in message
    assert "no such file" not in message and "JSON" not in message


def ssh_service(banner: str = DEBIAN_BANNER, port: int = 22, **fields) -> Service:
    return Service(host="127.0.0.1", port=port, protocol="ssh", banner=banner, **fields)


def scan(host_services, options=None, observations=None):
    return run_scanner(
        VulnsScanner(),
        "127.0.0.1",
        options or {},
        host_services=host_services,
        observations=observations,
    )


def write_feed(tmp_path: Path, advisories: list[dict], name: str = "feed.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps({"format": 1, "generated": "test", "advisories": advisories}))
    return str(path)


def advisory(**fields) -> dict:
    base = {
        "id": "CVE-2000-0001",
        "product": "widget",
        "affected": [{"introduced": "1.0", "fixed": "1.5"}],
        "cvss": 5.0,
        "summary": "A test advisory.",
    }
    return base | fields


# --- versions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "upstream", "normalised"),
    [
        ("9.2p1", "9.2p1", "9.2.post1"),
        ("9.2p1 Debian-2+deb12u3", "9.2p1", "9.2.post1"),  # banner comment
        ("9.2p1 Debian 2+deb12u3", "9.2p1", "9.2.post1"),  # nmap's version field
        ("1:9.2p1-2+deb12u3", "9.2p1", "9.2.post1"),  # Debian epoch and revision
        ("9.8p1", "9.8p1", "9.8.post1"),
        ("1.18.0 (Ubuntu)", "1.18.0", "1.18.0"),
        ("2.4.41-4ubuntu3.14", "2.4.41", "2.4.41"),
        ("v2.3.4", "2.3.4", "2.3.4"),
        ("1.3.5b", "1.3.5b", "1.3.5.post2"),  # ProFTPD patch letter, not a beta
        ("1.0.2k", "1.0.2k", "1.0.2.post11"),
        ("1.3.6rc1", "1.3.6rc1", "1.3.6rc1"),  # a real release candidate
        ("2022.83", "2022.83", "2022.83"),
        ("10", "10", "10"),
        ("1.2.3ubuntu4", "1.2.3ubuntu4", None),  # cannot be compared: never guessed
        ("unknown", None, None),
        ("", None, None),
        ("1.2.x", None, None),
    ],
)
def test_versions_are_normalised_for_comparison(text, upstream, normalised):
    assert upstream_version(text) == upstream
    parsed = parse_version(text)
    assert (str(parsed) if parsed is not None else None) == normalised


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("9.2", "9.2p1"),
        ("9.2p1", "9.2p2"),
        ("9.2p2", "9.3"),
        ("9.7p1", "9.8p1"),
        ("8.5p1", "9.2p1 Debian-2+deb12u3"),
        ("1.3.5", "1.3.5a"),
        ("1.3.5a", "1.3.5b"),
        ("1.3.5e", "1.3.6"),
        ("1.3.6rc4", "1.3.6"),
        ("1.20.0", "1.20.1"),
        ("2.4.9", "2.4.49"),
    ],
)
def test_versions_compare_in_release_order(lower, higher):
    assert parse_version(lower) < parse_version(higher)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9.2p1 Debian-2+deb12u3", "debian"),
        ("9.2p1 deb12u3", "debian"),
        ("8.9p1 Ubuntu-3ubuntu0.10", "ubuntu"),
        ("1.18.0 (Ubuntu)", "ubuntu"),
        ("7.4p1 el7", None),  # not '.el7': no guess
        ("2.4.6-99.el7", "rhel"),
        ("9.9p1", None),
        ("2.4.49 (Unix)", None),
    ],
)
def test_the_distribution_a_version_names(text, expected):
    assert distribution(text) == expected


@pytest.mark.parametrize(
    ("banner", "expected"),
    [
        ("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n", ("OpenSSH", "9.2p1 Debian-2+deb12u3")),
        ("SSH-2.0-OpenSSH_9.2p1 Debian-2", ("OpenSSH", "9.2p1 Debian-2")),
        ("SSH-2.0-OpenSSH_9.9\r\n", ("OpenSSH", "9.9")),
        ("SSH-1.99-OpenSSH_3.9p1\r\n", ("OpenSSH", "3.9p1")),
        ("SSH-2.0-dropbear_2022.83\r\n", ("dropbear", "2022.83")),
        ("SSH-2.0-OpenSSH_for_Windows_8.1\r\n", ("OpenSSH for Windows", "8.1")),
        ("SSH-2.0-Go\r\n", None),
        (
            "HTTP/1.1 200 OK\r\nServer: nginx/1.18.0\r\nContent-Type: text/html\r\n",
            ("nginx", "1.18.0"),
        ),
        (
            "HTTP/1.1 404 Not Found\r\nserver: nginx/1.18.0 (Ubuntu)\r\n",
            ("nginx", "1.18.0 (Ubuntu)"),
        ),
        (
            "HTTP/1.1 200 OK\r\nServer: Apache/2.4.49 (Unix) OpenSSL/1.1.1k\r\n",
            ("Apache", "2.4.49 (Unix)"),
        ),
        ("HTTP/1.1 200 OK\r\nServer: Microsoft-IIS/10.0\r\n", ("Microsoft-IIS", "10.0")),
        ("HTTP/1.1 200 OK\r\nServer: nginx\r\n", None),
        ("220 ProFTPD 1.3.5 Server (Debian) [::ffff:127.0.0.1]\r\n", ("ProFTPD", "1.3.5")),
        ("220 ProFTPD 1.3.5b Server (ProFTPD)\r\n", ("ProFTPD", "1.3.5b")),
        ("220 (vsFTPd 2.3.4)\r\n", ("vsFTPd", "2.3.4")),
        ("220-FileZilla Server 0.9.60 beta\r\n", ("FileZilla Server", "0.9.60")),
        (
            "220 mx.example.com ESMTP Exim 4.96 Mon, 01 Jan 2024 10:00:00 +0000\r\n",
            ("Exim", "4.96"),
        ),
        ("220 host FTP server (Version 6.4/OpenBSD/Linux-ftpd-0.17) ready.\r\n", None),
        ("220 mail.example.com ESMTP Postfix (Debian/GNU)\r\n", None),
        ("220 2.0.0 Ready\r\n", None),
        ("+PONG\r\n", None),
        ("", None),
    ],
)
def test_banners_are_parsed_for_product_and_version(banner, expected):
    found = parse_banner(banner)
    assert found == (Identified(*expected) if expected else None)


# --- the feed -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "severity"),
    [
        (10.0, Severity.CRITICAL),
        (9.0, Severity.CRITICAL),
        (8.9, Severity.HIGH),
        (7.0, Severity.HIGH),
        (6.9, Severity.MEDIUM),
        (4.0, Severity.MEDIUM),
        (3.9, Severity.LOW),
        (0.0, Severity.LOW),
    ],
)
def test_cvss_base_score_bands(score, severity):
    assert severity_of_score(score) == severity


def test_the_bundled_feed_loads_and_holds_the_example_advisories():
    feed = load_feed()

    ids = {item.id for item in feed.advisories}
    assert ids == {
        "CVE-2024-6387",
        "CVE-2023-38408",
        "CVE-2021-23017",
        "CVE-2021-41773",
        "CVE-2021-42013",
        "CVE-2019-12815",
        "CVE-2022-0543",
        "CVE-2011-2523",
    }
    for item in feed.advisories:
        assert item.summary and item.references, item.id
        assert all(ref.startswith("https://") for ref in item.references), item.id
    assert [a.id for a in feed.for_product("Apache httpd")] == ["CVE-2021-41773", "CVE-2021-42013"]
    assert [a.id for a in feed.for_product("OPENSSH")] == ["CVE-2024-6387", "CVE-2023-38408"]


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("8.4p1", {"CVE-2023-38408"}),
        ("8.5p1", {"CVE-2024-6387", "CVE-2023-38408"}),
        ("9.2p1", {"CVE-2024-6387", "CVE-2023-38408"}),
        ("9.3p2", {"CVE-2024-6387"}),
        ("9.7p1", {"CVE-2024-6387"}),
        ("9.8p1", set()),
        ("4.3p2", {"CVE-2024-6387", "CVE-2023-38408"}),  # before 4.4p1 too
        ("4.4p1", {"CVE-2023-38408"}),
    ],
)
def test_the_bundled_openssh_ranges(version, expected):
    feed = load_feed()
    key = parse_version(version)
    assert {a.id for a in feed.for_product("openssh") if a.matching_range(key)} == expected


@pytest.mark.parametrize(
    ("product", "version", "expected"),
    [
        ("nginx", "0.6.17", set()),
        ("nginx", "0.6.18", {"CVE-2021-23017"}),
        ("nginx", "1.20.0", {"CVE-2021-23017"}),
        ("nginx", "1.20.1", set()),
        ("nginx", "1.21.0", set()),
        ("Apache", "2.4.48", set()),
        ("Apache", "2.4.49", {"CVE-2021-41773", "CVE-2021-42013"}),
        ("Apache", "2.4.50", {"CVE-2021-42013"}),
        ("Apache", "2.4.51", set()),
        ("ProFTPD", "1.3.5b", {"CVE-2019-12815"}),
        ("ProFTPD", "1.3.6", {"CVE-2019-12815"}),
        ("ProFTPD", "1.3.7", set()),
        ("vsFTPd", "2.3.4", {"CVE-2011-2523"}),
        ("vsFTPd", "2.3.5", set()),
        ("vsFTPd", "2.3.3", set()),
    ],
)
def test_the_bundled_ranges_of_other_products(product, version, expected):
    feed = load_feed()
    key = parse_version(version)
    assert {a.id for a in feed.for_product(product) if a.matching_range(key)} == expected


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"format": 2, "advisories": []}', "'format' is 2"),
        ('{"format": 1}', "'advisories' must be a list"),
        ('{"format": 1, "advisories": [1]}', "advisories[0]: expected an object"),
        (json.dumps({"format": 1, "advisories": [advisory(id="")]}), "'id' must be a non-empty"),
        (json.dumps({"format": 1, "advisories": [advisory(product=None)]}), "'product' must"),
        (json.dumps({"format": 1, "advisories": [advisory(affected=[])]}), "'affected' must"),
        (
            json.dumps({"format": 1, "advisories": [advisory(affected=[{"fixd": "1.2"}])]}),
            "unknown key 'fixd'",
        ),
        (
            json.dumps(
                {
                    "format": 1,
                    "advisories": [advisory(affected=[{"fixed": "1", "last_affected": "2"}])],
                }
            ),
            "not both",
        ),
        (
            json.dumps({"format": 1, "advisories": [advisory(affected=[{"fixed": "soon"}])]}),
            "fixed 'soon' is not a version",
        ),
        (
            json.dumps(
                {
                    "format": 1,
                    "advisories": [advisory(affected=[{"introduced": "2", "fixed": "1"}])],
                }
            ),
            "contains no version",
        ),
        (json.dumps({"format": 1, "advisories": [advisory(cvss=None)]}), "give 'severity' or"),
        (json.dumps({"format": 1, "advisories": [advisory(cvss=11)]}), "from 0 to 10"),
        (json.dumps({"format": 1, "advisories": [advisory(cvss="9.8")]}), "from 0 to 10"),
        (json.dumps({"format": 1, "advisories": [advisory(severity="urgent")]}), "'severity' must"),
        (json.dumps({"format": 1, "advisories": [advisory(aliases="x")]}), "'aliases' must"),
        (json.dumps({"format": 1, "advisories": [advisory(summary="")]}), "'summary' must"),
        (json.dumps({"format": 1, "advisories": [advisory(), advisory()]}), "listed twice"),
    ],
)
def test_a_malformed_feed_is_refused_with_a_clear_message(document, message):
    with pytest.raises(FeedError) as caught:
        parse_feed(document, "feed.json")
    assert str(caught.value).startswith("feed.json: ")
    assert message in str(caught.value)


def test_the_advisory_severity_field_wins_over_the_cvss_band():
    feed = parse_feed(json.dumps({"format": 1, "advisories": [advisory(severity="low", cvss=9.8)]}))
    assert feed.advisories[0].severity == Severity.LOW
    assert feed.advisories[0].severity_from == "severity"


# --- options ------------------------------------------------------------------------------------


def test_the_scanner_is_well_formed_and_host_level():
    scanner = VulnsScanner()
    assert_well_formed(scanner)
    assert scanner.services == () and scanner.discovers is False
    assert validated_options(scanner) == {"feed": None}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: "feed.json", "expected an absolute path"),
        (lambda tmp: str(tmp / "missing.json"), "no such file"),
        (lambda tmp: str(tmp), "not a regular file"),
        (lambda tmp: str(_written(tmp / "bad.json", "{")), "not valid JSON"),
        (lambda tmp: str(_written(tmp / "old.json", '{"format": 0}')), "'format' is 0"),
    ],
)
def test_the_feed_option_must_name_a_feed_that_loads(tmp_path, make, message):
    with pytest.raises(ma.ValidationError) as caught:
        validated_options(VulnsScanner(), {"feed": make(tmp_path)})
    assert message in str(caught.value.messages["feed"])


def _written(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


# --- the scanner on services given by hand ------------------------------------------------------


def test_openssh_9_2p1_fires_cve_2024_6387():
    observations: list[str] = []

    findings = scan([ssh_service()], observations=observations)

    assert check_ids(findings) == {CHECK}
    by_id = {finding.evidence["advisory"]: finding for finding in findings}
    assert set(by_id) == {"CVE-2024-6387", "CVE-2023-38408"}
    regression = by_id["CVE-2024-6387"]
    assert regression.severity == Severity.HIGH
    assert regression.location == "127.0.0.1:22"
    assert regression.title == "Known vulnerability CVE-2024-6387 in OpenSSH 9.2p1"
    assert regression.cvss_vector == "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"
    evidence = regression.evidence
    assert evidence["product"] == "OpenSSH"
    assert evidence["version"] == "9.2p1 Debian-2+deb12u3"
    assert evidence["compared_version"] == "9.2p1"
    assert evidence["identified_from"] == "banner"
    assert evidence["affected"] == ">= 8.5p1, < 9.8p1"
    assert evidence["fixed"] == "9.8p1"
    assert evidence["cvss"] == 8.1
    assert "regreSSHion" in evidence["summary"]
    assert "https://nvd.nist.gov/vuln/detail/CVE-2024-6387" in evidence["references"]
    assert evidence["distribution"] == "debian"
    assert "backport" in evidence["caveat"] and "names a Debian package" in evidence["caveat"]
    assert by_id["CVE-2023-38408"].severity == Severity.CRITICAL  # 9.8 by its CVSS band
    assert by_id["CVE-2023-38408"].evidence["severity_from"] == "cvss"
    assert regression.fingerprint != by_id["CVE-2023-38408"].fingerprint
    json.dumps([dict(finding.evidence) for finding in findings])  # storable as it is
    assert observations == [
        "127.0.0.1:22 OpenSSH 9.2p1 Debian-2+deb12u3 (compared as 9.2p1): compared with 2 "
        "advisories for openssh"
    ]


def test_the_fingerprint_stays_the_same_when_the_package_revision_changes():
    first = scan([ssh_service("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")])
    later = scan([ssh_service("SSH-2.0-OpenSSH_9.3p1 Debian-1\r\n")])

    def prints(findings):
        return {f.evidence["advisory"]: f.fingerprint for f in findings}

    assert prints(first)["CVE-2024-6387"] == prints(later)["CVE-2024-6387"]


def test_discovery_product_and_version_are_used_before_the_banner():
    service = ssh_service(banner="SSH-2.0-OpenSSH_9.9p1\r\n", product="OpenSSH", version="9.2p1")

    findings = scan([service])

    assert {f.evidence["advisory"] for f in findings} == {"CVE-2024-6387", "CVE-2023-38408"}
    assert all(f.evidence["identified_from"] == "discovery" for f in findings)
    assert "banner" not in findings[0].evidence


def test_openssh_9_9p1_is_silent_and_says_what_it_compared():
    observations: list[str] = []

    findings = scan([ssh_service("SSH-2.0-OpenSSH_9.9p1\r\n")], observations=observations)

    assert findings == []
    assert observations == ["127.0.0.1:22 OpenSSH 9.9p1: compared with 2 advisories for openssh"]


def test_a_product_the_feed_does_not_list_is_compared_with_nothing():
    observations: list[str] = []
    web = Service("127.0.0.1", 80, "http", banner="HTTP/1.1 200 OK\r\nServer: lighttpd/1.4.69\r\n")

    assert scan([web], observations=observations) == []
    assert observations == ["127.0.0.1:80 lighttpd 1.4.69: compared with 0 advisories for lighttpd"]


def test_every_service_of_the_host_is_judged():
    services = [
        ssh_service("SSH-2.0-OpenSSH_9.9p1\r\n"),
        Service(
            "127.0.0.1", 80, "http", banner="HTTP/1.1 200 OK\r\nServer: Apache/2.4.50 (Unix)\r\n"
        ),
        Service("127.0.0.1", 21, "ftp", product="vsftpd", version="2.3.4"),
        Service("127.0.0.1", 8080, "http", product="nginx", version="1.18.0"),
        Service("127.0.0.1", 9999, ""),  # nothing announced: left out
    ]
    observations: list[str] = []

    findings = scan(services, observations=observations)

    assert sorted((f.location, f.evidence["advisory"], f.severity) for f in findings) == [
        ("127.0.0.1:21", "CVE-2011-2523", Severity.CRITICAL),
        ("127.0.0.1:80", "CVE-2021-42013", Severity.CRITICAL),
        ("127.0.0.1:8080", "CVE-2021-23017", Severity.HIGH),
    ]
    assert len(observations) == 4


def test_a_distribution_specific_advisory_needs_that_distribution():
    observations: list[str] = []
    redis = Service("127.0.0.1", 6379, "redis", product="Redis key-value store", version="6.0.16")

    assert scan([redis], observations=observations) == []
    assert "CVE-2022-0543 not applied" in observations[0]
    assert "does not say which distribution" in observations[0]

    packaged = Service("127.0.0.1", 6379, "redis", product="redis", version="6.0.16 (Debian)")
    findings = scan([packaged])
    assert [f.evidence["advisory"] for f in findings] == ["CVE-2022-0543"]
    assert findings[0].severity == Severity.CRITICAL
    assert findings[0].evidence["distributions"] == ["debian", "ubuntu"]

    other = Service("127.0.0.1", 6379, "redis", product="redis", version="6.0.16 (Alpine)")
    observations.clear()
    assert scan([other], observations=observations) == []
    assert "only other distributions' packages" in observations[0]


def test_no_service_is_not_applicable():
    with pytest.raises(NotApplicable) as caught:
        scan([])
    assert str(caught.value) == "no service with a product and version was discovered on 127.0.0.1"


def test_services_without_a_version_are_not_applicable():
    services = [
        Service("127.0.0.1", 80, "http", banner="HTTP/1.1 200 OK\r\nServer: nginx\r\n"),
        Service("127.0.0.1", 6379, "redis", banner="+PONG\r\n"),
        Service("127.0.0.1", 8443, "https", product="nginx", version="1.2.3ubuntu4"),
    ]
    with pytest.raises(NotApplicable) as caught:
        scan(services)
    message = str(caught.value)
    assert message.startswith("no service with a product and version was discovered on 127.0.0.1")
    assert "127.0.0.1:80 (http) announces no product and version" in message
    assert "'1.2.3ubuntu4': the version cannot be compared" in message


def test_a_malformed_feed_is_the_runs_error_never_a_pass(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"format": 1, "advisories": []}))
    options = validated_options(VulnsScanner(), {"feed": str(path)})
    path.write_text('{"format": 1, "advisories": [{"id": "CVE-1"}]}')  # broken after creation

    ctx = ScanContext(
        target=Target.parse("127.0.0.1"),
        options=options,  # as stored with the scan: the worker does not load them again
        deadline=time.monotonic() + 30,
        host_services=[ssh_service()],
    )
    with pytest.raises(FeedError) as caught:
        list(VulnsScanner().run(ctx))
    assert str(caught.value).startswith(f"vulnerability feed {path}: advisories[0] (CVE-1)")


def test_a_custom_feed_file(tmp_path):
    feed = write_feed(
        tmp_path,
        [
            advisory(
                id="EXAMPLE-2025-1",
                product="OpenSSH",
                affected=[{"introduced": "9.0p1", "last_affected": "9.2p1"}],
                cvss=3.1,
                references=["https://example.com/advisory"],
            ),
            advisory(id="EXAMPLE-2025-2", product="openssh", affected=[{"fixed": "9.0"}], cvss=9),
        ],
    )
    observations: list[str] = []

    findings = scan([ssh_service()], {"feed": feed}, observations)

    assert [f.evidence["advisory"] for f in findings] == ["EXAMPLE-2025-1"]
    finding = findings[0]
    assert finding.severity == Severity.LOW
    assert finding.cvss_vector is None
    assert finding.evidence["affected"] == ">= 9.0p1, <= 9.2p1"
    assert finding.evidence["fixed"] is None
    assert finding.evidence["feed"] == f"vulnerability feed {feed}"
    assert finding.evidence["references"] == ["https://example.com/advisory"]
    assert observations[0].endswith("compared with 2 advisories for OpenSSH")


# --- end to end: a real sshd, discovered by the ports scanner -----------------------------------


@pytest.fixture
def sshd(tmp_path):
    if SSHD is None or SSH_KEYGEN is None:
        pytest.skip("OpenSSH's sshd is not installed here (apt-get install openssh-server)")
    key = tmp_path / "host_ed25519"
    subprocess.run(
        [SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-f", str(key)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    server = start_sshd(tmp_path / "sshd", [f"HostKey {key}", *HARDENED_CONFIG])
    try:
        yield server
    finally:
        server.close()


def test_end_to_end_on_the_openssh_the_ports_scanner_discovers(sshd):
    found: list[Service] = []
    run_scanner(
        PortsScanner(),
        "127.0.0.1",
        {"ports": str(sshd.port), "use_nmap": False},
        discovered=found,
    )
    assert [service.port for service in found] == [sshd.port]
    assert found[0].protocol == "ssh"
    with socket.create_connection(("127.0.0.1", sshd.port), timeout=10) as sock:
        identification = sock.recv(256).decode("ascii", "replace")
    version = re.match(r"SSH-2\.0-OpenSSH_(\S+)", identification).group(1)  # "9.2p1"
    observations: list[str] = []

    findings = run_scanner(
        VulnsScanner(), "127.0.0.1", {}, host_services=found, observations=observations
    )

    expected = {
        item.id
        for item in load_feed().for_product("openssh")
        if item.matching_range(parse_version(version))
    }
    assert {f.evidence["advisory"] for f in findings} == expected
    assert observations and observations[0].startswith(f"127.0.0.1:{sshd.port} OpenSSH {version}")
    if parse_version("8.5p1") <= parse_version(version) < parse_version("9.8p1"):  # Debian 12
        regression = next(f for f in findings if f.evidence["advisory"] == "CVE-2024-6387")
        assert regression.location == f"127.0.0.1:{sshd.port}"
        assert regression.evidence["compared_version"] == version
        assert regression.evidence["identified_from"] == "banner"
        assert regression.evidence["banner"].startswith(f"SSH-2.0-OpenSSH_{version}")
        assert regression.severity == Severity.HIGH
