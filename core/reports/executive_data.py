"""What the executive summary shows: each chosen framework's headline figures (from its framework
report), the organization's findings by severity over time and its top risks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.reports import framework_report
from cyberorigen.db.models import utcnow
from cyberorigen.errors import Invalid
from cyberorigen.plugin_api.interfaces import Framework
from cyberorigen.reports import facts, trend
from cyberorigen.reports.framework_data import (
    DEFINITIONS,
    FAILING,
    control_statuses,
    sections,
)

#: Open findings listed as top risks.
TOP_RISKS = 10
#: Failing requirements named on a framework's page.
FAILING_NAMED = 6


def chosen_frameworks(catalogue: Catalogue, names: Sequence[str] | None) -> list[Framework]:
    """The frameworks named (ids or aliases, each once, in the order given), or every
    installed one; :class:`Invalid` names the first that is not installed."""
    if not names:
        return list(catalogue.frameworks.values())
    chosen: dict[str, Framework] = {}
    for name in names:
        framework = catalogue.framework(name.strip())
        if framework is None:
            raise Invalid("frameworks", f"no framework {name.strip()!r} is installed")
        chosen.setdefault(framework.id, framework)
    return list(chosen.values())


def _headline(org_id: int, catalogue: Catalogue, framework: Framework) -> dict[str, Any]:
    report = framework_report(org_id, catalogue, framework)
    entries = report["requirements"]
    failing = [entry for entry in entries if entry["status"] in FAILING]
    failing.sort(key=lambda entry: FAILING.index(entry["status"]))
    return {
        "framework": report["framework"],
        "summary": report["summary"],
        "control_statuses": control_statuses(entries),
        "sections": sections(framework, catalogue.requirements[framework.id], entries),
        "failing": failing[:FAILING_NAMED],
        "failing_total": len(failing),
    }


def executive_document(
    org_id: int, catalogue: Catalogue, frameworks: Sequence[Framework], user_id: int | None
) -> dict[str, Any]:
    """Everything the executive summary shows (see docs/reports.md)."""
    now = utcnow()
    risks = trend.worst_open(org_id, TOP_RISKS)
    for risk in risks:
        controls = catalogue.controls_by_check.get(risk["check_id"], ())
        risk["frameworks"] = sorted(
            {name for control in controls for name in catalogue.display_names(control)}
        )
    return {
        "cover": facts.cover(org_id, user_id, now),
        "definitions": DEFINITIONS,
        "frameworks": [_headline(org_id, catalogue, item) for item in frameworks],
        "weeks": trend.findings_by_week(org_id, now),
        "open_findings": trend.open_by_severity(org_id),
        "trend_definition": trend.DEFINITION,
        "risks": risks,
    }
