"""The TLS scanner: runs sslyze against each port of the target and judges the protocol
versions, cipher suites, known implementation flaws and certificates it sees.

Each port gets one sslyze server scan (connectivity test first, then the scan commands in
:data:`SCAN_COMMANDS`). sslyze runs in a helper thread while this one watches the deadline
and the scan's cancellation; sslyze cannot be interrupted, so on either the scanner stops
waiting and the helper finishes on its own (each of its connections is bounded by the
network timeout). Results are converted to sslyze's JSON form and judged by
:mod:`cyberorigen.plugins.tls.analysis`; checks that a failed scan command leaves undecided
(TLS 1.3 offered or not, key exchange groups) are reported through ``ctx.not_examined``.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import socket
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import marshmallow as ma
from cryptography.utils import CryptographyDeprecationWarning
from marshmallow import fields, validate

from cyberorigen.plugin_api import Finding, ScanContext, Scanner, ScanScope
from cyberorigen.plugin_api.options import validate_ca_pem
from cyberorigen.plugins.tls.analysis import Analysis, analyze
from cyberorigen.plugins.tls.checks import CHECKS

#: Most seconds one connection attempt of sslyze may take.
MAX_NETWORK_TIMEOUT = 5
DEFAULT_PORT = 443


class TlsScanError(Exception):
    """The scan could not be done; the message says why."""


class TargetUnreachable(TlsScanError, ConnectionError):
    """No TCP connection or no TLS handshake could be made."""


class ScanTimedOut(TlsScanError, TimeoutError):
    """sslyze did not finish within the time allowed."""


class IncompleteScan(TlsScanError):
    """Some of sslyze's scan commands failed: what they check is unknown."""


# --- options ----------------------------------------------------------------------------------


def _validate_server_name(value: str) -> None:
    labels = value.rstrip(".").split(".")
    if (
        not value
        or len(value) > 253
        or not all(
            0 < len(label) <= 63
            and label.replace("-", "").replace("_", "").isalnum()
            and label.isascii()
            for label in labels
        )
    ):
        raise ma.ValidationError("expected a DNS host name such as www.example.com")


class TlsOptionsSchema(ma.Schema):
    """Options of the ``tls`` scanner."""

    ports = fields.List(
        fields.Integer(strict=True, validate=validate.Range(min=1, max=65535)),
        load_default=None,
        validate=validate.Length(min=1, max=20),
        metadata={
            "description": "TCP ports where TLS is scanned, each separately. Default: the "
            "URL's port for a URL target that names one, else [443]."
        },
    )
    sni = fields.String(
        load_default=None,
        validate=_validate_server_name,
        metadata={
            "description": "Server name sent in the TLS SNI extension and matched against "
            "the certificate. Default: the target host when it is a host name (for IP "
            "targets the address itself is sent and matched)."
        },
    )
    timeout = fields.Float(
        load_default=30.0,
        validate=validate.Range(min=1, max=600),
        metadata={
            "description": "Seconds allowed for scanning each port, 1-600 (default 30); never "
            "beyond the scanner's own deadline. Each connection attempt gives up after at "
            f"most {MAX_NETWORK_TIMEOUT} seconds."
        },
    )
    trust_store = fields.String(
        load_default=None,
        validate=[validate.Length(max=1_000_000), validate_ca_pem],
        metadata={
            "description": "PEM text of extra CA certificates to trust, on top of the "
            "Mozilla root store (for internal CAs and known self-signed certificates)."
        },
    )


# --- plan -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    host: str
    ports: tuple[int, ...]
    server_name: str
    is_ip: bool

    def location(self, port: int) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{port}"


def plan_for(ctx: ScanContext) -> Plan:
    target, options = ctx.target, ctx.options
    host = target.host.strip("[]")
    if not host:
        raise TlsScanError(f"no host in target {target.value!r}")
    try:
        ipaddress.ip_address(host)
        is_ip = True
    except ValueError:
        is_ip = False
    ports = options.get("ports") or [target.port or DEFAULT_PORT]
    server_name = options.get("sni") or host
    return Plan(host, tuple(dict.fromkeys(ports)), server_name, is_ip)


def _connectable_address(scope: ScanScope, host: str, port: int, timeout: float) -> str:
    """The first address of ``host`` that the scan's scope allows (OutOfScope when none is)
    and that accepts a TCP connection on ``port``."""
    try:
        addresses = scope.addresses(host, port)
    except (OSError, UnicodeError) as exc:
        raise TargetUnreachable(f"cannot resolve {host}: {exc}") from None
    reasons = []
    for address in addresses:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        try:
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.settimeout(timeout)
                sock.connect((address, port))
        except OSError as exc:
            reasons.append(f"{address}: {exc.strerror or exc}")
            continue
        return address
    raise TargetUnreachable(f"cannot connect to {host} port {port}: {'; '.join(reasons)}")


# --- running sslyze ---------------------------------------------------------------------------

#: The sslyze scan commands every port gets, by their sslyze names (sslyze itself is imported
#: only when a scan runs).
SCAN_COMMANDS = (
    "ssl_2_0_cipher_suites",
    "ssl_3_0_cipher_suites",
    "tls_1_0_cipher_suites",
    "tls_1_1_cipher_suites",
    "tls_1_2_cipher_suites",
    "tls_1_3_cipher_suites",
    "certificate_info",
    "heartbleed",
    "robot",
    "openssl_ccs_injection",
    "session_renegotiation",
)


def _scan_request(
    plan: Plan, port: int, address: str, network_timeout: int, ca_file: Path | None
) -> Any:
    from sslyze import (
        CertificateInfoExtraArgument,
        ScanCommand,
        ScanCommandsExtraArguments,
        ServerNetworkConfiguration,
        ServerNetworkLocation,
        ServerScanRequest,
    )

    commands = {ScanCommand(name) for name in SCAN_COMMANDS}
    extra = ScanCommandsExtraArguments(
        certificate_info=CertificateInfoExtraArgument(custom_ca_file=ca_file) if ca_file else None
    )
    return ServerScanRequest(
        server_location=ServerNetworkLocation(
            hostname=plan.host,
            port=port,
            ip_address=address,
        ),
        network_configuration=ServerNetworkConfiguration(
            tls_server_name_indication=plan.server_name,
            network_timeout=network_timeout,
            network_max_retries=2,
        ),
        scan_commands=commands,
        scan_commands_extra_arguments=extra,
    )


def run_sslyze(ctx: ScanContext, request: Any, budget: float) -> Mapping[str, Any]:
    """Run one sslyze server scan in a helper thread; return its result as sslyze's JSON."""
    from sslyze import Scanner as SslyzeScanner
    from sslyze import ServerScanResultAsJson

    box: dict[str, Any] = {}

    def work() -> None:
        try:
            scanner = SslyzeScanner(concurrent_server_scans_limit=1)
            scanner.queue_scans([request])
            for result in scanner.get_results():
                box["result"] = ServerScanResultAsJson.model_validate(result).model_dump(
                    mode="json"
                )
        except BaseException as exc:  # reported to the scanning thread below
            box["error"] = exc

    worker = threading.Thread(target=work, name="sslyze", daemon=True)
    deadline = time.monotonic() + budget
    with warnings.catch_warnings():
        # sslyze's bundled root stores hold certificates that cryptography warns about.
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        worker.start()
        while worker.is_alive():
            worker.join(0.2)
            ctx.check_cancelled()
            if worker.is_alive() and time.monotonic() >= deadline:
                raise ScanTimedOut(f"sslyze did not finish within {budget:.0f} seconds")
    if "error" in box:
        raise TlsScanError(f"sslyze failed: {box['error']!r}") from box["error"]
    if "result" not in box:
        raise TlsScanError("sslyze returned no result")
    return box["result"]


# --- the scanner ------------------------------------------------------------------------------


class TlsScanner(Scanner):
    """Protocol versions, cipher suites, known flaws and certificates of TLS services."""

    name = "tls"
    title = "TLS configuration and certificates (sslyze)"
    version = "1.1.0"
    target_kinds = ("hostname", "ip", "url")
    #: Every port discovery found speaking TLS (HTTPS, or TLS around anything else).
    services = ("tls",)
    checks = CHECKS
    options_schema = TlsOptionsSchema
    timeout = 300.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        plan = plan_for(ctx)
        trust_store = ctx.options.get("trust_store")
        failures: list[str] = []
        ca_file: Path | None = None
        try:
            if trust_store:
                handle, name = tempfile.mkstemp(prefix="cyberorigen-tls-", suffix=".pem")
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(trust_store)
                ca_file = Path(name)
            for index, port in enumerate(plan.ports):
                ctx.check_cancelled()
                location = plan.location(port)
                ctx.progress(100 * index // len(plan.ports), f"scanning {location}")
                try:
                    yield from self._scan_port(ctx, plan, port, ca_file, trust_store)
                except (TargetUnreachable, IncompleteScan) as exc:
                    if len(plan.ports) == 1:
                        raise
                    failures.append(str(exc))
        finally:
            if ca_file is not None:
                ca_file.unlink(missing_ok=True)
        if failures:
            raise TlsScanError("; ".join(failures))
        ctx.progress(100, "done")

    def _scan_port(
        self,
        ctx: ScanContext,
        plan: Plan,
        port: int,
        ca_file: Path | None,
        trust_store: str | None,
    ) -> Iterator[Finding]:
        location = plan.location(port)
        budget = min(float(ctx.options.get("timeout") or 30.0), ctx.seconds_left())
        if budget <= 0:
            raise ScanTimedOut(f"no time left to scan {location}")
        network_timeout = max(1, min(MAX_NETWORK_TIMEOUT, int(budget)))
        address = _connectable_address(ctx.scope, plan.host, port, network_timeout)
        request = _scan_request(plan, port, address, network_timeout, ca_file)
        result = run_sslyze(ctx, request, budget)
        findings, analysis = self._assess(
            result, location=location, expected_name=plan.server_name, trust_store=trust_store
        )
        failed = analysis.failed_commands
        ctx.observed(f"TLS server at {location} ({address}) answered sslyze's scan")
        for check_id, reason in analysis.not_examined.items():
            ctx.not_examined((check_id,), f"{location}: {reason}")
        yield from findings
        if failed:
            # What was judged is reported; what sslyze could not find out is an error.
            raise IncompleteScan(
                f"the TLS scan of {location} is incomplete, sslyze failed: " + ", ".join(failed)
            )

    def judge(
        self,
        result: Mapping[str, Any],
        *,
        location: str,
        expected_name: str,
        trust_store: str | None = None,
        now: datetime.datetime | None = None,
    ) -> tuple[list[Finding], list[str]]:
        """Findings for one sslyze server scan result in its JSON form (live, or one entry
        of ``server_scan_results`` in a ``--json_out`` file), and the scan commands that
        failed. Raises :class:`TargetUnreachable` when sslyze could not connect."""
        findings, analysis = self._assess(
            result,
            location=location,
            expected_name=expected_name,
            trust_store=trust_store,
            now=now,
        )
        return findings, analysis.failed_commands

    def _assess(
        self,
        result: Mapping[str, Any],
        *,
        location: str,
        expected_name: str,
        trust_store: str | None = None,
        now: datetime.datetime | None = None,
    ) -> tuple[list[Finding], Analysis]:
        """Like :meth:`judge`, with the whole analysis (failed commands and the checks that
        could not be judged) instead of the failed commands only."""
        if result.get("scan_status") != "COMPLETED":
            trace = (result.get("connectivity_error_trace") or "").strip()
            reason = trace.splitlines()[-1] if trace else result.get("connectivity_status")
            raise TargetUnreachable(
                f"no TLS connection to {location}: sslyze's connectivity test failed ({reason})"
            )
        analysis = analyze(result, expected_name=expected_name, trust_store=trust_store, now=now)
        findings = [
            self.finding(
                observation.check_id,
                location,
                observation.evidence,
                **({"severity": observation.severity} if observation.severity else {}),
            )
            for observation in analysis.observations
        ]
        return findings, analysis

    def findings_from_result(self, result: Mapping[str, Any], **kwargs: Any) -> list[Finding]:
        """Like :meth:`judge`, but raises :class:`IncompleteScan` when commands failed."""
        findings, failed = self.judge(result, **kwargs)
        if failed:
            raise IncompleteScan(
                f"the TLS scan of {kwargs['location']} is incomplete, sslyze failed: "
                + ", ".join(failed)
            )
        return findings
