"""Compliance frameworks installed as plugins, and the organization's report against each."""

from __future__ import annotations

from flask import Response, current_app
from flask_smorest import Blueprint

from cyberorigen.api.frameworks.schemas import (
    FrameworkListSchema,
    FrameworkReportSchema,
    FrameworkSchema,
    ReportRequirementSchema,
    RequirementScopeSchema,
)
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.reports import (
    framework_report,
    framework_summary,
    report_csv,
    set_scope,
)
from cyberorigen.errors import NotFound
from cyberorigen.plugin_api.interfaces import Framework
from cyberorigen.services.audit import record_download

blp = Blueprint(
    "frameworks",
    __name__,
    url_prefix="/api/v1/frameworks",
    description="Compliance frameworks and reports.",
)


def _catalogue() -> Catalogue:
    return appliance_of(current_app).catalogue


def _framework(catalogue: Catalogue, name: str) -> Framework:
    framework = catalogue.framework(name)
    if framework is None:
        raise NotFound("framework")
    return framework


@blp.route("")
@require_role("viewer")
@blp.response(200, FrameworkListSchema)
def list_frameworks():
    """Every installed framework: id, version, title, aliases and counts."""
    catalogue = _catalogue()
    items = [framework_summary(catalogue, item) for item in catalogue.frameworks.values()]
    return {"items": items, "total": len(items)}


@blp.route("/<string:framework_id>")
@require_role("viewer")
@blp.response(200, FrameworkSchema)
def get_framework(framework_id):
    """One framework (by id or alias)."""
    catalogue = _catalogue()
    return framework_summary(catalogue, _framework(catalogue, framework_id))


@blp.route("/<string:framework_id>/report")
@require_role("viewer")
@blp.response(200, FrameworkReportSchema)
def report(framework_id):
    """The organization's report: each assessed requirement's status with its reason chain,
    and readiness, technical posture and automation coverage as three separate numbers."""
    catalogue = _catalogue()
    return framework_report(
        principal().organization_id, catalogue, _framework(catalogue, framework_id)
    )


@blp.route("/<string:framework_id>/requirements/<path:requirement_id>", methods=["PATCH"])
@require_role("auditor")
@blp.arguments(RequirementScopeSchema)
@blp.response(200, ReportRequirementSchema)
def scope_requirement(data, framework_id, requirement_id):
    """Declare a requirement out of the organization's scope (``applicable: false`` with a
    reason: it is then ``not_applicable`` in reports and scan summaries) or back in. Auditor
    or admin."""
    caller, catalogue = principal(), _catalogue()
    return set_scope(
        caller.organization_id,
        catalogue,
        _framework(catalogue, framework_id),
        requirement_id,
        data["applicable"],
        data.get("reason"),
        caller.user_id,
    )


@blp.route("/<string:framework_id>/report.csv")
@require_role("viewer")
@blp.response(200, description="The report's requirements as CSV.")
def report_as_csv(framework_id):
    """The same report as CSV, one row per assessed requirement."""
    catalogue = _catalogue()
    framework = _framework(catalogue, framework_id)
    org_id = principal().organization_id
    body = report_csv(framework_report(org_id, catalogue, framework))
    record_download(
        "report.downloaded",
        org_id,
        {"report": "framework", "format": "csv"},
        object_type="framework",
        object_id=framework.id,
    )
    return Response(
        body,
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{framework.id}-report.csv"',
            "X-Content-Type-Options": "nosniff",
        },
    )
