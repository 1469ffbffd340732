"""The ISO/IEC 27001 Statement of Applicability: every Annex A control of the framework's
catalogue, whether it applies (with the organization's recorded justification), how far it is
implemented (the status the framework report gives it from the mapped common controls'
stored statuses) and the accepted, current evidence behind it.

Nothing is invented: an applicable control's justification is empty, as the appliance records
reasons only for what does not apply.
"""

from __future__ import annotations

from typing import Any

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.reports import framework_report
from cyberorigen.db.models import RequirementScope, User
from cyberorigen.errors import NotFound
from cyberorigen.plugin_api.interfaces import Framework
from cyberorigen.reports import facts
from cyberorigen.reports.framework_data import not_applicable_reason, root_of

#: A requirement's status, said as the implementation status of an Annex A control.
IMPLEMENTATION = {
    "compliant": "Implemented",
    "partially_compliant": "Partially implemented",
    "non_compliant": "Not implemented",
    "not_assessed": "Not assessed",
    "not_applicable": "Not applicable",
}

COLUMNS = (
    ("control", "Control", 10),
    ("title", "Title", 38),
    ("theme", "Theme", 26),
    ("applicable", "Applicable", 11),
    ("justification", "Justification", 48),
    ("decided_by", "Decided by", 28),
    ("decided_at", "Decided at (UTC)", 17),
    ("implementation", "Implementation status", 22),
    ("controls", "Common controls (status)", 48),
    ("evidence_count", "Evidence (accepted, current)", 14),
    ("evidence", "Evidence titles", 60),
)


class NoStatement(NotFound):
    """A Statement of Applicability asked of a framework other than ISO 27001."""

    def __init__(self, framework: Framework) -> None:
        super().__init__("statement of applicability")
        self.detail = (
            "A Statement of Applicability exists only for ISO/IEC 27001 (framework "
            f"iso27001); {framework.display_name or framework.id} ({framework.id}) has none."
        )
        self.args = (self.detail,)


def is_iso27001(framework: Framework) -> bool:
    return framework.id.split("-", 1)[0] == "iso27001"


def _decisions(org_id: int, framework_id: str) -> dict[str, dict[str, Any]]:
    rows = list(
        RequirementScope.select().where(
            (RequirementScope.organization == org_id)
            & (RequirementScope.framework_id == framework_id)
        )
    )
    users = {row.set_by_id for row in rows if row.set_by_id}
    emails = {user.id: user.email for user in User.select().where(User.id.in_(sorted(users)))}
    return {
        row.requirement_id: {
            "reason": row.reason,
            "by": emails.get(row.set_by_id, "a deleted user") if row.set_by_id else "",
            "at": row.set_at,
        }
        for row in rows
    }


def soa_document(
    org_id: int, catalogue: Catalogue, framework: Framework, user_id: int | None
) -> dict[str, Any]:
    """The Statement of Applicability of ``framework`` (ISO 27001 only, else
    :class:`NoStatement`), one row per Annex A control in catalogue order."""
    if not is_iso27001(framework):
        raise NoStatement(framework)
    report = framework_report(org_id, catalogue, framework)
    now = report["generated_at"]
    index = catalogue.requirements[framework.id]
    decisions = _decisions(org_id, framework.id)
    annex = [entry for entry in report["requirements"] if index[entry["id"]].level == "control"]
    mapped = sorted({control["id"] for entry in annex for control in entry["controls"]})
    evidence = facts.control_evidence(org_id, catalogue, mapped, now)
    rows = []
    for entry in annex:
        decision = decisions.get(entry["id"])
        applicable = entry["status"] != "not_applicable"
        if decision:
            justification = decision["reason"]
        elif not applicable:
            justification = not_applicable_reason(entry)
        else:
            justification = ""
        documents: dict[str, str] = {}
        scans, latest = 0, None
        for control in entry["controls"]:
            found = evidence[control["id"]]
            for item in found["documents"]:
                if item["counts"]:
                    documents.setdefault(item["id"], item["title"])
            scans += found["scans"]["current"]
            seen = found["scans"]["latest"]
            latest = max(latest, seen) if latest and seen else latest or seen
        titles = list(documents.values())
        if scans:
            titles.append(f"{scans} current scan result(s), latest {latest:%Y-%m-%d}")
        theme = root_of(index, entry["id"])
        rows.append(
            {
                "control": entry["id"],
                "title": entry["title"],
                "theme": f"{theme.id} {theme.title}" if theme.id != entry["id"] else "",
                "applicable": "Yes" if applicable else "No",
                "justification": justification,
                "decided_by": decision["by"] if decision else "",
                "decided_at": decision["at"] if decision else None,
                "implementation": IMPLEMENTATION[entry["status"]],
                "status": entry["status"],
                "controls": "; ".join(
                    f"{control['name']}: {control['status'].replace('_', ' ')}"
                    for control in entry["controls"]
                ),
                "evidence_count": len(documents) + scans,
                "evidence": titles,
            }
        )
    applicable = sum(1 for row in rows if row["applicable"] == "Yes")
    return {
        "cover": facts.cover(org_id, user_id, now),
        "framework": report["framework"],
        "columns": COLUMNS,
        "rows": rows,
        "counts": {
            "controls": len(rows),
            "applicable": applicable,
            "not_applicable": len(rows) - applicable,
            "implemented": sum(1 for row in rows if row["status"] == "compliant"),
        },
    }
