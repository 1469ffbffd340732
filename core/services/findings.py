"""Findings: what scans observed, one row per (target, fingerprint) across scans."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import JOIN, IntegrityError, fn

from cyberorigen.db import database, locked
from cyberorigen.db.models import Asset, Finding, Scan, ScanFinding, Service, utcnow
from cyberorigen.errors import Invalid
from cyberorigen.plugin_api.interfaces import Finding as PluginFinding
from cyberorigen.plugin_api.interfaces import Severity, Target
from cyberorigen.services.control_marks import mark_controls_due
from cyberorigen.services.outbox import record_event
from cyberorigen.services.row_counts import (
    FINDING_COUNTED,
    FINDINGS,
    apply_counts,
    finding_deltas,
    value_counter,
    with_known_total,
)
from cyberorigen.services.tenancy import owned

NEEDS_REASON = ("accepted_risk", "false_positive")


@dataclass(frozen=True)
class CheckSeen:
    """A check some exported findings are of: its scanner, their worst severity, a title."""

    check_id: str
    scanner: str
    severity: str
    title: str


#: The filters of a list of findings (and of an export): each, when given, must equal.
FINDING_FILTERS = ("severity", "check_id", "status", "target")


def _chosen(filters: Mapping[str, Any]) -> dict[str, Any]:
    return {name: filters[name] for name in FINDING_FILTERS if filters.get(name)}


def _filtered(query, org_id: int, chosen: Mapping[str, Any]):
    query = query.where(Finding.organization == org_id)
    for name, value in chosen.items():
        query = query.where(getattr(Finding, name) == value)
    return query


def findings_query(org_id: int, filters: Mapping[str, Any], scan_id: int | None = None):
    """The organization's findings (those ``scan_id`` observed, when given), filtered by
    ``severity``, ``check_id``, ``status`` and ``target``, most recently seen first."""
    query = (
        Finding.select(Finding, Asset, Service)
        .join_from(Finding, Asset, JOIN.LEFT_OUTER)
        .join_from(Finding, Service, JOIN.LEFT_OUTER)
    )
    if scan_id is not None:
        query = query.join_from(Finding, ScanFinding).where(ScanFinding.scan == scan_id)
    chosen = _chosen(filters)
    query = _filtered(query, org_id, chosen)
    if scan_id is None and not chosen:
        query = with_known_total(query, org_id, FINDINGS)
    elif scan_id is None and len(chosen) == 1 and set(chosen) <= set(FINDING_COUNTED):
        ((name, value),) = chosen.items()
        query = with_known_total(query, org_id, value_counter(FINDINGS, name, value))
    return query.order_by(Finding.last_seen.desc(), Finding.id.desc())


#: Rows an export reads at a time.
EXPORT_BATCH = 1000


def export_rows(
    org_id: int, filters: Mapping[str, Any], batch: int = EXPORT_BATCH
) -> Iterator[Finding]:
    """Every finding of the organization that the list's ``filters`` select, oldest id first,
    for an export of any size in constant memory.

    The rows are read in keyset batches (``id > last id``, at most ``batch`` a query) rather
    than through one cursor: on PostgreSQL psycopg2 fetches a whole result into the client
    before the first row (a server-side cursor outside a transaction is declared WITH HOLD,
    which materialises it on the server; inside one, the export would hold a transaction
    open for as long as the client takes to download), and on SQLite a transaction would
    take the write lock. Each batch is a short query of its own, uses the primary key or the
    organization's index, and holds nothing between batches. Ids never change, so a finding
    updated while the export runs (a scan sees it again) is neither skipped nor repeated; each
    row is as it was when its batch was read."""
    query = _filtered(
        Finding.select(Finding, Asset, Service)
        .join_from(Finding, Asset, JOIN.LEFT_OUTER)
        .join_from(Finding, Service, JOIN.LEFT_OUTER),
        org_id,
        _chosen(filters),
    ).order_by(Finding.id)
    last = 0
    while True:
        rows = list(query.where(Finding.id > last).limit(batch))
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1].id


def export_checks(org_id: int, filters: Mapping[str, Any]) -> list[CheckSeen]:
    """The checks of the findings :func:`export_rows` gives, one entry per check id with its
    scanner, the worst severity among those findings and one of their titles (a SARIF
    export's rules, written before its results). One row per (check, scanner, severity)
    comes back from the database: a few hundred, whatever the number of findings."""
    query = _filtered(
        Finding.select(
            Finding.check_id, Finding.scanner, Finding.severity, fn.MIN(Finding.title)
        ).group_by(Finding.check_id, Finding.scanner, Finding.severity),
        org_id,
        _chosen(filters),
    )
    rank = {severity.value: severity.rank for severity in Severity}
    seen: dict[str, CheckSeen] = {}
    for check_id, scanner, severity, title in query.tuples():
        known = seen.get(check_id)
        if known is None or rank.get(severity, -1) > rank.get(known.severity, -1):
            seen[check_id] = CheckSeen(check_id, scanner, severity, title)
    return [seen[check_id] for check_id in sorted(seen)]


def _counted(finding: Finding) -> dict[str, str]:
    """What the per-value counters of findings count of ``finding``."""
    return {name: getattr(finding, name) for name in FINDING_COUNTED}


def get_finding(org_id: int, public_id: str) -> Finding:
    return owned(Finding, org_id, public_id, "finding")


def change_status(
    finding: Finding,
    status: str,
    reason: str | None,
    accepted_until: datetime | None,
    changed_by: str,
) -> Finding:
    """Set a finding's status; accepting a risk or calling it a false positive needs a reason,
    and an accepted risk may expire (it is then open again for the next scan that sees it)."""
    if status in NEEDS_REASON and not (reason or "").strip():
        raise Invalid("reason", f"required to mark a finding {status}")
    if accepted_until is not None:
        if status != "accepted_risk":
            raise Invalid("accepted_until", "only an accepted risk has an expiry")
        if accepted_until <= utcnow():
            raise Invalid("accepted_until", "must be in the future")
    with database.atomic():
        # As it is now (another request may have just changed it), locked until this ends.
        current = locked(Finding.select().where(Finding.id == finding.id)).get()
        previous, before = current.status, _counted(current)
        finding.status = status
        finding.status_reason = (reason or "").strip() or None
        finding.accepted_until = accepted_until
        finding.save()
        apply_counts(finding.organization_id, finding_deltas(before, _counted(finding)))
        if previous != status:
            _record_status_change(finding, previous, changed_by)
            mark_controls_due(finding.organization_id)
    return finding


def _record_status_change(finding: Finding, previous: str, changed_by: str) -> None:
    """The ``finding.status_changed`` event, in the caller's transaction."""
    record_event(
        finding.organization_id,
        "finding.status_changed",
        {
            "finding_id": finding.public_id,
            "target": finding.target,
            "check_id": finding.check_id,
            "severity": finding.severity,
            "from": previous,
            "to": finding.status,
            "reason": finding.status_reason,
            "changed_by": changed_by,
        },
    )


def resolve_unseen(
    scan: Scan, examined: Mapping[str, Collection[str]], not_examined: set[str] = frozenset()
) -> int:
    """Mark ``fixed`` the open findings of each target ``examined`` names (a unit of the
    scan: a host, URL or service) that its scanners (those whose every run on it completed)
    reported before but did not report this time, except those of checks they did not
    examine (``not_examined``); each change is a ``finding.status_changed`` event. Returns how
    many were resolved."""
    seen = ScanFinding.select(ScanFinding.finding).where(ScanFinding.scan == scan)
    stale = []
    for target, scanners in examined.items():
        if not scanners:
            continue
        stale.extend(
            Finding.select().where(
                (Finding.organization == scan.organization_id)
                & (Finding.target == target)
                & (Finding.scanner.in_(sorted(scanners)))
                & (Finding.status == "open")
                & (Finding.id.not_in(seen))
                & (Finding.check_id.not_in(sorted(not_examined)))
            )
        )
    resolved = 0
    deltas: Counter = Counter()
    with database.atomic():
        for finding in sorted(stale, key=lambda row: row.id):  # rows locked in one order
            finding.status = "fixed"
            finding.status_reason = f"not seen by {scan.public_id}"
            changed = (
                Finding.update(status=finding.status, status_reason=finding.status_reason)
                .where((Finding.id == finding.id) & (Finding.status == "open"))
                .execute()
            )
            if not changed:  # its status changed meanwhile (a user, another scan): theirs
                continue
            deltas.update(
                finding_deltas({**_counted(finding), "status": "open"}, _counted(finding))
            )
            resolved += 1
            _record_status_change(finding, "open", scan.public_id)
        apply_counts(scan.organization_id, deltas)  # after the rows: see apply_counts
    return resolved


def store_finding(
    scan: Scan,
    scanner: str,
    target: Target,
    found: PluginFinding,
    asset: Asset | None = None,
    service: Service | None = None,
) -> bool:
    """Record ``found`` for ``scan`` on ``target`` (the unit it was found on: a host, URL or
    service of the scan), linked to the inventory's ``asset`` and ``service`` when discovery
    recorded them; True when it is new for the target or came back after being fixed (and a
    ``vulnerability.found`` event was written)."""
    fingerprint = found.fingerprint_for(target)
    where = target.value
    values = {
        "scanner": scanner,
        "check_id": found.check_id,
        "title": found.title,
        "severity": str(found.severity),
        "location": found.location,
        "evidence": dict(found.evidence),
        "remediation": found.remediation,
        "references": list(found.references),
        "cvss_vector": found.cvss_vector,
        "last_seen": utcnow(),
        "last_scan": scan,
    }
    if asset is not None:
        values["asset"] = asset
    if service is not None:
        values["service"] = service
    same = (
        (Finding.organization == scan.organization_id)
        & (Finding.target == where)
        & (Finding.fingerprint == fingerprint)
    )
    with database.atomic():
        row = locked(Finding.select().where(same)).get_or_none()
        announced = False
        if row is None:
            try:
                with database.atomic():
                    row = Finding.create(
                        organization=scan.organization_id,
                        target=where,
                        fingerprint=fingerprint,
                        first_scan=scan,
                        **values,
                    )
                    apply_counts(
                        scan.organization_id,
                        {FINDINGS: 1, **finding_deltas(None, _counted(row))},
                    )
                announced = True
            except IntegrityError:  # another scan of the same target created it just now
                row = locked(Finding.select().where(same)).get()
        if not announced:
            before = _counted(row)
            acceptance_over = (
                row.status == "accepted_risk"
                and row.accepted_until is not None
                and row.accepted_until <= values["last_seen"]
            )
            reopened = row.status == "fixed" or acceptance_over
            for name, value in values.items():
                setattr(row, name, value)
            if reopened:
                row.status = "open"
                row.status_reason = (
                    "the risk acceptance expired" if acceptance_over else "seen again by a scan"
                )
                row.accepted_until = None
            row.save()
            apply_counts(scan.organization_id, finding_deltas(before, _counted(row)))
            announced = reopened
        ScanFinding.insert(
            scan=scan, finding=row, announced=announced
        ).on_conflict_ignore().execute()
        if announced:
            ScanFinding.update(announced=True).where(
                (ScanFinding.scan == scan) & (ScanFinding.finding == row)
            ).execute()
            record_event(scan.organization_id, "vulnerability.found", _announced(scan, row))
    return announced


def _announced(scan: Scan, row: Finding) -> dict[str, Any]:
    """What ``vulnerability.found`` says of a finding ``scan`` announced."""
    return {
        "scan_id": scan.public_id,
        "finding_id": row.public_id,
        "target": row.target,
        "check_id": row.check_id,
        "severity": row.severity,
        "title": row.title,
        "location": row.location,
    }


#: At most this many findings are listed in one ``scan.findings`` event (worst first).
BATCH_FINDINGS = 500


def announce_scan_findings(scan: Scan) -> bool:
    """``scan.findings`` for a scan that ended: every finding it announced, in one event
    (``vulnerability.found`` batched per scan); nothing when it announced none."""
    if not scan.vulnerabilities_found:  # it observed no finding, so announced none
        return False
    announced = list(
        Finding.select()
        .join(ScanFinding)
        .where((ScanFinding.scan == scan) & (ScanFinding.announced == True))  # noqa: E712
    )
    if not announced:
        return False
    rank = {severity.value: severity.rank for severity in Severity}
    announced.sort(key=lambda row: (-rank.get(row.severity, -1), row.target, row.check_id))
    record_event(
        scan.organization_id,
        "scan.findings",
        {
            "scan_id": scan.public_id,
            "target": scan.target,
            "status": scan.status,
            "severity": announced[0].severity,
            "count": len(announced),
            "truncated": len(announced) > BATCH_FINDINGS,
            "findings": [_announced(scan, row) for row in announced[:BATCH_FINDINGS]],
        },
    )
    return True
