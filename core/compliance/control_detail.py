"""The read model of a control, as the API shows it: a summary for lists, and the detail that
explains its status (findings, checks, evidence, override, requirements, history, and the
evidence awaiting review)."""

from __future__ import annotations

from typing import Any

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.controls import ControlView, history
from cyberorigen.db.models import Evidence, Finding, User


def control_summary(catalogue: Catalogue, view: ControlView) -> dict[str, Any]:
    """A control as lists show it: its status, frameworks and evidence count."""
    control = catalogue.controls[view.control_id]
    return {
        "id": control.id,
        "name": control.name,
        "status": view.assessment.status,
        "frameworks": catalogue.display_names(control.id),
        "evidence_count": view.evidence_count,
    }


def control_detail(org_id: int, catalogue: Catalogue, view: ControlView) -> dict[str, Any]:
    """A control with why it has its status: the findings, checks and evidence behind it,
    who owns it, any override, the requirements it maps to, and its history."""
    control, state = catalogue.controls[view.control_id], view.state
    users = {
        user.id: user
        for user in User.select().where(
            User.id.in_([item for item in (state.owner_id, state.override_by_id) if item])
        )
    }
    changes = history(org_id, control.id)
    actors = {
        user.id: user.email
        for user in User.select().where(User.id.in_({c.actor_id for c in changes if c.actor_id}))
    }
    findings = [
        {
            "id": row.public_id,
            "title": row.title,
            "severity": row.severity,
            "target": row.target,
            "check_id": row.check_id,
        }
        for row in Finding.select().where(
            (Finding.organization == org_id)
            & (Finding.public_id.in_(list(view.assessment.findings)))
        )
    ]
    awaiting = (
        Evidence.select()
        .where(
            (Evidence.organization == org_id)
            & (Evidence.control_id == control.id)
            & (Evidence.deleted_at.is_null())
            & (Evidence.review_status == "submitted")
        )
        .count()
    )
    owner = users.get(state.owner_id)
    override = None
    if state.override_status:
        setter = users.get(state.override_by_id)
        override = {
            "status": state.override_status,
            "reason": state.override_reason,
            "set_by": setter.email if setter else None,
            "set_at": state.override_at,
        }
    return {
        **control_summary(catalogue, view),
        "description": control.description,
        "evidence_guidance": control.evidence_guidance,
        "severity_threshold": control.severity_threshold.value,
        "freshness_days": control.freshness_days,
        "reason": view.assessment.reason,
        "basis": {**view.assessment.basis(), "findings": findings},
        "status_since": state.status_since,
        "applicable": state.applicable,
        "applicability_reason": state.applicability_reason,
        "owner": owner.email if owner else None,
        "owner_id": owner.public_id if owner else None,
        "override": override,
        "requirements": [
            {
                "framework": link.framework.id,
                "framework_name": link.framework.display_name,
                "requirement": link.requirement.id,
                "title": link.requirement.title,
                "relationship": link.mapping.relationship,
                "coverage": link.mapping.coverage,
            }
            for link in sorted(
                catalogue.links_by_control.get(control.id, []),
                key=lambda item: item.framework.id,
            )
        ],
        "checks": [
            {"id": check.id, "title": check.title, "severity": check.severity.value}
            for check in catalogue.checks_by_control.get(control.id, [])
        ],
        "history": [
            {
                "from_status": change.from_status,
                "to_status": change.to_status,
                "reason": change.reason,
                "cause": change.cause,
                "changed_by": actors.get(change.actor_id),
                "changed_at": change.changed_at,
            }
            for change in changes
        ],
        "evidence_awaiting_review": awaiting,
    }
