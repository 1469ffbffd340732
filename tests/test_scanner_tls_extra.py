"""``tls.protocol.tls13_not_offered`` and ``tls.weak_dh`` against real ``openssl s_server``
processes on 127.0.0.1, plus the pure analysis functions behind them as tables.

Servers are the machine's ``openssl s_server`` on a port the kernel picks (``-accept
127.0.0.1:0``; the port is read from its ``ACCEPT`` line), with certificates from the test CA
of ``support.pki`` (given to the scanner as ``trust_store``). Each server is scanned once per
module and the findings are shared by the tests.

What the machine's OpenSSL allows (written against ``OpenSSL 3.0.19 27 Jan 2026``, a Debian
build whose default security level is 2):

* a 1024-bit DH group: ``-dhparam`` fails at the default level (``SSL_CTX_set0_tmp_dh_pkey:
  dh key too small``); ``@SECLEVEL=1`` in the ``-cipher`` string is enough to serve it.
* DH groups below 1024 bits (768, 512): refused even at ``@SECLEVEL=0`` (OpenSSL 3.0 still
  wants 80 bits of security for DH there), so the case where sslyze's own client refuses the
  group ("dh key too small": the suite is accepted without an ephemeral key) is tested on
  the mapping only.
* ECDH curves below 224 bits: s_server serves P-192 at ``@SECLEVEL=0``, but sslyze's cipher
  suite scans never negotiate it (its clients do not offer P-192, or get P-256 when the
  server also has it), so the ECDH branch of ``tls.weak_dh`` is tested on the mapping only.
* ``-www``: without it s_server is an interactive echo server that stays with one connection
  until the client's EOF, one connection at a time; sslyze's parallel connections then made
  a scan take about 30 seconds instead of under one.

The 1024-bit group is RFC 2409's Oakley group 2 (the 1024-bit group Logjam's precomputation
targets), written by cryptography: fixed, nothing to generate. The 2048-bit one is RFC 7919's
ffdhe2048 (``openssl genpkey -genparam``); without ``-dhparam`` OpenSSL 3 picks its own group
to match the certificate key (2048 bits for the RSA 2048 keys here).
"""

from __future__ import annotations

import copy
import datetime
import json
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dh, rsa
from support.pki import Pki, make_pki

from cyberorigen.plugin_api import Finding, ScanContext, Severity, Target
from cyberorigen.plugin_api.testing import check_ids, run_scanner, validated_options
from cyberorigen.plugins.tls import checks as tls_checks
from cyberorigen.plugins.tls import scanner as tls_scanner
from cyberorigen.plugins.tls.analysis import (
    DH_REFUSED_BY_SSLYZE,
    Analysis,
    analyze,
    is_dhe,
    protocol_support,
    tls13_judgement,
    weak_key_exchange,
)
from cyberorigen.plugins.tls.scanner import IncompleteScan, TlsScanner

OPENSSL = shutil.which("openssl")
DATA = Path(__file__).parent / "data" / "tls"
TLS13 = "tls.protocol.tls13_not_offered"
WEAK_DH = "tls.weak_dh"
NEW_CHECKS = {TLS13, WEAK_DH}

#: RFC 2409 section 6.2, the second Oakley group: 1024-bit MODP, generator 2.
RFC2409_GROUP2_PRIME = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
    "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
    "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381"
    "FFFFFFFFFFFFFFFF",
    16,
)

needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="needs the openssl command line tool")


# --- openssl s_server -------------------------------------------------------------------------


class SServer:
    """``openssl s_server -www`` on 127.0.0.1, on the port the kernel gives it."""

    def __init__(self, cert_file: str, key_file: str, *arguments: str) -> None:
        assert OPENSSL is not None
        command = [OPENSSL, "s_server", "-accept", "127.0.0.1:0", "-www"]
        command += ["-cert", cert_file, "-key", key_file, *arguments]
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output: list[str] = []
        self.port = 0
        self._listening = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self._listening.wait(15) or not self.port:
            self.close()
            raise RuntimeError(f"openssl s_server did not start: {''.join(self.output)!r}")

    def _read(self) -> None:
        """Keep reading its output (so that it never blocks on a full pipe); note the port."""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            match = re.match(r"ACCEPT 127\.0\.0\.1:(\d+)", line)
            if match and not self.port:
                self.port = int(match.group(1))
                self._listening.set()
        self._listening.set()  # it exited

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process.stdin is not None:
            self.process.stdin.close()
        self._reader.join(2)


@dataclass(frozen=True)
class Case:
    key: str  # "rsa" (RSA 2048, needed by the DHE-RSA suites) or "ec" (P-256)
    arguments: tuple[str, ...]
    group: str | None = None  # "dh1024" or "ffdhe2048": given to s_server as -dhparam


CASES: dict[str, Case] = {
    # OpenSSL's defaults: TLS 1.2 and 1.3, DHE suites with a 2048-bit group of its choosing.
    "default": Case("rsa", ()),
    "no_tls13": Case("rsa", ("-no_tls1_3",)),
    "dhe1024": Case(
        "rsa", ("-no_tls1_3", "-cipher", "DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=1"), "dh1024"
    ),
    "dhe2048": Case("rsa", ("-no_tls1_3", "-cipher", "DHE-RSA-AES128-GCM-SHA256"), "ffdhe2048"),
    "ecdhe_only": Case("ec", ("-cipher", "ECDHE+AESGCM")),
}


def write_groups(folder: Path) -> dict[str, Path]:
    """The DH parameter files the cases use, as PEM (PKCS#3)."""
    weak = dh.DHParameterNumbers(RFC2409_GROUP2_PRIME, 2).parameters()
    groups = {"dh1024": folder / "rfc2409-group2.pem", "ffdhe2048": folder / "ffdhe2048.pem"}
    groups["dh1024"].write_bytes(
        weak.parameter_bytes(serialization.Encoding.PEM, serialization.ParameterFormat.PKCS3)
    )
    assert OPENSSL is not None
    subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [OPENSSL, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048"]
        + ["-out", str(groups["ffdhe2048"])],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return groups


@dataclass
class Scan:
    port: int
    findings: list[Finding]
    #: sslyze's result in its JSON form, as the scanner judged it.
    result: dict[str, Any]
    not_examined: dict[str, str]

    def one(self, check_id: str) -> Finding:
        matches = [f for f in self.findings if f.check_id == check_id]
        assert len(matches) == 1, (check_id, check_ids(self.findings))
        return matches[0]

    def ephemeral_keys(self, command: str) -> set[tuple[str, str, int]]:
        entry = self.result["scan_result"][command]["result"]
        return {
            (item["cipher_suite"]["name"], key["type_name"], key["size"])
            for item in entry["accepted_cipher_suites"]
            if (key := item["ephemeral_key"])
        }


@dataclass
class Servers:
    """Starts each case's s_server on first use, scans it once, keeps what was seen."""

    pki: Pki
    groups: dict[str, Path]
    scans: dict[str, Scan] = field(default_factory=dict)

    def start(self, name: str) -> SServer:
        case = CASES[name]
        options: dict[str, Any] = {}
        if case.key == "rsa":
            options["key"] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert_file, key_file = self.pki.leaf(f"sserver-{name}", **options)
        arguments = case.arguments
        if case.group:
            arguments += ("-dhparam", str(self.groups[case.group]))
        return SServer(cert_file, key_file, *arguments)

    def options(self, port: int) -> dict[str, Any]:
        return {"ports": [port], "trust_store": self.pki.ca_pem, "timeout": 60}

    def __getitem__(self, name: str) -> Scan:
        if name not in self.scans:
            server = self.start(name)
            results: list[dict[str, Any]] = []
            not_examined: dict[str, str] = {}
            try:
                with pytest.MonkeyPatch.context() as patch:
                    patch.setattr(tls_scanner, "run_sslyze", _recording(results))
                    findings = run_scanner(
                        TlsScanner(),
                        "localhost",
                        self.options(server.port),
                        not_examined=not_examined,
                    )
            finally:
                server.close()
            self.scans[name] = Scan(server.port, findings, results[0], not_examined)
        return self.scans[name]


def _recording(
    results: list[dict[str, Any]], edit: Callable[[dict[str, Any]], None] | None = None
) -> Callable[..., Any]:
    """``run_sslyze`` that keeps (and, with ``edit``, first changes) each result."""
    real = tls_scanner.run_sslyze

    def run(ctx: ScanContext, request: Any, budget: float) -> dict[str, Any]:
        result = copy.deepcopy(dict(real(ctx, request, budget)))
        if edit is not None:
            edit(result)
        results.append(result)
        return result

    return run


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Servers:
    if OPENSSL is None:
        pytest.skip("needs the openssl command line tool")
    folder = tmp_path_factory.mktemp("tls-extra")
    return Servers(make_pki(folder, "CyberOrigen TLS extra test CA"), write_groups(folder))


# --- the catalogue ----------------------------------------------------------------------------


def test_new_checks_are_catalogued_like_the_other_tls_checks() -> None:
    declared = {check.id: check for check in TlsScanner.checks}
    assert set(declared) >= NEW_CHECKS
    assert declared[TLS13].severity == Severity.INFO
    assert declared[WEAK_DH].severity == Severity.MEDIUM
    for check_id in NEW_CHECKS:
        check = declared[check_id]
        assert check.controls == ("ctrl_encryption_in_transit",)
        assert check.controls == declared["tls.no_forward_secrecy"].controls
        assert check.references and all(ref.startswith("https://") for ref in check.references)
        assert "host:port" in check.fingerprint
        assert check.description and check.remediation
    assert tls_checks.MIN_DH_BITS == 2048 and tls_checks.MIN_ECDH_BITS == 224


# --- live: openssl s_server -------------------------------------------------------------------


@needs_openssl
def test_openssl_refuses_a_1024_bit_group_at_its_default_security_level(servers) -> None:
    """Why the weak-DH server's cipher string carries @SECLEVEL=1 (see the module notes)."""
    cert_file, key_file = servers.pki.leaf("sserver-refused")
    with pytest.raises(RuntimeError, match="dh key too small"):
        SServer(
            cert_file,
            key_file,
            "-no_tls1_3",
            "-cipher",
            "DHE-RSA-AES128-GCM-SHA256",
            "-dhparam",
            str(servers.groups["dh1024"]),
        )


@needs_openssl
def test_default_server_offers_tls13_and_2048_bit_dh(servers) -> None:
    """s_server's defaults: TLS 1.3 and DHE suites with a 2048-bit group. Both checks are
    silent, and both were examined."""
    scan = servers["default"]
    assert not check_ids(scan.findings) & NEW_CHECKS
    assert scan.not_examined == {}
    tls13 = scan.result["scan_result"]["tls_1_3_cipher_suites"]["result"]
    assert tls13["is_tls_version_supported"]
    groups = scan.ephemeral_keys("tls_1_2_cipher_suites")
    assert ("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "DH", 2048) in groups
    assert {kind for _, kind, _ in groups} == {"DH", "ECDH"}


@needs_openssl
def test_tls13_not_offered_fires_without_tls13(servers) -> None:
    scan = servers["no_tls13"]
    finding = scan.one(TLS13)
    assert finding.severity == Severity.INFO
    assert finding.location == f"localhost:{scan.port}"
    assert finding.evidence == {"protocols_accepted": ["TLS 1.2"]}
    assert finding.remediation and finding.references
    assert WEAK_DH not in check_ids(scan.findings)  # its DHE suites use 2048-bit groups
    assert scan.not_examined == {}


@needs_openssl
def test_weak_dh_fires_on_a_1024_bit_group(servers) -> None:
    scan = servers["dhe1024"]
    finding = scan.one(WEAK_DH)
    assert finding.severity == Severity.MEDIUM
    assert finding.location == f"localhost:{scan.port}"
    assert finding.evidence == {
        "key_exchanges": {
            "TLS 1.2": [
                {"cipher_suite": "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "group": "DH", "size": 1024}
            ]
        },
        "protocols_accepted": ["TLS 1.2"],
    }
    assert TLS13 in check_ids(scan.findings)  # -no_tls1_3
    assert scan.not_examined == {}


@needs_openssl
def test_weak_dh_is_silent_on_a_2048_bit_group(servers) -> None:
    """The same server as the 1024-bit one, with RFC 7919's ffdhe2048 instead."""
    scan = servers["dhe2048"]
    assert scan.ephemeral_keys("tls_1_2_cipher_suites") == {
        ("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "DH", 2048)
    }
    assert WEAK_DH not in check_ids(scan.findings)
    assert TLS13 in check_ids(scan.findings)
    assert scan.not_examined == {}


@needs_openssl
def test_ecdhe_only_server_with_tls13_is_silent(servers) -> None:
    scan = servers["ecdhe_only"]
    assert not check_ids(scan.findings) & NEW_CHECKS
    assert scan.not_examined == {}
    assert {kind for _, kind, _ in scan.ephemeral_keys("tls_1_2_cipher_suites")} == {"ECDH"}


def _failed(command: str) -> Callable[[dict[str, Any]], None]:
    def edit(result: dict[str, Any]) -> None:
        result["scan_result"][command] = {
            "status": "ERROR",
            "error_reason": "CONNECTIVITY_ISSUE",
            "error_trace": "...",
            "result": None,
        }

    return edit


@needs_openssl
@pytest.mark.parametrize(
    ("case", "command", "check_id", "why"),
    [
        ("no_tls13", "tls_1_3_cipher_suites", TLS13, "TLS 1.3 scan failed (CONNECTIVITY_ISSUE)"),
        ("ecdhe_only", "tls_1_2_cipher_suites", WEAK_DH, "scans of TLS 1.2 failed"),
    ],
)
def test_failed_scan_command_leaves_the_check_not_examined(
    servers, case, command, check_id, why
) -> None:
    """A real scan whose result is edited to show sslyze's scan command failing: the check
    is neither fired nor passed but said not examined, and the scan is incomplete."""
    server = servers.start(case)
    scanner = TlsScanner()
    not_examined: dict[str, str] = {}
    ctx = ScanContext(
        Target.parse("localhost"),
        validated_options(scanner, servers.options(server.port)),
        deadline=time.monotonic() + 90,
        record_not_examined=lambda checks, reason: not_examined.update(
            dict.fromkeys(checks, reason)
        ),
    )
    seen: list[Finding] = []
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(tls_scanner, "run_sslyze", _recording([], _failed(command)))
            with pytest.raises(IncompleteScan, match=f"{command}: CONNECTIVITY_ISSUE"):
                for finding in scanner.run(ctx):
                    seen.append(finding)
    finally:
        server.close()
    assert set(not_examined) == {check_id}
    assert not_examined[check_id].startswith(f"localhost:{server.port}: ")
    assert why in not_examined[check_id]
    assert check_id not in check_ids(seen)


# --- the mapping from recorded sslyze results -------------------------------------------------


RECORDED = json.loads((DATA / "recorded_scan.json").read_text())
RECORDED_AT = datetime.datetime.fromisoformat(RECORDED["date_scans_started"]).replace(
    tzinfo=datetime.UTC
)


@pytest.fixture
def recorded() -> dict[str, Any]:
    """sslyze's JSON for a well-configured server (tests/data/tls, see test_scanner_tls),
    a copy for each test to edit."""
    return copy.deepcopy(RECORDED["server_scan_results"][0])


def _analyze(result: dict[str, Any]) -> Analysis:
    return analyze(
        result,
        expected_name="localhost",
        trust_store=(DATA / "recorded_ca.pem").read_text(),
        now=RECORDED_AT,
    )


def _key(kind: str, size: int, curve: str | None = None) -> dict[str, Any]:
    return {"type_name": kind, "size": size, "public_bytes": "", "curve_name": curve}


def test_recorded_good_scan_fires_neither_check(recorded) -> None:
    analysis = _analyze(recorded)
    assert not {o.check_id for o in analysis.observations} & NEW_CHECKS
    assert analysis.not_examined == {} and analysis.failed_commands == []


def test_recorded_scan_without_tls13(recorded) -> None:
    result = recorded
    entry = result["scan_result"]["tls_1_3_cipher_suites"]["result"]
    entry["is_tls_version_supported"] = False
    entry["accepted_cipher_suites"] = []
    (observation,) = [o for o in _analyze(result).observations if o.check_id == TLS13]
    assert observation.evidence == {"protocols_accepted": ["TLS 1.2"]}


def test_recorded_scan_with_weak_groups(recorded) -> None:
    """Mapping test (OpenSSL 3 serves no DH group below 1024 bits, and sslyze negotiates no
    curve below 224 bits with it): suites added to the recorded TLS 1.2 result."""
    result = recorded
    entry = result["scan_result"]["tls_1_2_cipher_suites"]["result"]

    def suite(name: str, key: dict[str, Any] | None) -> dict[str, Any]:
        return {
            "cipher_suite": {"name": name, "is_anonymous": False, "key_size": 128},
            "ephemeral_key": key,
        }

    entry["accepted_cipher_suites"] += [
        suite("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", _key("DH", 1024)),
        suite("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", None),
        suite("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", _key("ECDH", 192, "secp192r1")),
        suite("TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", _key("DH", 3072)),
    ]
    (observation,) = [o for o in _analyze(result).observations if o.check_id == WEAK_DH]
    assert observation.evidence == {
        "key_exchanges": {
            "TLS 1.2": [
                {
                    "cipher_suite": "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                    "group": "DH",
                    "size": 1024,
                },
                {
                    "cipher_suite": "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                    "group": "DH",
                    "size": None,
                    "note": DH_REFUSED_BY_SSLYZE,
                },
                {
                    "cipher_suite": "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                    "group": "ECDH",
                    "size": 192,
                    "curve": "secp192r1",
                },
            ]
        },
        "protocols_accepted": ["TLS 1.2", "TLS 1.3"],
    }
    assert observation.severity is None  # the check's own: medium


@pytest.mark.parametrize(
    ("command", "not_examined"),
    [
        ("tls_1_3_cipher_suites", {TLS13}),  # TLS 1.3 has no group below 2048 / 256 bits
        ("tls_1_2_cipher_suites", {WEAK_DH}),
        ("tls_1_0_cipher_suites", {WEAK_DH}),
        ("ssl_2_0_cipher_suites", set()),  # SSL 2.0 has no DH suites; TLS 1.3 is offered
        ("tls_1_1_cipher_suites", {WEAK_DH}),
    ],
)
def test_recorded_failed_command_leaves_checks_not_examined(
    recorded, command, not_examined
) -> None:
    result = recorded
    _failed(command)(result)
    analysis = _analyze(result)
    assert set(analysis.not_examined) == not_examined
    assert analysis.failed_commands == [f"{command}: CONNECTIVITY_ISSUE"]
    assert not {o.check_id for o in analysis.observations} & NEW_CHECKS


def test_weak_group_is_reported_even_when_another_protocol_scan_failed(recorded) -> None:
    result = recorded
    _failed("tls_1_1_cipher_suites")(result)
    suites = result["scan_result"]["tls_1_2_cipher_suites"]["result"]["accepted_cipher_suites"]
    suites[0]["ephemeral_key"] = _key("ECDH", 163, "sect163k1")
    analysis = _analyze(result)
    assert WEAK_DH in {o.check_id for o in analysis.observations}
    assert WEAK_DH not in analysis.not_examined


def test_protocol_support(recorded) -> None:
    result = recorded
    _failed("ssl_3_0_cipher_suites")(result)
    assert protocol_support(result["scan_result"]) == {
        "SSL 2.0": False,
        "SSL 3.0": "CONNECTIVITY_ISSUE",
        "TLS 1.0": False,
        "TLS 1.1": False,
        "TLS 1.2": True,
        "TLS 1.3": True,
    }
    assert protocol_support({})["TLS 1.3"] == "missing"


# --- the pure functions, as tables ------------------------------------------------------------

_NONE = dict.fromkeys(("SSL 2.0", "SSL 3.0", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"), False)


@pytest.mark.parametrize(
    ("support", "fires", "why"),
    [
        ({"TLS 1.2": True, "TLS 1.3": True}, None, None),
        ({"TLS 1.3": True}, None, None),  # TLS 1.3 only
        ({"TLS 1.2": True}, ["TLS 1.2"], None),
        ({"TLS 1.0": True, "TLS 1.1": True}, ["TLS 1.0", "TLS 1.1"], None),
        ({"SSL 3.0": True, "TLS 1.2": True}, ["SSL 3.0", "TLS 1.2"], None),
        ({"TLS 1.2": True, "TLS 1.3": "CONNECTIVITY_ISSUE"}, None, "(CONNECTIVITY_ISSUE)"),
        ({"TLS 1.2": True, "TLS 1.3": "missing"}, None, "TLS 1.3 scan failed (missing)"),
        ({"TLS 1.2": "BUG_IN_SSLYZE"}, None, "scans of TLS 1.2 failed"),
        ({"TLS 1.2": True, "TLS 1.1": "BUG_IN_SSLYZE"}, ["TLS 1.2"], None),
        ({}, None, None),  # nothing accepted at all: nothing to judge
    ],
)
def test_tls13_judgement(support, fires, why) -> None:
    observation, reason = tls13_judgement({**_NONE, **support})
    if fires is None:
        assert observation is None
    else:
        assert observation is not None and observation.check_id == TLS13
        assert observation.evidence == {"protocols_accepted": fires}
    if why is None:
        assert reason is None
    else:
        assert reason is not None and why in reason


@pytest.mark.parametrize(
    ("name", "key", "expected"),
    [
        ("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", _key("DH", 1024), ("DH", 1024)),
        ("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", _key("DH", 2047), ("DH", 2047)),
        ("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", _key("DH", 2048), None),
        ("TLS_DHE_DSS_WITH_AES_256_CBC_SHA", _key("DH", 4096), None),
        ("TLS_DH_anon_WITH_AES_128_CBC_SHA", _key("DH", 768), ("DH", 768)),
        ("TLS_AES_128_GCM_SHA256", _key("DH", 2048), None),  # TLS 1.3 ffdhe2048
        ("TLS_AES_128_GCM_SHA256", _key("ECDH", 253, "X25519"), None),
        ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", _key("ECDH", 256, "secp256r1"), None),
        ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", _key("ECDH", 224, "secp224r1"), None),
        ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", _key("ECDH", 192, "secp192r1"), ("ECDH", 192)),
        ("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", _key("ECDH", 163, "sect163k1"), ("ECDH", 163)),
        # Accepted without an ephemeral key: sslyze's client refused a too small DH group.
        ("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", None, ("DH", None)),
        ("TLS_DH_anon_WITH_AES_128_CBC_SHA", None, ("DH", None)),
        # No ephemeral key is expected: static RSA, or ECDHE (not inferred).
        ("TLS_RSA_WITH_AES_128_GCM_SHA256", None, None),
        ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", None, None),
        ("SSL_CK_RC4_128_WITH_MD5", None, None),
    ],
)
def test_weak_key_exchange(name, key, expected) -> None:
    found = weak_key_exchange(name, key)
    if expected is None:
        assert found is None
        return
    assert found is not None and found["cipher_suite"] == name
    assert (found["group"], found["size"]) == expected
    if expected[0] == "ECDH":
        assert found["curve"] == key["curve_name"]
    if key is None:
        assert found["note"] == DH_REFUSED_BY_SSLYZE


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", True),
        ("TLS_DHE_DSS_WITH_AES_256_CBC_SHA", True),
        ("TLS_DHE_PSK_WITH_AES_128_GCM_SHA256", True),
        ("TLS_DH_anon_WITH_AES_128_CBC_SHA", True),
        ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", False),
        ("TLS_ECDH_anon_WITH_NULL_SHA", False),
        ("TLS_DH_RSA_WITH_AES_128_CBC_SHA", False),  # static DH: no ephemeral key
        ("TLS_RSA_WITH_AES_128_GCM_SHA256", False),
        ("TLS_AES_128_GCM_SHA256", False),
        ("SSL_CK_DES_192_EDE3_CBC_WITH_MD5", False),
    ],
)
def test_is_dhe(name, expected) -> None:
    assert is_dhe(name) is expected
