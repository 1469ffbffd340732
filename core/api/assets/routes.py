"""The asset inventory: hosts the organization's scans found, with their services."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.assets.schemas import AssetDetailSchema, AssetListArgsSchema, AssetSchema
from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import Shown, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.services.assets import assets_query, get_asset, services_of

blp = Blueprint(
    "assets", __name__, url_prefix="/api/v1/assets", description="Assets: hosts and services."
)


@blp.route("")
class Assets(MethodView):
    @require_role("viewer")
    @blp.arguments(AssetListArgsSchema, location="query")
    @blp.response(200, page_schema(AssetSchema))
    def get(self, args):
        """Hosts the organization's scans found answering, most recently seen first
        (filters: address, name, protocol or port of one of their services)."""
        return paginate(assets_query(principal().organization_id, args), args)


@blp.route("/<string:asset_id>")
class AssetById(MethodView):
    @require_role("viewer")
    @blp.response(200, AssetDetailSchema)
    def get(self, asset_id):
        """One host with its services: port, transport, protocol, product, version, TLS
        certificate summary, first and last seen."""
        asset = get_asset(principal().organization_id, asset_id)
        return Shown(asset, services=services_of(asset))
