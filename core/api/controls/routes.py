"""Compliance controls and their status.

Controls come from compliance framework plugins; with none installed the list is empty.
"""

from __future__ import annotations

from flask_smorest import Blueprint

from cyberorigen.api.controls.schemas import ControlSchema
from cyberorigen.api.schemas import PageArgsSchema, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.services.controls import controls_page

blp = Blueprint("controls", __name__, url_prefix="/api/v1/controls", description="Controls.")


@blp.route("")
@require_role("viewer")
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, page_schema(ControlSchema))
def list_controls(args):
    """List controls with their status, the frameworks they map to and their evidence count."""
    return controls_page(principal().organization_id, args["page"], args["per_page"])
