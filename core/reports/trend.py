"""Findings over time and the worst open ones, as the reports count them.

The appliance keeps when a finding was first and last seen by a scan and its status now, not
the history of its status. So a week's count is of the findings *present* that week: first
seen before the week ended, and either still open or seen again on or after the week began.
A finding fixed since counts up to the week it was last seen; a false positive never counts
(it was never there); an accepted risk counts while scans kept seeing it. Each week is a
calendar week (Monday 00:00 UTC), the last one being the current, unfinished week.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from peewee import fn

from cyberorigen.db.models import Finding
from cyberorigen.vocab import SEVERITIES

WEEKS = 12

DEFINITION = (
    "Each column is a calendar week (from Monday, UTC; the last is this week so far). A finding "
    "counts in a week when it was first seen before the week ended and is still open or was "
    "seen again by a scan during or after that week: findings fixed since count up to the week "
    "they were last seen; false positives never count."
)


@dataclass(frozen=True)
class Week:
    start: datetime
    end: datetime
    counts: dict[str, int]

    @property
    def label(self) -> str:
        return self.start.strftime("%b %d")


def _where(org_id: int, check_ids: Collection[str] | None):
    where = (Finding.organization == org_id) & (Finding.status != "false_positive")
    if check_ids is not None:
        where &= Finding.check_id.in_(sorted(check_ids))
    return where


def findings_by_week(
    org_id: int, now: datetime, check_ids: Collection[str] | None = None, weeks: int = WEEKS
) -> list[Week]:
    """The findings present each week (see the module) by severity, oldest week first; only
    the findings of ``check_ids`` when given. One grouped query a week."""
    monday = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0)
    found = []
    for back in range(weeks - 1, -1, -1):
        start = monday - timedelta(weeks=back)
        end = min(start + timedelta(weeks=1), now)
        counts = {severity: 0 for severity in SEVERITIES}
        if check_ids is None or check_ids:
            rows = (
                Finding.select(Finding.severity, fn.COUNT(Finding.id))
                .where(
                    _where(org_id, check_ids)
                    & (Finding.first_seen <= end)
                    & ((Finding.status == "open") | (Finding.last_seen >= start))
                )
                .group_by(Finding.severity)
                .tuples()
            )
            for severity, count in rows:
                if severity in counts:
                    counts[severity] = count
        found.append(Week(start, end, counts))
    return found


def open_by_severity(org_id: int, check_ids: Collection[str] | None = None) -> dict[str, int]:
    """Open findings now, by severity."""
    counts = {severity: 0 for severity in SEVERITIES}
    if check_ids is not None and not check_ids:
        return counts
    rows = (
        Finding.select(Finding.severity, fn.COUNT(Finding.id))
        .where(_where(org_id, check_ids) & (Finding.status == "open"))
        .group_by(Finding.severity)
        .tuples()
    )
    for severity, count in rows:
        if severity in counts:
            counts[severity] = count
    return counts


def finding_row(row: Finding) -> dict[str, Any]:
    return {
        "id": row.public_id,
        "title": row.title,
        "severity": row.severity,
        "target": row.target,
        "check_id": row.check_id,
        "first_seen": row.first_seen,
        "last_seen": row.last_seen,
    }


def worst_open(
    org_id: int, limit: int, severities: Sequence[str] = SEVERITIES[:-1]
) -> list[dict[str, Any]]:
    """The ``limit`` worst open findings (worst severity first, then most recently seen),
    informational ones left out by default: the top risks."""
    found: list[dict[str, Any]] = []
    for severity in severities:
        if len(found) >= limit:
            break
        rows = (
            Finding.select()
            .where(
                (Finding.organization == org_id)
                & (Finding.status == "open")
                & (Finding.severity == severity)
            )
            .order_by(Finding.last_seen.desc(), Finding.id.desc())
            .limit(limit - len(found))
        )
        found.extend(finding_row(row) for row in rows)
    return found
