"""What a completed scan means for compliance.

After a scan completes, on the worker that ran it: the checks of every scanner that
completed (it observed the target) count as run, except those it said it did not examine; a
run check with a finding (low or above) failed, the others passed. A scanner that failed,
timed out, observed nothing or was not applicable credits nothing. An import (a scan of
type ``import``) counts as run only the checks its file has findings (low or above) of, all
failed: it never passes a check, and attaches no automatic evidence. The results are
attached as automatic evidence to the controls those checks test, the controls are
re-assessed (``control.status_changed`` events), and for each framework the scan named, a
summary is stored on the scan: requirements touched, passed and failed.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Any

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.controls import refresh
from cyberorigen.compliance.evidence import attach_scan_results
from cyberorigen.compliance.reports import out_of_scope
from cyberorigen.compliance.status import counts_against
from cyberorigen.db import database
from cyberorigen.db.models import Finding, Scan, ScanFinding, ScannerRun
from cyberorigen.plugin_api.interfaces import Severity
from cyberorigen.plugin_registry import PluginRegistry

log = logging.getLogger("cyberorigen.compliance")

#: A check's evidence keeps at most this many observations of the runs that examined it.
KEPT_OBSERVATIONS = 20


def _results(
    scan: Scan, registry: PluginRegistry
) -> tuple[dict[str, tuple[str, list[str]]], dict[str, list[Finding]]]:
    """The checks run (each with its scanner and what that scanner observed) and the scan's
    findings by check id."""
    completed = [
        run
        for run in scan.scanner_runs.where(ScannerRun.status == "completed")
        if run.scanner in registry.scanners
    ]
    checks_run: dict[str, tuple[str, list[str]]] = {}
    for run in completed:  # a scanner may have run on several hosts and services
        for check in registry.scanners[run.scanner].checks:
            if check.id not in run.not_examined:
                _, observed = checks_run.setdefault(check.id, (run.scanner, []))
                observed.extend(run.observed[: max(0, KEPT_OBSERVATIONS - len(observed))])
    found: dict[str, list[Finding]] = {}
    if scan.vulnerabilities_found:  # counted from the scan's observations when it ended
        query = Finding.select().join(ScanFinding).where(ScanFinding.scan == scan)
        for finding in query:
            found.setdefault(finding.check_id, []).append(finding)
    # An import observed what its file reports, not the absence of anything: only the checks
    # it has failing findings of count as run (and failed); the others were not examined.
    for run in scan.scanner_runs.where(ScannerRun.status == "completed"):
        if run.scanner in registry.importers:
            for check in registry.importers[run.scanner].checks:
                if any(_fails(item) for item in found.get(check.id, ())):
                    _, observed = checks_run.setdefault(check.id, (run.scanner, []))
                    observed.extend(run.observed[: max(0, KEPT_OBSERVATIONS - len(observed))])
    return checks_run, found


def _fails(finding: Finding) -> bool:
    return Severity(finding.severity).rank >= Severity.LOW.rank


def summarize(
    scan: Scan, catalogue: Catalogue, checks_run: Collection[str], found: dict[str, list[Finding]]
) -> dict[str, Any]:
    """Per framework the scan named: the requirements its checks touched, passed, failed."""
    summary: dict[str, Any] = {}
    for name in scan.frameworks:
        framework = catalogue.framework(name)
        if framework is None:
            summary[name] = {"requested_as": name, "error": "framework not installed"}
            continue
        touched: dict[str, set[str]] = {}
        failed: dict[str, set[str]] = {}
        unexamined: set[str] = set()
        excluded = out_of_scope(scan.organization_id, framework.id)
        for link in framework.mappings():
            if link.requirement in excluded:
                continue
            control = catalogue.controls[link.control]
            for check in catalogue.checks_by_control.get(link.control, []):
                if check.id not in checks_run:
                    unexamined.add(check.id)
                    continue
                touched.setdefault(link.requirement, set()).add(check.id)
                findings = [
                    item
                    for item in found.get(check.id, [])
                    if item.status == "open"
                    and counts_against(item.severity, control.severity_threshold)
                ]
                if findings:
                    failed.setdefault(link.requirement, set()).update(
                        item.public_id for item in findings
                    )
        order = [item.id for item in catalogue.assessed(framework)]
        summary[framework.id] = {
            "requested_as": name,
            "framework": framework.display_name,
            "version": framework.version,
            "requirements_touched": len(touched),
            "passed": len(touched) - len(failed),
            "failed": len(failed),
            "checks_examined": len({item for ids in touched.values() for item in ids}),
            "checks_inconclusive": len(unexamined),
            "failed_requirements": [
                {"id": item, "findings": sorted(failed[item])} for item in order if item in failed
            ],
        }
    return summary


def assess_completed_scan(scan_id: int, registry: PluginRegistry, catalogue: Catalogue) -> None:
    """Attach evidence, re-assess controls and store the framework summary; a failure here is
    logged and leaves the scan completed. (The scan runner calls it with the scan and the
    registry; the appliance binds its catalogue.)"""
    try:
        scan = Scan.get_by_id(scan_id)
        checks_run, found = _results(scan, registry)
        failed_checks = {
            check_id for check_id, items in found.items() if any(_fails(item) for item in items)
        }
        # Evidence that checks ran comes only from scanners: an import's failing checks count
        # in the summary, but its results never stand as a control's automated evidence (once
        # its findings are fixed they would read as checks that passed).
        observed = {
            check_id: run
            for check_id, run in checks_run.items()
            if run[0] not in registry.importers
        }
        with database.atomic():
            controls = attach_scan_results(scan, catalogue, observed, failed_checks)
        # Also the controls of checks with findings whose run did not complete (a scanner
        # that timed out after reporting some): their findings are stored all the same.
        found_controls = {
            control
            for check_id in found
            for control in catalogue.controls_by_check.get(check_id, ())
        }
        refresh(
            scan.organization_id,
            catalogue,
            "scan",
            control_ids=sorted(set(controls) | found_controls),
        )
        summary = summarize(scan, catalogue, checks_run, found) or None
        if summary != scan.compliance:
            Scan.update(compliance=summary).where(Scan.id == scan.id).execute()
    except Exception:  # noqa: BLE001 - the scan's own result is already stored
        log.exception("compliance assessment of scan %s failed", scan_id)
