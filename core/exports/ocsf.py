"""Findings as OCSF 1.5.0 events of the class Detection Finding (``class_uid`` 2004), written
as one JSON array (what Prowler writes for its OCSF output, and what OCSF importers read).

Why Detection Finding and not Vulnerability Finding (2002): a Vulnerability Finding must list
``vulnerabilities``, each naming exactly one CVE, CWE or advisory, and most of what this
appliance finds (a missing HSTS header, a weak TLS protocol, an exposed database port) has
none of them: the event would have to invent one. A Detection Finding's required attributes
are all ones every finding has, and a finding that does name a CVE (the ``vulns`` scanner's)
still lists it under the optional ``vulnerabilities``.

Each event carries the required attributes (``activity_id``, ``category_uid``,
``class_uid``, ``type_uid``, ``severity_id``, ``time``, ``metadata`` with ``product`` and
``version``, ``finding_info`` with ``uid`` and ``title``) and, where the finding has them,
the recommended ones (``message``, ``status_id``, ``resources``) and ``remediation``. What
OCSF has no attribute for (the appliance's own status words, the evidence, the fingerprint,
asset and service ids) is under ``unmapped.cyberorigen``.

Mappings: severity info/low/medium/high/critical to ``severity_id`` 1-5; status ``open`` to
``status_id`` 1 (New), ``fixed`` to 4 (Resolved), ``accepted_risk`` and ``false_positive``
to 3 (Suppressed); the activity is Create (1) for an open finding seen once, Update (2) for
one seen again, Close (3) for one no longer open. ``time`` is when the finding was first
seen (OCSF: when the finding was created); ``end_time`` when it was last seen.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from cyberorigen.exports.context import ExportContext, Row, epoch_millis, web_references

OCSF_VERSION = "1.5.0"
PRODUCT = "CyberOrigen"

CATEGORY = (2, "Findings")
CLASS = (2004, "Detection Finding")

SEVERITY_IDS = {
    "info": (1, "Informational"),
    "low": (2, "Low"),
    "medium": (3, "Medium"),
    "high": (4, "High"),
    "critical": (5, "Critical"),
}
STATUS_IDS = {
    "open": (1, "New"),
    "fixed": (4, "Resolved"),
    "accepted_risk": (3, "Suppressed"),
    "false_positive": (3, "Suppressed"),
}
ACTIVITIES = {1: "Create", 2: "Update", 3: "Close"}
#: An analytic of type Rule (``analytic.type_id`` 1): a check is a rule the scanner applies.
RULE = (1, "Rule")

_CVE = re.compile(r"^CVE-\d{4}-\d{4,}$")


def _activity(row: Row) -> int:
    if row.get("status") != "open":
        return 3
    return 1 if row.get("first_seen") == row.get("last_seen") else 2


def _resource_type(target: str) -> str:
    if "://" in target:
        return "URL"
    return "Service" if target.rsplit("]", 1)[-1].count(":") == 1 else "Host"


def _vulnerabilities(row: Row) -> list[dict[str, Any]]:
    """The CVE the finding's evidence names (a known vulnerability), else nothing."""
    evidence = row.get("evidence") or {}
    advisory = evidence.get("advisory")
    if not isinstance(advisory, str) or not _CVE.match(advisory):
        return []
    cve: dict[str, Any] = {"uid": advisory}
    score = evidence.get("cvss")
    if isinstance(score, int | float) and not isinstance(score, bool):
        cvss: dict[str, Any] = {"base_score": float(score)}
        vector = row.get("cvss_vector")
        if vector:
            cvss["vector_string"] = vector
            if vector.startswith("CVSS:"):
                cvss["version"] = vector.split("/", 1)[0].removeprefix("CVSS:")
        cve["cvss"] = [cvss]
    vulnerability: dict[str, Any] = {"cve": cve, "title": row.get("title") or advisory}
    references = web_references(row.get("references"))
    if references:
        vulnerability["references"] = references
    return [vulnerability]


def event(row: Row, context: ExportContext) -> dict[str, Any]:
    """One finding as a Detection Finding event."""
    check = context.checks.get(row["check_id"])
    activity = _activity(row)
    severity_id, severity = SEVERITY_IDS.get(row["severity"], (99, "Other"))
    status_id, status = STATUS_IDS.get(row.get("status"), (99, "Other"))
    first_seen, last_seen = epoch_millis(row.get("first_seen")), epoch_millis(row.get("last_seen"))
    title = row.get("title") or row["check_id"]
    place = row.get("location") or row["target"]
    finding_info: dict[str, Any] = {
        "uid": row["id"],
        "title": title,
        "analytic": {
            "uid": row["check_id"],
            "name": check.title if check is not None else row["check_id"],
            "type_id": RULE[0],
            "type": RULE[1],
        },
        "created_time": first_seen,
        "first_seen_time": first_seen,
        "last_seen_time": last_seen,
    }
    if row.get("scanner"):
        finding_info["types"] = [row["scanner"]]
    if check is not None and check.description:
        finding_info["desc"] = check.description
    built: dict[str, Any] = {
        "activity_id": activity,
        "activity_name": ACTIVITIES[activity],
        "category_uid": CATEGORY[0],
        "category_name": CATEGORY[1],
        "class_uid": CLASS[0],
        "class_name": CLASS[1],
        "type_uid": CLASS[0] * 100 + activity,
        "type_name": f"{CLASS[1]}: {ACTIVITIES[activity]}",
        "severity_id": severity_id,
        "severity": severity,
        "status_id": status_id,
        "status": status,
        "time": first_seen,
        "start_time": first_seen,
        "end_time": last_seen,
        "message": f"{title} ({place})",
        "metadata": {
            "version": OCSF_VERSION,
            "product": {
                "name": PRODUCT,
                "vendor_name": PRODUCT,
                "version": context.product_version,
            },
        },
        "finding_info": finding_info,
        "resources": [{"uid": row["target"], "name": place, "type": _resource_type(row["target"])}],
    }
    if row.get("remediation"):
        remediation: dict[str, Any] = {"desc": row["remediation"]}
        references = web_references(row.get("references"))
        if references:
            remediation["references"] = references
        built["remediation"] = remediation
    vulnerabilities = _vulnerabilities(row)
    if vulnerabilities:
        built["vulnerabilities"] = vulnerabilities
    own = {
        "status": row.get("status"),
        "status_reason": row.get("status_reason"),
        "accepted_until": row.get("accepted_until"),
        "check_id": row["check_id"],
        "scanner": row.get("scanner"),
        "location": row.get("location"),
        "fingerprint": row.get("fingerprint"),
        "asset_id": row.get("asset_id"),
        "service_id": row.get("service_id"),
        "cvss_vector": row.get("cvss_vector"),
        "references": row.get("references"),
        "evidence": row.get("evidence"),
    }
    built["unmapped"] = {"cyberorigen": {name: value for name, value in own.items() if value}}
    return built


def write(rows: Iterable[Row], context: ExportContext) -> Iterator[str]:
    """A JSON array of one event per finding, in pieces."""
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(event(row, context), ensure_ascii=False, separators=(",", ":"))
        separator = ",\n"
    yield "\n]\n"
