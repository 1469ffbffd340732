"""Scans: creation and lookup, always within one organization.

Running a scan is the job of ``scan_runner`` on a worker; this module records what was asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cyberorigen.db import database
from cyberorigen.db.models import Scan, utcnow
from cyberorigen.errors import Conflict, NotFound, OutOfScope
from cyberorigen.services.scope import in_scope
from cyberorigen.settings import ScopeSettings


def create_scan(
    org_id: int,
    user_id: int | None,
    target: str,
    scan_type: str,
    frameworks: Sequence[str],
    options: Mapping[str, Any] | None = None,
) -> Scan:
    """Record a queued scan and commit it (the caller enqueues its job afterwards)."""
    with database.atomic():
        return Scan.create(
            organization=org_id,
            created_by=user_id,
            target=target,
            scan_type=scan_type,
            frameworks=list(dict.fromkeys(frameworks)),
            options=dict(options or {}),
            status="queued",
        )


def request_cancel(scan: Scan) -> Scan:
    """A queued scan is cancelled at once; a running one is asked to stop (its runner sees
    the request within a second); a finished one is left as it is (409)."""
    with database.atomic():
        if scan.status == "queued":
            Scan.update(status="cancelled", finished_at=utcnow(), cancel_requested=True).where(
                (Scan.id == scan.id) & (Scan.status == "queued")
            ).execute()
        elif scan.status == "running":
            Scan.update(cancel_requested=True).where(Scan.id == scan.id).execute()
        else:
            raise Conflict(f"the scan is already {scan.status}", "status")
    return Scan.get_by_id(scan.id)


def scans_query(org_id: int, filters: Mapping[str, Any] | None = None):
    """The organization's scans, filtered by ``status``, ``target``, ``created_after`` and
    ``created_before`` when given."""
    filters = filters or {}
    query = Scan.select().where(Scan.organization == org_id)
    if filters.get("status"):
        query = query.where(Scan.status == filters["status"])
    if filters.get("target"):
        query = query.where(Scan.target == filters["target"])
    if filters.get("created_after"):
        query = query.where(Scan.created_at >= filters["created_after"])
    if filters.get("created_before"):
        query = query.where(Scan.created_at < filters["created_before"])
    return query


def delete_scan(scan: Scan) -> None:
    """Delete a finished scan with its scanner results; the findings stay (they belong to the
    target, and other scans may have seen them)."""
    if scan.status in ("queued", "running"):
        raise Conflict(f"the scan is {scan.status}: cancel it first", "status")
    with database.atomic():
        scan.delete_instance()


def get_scan(org_id: int, public_id: str) -> Scan:
    scan = Scan.get_or_none((Scan.public_id == public_id) & (Scan.organization == org_id))
    if scan is None:
        raise NotFound("scan")
    return scan


def check_scan_scope(org_id: int, target: str, policy: ScopeSettings | None = None) -> None:
    """Raise 403 unless ``target`` is in the organization's scope and outside every network
    the operator's ``policy`` forbids."""
    if policy is not None and in_scope(org_id, target) and not in_scope(org_id, target, policy):
        raise OutOfScope(
            f"{target} is in a network no organization may scan (the operator's scope policy, "
            "scope.forbidden_networks)."
        )
    if not in_scope(org_id, target, policy):
        raise OutOfScope(
            f"{target} is outside your organization's scan scope. An admin can add it with "
            'POST /api/v1/scope {"value": "<domain, address or network>"}.'
        )


def start_scan(
    org_id: int,
    user_id: int | None,
    target: str,
    scan_type: str,
    frameworks: Sequence[str],
    options: Mapping[str, Any],
    enqueue: Callable[[Scan], None],
    policy: ScopeSettings | None = None,
) -> Scan:
    """Check the scope (under the operator's ``policy``), record the scan (committed), then
    hand it to ``enqueue``. When ``enqueue`` fails (Redis is down) the scan is deleted again
    before the error goes on: a request that fails leaves no scan behind that would never
    run."""
    check_scan_scope(org_id, target, policy)
    scan = create_scan(org_id, user_id, target, scan_type, frameworks, options)
    try:
        enqueue(scan)
    except BaseException:
        with database.atomic():
            Scan.delete().where((Scan.id == scan.id) & (Scan.status == "queued")).execute()
        raise
    return scan
