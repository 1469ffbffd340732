"""The installed plugins, what they provide, and why any of them is not in use."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask_smorest import Blueprint
from marshmallow import fields

from cyberorigen.api.security import require_role
from cyberorigen.appliance import appliance_of

blp = Blueprint("plugins", __name__, url_prefix="/api/v1/plugins", description="Plugins.")


class PluginSchema(ma.Schema):
    name = fields.String(metadata={"example": "http"})
    distribution = fields.String(allow_none=True, metadata={"example": "cyberorigen"})
    version = fields.String(allow_none=True, metadata={"example": "0.1.0"})
    status = fields.String(metadata={"enum": ["loaded", "blocked", "incompatible", "failed"]})
    reason = fields.String(allow_none=True)
    api = fields.String(allow_none=True, metadata={"description": "Declared PLUGIN_API range."})
    hooks = fields.List(fields.String())
    scanners = fields.List(fields.String())
    controls = fields.List(fields.String())
    frameworks = fields.List(fields.String())
    transports = fields.List(fields.String())
    problems = fields.List(fields.String(), metadata={"description": "What its environment lacks."})


class PluginListSchema(ma.Schema):
    items = fields.List(fields.Nested(PluginSchema))
    total = fields.Integer()


@blp.route("")
@require_role("admin")
@blp.response(200, PluginListSchema)
def list_plugins():
    """Every plugin found, with its status (loaded, blocked, incompatible, failed)."""
    registry = appliance_of(current_app).registry
    registry.refresh_problems()
    return {"items": registry.records, "total": len(registry.records)}
