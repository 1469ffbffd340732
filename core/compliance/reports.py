"""A framework report: the status of each assessed requirement with its reason chain, and three
numbers kept apart on purpose.

- readiness: compliant requirements / applicable requirements;
- technical posture: the severity-weighted pass rate of the automated checks that bear on
  the framework, per check and target, from scans still within their controls' freshness;
- automation coverage: requirements with at least one automated check / all requirements.

A requirement takes its status from the controls mapped to it: ``non_compliant`` when one
is not implemented, ``compliant`` when all applicable ones are implemented and together cover
it fully, ``partially_compliant`` when some progress is evidenced, ``not_applicable`` when
every mapped control is, else ``not_assessed`` (including requirements no control maps to).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from peewee import chunked

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.controls import ControlView, current_views
from cyberorigen.db import database
from cyberorigen.db.models import Evidence, Finding, RequirementScope, User, utcnow
from cyberorigen.errors import Invalid, NotFound
from cyberorigen.plugin_api.interfaces import Framework, Requirement, Severity
from cyberorigen.services.scope import scope_matcher
from cyberorigen.vocab import REQUIREMENT_STATUSES

#: How much a check counts in the technical posture, by its severity.
SEVERITY_WEIGHTS = {"critical": 10.0, "high": 6.0, "medium": 3.0, "low": 1.0, "info": 0.5}


def requirement_status(
    framework: Framework,
    requirement: Requirement,
    catalogue: Catalogue,
    views: Mapping[str, ControlView],
    out_of_scope: str | None = None,
) -> dict[str, Any]:
    """The requirement's status from its controls; ``out_of_scope`` (the organization's
    reason, when it declared the requirement out of its scope) makes it ``not_applicable``."""
    links = catalogue.links(framework.id, requirement.id)
    controls = []
    for link in links:
        view = views[link.mapping.control]
        controls.append(
            {
                "id": link.mapping.control,
                "name": catalogue.controls[link.mapping.control].name,
                "status": view.assessment.status,
                "relationship": link.mapping.relationship,
                "coverage": link.mapping.coverage,
                "reason": view.assessment.reason,
            }
        )
    entry: dict[str, Any] = {
        "id": requirement.id,
        "title": requirement.title,
        "level": requirement.level,
        "parent": requirement.parent,
        "controls": controls,
        "findings": sorted(
            {item for link in links for item in views[link.mapping.control].assessment.findings}
        ),
        "automated_checks": sorted(
            {
                check.id
                for link in links
                for check in catalogue.checks_by_control.get(link.mapping.control, [])
            }
        ),
        "attributes": dict(requirement.attributes),
        "in_scope": out_of_scope is None,
    }
    if out_of_scope is not None:
        entry["status"], entry["reason"] = "not_applicable", out_of_scope
        return entry
    applicable = [item for item in controls if item["status"] != "not_applicable"]
    failing = [item for item in applicable if item["status"] == "not_implemented"]
    done = [item for item in applicable if item["status"] == "implemented"]
    progress = [
        item for item in applicable if item["status"] in ("implemented", "partially_implemented")
    ]
    if not controls:
        status, reason = "not_assessed", "no control maps to this requirement"
    elif not applicable:
        status, reason = "not_applicable", "every control mapped to it is not applicable"
    elif failing:
        status = "non_compliant"
        reason = "; ".join(
            f"{item['name']} is not implemented: {item['reason']}" for item in failing
        )
    elif len(done) == len(applicable) and any(item["coverage"] == "full" for item in done):
        status = "compliant"
        reason = "implemented: " + ", ".join(item["name"] for item in done)
    elif len(done) == len(applicable):
        status = "partially_compliant"
        reason = "the mapped controls are implemented but cover only part of it: " + ", ".join(
            item["name"] for item in done
        )
    elif progress:
        status = "partially_compliant"
        reason = "; ".join(
            f"{item['name']} is {item['status'].replace('_', ' ')}"
            for item in applicable
            if item["status"] != "implemented"
        )
    else:
        status = "not_assessed"
        reason = "; ".join(f"{item['name']}: {item['reason']}" for item in applicable)
    entry["status"], entry["reason"] = status, reason
    return entry


def _technical_posture(org_id: int, framework: Framework, catalogue: Catalogue) -> dict[str, Any]:
    """Severity-weighted pass rate over (check, target) pairs evaluated by current scans."""
    controls = {link.control for link in framework.mappings()}
    checks = {
        check.id: check
        for control in controls
        for check in catalogue.checks_by_control.get(control, [])
    }
    if not checks:
        return {"value": None, "passed_weight": 0.0, "total_weight": 0.0, "pairs_evaluated": 0}
    now = utcnow()
    in_scope = scope_matcher(org_id)
    evaluated: set[tuple[str, str]] = set()
    longest = max(catalogue.controls[item].freshness_days for item in controls)
    scans = Evidence.select().where(
        (Evidence.organization == org_id)
        & (Evidence.kind == "scan")
        & (Evidence.deleted_at.is_null())
        & (Evidence.control_id.in_(sorted(controls)))
        & (Evidence.collected_at > now - timedelta(days=longest))  # older ones cannot count
    )
    for row in scans:
        freshness = timedelta(days=catalogue.controls[row.control_id].freshness_days)
        target = row.details.get("target", "")
        if row.collected_at + freshness <= now or not in_scope(target):
            continue
        for check_id in row.details.get("checks_run", ()):
            if check_id in checks:
                evaluated.add((check_id, target))
    failing = _failing_pairs(org_id, sorted(checks), sorted({target for _, target in evaluated}))
    total = passed = 0.0
    for check_id, target in evaluated:
        weight = SEVERITY_WEIGHTS[Severity(checks[check_id].severity).value]
        total += weight
        if (check_id, target) not in failing:
            passed += weight
    return {
        "value": round(passed / total, 4) if total else None,
        "passed_weight": passed,
        "total_weight": total,
        "pairs_evaluated": len(evaluated),
    }


#: Targets asked about in one query (well under SQLite's limit of bound parameters).
_TARGETS_A_QUERY = 500


def _failing_pairs(org_id: int, check_ids: list[str], targets: list[str]) -> set[tuple[str, str]]:
    """(check, target) pairs with an open finding, of these checks on these targets: what the
    evaluated pairs need to know, read through the findings' (organization, target) index
    rather than every open finding of the checks."""
    failing: set[tuple[str, str]] = set()
    for batch in chunked(targets, _TARGETS_A_QUERY):
        failing.update(
            Finding.select(Finding.check_id, Finding.target)
            .where(
                (Finding.organization == org_id)
                & (Finding.target.in_(batch))
                & (Finding.status == "open")
                & (Finding.check_id.in_(check_ids))
            )
            .distinct()
            .tuples()
        )
    return failing


def out_of_scope(org_id: int, framework_id: str) -> dict[str, str]:
    """The organization's out-of-scope requirements of a framework -> the reason shown."""
    rows = list(
        RequirementScope.select().where(
            (RequirementScope.organization == org_id)
            & (RequirementScope.framework_id == framework_id)
        )
    )
    ids = {row.set_by_id for row in rows if row.set_by_id}
    emails = {user.id: user.email for user in User.select().where(User.id.in_(list(ids)))}
    return {
        row.requirement_id: (
            f"out of scope, set by {emails.get(row.set_by_id, 'a deleted user')}: {row.reason}"
        )
        for row in rows
    }


def framework_report(org_id: int, catalogue: Catalogue, framework: Framework) -> dict[str, Any]:
    controls = sorted({link.control for link in framework.mappings()})
    views = current_views(org_id, catalogue, controls)
    excluded = out_of_scope(org_id, framework.id)
    entries = [
        requirement_status(framework, item, catalogue, views, excluded.get(item.id))
        for item in catalogue.assessed(framework)
    ]
    counts = {status: 0 for status in REQUIREMENT_STATUSES}
    for entry in entries:
        counts[entry["status"]] += 1
    applicable = len(entries) - counts["not_applicable"]
    automated = sum(1 for entry in entries if entry["automated_checks"])
    return {
        "framework": framework_summary(catalogue, framework),
        "generated_at": utcnow(),
        "summary": {
            "requirements": len(entries),
            **counts,
            "readiness": {
                "value": round(counts["compliant"] / applicable, 4) if applicable else None,
                "compliant": counts["compliant"],
                "applicable": applicable,
            },
            "technical_posture": _technical_posture(org_id, framework, catalogue),
            "automation_coverage": {
                "value": round(automated / len(entries), 4) if entries else None,
                "automated": automated,
                "requirements": len(entries),
            },
        },
        "requirements": entries,
    }


def framework_summary(catalogue: Catalogue, framework: Framework) -> dict[str, Any]:
    levels: dict[str, int] = {}
    for item in framework.requirements():
        levels[item.level] = levels.get(item.level, 0) + 1
    return {
        "id": framework.id,
        "version": framework.version,
        "title": framework.title,
        "display_name": framework.display_name,
        "publisher": framework.publisher,
        "licence_note": framework.licence_note,
        "aliases": list(framework.aliases),
        "counts": {
            "requirements": len(catalogue.assessed(framework)),
            "by_level": levels,
            "mapped_requirements": len({link.requirement for link in framework.mappings()}),
            "controls": len({link.control for link in framework.mappings()}),
        },
    }


CSV_COLUMNS = (
    "framework",
    "requirement",
    "title",
    "status",
    "reason",
    "controls",
    "findings",
    "automated_checks",
)


def set_scope(
    org_id: int,
    catalogue: Catalogue,
    framework: Framework,
    requirement_id: str,
    applicable: bool,
    reason: str | None,
    user_id: int,
) -> dict[str, Any]:
    """Declare a requirement out of the organization's scope (with a reason) or back in;
    returns its report entry."""
    requirement = catalogue.requirements[framework.id].get(requirement_id)
    if requirement is None or not requirement.assessed:
        raise NotFound("requirement")
    where = (
        (RequirementScope.organization == org_id)
        & (RequirementScope.framework_id == framework.id)
        & (RequirementScope.requirement_id == requirement_id)
    )
    with database.atomic():
        RequirementScope.delete().where(where).execute()
        if not applicable:
            if not (reason or "").strip():
                raise Invalid("reason", "say why it is out of scope")
            RequirementScope.create(
                organization=org_id,
                framework_id=framework.id,
                requirement_id=requirement_id,
                reason=reason.strip(),
                set_by=user_id,
            )
    controls = sorted(
        {link.mapping.control for link in catalogue.links(framework.id, requirement_id)}
    )
    views = current_views(org_id, catalogue, controls)
    excluded = out_of_scope(org_id, framework.id)
    return requirement_status(
        framework, requirement, catalogue, views, excluded.get(requirement_id)
    )


def report_csv(report: Mapping[str, Any]) -> str:
    """The report's requirements, one row each (spreadsheet formulas neutralised)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    framework = report["framework"]["id"]
    for entry in report["requirements"]:
        writer.writerow(
            _cell(value)
            for value in (
                framework,
                entry["id"],
                entry["title"],
                entry["status"],
                entry["reason"],
                "; ".join(f"{item['id']}={item['status']}" for item in entry["controls"]),
                " ".join(entry["findings"]),
                " ".join(entry["automated_checks"]),
            )
        )
    return out.getvalue()


def _cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
