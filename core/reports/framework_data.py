"""What the report of one framework shows, gathered from the framework report of
:mod:`cyberorigen.compliance.reports` (the statuses and the three numbers are its own), the
controls' stored assessments, their evidence and findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.controls import current_views
from cyberorigen.compliance.reports import SEVERITY_WEIGHTS, framework_report
from cyberorigen.plugin_api.interfaces import Framework, Requirement
from cyberorigen.reports import facts, trend
from cyberorigen.vocab import CONTROL_STATUSES, REQUIREMENT_STATUSES

#: The requirements a report details: those failing, wholly or in part.
FAILING = ("non_compliant", "partially_compliant")

_WEIGHTS = ", ".join(f"{severity} {weight:g}" for severity, weight in SEVERITY_WEIGHTS.items())

#: What each of the three numbers means and how it is computed (the definitions of
#: cyberorigen.compliance.reports, in words).
DEFINITIONS = {
    "readiness": (
        "How much of what applies is done: the compliant requirements divided by the "
        "applicable ones (every assessed requirement not declared or found not applicable)."
    ),
    "technical_posture": (
        "How well the automated checks that bear on the framework pass: the severity-weighted "
        "share of (check, target) pairs without an open finding, over the pairs run by scans "
        f"still within their controls' freshness window (weights: {_WEIGHTS})."
    ),
    "automation_coverage": (
        "How much of the framework the appliance tests by itself: the requirements with at "
        "least one automated check divided by all assessed requirements."
    ),
}

STATUS_RULE = (
    "A requirement takes its status from the common controls mapped to it: non-compliant when "
    "one is not implemented, compliant when all that apply are implemented and together cover "
    "it fully, partially compliant when some progress is evidenced, not applicable when it is "
    "declared out of scope or every mapped control is, else not assessed."
)


def root_of(index: Mapping[str, Requirement], requirement_id: str) -> Requirement:
    """The top-level item of the catalogue a requirement sits under (itself at the top)."""
    item = index[requirement_id]
    seen = {item.id}
    while item.parent and item.parent in index and item.parent not in seen:
        item = index[item.parent]
        seen.add(item.id)
    return item


def sections(
    framework: Framework, index: Mapping[str, Requirement], entries: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The requirements' statuses counted per top-level section, in catalogue order."""
    order = {item.id: position for position, item in enumerate(framework.requirements())}
    counted: dict[str, Counter] = {}
    for entry in entries:
        root = root_of(index, entry["id"])
        counted.setdefault(root.id, Counter())[entry["status"]] += 1
    return [
        {
            "id": root_id,
            "title": index[root_id].title,
            "label": f"{root_id} {index[root_id].title}",
            "counts": {status: counts.get(status, 0) for status in REQUIREMENT_STATUSES},
        }
        for root_id, counts in sorted(counted.items(), key=lambda item: order[item[0]])
    ]


def control_statuses(entries: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """The framework's mapped controls counted by status (each control once)."""
    status_of = {
        control["id"]: control["status"] for entry in entries for control in entry["controls"]
    }
    counts = Counter(status_of.values())
    return {status: counts.get(status, 0) for status in CONTROL_STATUSES}


def not_applicable_reason(entry: Mapping[str, Any]) -> str:
    """Why a requirement does not apply: the organization's recorded reason when it declared
    it out of scope, else the reasons its controls were marked not applicable."""
    if not entry["in_scope"]:
        return entry["reason"]
    reasons = [f"{control['name']}: {control['reason']}" for control in entry["controls"]]
    return "; ".join(reasons) or entry["reason"]


def _detail(
    entry: Mapping[str, Any],
    findings: Mapping[str, list[dict[str, Any]]],
    evidence: Mapping[str, dict[str, Any]],
) -> dict[str, Any]:
    controls = []
    for control in entry["controls"]:
        listed = findings.get(control["id"], [])
        documents = evidence[control["id"]]["documents"]
        controls.append(
            {
                **control,
                "findings": listed[: facts.FINDINGS_LISTED],
                "findings_more": max(len(listed) - facts.FINDINGS_LISTED, 0),
                "evidence": documents[: facts.EVIDENCE_LISTED],
                "evidence_more": max(len(documents) - facts.EVIDENCE_LISTED, 0),
                "scans": evidence[control["id"]]["scans"],
            }
        )
    return {**entry, "controls": controls}


def framework_document(
    org_id: int, catalogue: Catalogue, framework: Framework, user_id: int | None
) -> dict[str, Any]:
    """Everything the framework report shows (see docs/reports.md)."""
    report = framework_report(org_id, catalogue, framework)
    now = report["generated_at"]
    entries = report["requirements"]
    index = catalogue.requirements[framework.id]
    failing = [entry for entry in entries if entry["status"] in FAILING]
    failing.sort(key=lambda entry: FAILING.index(entry["status"]))  # stable: catalogue order
    failing_controls = sorted({c["id"] for entry in failing for c in entry["controls"]})
    views = current_views(org_id, catalogue, failing_controls)
    findings = facts.failing_findings(org_id, views, failing_controls)
    evidence = facts.control_evidence(org_id, catalogue, failing_controls, now)
    mapped = {link.control for link in framework.mappings()}
    check_ids = {check.id for item in mapped for check in catalogue.checks_by_control.get(item, [])}
    return {
        "cover": facts.cover(org_id, user_id, now),
        "framework": report["framework"],
        "summary": report["summary"],
        "definitions": DEFINITIONS,
        "status_rule": STATUS_RULE,
        "sections": sections(framework, index, entries),
        "control_statuses": control_statuses(entries),
        "weeks": trend.findings_by_week(org_id, now, check_ids),
        "open_findings": trend.open_by_severity(org_id, check_ids),
        "trend_definition": trend.DEFINITION,
        "failing": [_detail(entry, findings, evidence) for entry in failing],
        "findings_listed": facts.FINDINGS_LISTED,
        "not_applicable": [
            {**entry, "justification": not_applicable_reason(entry)}
            for entry in entries
            if entry["status"] == "not_applicable"
        ],
        "requirements": [{**entry, "section": root_of(index, entry["id"]).id} for entry in entries],
    }
