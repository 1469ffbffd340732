"""The caller's organization: plan and rate limits."""

from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.organizations.schemas import OrganizationSchema, OrganizationUpdateSchema
from cyberorigen.api.schemas import Shown
from cyberorigen.api.security import identities, principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.services.organizations import (
    effective_limits,
    get_organization,
    update_organization,
)

blp = Blueprint(
    "organizations", __name__, url_prefix="/api/v1/organizations", description="Organizations."
)


def _with_limits(org):
    hourly, daily = effective_limits(org, appliance_of(current_app).settings.plans)
    return Shown(org, rate_limits={"hourly": hourly, "daily": daily})


@blp.route("/current")
class CurrentOrganization(MethodView):
    @require_role("viewer")
    @blp.response(200, OrganizationSchema)
    def get(self):
        """Your organization, its plan and the rate limits in force."""
        return _with_limits(get_organization(principal().organization_id))

    @require_role("admin")
    @blp.arguments(OrganizationUpdateSchema)
    @blp.response(200, OrganizationSchema)
    def patch(self, changes):
        """Change the name, plan or custom limits (null restores the plan's limit)."""
        org = update_organization(get_organization(principal().organization_id), changes)
        identities().forget()
        return _with_limits(org)
