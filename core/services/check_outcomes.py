"""Each check's outcome on each thing a scan examined (a host, URL or discovered service).

When a scanner run ends, every one of its checks gets one row: ``passed`` when the run
completed, observed its target and made no finding of that check at low or above;
``failed`` when it made one; ``inconclusive`` otherwise, with the reason. A run that never
ran (cancelled, lost) gets its rows when the scan ends. Only ``passed`` and ``failed`` are
observations; compliance credits nothing else (see ``compliance/scans.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from peewee import JOIN, fn

from cyberorigen.db import database
from cyberorigen.db.models import CheckOutcome, Scan, ScannerRun
from cyberorigen.plugin_api.interfaces import Check

OUTCOMES = ("passed", "failed", "inconclusive")

#: Why a check is inconclusive, by the status its run ended in.
REASON_OF_STATUS = {
    "timed_out": "timed_out",
    "not_applicable": "not_applicable",
    "skipped": "not_applicable",
    "cancelled": "cancelled",
    "failed": "error",
    "pending": "not_run",
    "running": "not_run",
}
REASONS = ("unreachable", "not_examined", *sorted(set(REASON_OF_STATUS.values())))


class CheckTally:
    """The findings one run made, per check: those that fail it and informational ones."""

    def __init__(self) -> None:
        self.failing: dict[str, int] = {}
        self.informational: dict[str, int] = {}

    def add(self, check_id: str, severity: str) -> None:
        into = self.informational if severity == "info" else self.failing
        into[check_id] = into.get(check_id, 0) + 1


def _outcome(
    check: Check, run: ScannerRun, tally: CheckTally, unreachable: str | None
) -> dict[str, Any]:
    failing = tally.failing.get(check.id, 0)
    found = failing + tally.informational.get(check.id, 0)
    row = {"check_id": check.id, "findings": found, "reason": None, "detail": None}
    if run.status != "completed":
        reason = REASON_OF_STATUS.get(run.status, "error")
        if run.status == "failed" and unreachable and (run.error or "").startswith(unreachable):
            reason = "unreachable"
        return {**row, "outcome": "inconclusive", "reason": reason, "detail": run.error}
    if failing:
        return {**row, "outcome": "failed"}
    if check.id in (run.not_examined or {}):
        detail = run.not_examined[check.id]
        return {**row, "outcome": "inconclusive", "reason": "not_examined", "detail": detail}
    detail = f"{found} informational finding(s)" if found else None
    return {**row, "outcome": "passed", "detail": detail}


def record_run_outcomes(
    run: ScannerRun,
    checks: Iterable[Check],
    tally: CheckTally | None = None,
    unreachable: str | None = None,
) -> None:
    """Replace ``run``'s outcomes with one per check, from how it ended (``run.status``,
    ``run.error``, ``run.not_examined``) and the findings it made. ``unreachable`` is how a
    run that observed nothing says so: such a failure is reason ``unreachable``."""
    tally = tally or CheckTally()
    rows = [
        {**_outcome(check, run, tally, unreachable), "scan": run.scan_id, "run": run.id}
        for check in checks
    ]
    with database.atomic():
        CheckOutcome.delete().where(CheckOutcome.run == run.id).execute()
        if rows:
            CheckOutcome.insert_many(rows).execute()


def record_missing_outcomes(scan: Scan, checks_of: Mapping[str, Iterable[Check]]) -> None:
    """Outcomes for the runs of ``scan`` that have none (cancelled or lost before they ran):
    every check of theirs inconclusive. ``checks_of`` gives a scanner's checks by name."""
    without = (
        ScannerRun.select()
        .join(CheckOutcome, JOIN.LEFT_OUTER)
        .where(ScannerRun.scan == scan, CheckOutcome.id.is_null())
    )
    for run in without:
        record_run_outcomes(run, checks_of.get(run.scanner, ()))


def outcome_counts(scan: Scan) -> dict[str, int]:
    """How many check outcomes of ``scan`` ended in each of :data:`OUTCOMES`."""
    counts = dict.fromkeys(OUTCOMES, 0)
    query = (
        CheckOutcome.select(CheckOutcome.outcome, fn.COUNT(CheckOutcome.id))
        .where(CheckOutcome.scan == scan)
        .group_by(CheckOutcome.outcome)
    )
    for outcome, count in query.tuples():
        counts[outcome] = count
    return counts


def outcomes_query(scan: Scan, filters: Mapping[str, Any]):
    """The check outcomes of ``scan`` in run order, with their run, for a page; ``filters``
    may name an ``outcome``, ``reason``, ``check_id`` or ``scanner``."""
    query = (
        CheckOutcome.select(CheckOutcome, ScannerRun)
        .join(ScannerRun)
        .where(CheckOutcome.scan == scan)
        .order_by(ScannerRun.position, CheckOutcome.check_id, CheckOutcome.id)
    )
    for name in ("outcome", "reason", "check_id"):
        if filters.get(name):
            query = query.where(getattr(CheckOutcome, name) == filters[name])
    if filters.get("scanner"):
        query = query.where(ScannerRun.scanner == filters["scanner"])
    return query
