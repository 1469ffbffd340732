"""Findings across every scan of the organization."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.findings.schemas import (
    FindingListArgsSchema,
    FindingSchema,
    FindingStatusSchema,
)
from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.services.findings import change_status, findings_query, get_finding

blp = Blueprint("findings", __name__, url_prefix="/api/v1/findings", description="Findings.")


@blp.route("/<string:finding_id>")
class FindingById(MethodView):
    @require_role("viewer")
    @blp.response(200, FindingSchema)
    def get(self, finding_id):
        return get_finding(principal().organization_id, finding_id)

    @require_role("analyst")
    @blp.arguments(FindingStatusSchema)
    @blp.response(200, FindingSchema)
    def patch(self, data, finding_id):
        """Set the status: open, fixed, accepted_risk (reason, optional expiry) or
        false_positive (reason). A fixed finding that a later scan sees again is reopened."""
        caller = principal()
        return change_status(
            get_finding(caller.organization_id, finding_id),
            data["status"],
            data.get("reason"),
            data.get("accepted_until"),
            caller.identity.email,
        )


@blp.route("")
@require_role("viewer")
@blp.arguments(FindingListArgsSchema, location="query")
@blp.response(200, page_schema(FindingSchema))
def list_findings(args):
    """Findings of every target, most recently seen first."""
    return paginate(findings_query(principal().organization_id, args), args)
