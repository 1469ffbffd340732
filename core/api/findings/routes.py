"""Findings across every scan of the organization."""

from __future__ import annotations

from flask_smorest import Blueprint

from cyberorigen.api.findings.schemas import FindingListArgsSchema, FindingSchema
from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.services.findings import by_last_seen, findings_query

blp = Blueprint("findings", __name__, url_prefix="/api/v1/findings", description="Findings.")


@blp.route("")
@require_role("viewer")
@blp.arguments(FindingListArgsSchema, location="query")
@blp.response(200, page_schema(FindingSchema))
def list_findings(args):
    """Findings of every target, most recently seen first."""
    return paginate(findings_query(principal().organization_id, args), args, *by_last_seen())
