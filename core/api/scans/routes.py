"""Scans: ask for one, list them, read one."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.pagination import newest_first, paginate
from cyberorigen.api.scans.schemas import ScanCreateSchema, ScanListArgsSchema, ScanSchema
from cyberorigen.api.schemas import page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.db.models import Scan
from cyberorigen.services.scans import create_scan, get_scan, scans_query

blp = Blueprint("scans", __name__, url_prefix="/api/v1/scans", description="Scans.")


@blp.route("")
class Scans(MethodView):
    @require_role("viewer")
    @blp.arguments(ScanListArgsSchema, location="query")
    @blp.response(200, page_schema(ScanSchema))
    def get(self, args):
        """List scans, newest first."""
        query = scans_query(principal().organization_id, args.get("status"), args.get("target"))
        return paginate(query, args, *newest_first(Scan))

    @require_role("analyst")
    @blp.arguments(ScanCreateSchema)
    @blp.response(201, ScanSchema)
    def post(self, data):
        """Ask for a scan of a target; it starts ``queued``."""
        caller = principal()
        return create_scan(
            caller.organization_id,
            caller.user_id,
            data["target"],
            data["scan_type"],
            data["frameworks"],
        )


@blp.route("/<string:scan_id>")
class ScanById(MethodView):
    @require_role("viewer")
    @blp.response(200, ScanSchema)
    def get(self, scan_id):
        """One scan."""
        return get_scan(principal().organization_id, scan_id)
