"""Helpers for plugin authors' own tests (they run a scanner exactly as a worker does)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from cyberorigen.plugin_api.interfaces import Finding, ScanContext, Scanner, Target


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
) -> list[Finding]:
    """Run ``scanner`` against ``target`` in this process and return all its findings.

    ``report_progress(percent, step)`` receives the scanner's progress reports, and
    ``is_cancelled()`` stands for the scan's cancellation, as on a worker."""
    ctx = ScanContext(
        target=Target.parse(target),
        options=validated_options(scanner, options),
        deadline=time.monotonic() + (timeout or scanner.timeout),
        report_progress=report_progress or (lambda percent, step: None),
        is_cancelled=is_cancelled or (lambda: False),
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
