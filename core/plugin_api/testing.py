"""Helpers for plugin authors' own tests: a scanner run exactly as a worker runs it, and
``TestAppliance``, a whole appliance with the author's plugin for end-to-end tests."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cyberorigen.plugin_api.interfaces import Finding, ScanContext, Scanner, Service, Target


def __getattr__(name: str) -> Any:
    """``TestAppliance`` is imported on first use: it brings the whole appliance (Flask, the
    database, every built-in plugin), which a scanner's unit tests do not need."""
    if name == "TestAppliance":
        from cyberorigen.plugin_api.harness import TestAppliance

        return TestAppliance
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def validated_options(scanner: Scanner, options: Mapping[str, Any] | None = None) -> dict:
    """``options`` loaded through the scanner's options schema (defaults filled in); raises
    marshmallow's ValidationError as the API would answer 422."""
    if scanner.options_schema is None:
        return dict(options or {})
    return scanner.options_schema().load(dict(options or {}))


def run_scanner(
    scanner: Scanner,
    target: str,
    options: Mapping[str, Any] | None = None,
    timeout: float | None = None,
    report_progress: Callable[[int, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    observations: list[str] | None = None,
    not_examined: dict[str, str] | None = None,
    service: Service | None = None,
    host_services: Sequence[Service] = (),
    discovered: list[Service] | None = None,
) -> list[Finding]:
    """Run ``scanner`` against ``target`` in this process and return all its findings.

    ``report_progress(percent, step)`` receives the scanner's progress reports,
    ``is_cancelled()`` stands for the scan's cancellation, as on a worker; the list
    ``observations`` receives what the scanner said it observed, and the dict
    ``not_examined`` the checks it said it did not examine, with the reason. ``service`` and
    ``host_services`` are what the scanner gets as ``ctx.service`` and ``ctx.host_services``
    (a run on a discovered service); the list ``discovered`` receives the services it
    reported with ``ctx.discovered``."""
    ctx = ScanContext(
        target=Target.parse(target),
        options=validated_options(scanner, options),
        deadline=time.monotonic() + (timeout or scanner.timeout),
        report_progress=report_progress or (lambda percent, step: None),
        is_cancelled=is_cancelled or (lambda: False),
        record_observation=lambda what: (
            observations.append(what) if observations is not None else None
        ),
        record_not_examined=lambda checks, why: (
            not_examined.update(dict.fromkeys(checks, why)) if not_examined is not None else None
        ),
        service=service,
        host_services=host_services,
        record_service=lambda found: discovered.append(found) if discovered is not None else None,
    )
    return list(scanner.run(ctx))


def check_ids(findings: list[Finding]) -> set[str]:
    return {finding.check_id for finding in findings}


def assert_well_formed(scanner: Scanner) -> None:
    """Fail unless the scanner declares what the core requires of it."""
    assert scanner.name and scanner.name.isidentifier(), "name must be an identifier"
    assert scanner.title, "title is required"
    ids = [check.id for check in scanner.checks]
    assert ids and len(ids) == len(set(ids)), "checks must be declared, ids unique"
    for check in scanner.checks:
        assert check.id.startswith(scanner.name + "."), (
            f"{check.id} must start with {scanner.name}."
        )
        assert check.remediation and check.description, f"{check.id} needs text"


def make_test_ca(
    common_name: str = "CyberOrigen test CA", days_before: int = 1, days_after: int = 365
) -> tuple[Any, Any]:
    """A certificate authority for tests of TLS-speaking scanners: ``(certificate, key)``.

    An EC P-256 key and a self-signed CA certificate with the extensions strict verifiers
    expect (basic constraints, key usage, subject key identifier), valid from ``days_before``
    days ago to ``days_after`` days ahead (reach far back to issue expired certificates).
    Issue server certificates with it, and pass its PEM as the scanner's trust_store option.
    """
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=days_before))
        .not_valid_after(now + datetime.timedelta(days=days_after))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    return certificate, key
