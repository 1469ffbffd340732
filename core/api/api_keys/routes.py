"""API keys for automation, sent as ``Authorization: Bearer co_…``."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.api_keys.schemas import ApiKeyCreatedSchema, ApiKeyCreateSchema, ApiKeySchema
from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import PageArgsSchema, Shown, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.services.api_keys import (
    api_keys_query,
    create_api_key,
    get_api_key,
    revoke_api_key,
)
from cyberorigen.services.roles import role_at_least

blp = Blueprint("api_keys", __name__, url_prefix="/api/v1/api-keys", description="API keys.")


def _visible_owner():
    """Admins see every key of the organization; others only their own."""
    caller = principal()
    return None if role_at_least(caller.role, "admin") else caller.user_id


@blp.route("")
class ApiKeys(MethodView):
    @require_role("viewer")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, page_schema(ApiKeySchema))
    def get(self, args):
        """List API keys (yours; an admin sees the organization's)."""
        return paginate(api_keys_query(principal().organization_id, _visible_owner()), args)

    @require_role("viewer")
    @blp.arguments(ApiKeyCreateSchema)
    @blp.response(201, ApiKeyCreatedSchema)
    def post(self, data):
        """Create an API key; the key is in this response only."""
        caller = principal()
        row, key = create_api_key(
            caller.identity, caller.role, data["name"], data.get("role"), data.get("expires_at")
        )
        return Shown(row, key=key)


@blp.route("/<string:key_id>")
class ApiKeyById(MethodView):
    @require_role("viewer")
    @blp.response(200, ApiKeySchema)
    def get(self, key_id):
        """One API key (never the key itself)."""
        return get_api_key(principal().organization_id, key_id, _visible_owner())

    @require_role("viewer")
    @blp.response(204)
    def delete(self, key_id):
        """Revoke an API key at once."""
        revoke_api_key(principal().organization_id, key_id, _visible_owner())
