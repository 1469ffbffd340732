"""Exact list totals without counting the table: per organization, how many scans and findings
it has, changed in the transaction of each insert and delete (an upsert: concurrent changes
from any number of processes add up). A list with filters still counts its rows."""

from __future__ import annotations

from peewee import ModelSelect

from cyberorigen.db.models import RowCount

SCANS = "scans"
FINDINGS = "findings"


def count_change(org_id: int, name: str, delta: int) -> None:
    """Add ``delta`` to the organization's count of ``name``, in the caller's transaction."""
    RowCount.insert(organization=org_id, name=name, count=delta).on_conflict(
        conflict_target=[RowCount.organization, RowCount.name],
        update={RowCount.count: RowCount.count + delta},
    ).execute()


def with_known_total(query: ModelSelect, org_id: int, name: str) -> ModelSelect:
    """``query`` (every row of the organization's ``name``, unfiltered) carrying its exact
    total for ``api.pagination.paginate``."""
    count = (
        RowCount.select(RowCount.count)
        .where((RowCount.organization == org_id) & (RowCount.name == name))
        .scalar()
    )
    query.known_total = count or 0
    return query
