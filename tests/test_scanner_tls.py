"""The TLS scanner (sslyze) against real TLS servers on 127.0.0.1.

Each server is Python's ``ssl`` module with an SSLContext whose protocol range and cipher
list are set per case, serving in a thread (``support.servers.TlsServer``). Certificates come
from a throw-away CA (``support.pki``); its PEM reaches the scanner through the
``trust_store`` option. Each server is scanned once per module (``Scans``) and the findings
are shared by the tests.

What the local OpenSSL 3 cannot serve (SSL 2.0/3.0, RC4, DES, 3DES, EXPORT suites,
Heartbleed, CCS injection, ROBOT, insecure renegotiation, MD5 signatures, small EC keys) is
tested on the mapping from sslyze's result to findings instead: the input is
``tests/data/tls/recorded_scan.json``, written by ``sslyze --json_out`` for a real run
against a well-configured local server (TLS 1.2 + 1.3, RSA 2048 certificate from the CA in
``tests/data/tls/recorded_ca.pem``), edited in memory by each test to show its condition.
"""

from __future__ import annotations

import copy
import csv
import datetime
import json
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import marshmallow as ma
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from support.pki import GOOD_TLS12_CIPHERS, Pki, make_pki, server_context
from support.servers import TlsServer

from cyberorigen.plugin_api import Finding, ScanCancelled, ScanContext, Severity, Target
from cyberorigen.plugin_api.testing import (
    assert_well_formed,
    check_ids,
    run_scanner,
    validated_options,
)
from cyberorigen.plugins import tls as tls_plugin
from cyberorigen.plugins.tls import checks as tls_checks
from cyberorigen.plugins.tls.analysis import cipher_class, has_forward_secrecy
from cyberorigen.plugins.tls.scanner import (
    IncompleteScan,
    ScanTimedOut,
    TargetUnreachable,
    TlsScanError,
    TlsScanner,
)

DATA = Path(__file__).parent / "data" / "tls"
CSV_PATH = Path("/work/shared/reference/checks_mappings.csv")
LEFT_OUT = {"tls.cert.revoked"}
#: Checks the scanner has beyond the reference catalogue (tests/test_scanner_tls_extra.py).
BEYOND_REFERENCE = {"tls.protocol.tls13_not_offered", "tls.weak_dh"}

PROTOCOL_CHECKS = {
    "tls.protocol.sslv2_enabled",
    "tls.protocol.sslv3_enabled",
    "tls.protocol.tls1_0_enabled",
    "tls.protocol.tls1_1_enabled",
    "tls.protocol.no_modern_tls",
}
CIPHER_CHECKS = {
    "tls.cipher.null_anon_export",
    "tls.cipher.weak_rc4_des",
    "tls.cipher.3des",
    "tls.cipher.cbc_obsolete",
    "tls.no_forward_secrecy",
}
CERT_CHECKS = {check.id for check in TlsScanner.checks if check.id.startswith("tls.cert.")}


# --- a test PKI (support.pki) and TLS servers (support.servers) -------------------------------


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("tls-pki"), "CyberOrigen TLS test CA", 1000, 1000)


# --- scanned cases, one server and one scan each, shared by the tests -------------------------


@dataclass(frozen=True)
class Case:
    leaf: dict[str, Any]
    server: dict[str, Any]
    options: dict[str, Any]
    url_target: bool = False
    trusted: bool = True
    host: str = "localhost"


_RSA_2048 = "rsa2048"
_RSA_1024 = "rsa1024"
CASES: dict[str, Case] = {
    "good": Case({}, {}, {}, url_target=True),
    "good_untrusted": Case({}, {}, {}, trusted=False),
    "good_by_address": Case({}, {}, {}, host="127.0.0.1"),
    "old_protocols": Case(
        {},
        {
            "minimum": ssl.TLSVersion.TLSv1,
            "maximum": ssl.TLSVersion.TLSv1_1,
            "ciphers": "ECDHE-ECDSA-AES128-SHA:@SECLEVEL=0",
        },
        {},
    ),
    "null_anon": Case(
        {},
        {
            "maximum": ssl.TLSVersion.TLSv1_2,
            "ciphers": "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-NULL-SHA:AECDH-NULL-SHA"
            ":@SECLEVEL=0",
        },
        {},
    ),
    "static_rsa": Case(
        {"key": _RSA_2048},
        {"maximum": ssl.TLSVersion.TLSv1_2, "ciphers": "AES128-GCM-SHA256:AES256-GCM-SHA384"},
        {},
    ),
    "expired": Case({"days_before": 60, "days_after": -10}, {}, {}),
    "expires_20": Case({"days_after": 20}, {}, {}),
    "expires_45": Case({"days_after": 45}, {}, {}),
    "self_signed": Case({"self_signed": True}, {}, {}),
    "wrong_host": Case({"names": ("wrong.example",)}, {}, {}),
    "wrong_host_sni": Case({"names": ("wrong.example",)}, {}, {"sni": "wrong.example"}),
    # Self-signed with an RSA key: cryptography only lets the SHA-1 signature be made so.
    "sha1": Case(
        {"digest": "sha1", "key": _RSA_2048, "self_signed": True},
        {"ciphers": "ECDHE+AESGCM:@SECLEVEL=0"},
        {},
    ),
    "rsa1024": Case({"key": _RSA_1024}, {"ciphers": "ECDHE+AESGCM:@SECLEVEL=0"}, {}),
    "long_validity": Case({"days_before": 1, "days_after": 499}, {}, {}),
}


class Scans:
    """Starts each case's server on first use, scans it once, keeps the findings."""

    def __init__(self, pki: Pki) -> None:
        self.pki = pki
        self.findings: dict[str, list[Finding]] = {}
        self.ports: dict[str, int] = {}
        self.progress: dict[str, list[tuple[int, str]]] = {}

    def context(self, name: str) -> ssl.SSLContext:
        case = CASES[name]
        leaf = dict(case.leaf)
        if leaf.get("key") == _RSA_2048:
            leaf["key"] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        elif leaf.get("key") == _RSA_1024:
            # The weak key under test.
            leaf["key"] = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505
        cert_file, key_file = self.pki.leaf(name, **leaf)
        return server_context(cert_file, key_file, **{"ciphers": GOOD_TLS12_CIPHERS, **case.server})

    def __getitem__(self, name: str) -> list[Finding]:
        if name not in self.findings:
            case = CASES[name]
            server = TlsServer(self.context(name))
            progress: list[tuple[int, str]] = []
            try:
                options = dict(case.options)
                if case.trusted:
                    options["trust_store"] = self.pki.ca_pem
                if case.url_target:
                    target = f"https://localhost:{server.port}/"
                else:
                    target, options["ports"] = case.host, [server.port]
                self.findings[name] = run_scanner(
                    TlsScanner(),
                    target,
                    options,
                    report_progress=lambda percent, step: progress.append((percent, step)),
                )
            finally:
                server.close()
            self.ports[name] = server.port
            self.progress[name] = progress
        return self.findings[name]

    def one(self, name: str, check_id: str) -> Finding:
        matches = [f for f in self[name] if f.check_id == check_id]
        assert len(matches) == 1, (check_id, check_ids(self[name]))
        return matches[0]


@pytest.fixture(scope="module")
def scans(pki) -> Scans:
    return Scans(pki)


# --- the plugin and its catalogue -------------------------------------------------------------


def test_plugin_is_well_formed() -> None:
    scanners = tls_plugin.cyberorigen_scanners()
    assert [type(s) for s in scanners] == [TlsScanner]
    assert tls_plugin.PLUGIN_API == "~=1.0"
    assert_well_formed(scanners[0])
    assert scanners[0].name == "tls"
    for check in scanners[0].checks:
        assert check.references and all(ref.startswith("https://") for ref in check.references)
        assert "host:port" in check.fingerprint


@pytest.mark.skipif(not CSV_PATH.exists(), reason="reference checks_mappings.csv not present")
def test_catalogue_follows_the_reference_csv() -> None:
    with CSV_PATH.open(newline="", encoding="utf-8") as handle:
        rows = {row["check_id"]: row for row in csv.DictReader(handle)}
    reference = {key for key in rows if key.startswith("tls.")}
    declared = {check.id: check for check in TlsScanner.checks}
    assert set(declared) == (reference - LEFT_OUT) | BEYOND_REFERENCE
    for check_id, check in declared.items():
        if check_id in BEYOND_REFERENCE:
            continue
        assert check.title == rows[check_id]["title"]
        assert check.severity.value == rows[check_id]["default_severity"]
    assert all(check_id in (tls_checks.__doc__ or "") for check_id in LEFT_OUT)


def test_options_defaults_and_validation(pki) -> None:
    scanner = TlsScanner()
    assert validated_options(scanner) == {
        "ports": None,
        "sni": None,
        "timeout": 30.0,
        "trust_store": None,
    }
    loaded = validated_options(
        scanner, {"ports": [443, 8443], "sni": "www.example.com", "trust_store": pki.ca_pem}
    )
    assert loaded["ports"] == [443, 8443] and loaded["sni"] == "www.example.com"
    for bad in (
        {"ports": [0]},
        {"ports": []},
        {"ports": ["443"]},
        {"sni": "not a host"},
        {"timeout": 0},
        {"trust_store": "not a certificate"},
        {"trust_store": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"},
    ):
        with pytest.raises(ma.ValidationError):
            validated_options(scanner, bad)


# --- live scans -------------------------------------------------------------------------------


def test_well_configured_server_has_no_findings_above_info(scans) -> None:
    """TLS 1.2 + 1.3, ECDHE with AEAD suites only, a 90-day certificate from the test CA
    (given as trust_store), scanned through a URL target whose port is the default."""
    findings = scans["good"]
    assert all(finding.severity == Severity.INFO for finding in findings), [
        (f.check_id, f.evidence) for f in findings
    ]
    assert not check_ids(findings) & (PROTOCOL_CHECKS | CIPHER_CHECKS | CERT_CHECKS)
    assert "tls.vuln.known_protocol_flaw" not in check_ids(findings)
    progress = scans.progress["good"]
    assert progress[0] == (0, f"scanning localhost:{scans.ports['good']}")
    assert progress[-1] == (100, "done")


#: case -> (checks that must fire, checks that may fire too). Every other check of the
#: protocol, cipher and certificate families must stay silent.
FIRING = {
    "old_protocols": (
        {
            "tls.protocol.tls1_0_enabled",
            "tls.protocol.tls1_1_enabled",
            "tls.protocol.no_modern_tls",
            "tls.cipher.cbc_obsolete",
            "tls.protocol.tls13_not_offered",
        },
        set(),
    ),
    "null_anon": ({"tls.cipher.null_anon_export", "tls.protocol.tls13_not_offered"}, set()),
    "static_rsa": ({"tls.no_forward_secrecy", "tls.protocol.tls13_not_offered"}, set()),
    "expired": ({"tls.cert.expired"}, set()),
    "expires_20": ({"tls.cert.expires_within_30d"}, set()),
    "expires_45": ({"tls.cert.expires_within_60d"}, set()),
    "self_signed": ({"tls.cert.self_signed"}, set()),
    "good_untrusted": ({"tls.cert.untrusted_chain"}, set()),
    "wrong_host": ({"tls.cert.hostname_mismatch"}, set()),
    "sha1": ({"tls.cert.weak_signature"}, {"tls.cert.self_signed"}),
    "rsa1024": ({"tls.cert.weak_key"}, {"tls.cert.untrusted_chain"}),
    "long_validity": ({"tls.cert.validity_over_398d"}, set()),
}


@pytest.mark.parametrize("case", sorted(FIRING))
def test_check_fires_on_its_condition_and_nothing_else(scans, case) -> None:
    """Each case fires its check(s); the well-configured server (previous test) is the
    silent case of every one of them."""
    must, may = FIRING[case]
    ids = check_ids(scans[case])
    assert must <= ids, ids
    assert ids - must - may == set(), ids
    assert all(f.location == f"localhost:{scans.ports[case]}" for f in scans[case])


def test_protocol_evidence_lists_what_was_accepted(scans) -> None:
    finding = scans.one("old_protocols", "tls.protocol.tls1_0_enabled")
    assert finding.severity == Severity.MEDIUM
    assert finding.evidence["protocol"] == "TLS 1.0"
    assert finding.evidence["cipher_suites"] == ["TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"]
    assert finding.evidence["protocols_accepted"] == ["TLS 1.0", "TLS 1.1"]
    cbc = scans.one("old_protocols", "tls.cipher.cbc_obsolete")
    assert cbc.evidence["cipher_suites"]["TLS 1.1"] == ["TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"]
    assert cbc.remediation and cbc.references


def test_cipher_evidence(scans) -> None:
    null = scans.one("null_anon", "tls.cipher.null_anon_export")
    assert null.severity == Severity.CRITICAL
    assert set(null.evidence["cipher_suites"]["TLS 1.2"]) == {
        "TLS_ECDHE_ECDSA_WITH_NULL_SHA",
        "TLS_ECDH_anon_WITH_NULL_SHA",
    }
    no_fs = scans.one("static_rsa", "tls.no_forward_secrecy")
    assert set(no_fs.evidence["cipher_suites"]["TLS 1.2"]) == {
        "TLS_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_RSA_WITH_AES_256_GCM_SHA384",
    }


def test_certificate_evidence(scans) -> None:
    finding = scans.one("expired", "tls.cert.expired")
    evidence = finding.evidence
    assert evidence["subject"] == "CN=localhost"
    assert evidence["issuer"] == "CN=CyberOrigen TLS test CA"
    assert evidence["subject_alt_names"] == ["localhost", "127.0.0.1"]
    assert evidence["key_type"] == "EC" and evidence["key_size"] == 256
    assert evidence["signature_algorithm"] == "ecdsa-with-SHA256"
    not_after = datetime.datetime.fromisoformat(evidence["not_after"].replace("Z", "+00:00"))
    assert not_after < datetime.datetime.now(datetime.UTC)
    assert evidence["not_before"] and evidence["expired_days_ago"] in (9, 10)


def test_expiry_reports_the_tighter_window_only(scans) -> None:
    assert scans.one("expires_20", "tls.cert.expires_within_30d").evidence["days_left"] == 19
    assert "tls.cert.expires_within_60d" not in check_ids(scans["expires_20"])
    assert scans.one("expires_45", "tls.cert.expires_within_60d").severity == Severity.MEDIUM
    assert "tls.cert.expires_within_30d" not in check_ids(scans["expires_45"])


def test_weak_certificate_details(scans) -> None:
    sha1 = scans.one("sha1", "tls.cert.weak_signature")
    assert sha1.severity == Severity.MEDIUM
    assert sha1.evidence["signature_hash"] == "sha1"
    weak_key = scans.one("rsa1024", "tls.cert.weak_key")
    assert weak_key.severity == Severity.MEDIUM
    assert (weak_key.evidence["key_type"], weak_key.evidence["key_size"]) == ("RSA", 1024)
    assert (
        scans.one("long_validity", "tls.cert.validity_over_398d").evidence["validity_days"] == 500
    )


def test_untrusted_and_self_signed(scans) -> None:
    untrusted = scans.one("good_untrusted", "tls.cert.untrusted_chain")
    assert untrusted.evidence["validation_error"]
    self_signed = scans.one("self_signed", "tls.cert.self_signed")
    assert self_signed.evidence["issuer"] == self_signed.evidence["subject"] == "CN=localhost"


def test_ip_target_is_matched_against_the_address(scans) -> None:
    """Without sni, an IP target's certificate must hold the address (it does here)."""
    assert scans["good_by_address"] == []


def test_hostname_is_matched_against_sni(scans) -> None:
    mismatch = scans.one("wrong_host", "tls.cert.hostname_mismatch")
    assert mismatch.evidence["expected_name"] == "localhost"
    assert mismatch.evidence["subject_alt_names"] == ["wrong.example"]
    assert "tls.cert.hostname_mismatch" not in check_ids(scans["wrong_host_sni"])
    assert not check_ids(scans["wrong_host_sni"])


# --- errors, cancellation, deadline -----------------------------------------------------------


@pytest.fixture
def good_server(pki) -> Iterator[TlsServer]:
    server = TlsServer(Scans(pki).context("good"))
    yield server
    server.close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_port_is_an_error() -> None:
    port = _closed_port()
    with pytest.raises(TargetUnreachable, match=f"cannot connect to 127.0.0.1 port {port}"):
        run_scanner(TlsScanner(), "127.0.0.1", {"ports": [port]})


def test_port_without_tls_is_an_error() -> None:
    server = TlsServer(None)
    try:
        with pytest.raises(TargetUnreachable, match="connectivity test failed"):
            run_scanner(TlsScanner(), "127.0.0.1", {"ports": [server.port], "timeout": 10})
    finally:
        server.close()


def test_one_failing_port_fails_the_scan_after_the_others(pki, good_server) -> None:
    closed = _closed_port()
    scanner = TlsScanner()
    ctx = ScanContext(
        Target.parse("localhost"),
        validated_options(
            scanner, {"ports": [good_server.port, closed], "trust_store": pki.ca_pem}
        ),
        deadline=time.monotonic() + 60,
    )
    seen: list[Finding] = []
    with pytest.raises(TlsScanError, match=f"localhost port {closed}"):
        for finding in scanner.run(ctx):
            seen.append(finding)
    assert seen == []  # the good port had nothing to report, and was scanned


def test_cancellation_stops_the_scan(pki, good_server) -> None:
    calls = iter([False])
    with pytest.raises(ScanCancelled):
        run_scanner(
            TlsScanner(),
            "localhost",
            {"ports": [good_server.port], "trust_store": pki.ca_pem},
            is_cancelled=lambda: next(calls, True),
        )


def test_deadline_is_respected(pki, good_server) -> None:
    with pytest.raises(ScanTimedOut):
        run_scanner(
            TlsScanner(),
            "localhost",
            {"ports": [good_server.port], "trust_store": pki.ca_pem},
            timeout=0.3,
        )


# --- the mapping from recorded sslyze results -------------------------------------------------


@dataclass(frozen=True)
class Recorded:
    result: dict[str, Any]
    ca_pem: str
    now: datetime.datetime

    def edited(self) -> dict[str, Any]:
        return copy.deepcopy(self.result)

    def judge(self, result: dict[str, Any]) -> list[Finding]:
        return TlsScanner().findings_from_result(
            result,
            location="localhost:443",
            expected_name="localhost",
            trust_store=self.ca_pem,
            now=self.now,
        )


@pytest.fixture(scope="module")
def recorded() -> Recorded:
    document = json.loads((DATA / "recorded_scan.json").read_text())
    started = datetime.datetime.fromisoformat(document["date_scans_started"])
    if started.tzinfo is None:
        started = started.replace(tzinfo=datetime.UTC)
    return Recorded(
        document["server_scan_results"][0], (DATA / "recorded_ca.pem").read_text(), started
    )


def _suite(name: str, anonymous: bool = False) -> dict[str, Any]:
    return {
        "cipher_suite": {
            "name": name,
            "is_anonymous": anonymous,
            "key_size": 128,
            "openssl_name": name,
        },
        "ephemeral_key": None,
    }


def _accept(result: dict[str, Any], command: str, *names: str) -> None:
    entry = result["scan_result"][command]["result"]
    entry["is_tls_version_supported"] = True
    entry["accepted_cipher_suites"] = [_suite(name) for name in names]


def test_recorded_well_configured_scan_has_no_findings(recorded) -> None:
    """The recorded sslyze JSON itself (unedited): a good server, nothing to report."""
    assert recorded.judge(recorded.edited()) == []


def test_sslv2_mapping(recorded) -> None:
    """Mapping test (local OpenSSL 3 cannot serve SSL 2.0): the recorded scan edited to show
    SSL 2.0 accepted with an RC4/MD5 suite."""
    result = recorded.edited()
    _accept(result, "ssl_2_0_cipher_suites", "SSL_CK_RC4_128_WITH_MD5")
    findings = recorded.judge(result)
    assert check_ids(findings) == {"tls.protocol.sslv2_enabled", "tls.cipher.weak_rc4_des"}
    sslv2 = next(f for f in findings if f.check_id == "tls.protocol.sslv2_enabled")
    assert sslv2.severity == Severity.CRITICAL
    assert sslv2.evidence["protocols_accepted"] == ["SSL 2.0", "TLS 1.2", "TLS 1.3"]


def test_sslv3_and_3des_mapping(recorded) -> None:
    """Mapping test (no SSL 3.0 or 3DES in local OpenSSL 3): SSL 3.0 with a 3DES suite."""
    result = recorded.edited()
    _accept(result, "ssl_3_0_cipher_suites", "TLS_RSA_WITH_3DES_EDE_CBC_SHA")
    findings = recorded.judge(result)
    assert check_ids(findings) == {"tls.protocol.sslv3_enabled", "tls.cipher.3des"}
    triple = next(f for f in findings if f.check_id == "tls.cipher.3des")
    assert triple.evidence["cipher_suites"] == {"SSL 3.0": ["TLS_RSA_WITH_3DES_EDE_CBC_SHA"]}


def test_rc4_des_export_mapping(recorded) -> None:
    """Mapping test (RC4, DES and EXPORT suites are gone from local OpenSSL 3): TLS 1.2
    edited to also accept them; each suite is reported under the most serious check only."""
    result = recorded.edited()
    entry = result["scan_result"]["tls_1_2_cipher_suites"]["result"]
    entry["accepted_cipher_suites"] += [
        _suite("TLS_RSA_WITH_RC4_128_SHA"),
        _suite("TLS_RSA_WITH_DES_CBC_SHA"),
        _suite("TLS_RSA_EXPORT_WITH_RC4_40_MD5"),
        _suite("TLS_RSA_WITH_IDEA_CBC_SHA"),
    ]
    findings = {f.check_id: f for f in recorded.judge(result)}
    assert set(findings) == {
        "tls.cipher.weak_rc4_des",
        "tls.cipher.null_anon_export",
        "tls.cipher.3des",
    }
    assert findings["tls.cipher.weak_rc4_des"].evidence["cipher_suites"] == {
        "TLS 1.2": ["TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_DES_CBC_SHA"]
    }
    assert findings["tls.cipher.null_anon_export"].evidence["cipher_suites"] == {
        "TLS 1.2": ["TLS_RSA_EXPORT_WITH_RC4_40_MD5"]
    }
    assert findings["tls.cipher.weak_rc4_des"].severity == Severity.HIGH


@pytest.mark.parametrize(
    ("command", "field", "value", "flaw", "severity"),
    [
        ("heartbleed", "is_vulnerable_to_heartbleed", True, "Heartbleed", Severity.CRITICAL),
        (
            "openssl_ccs_injection",
            "is_vulnerable_to_ccs_injection",
            True,
            "CCS injection",
            Severity.CRITICAL,
        ),
        ("robot", "robot_result", "VULNERABLE_STRONG_ORACLE", "ROBOT", Severity.CRITICAL),
        ("robot", "robot_result", "VULNERABLE_WEAK_ORACLE", "ROBOT", Severity.HIGH),
        (
            "session_renegotiation",
            "supports_secure_renegotiation",
            False,
            "Insecure renegotiation",
            Severity.HIGH,
        ),
    ],
)
def test_known_flaw_mapping(recorded, command, field, value, flaw, severity) -> None:
    """Mapping test (these flaws cannot be produced by the local OpenSSL): the recorded
    scan edited to show the flaw; one check id, evidence naming the flaw."""
    result = recorded.edited()
    result["scan_result"][command]["result"][field] = value
    findings = recorded.judge(result)
    assert check_ids(findings) == {"tls.vuln.known_protocol_flaw"}
    assert findings[0].severity == severity
    assert len(findings[0].evidence["flaws"]) == 1
    assert flaw in findings[0].evidence["flaws"][0]


def test_several_flaws_make_one_finding(recorded) -> None:
    """Mapping test: Heartbleed and insecure renegotiation together, one critical finding."""
    result = recorded.edited()
    result["scan_result"]["heartbleed"]["result"]["is_vulnerable_to_heartbleed"] = True
    renegotiation = result["scan_result"]["session_renegotiation"]["result"]
    renegotiation["supports_secure_renegotiation"] = False
    (finding,) = recorded.judge(result)
    assert finding.severity == Severity.CRITICAL and len(finding.evidence["flaws"]) == 2


def test_renegotiation_is_not_judged_on_tls13_only(recorded) -> None:
    """Mapping test: renegotiation does not exist in TLS 1.3, so a 1.3-only server reported
    without secure renegotiation is not a flaw."""
    result = recorded.edited()
    result["scan_result"]["tls_1_2_cipher_suites"]["result"]["is_tls_version_supported"] = False
    result["scan_result"]["tls_1_2_cipher_suites"]["result"]["accepted_cipher_suites"] = []
    result["scan_result"]["session_renegotiation"]["result"]["supports_secure_renegotiation"] = (
        False
    )
    assert recorded.judge(result) == []


def test_md5_signature_and_small_keys_mapping(recorded) -> None:
    """Mapping test (cryptography will not make MD5 certificates; small EC curves are not
    served by OpenSSL 3): the recorded leaf's described signature and key edited."""
    result = recorded.edited()
    leaf = result["scan_result"]["certificate_info"]["result"]["certificate_deployments"][0][
        "received_certificate_chain"
    ][0]
    leaf["signature_hash_algorithm"] = {"name": "md5", "digest_size": 16}
    leaf["signature_algorithm_oid"] = {
        "name": "md5WithRSAEncryption",
        "dotted_string": "1.2.840.113549.1.1.4",
    }
    leaf["public_key"] = {**leaf["public_key"], "algorithm": "ECPublicKey", "key_size": 192}
    findings = {f.check_id: f for f in recorded.judge(result)}
    assert set(findings) == {"tls.cert.weak_signature", "tls.cert.weak_key"}
    assert findings["tls.cert.weak_signature"].severity == Severity.CRITICAL
    assert findings["tls.cert.weak_key"].evidence["key_type"] == "EC"
    leaf["public_key"] = {**leaf["public_key"], "algorithm": "RSAPublicKey", "key_size": 512}
    weak_key = next(f for f in recorded.judge(result) if f.check_id == "tls.cert.weak_key")
    assert weak_key.severity == Severity.CRITICAL


def test_failed_scan_command_is_an_error_not_a_pass(recorded) -> None:
    """Mapping test: a scan command that sslyze could not complete."""
    result = recorded.edited()
    result["scan_result"]["robot"] = {
        "status": "ERROR",
        "error_reason": "CONNECTIVITY_ISSUE",
        "error_trace": "...",
        "result": None,
    }
    with pytest.raises(IncompleteScan, match="robot: CONNECTIVITY_ISSUE"):
        recorded.judge(result)


def test_no_connectivity_is_an_error(recorded) -> None:
    """Mapping test: sslyze's connectivity test failed."""
    result = recorded.edited()
    result.update(
        scan_status="ERROR_NO_CONNECTIVITY",
        connectivity_status="ERROR",
        connectivity_error_trace="Traceback ...\nConnectionToServerFailed: handshake failed",
        scan_result=None,
    )
    with pytest.raises(TargetUnreachable, match="handshake failed"):
        recorded.judge(result)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TLS_NULL_WITH_NULL_NULL", "tls.cipher.null_anon_export"),
        ("TLS_DH_anon_WITH_AES_128_GCM_SHA256", "tls.cipher.null_anon_export"),
        ("SSL_CK_RC4_128_EXPORT40_WITH_MD5", "tls.cipher.null_anon_export"),
        ("SSL_CK_DES_64_CBC_WITH_MD5", "tls.cipher.weak_rc4_des"),
        ("TLS_RSA_WITH_RC4_128_MD5", "tls.cipher.weak_rc4_des"),
        ("SSL_CK_DES_192_EDE3_CBC_WITH_MD5", "tls.cipher.weak_rc4_des"),
        ("TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "tls.cipher.3des"),
        ("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "tls.cipher.cbc_obsolete"),
        ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", None),
        ("TLS_AES_128_GCM_SHA256", None),
        ("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", None),
    ],
)
def test_cipher_classification(name, expected) -> None:
    assert cipher_class(name) == expected


def test_forward_secrecy_classification() -> None:
    assert has_forward_secrecy("TLS_AES_256_GCM_SHA384")
    assert has_forward_secrecy("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
    assert has_forward_secrecy("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
    assert not has_forward_secrecy("TLS_RSA_WITH_AES_128_GCM_SHA256")
    assert not has_forward_secrecy("TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256")
