"""Scans: ask for one (it runs on a worker), follow it, cancel it, read its findings."""

from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.findings.schemas import FindingListArgsSchema, FindingSchema
from cyberorigen.api.pagination import newest_first, oldest_first, paginate
from cyberorigen.api.scans.schemas import (
    ScanCreateSchema,
    ScanDetailSchema,
    ScanListArgsSchema,
    ScanSchema,
)
from cyberorigen.api.schemas import page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.db.models import Scan, ScannerRun
from cyberorigen.services.findings import by_last_seen, findings_query
from cyberorigen.services.scans import (
    delete_scan,
    get_scan,
    request_cancel,
    scans_query,
    start_scan,
)

blp = Blueprint("scans", __name__, url_prefix="/api/v1/scans", description="Scans.")


def _jobs():
    return appliance_of(current_app).jobs


def _start_scan(target: str, scan_type: str, frameworks, options) -> Scan:
    caller = principal()
    scan = start_scan(
        caller.organization_id,
        caller.user_id,
        target,
        scan_type,
        frameworks,
        options,
        _jobs().enqueue_scan,
        appliance_of(current_app).settings.scope,
    )
    return _with_runs(scan)


def _with_runs(scan: Scan) -> Scan:
    scan.scanners = list(scan.scanner_runs.order_by(ScannerRun.position))
    return scan


@blp.route("")
class Scans(MethodView):
    @require_role("viewer")
    @blp.arguments(ScanListArgsSchema, location="query")
    @blp.response(200, page_schema(ScanSchema))
    def get(self, args):
        """List scans, newest first."""
        query = scans_query(principal().organization_id, args)
        order = newest_first(Scan) if args["sort"] == "-created_at" else oldest_first(Scan)
        return paginate(query, args, *order)

    @require_role("analyst")
    @blp.arguments(ScanCreateSchema)
    @blp.response(201, ScanDetailSchema)
    def post(self, data):
        """Ask for a scan of a target inside the organization's scope; it starts ``queued``
        and runs on a worker."""
        return _start_scan(data["target"], data["scan_type"], data["frameworks"], data["options"])


@blp.route("/<string:scan_id>")
class ScanById(MethodView):
    @require_role("viewer")
    @blp.response(200, ScanDetailSchema)
    def get(self, scan_id):
        """One scan, with each scanner's status and error."""
        return _with_runs(get_scan(principal().organization_id, scan_id))

    @require_role("analyst")
    @blp.response(204)
    def delete(self, scan_id):
        """Delete a finished scan (its findings stay with the target)."""
        delete_scan(get_scan(principal().organization_id, scan_id))


@blp.route("/<string:scan_id>/rescan", methods=["POST"])
@require_role("analyst")
@blp.response(201, ScanDetailSchema)
def rescan(scan_id):
    """Scan the same target again with the same type, frameworks and options."""
    previous = get_scan(principal().organization_id, scan_id)
    return _start_scan(previous.target, previous.scan_type, previous.frameworks, previous.options)


@blp.route("/<string:scan_id>/cancel", methods=["POST"])
@require_role("analyst")
@blp.response(202, ScanDetailSchema)
def cancel_scan(scan_id):
    """Cancel a scan: a queued one at once, a running one at its next step."""
    scan = request_cancel(get_scan(principal().organization_id, scan_id))
    if scan.status == "cancelled":
        _jobs().cancel_scan(scan)
    return _with_runs(scan)


@blp.route("/<string:scan_id>/findings")
@require_role("viewer")
@blp.arguments(FindingListArgsSchema, location="query")
@blp.response(200, page_schema(FindingSchema))
def scan_findings(args, scan_id):
    """What this scan observed."""
    caller = principal()
    scan = get_scan(caller.organization_id, scan_id)
    query = findings_query(caller.organization_id, args, scan_id=scan.id)
    return paginate(query, args, *by_last_seen())
