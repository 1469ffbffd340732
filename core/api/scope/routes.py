"""The organization's scan scope: only targets inside it may be scanned."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import fields, validate

from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.services.scope import add_scope_entry, delete_scope_entry, scope_query

blp = Blueprint("scope", __name__, url_prefix="/api/v1/scope", description="Scan scope.")


class ScopeEntrySchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "scope_5d1f0a7b2c3e4f60"})
    value = fields.String(metadata={"example": "example.com"})
    kind = fields.String(metadata={"enum": ["domain", "ip", "network"]})
    created_at = UtcTimestamp()


class ScopeEntryCreateSchema(ma.Schema):
    value = fields.String(
        required=True,
        validate=validate.Length(min=1, max=300),
        metadata={
            "description": "A domain (covers its subdomains), an IP address or a CIDR network."
        },
    )


@blp.route("")
class Scope(MethodView):
    @require_role("viewer")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, page_schema(ScopeEntrySchema))
    def get(self, args):
        """What the organization may scan."""
        return paginate(scope_query(principal().organization_id), args)

    @require_role("admin")
    @blp.arguments(ScopeEntryCreateSchema)
    @blp.response(201, ScopeEntrySchema)
    def post(self, data):
        """Allow scans of a domain and its subdomains, an address, or a network, within the
        operator's policy: no public suffix, no network wider than allowed, nothing in a
        network no organization may scan (422 on ``value``)."""
        policy = appliance_of(current_app).settings.scope
        return add_scope_entry(principal().organization_id, data["value"], policy)


@blp.route("/<string:entry_id>")
class ScopeEntryById(MethodView):
    @require_role("admin")
    @blp.response(204)
    def delete(self, entry_id):
        """Take an entry out of the organization's scope."""
        delete_scope_entry(principal().organization_id, entry_id)
