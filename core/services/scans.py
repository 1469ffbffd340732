"""Scans: creation and lookup, always within one organization.

Running a scan belongs to the pipeline (jobs); this module only records what was asked.
"""

from __future__ import annotations

from collections.abc import Sequence

from cyberorigen.db import database
from cyberorigen.db.models import Scan
from cyberorigen.errors import NotFound


def create_scan(
    org_id: int, user_id: int | None, target: str, scan_type: str, frameworks: Sequence[str]
) -> Scan:
    with database.atomic():
        return Scan.create(
            organization=org_id,
            created_by=user_id,
            target=target,
            scan_type=scan_type,
            frameworks=list(dict.fromkeys(frameworks)),
            status="queued",
        )


def scans_query(org_id: int, status: str | None = None, target: str | None = None):
    query = Scan.select().where(Scan.organization == org_id)
    if status:
        query = query.where(Scan.status == status)
    if target:
        query = query.where(Scan.target == target)
    return query


def get_scan(org_id: int, public_id: str) -> Scan:
    scan = Scan.get_or_none((Scan.public_id == public_id) & (Scan.organization == org_id))
    if scan is None:
        raise NotFound("scan")
    return scan
