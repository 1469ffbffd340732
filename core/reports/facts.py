"""What several reports show the same way: who the report is for and by whom, the evidence of
controls with its review status and validity, the findings behind a control's status."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from peewee import chunked, fn

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.controls import ControlView
from cyberorigen.db.models import Evidence, Finding, Organization, User
from cyberorigen.plugin_api.interfaces import Severity
from cyberorigen.reports.trend import finding_row

#: Evidence items listed under one control (the newest); the rest are counted.
EVIDENCE_LISTED = 8
#: Findings listed under one control (the worst); the rest are counted.
FINDINGS_LISTED = 5


def cover(org_id: int, user_id: int | None, now: datetime) -> dict[str, Any]:
    """The organization, who asked for the report, and when it was made."""
    organization = Organization.get_by_id(org_id)
    user = User.get_or_none(User.id == user_id) if user_id else None
    return {
        "organization": organization.name,
        "generated_by": user.email if user else "the appliance",
        "generated_at": now,
    }


def _valid_until(row: Evidence, freshness_days: int) -> datetime:
    """When the item stops counting toward its control, as the status rules have it: its own
    end for a file, link or note that states one, else its freshness window."""
    if row.kind != "scan" and row.effective_until is not None:
        return row.effective_until
    return row.collected_at + timedelta(days=freshness_days)


def _item(row: Evidence, freshness_days: int, now: datetime) -> dict[str, Any]:
    until = _valid_until(row, freshness_days)
    return {
        "id": row.public_id,
        "title": row.title,
        "kind": row.kind,
        "review_status": row.review_status,
        "collected_at": row.collected_at,
        "valid_from": row.effective_from,
        "valid_until": until,
        "counts": row.review_status == "accepted" and row.effective_from <= now < until,
    }


def control_evidence(
    org_id: int, catalogue: Catalogue, control_ids: Collection[str], now: datetime
) -> dict[str, dict[str, Any]]:
    """For each control: its files, links and notes that are not deleted, newest first, in
    whatever review status (``documents``), and a summary of its scans' results (``scans``:
    how many are accepted and still current, and the newest of them)."""
    found: dict[str, dict[str, Any]] = {
        control_id: {"documents": [], "scans": {"current": 0, "latest": None}}
        for control_id in control_ids
    }
    if not found:
        return found
    kept = (
        (Evidence.organization == org_id)
        & (Evidence.control_id.in_(sorted(found)))
        & (Evidence.deleted_at.is_null())
    )
    documents = (
        Evidence.select()
        .where(kept & (Evidence.kind != "scan"))
        .order_by(Evidence.collected_at.desc(), Evidence.id.desc())
    )
    for row in documents:
        freshness = catalogue.controls[row.control_id].freshness_days
        found[row.control_id]["documents"].append(_item(row, freshness, now))
    for control_id in found:
        cutoff = now - timedelta(days=catalogue.controls[control_id].freshness_days)
        count, latest = (
            Evidence.select(fn.COUNT(Evidence.id), fn.MAX(Evidence.collected_at))
            .where(
                kept
                & (Evidence.control_id == control_id)
                & (Evidence.kind == "scan")
                & (Evidence.review_status == "accepted")
                & (Evidence.collected_at > cutoff)
                & (Evidence.effective_from <= now)
            )
            .tuples()
            .get()
        )
        found[control_id]["scans"] = {"current": count or 0, "latest": _as_datetime(latest)}
    return found


def _as_datetime(value: Any) -> datetime | None:
    """``MAX`` of a timestamp column: SQLite answers text, PostgreSQL a datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def failing_findings(
    org_id: int, views: Mapping[str, ControlView], control_ids: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """For each control, the open findings its status names (its basis: those at or above its
    threshold, at most the newest 100), worst first."""
    wanted = {control_id: list(views[control_id].assessment.findings) for control_id in control_ids}
    ids = sorted({item for items in wanted.values() for item in items})
    rows: dict[str, dict[str, Any]] = {}
    for batch in chunked(ids, 500):
        query = Finding.select().where(
            (Finding.organization == org_id) & (Finding.public_id.in_(batch))
        )
        rows.update({row.public_id: finding_row(row) for row in query})
    listed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for control_id, items in wanted.items():
        shown = [rows[item] for item in items if item in rows]
        shown.sort(key=lambda row: (-Severity(row["severity"]).rank, -row["last_seen"].timestamp()))
        listed[control_id] = shown
    return dict(listed)
