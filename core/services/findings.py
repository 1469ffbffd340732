"""Findings: what scans observed, one row per (target, fingerprint) across scans."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cyberorigen.db.models import Finding, ScanFinding


def findings_query(org_id: int, filters: Mapping[str, Any], scan_id: int | None = None):
    query = Finding.select().where(Finding.organization == org_id)
    if scan_id is not None:
        query = query.join(ScanFinding).where(ScanFinding.scan == scan_id)
    for name in ("severity", "check_id", "status", "target"):
        if filters.get(name):
            query = query.where(getattr(Finding, name) == filters[name])
    return query


def by_last_seen() -> tuple:
    return (Finding.last_seen.desc(), Finding.id.desc())
