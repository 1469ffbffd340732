"""Exact list totals without counting the table: per organization, how many scans and findings
it has, and how many findings of each severity, status and check, changed in the transaction of each
write (an upsert: concurrent changes from any number of processes add up). A list filtered on
anything else, or on more than one thing, still counts its rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from peewee import ModelSelect

from cyberorigen.db.models import RowCount

SCANS = "scans"
FINDINGS = "findings"
#: The columns of findings with a counter per value (``findings.severity=high``): a list
#: filtered on one of them gets its exact total without counting its matches.
FINDING_COUNTED = ("severity", "status", "check_id")


def value_counter(name: str, column: str, value: str) -> str:
    """The counter of the rows of ``name`` whose ``column`` is ``value``."""
    return f"{name}.{column}={value}"


def finding_deltas(before: Mapping | None, after: Mapping | None) -> Counter:
    """How one finding's write moves the per-value counters of findings: ``before`` and
    ``after`` give its severity, status and check (None: it did not exist, or no longer does)."""
    deltas: Counter = Counter()
    for column in FINDING_COUNTED:
        old = before[column] if before else None
        new = after[column] if after else None
        if old != new:
            if old is not None:
                deltas[value_counter(FINDINGS, column, old)] -= 1
            if new is not None:
                deltas[value_counter(FINDINGS, column, new)] += 1
    return deltas


def apply_counts(org_id: int, deltas: Mapping[str, int]) -> None:
    """Add each counter's delta, in the caller's transaction, in the order of their names:
    every transaction takes the counters' row locks in one order (after the rows it
    changed), so that two never wait for each other."""
    for name in sorted(deltas):
        if deltas[name]:
            count_change(org_id, name, deltas[name])


def count_change(org_id: int, name: str, delta: int) -> None:
    """Add ``delta`` to the organization's count of ``name``, in the caller's transaction."""
    RowCount.insert(organization=org_id, name=name, count=delta).on_conflict(
        conflict_target=[RowCount.organization, RowCount.name],
        update={RowCount.count: RowCount.count + delta},
    ).execute()


def with_known_total(query: ModelSelect, org_id: int, name: str) -> ModelSelect:
    """``query`` (the organization's rows that counter ``name`` counts) carrying its exact
    total for ``api.pagination.paginate``."""
    count = (
        RowCount.select(RowCount.count)
        .where((RowCount.organization == org_id) & (RowCount.name == name))
        .scalar()
    )
    query.known_total = count or 0
    return query
