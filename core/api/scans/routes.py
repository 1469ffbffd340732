"""Scans: ask for one (it runs on a worker), follow it, cancel it, read its findings."""

from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.cached_pages import cached_page
from cyberorigen.api.findings.schemas import FindingListArgsSchema, FindingSchema
from cyberorigen.api.pagination import paginate
from cyberorigen.api.scans.schemas import (
    CheckOutcomeListArgsSchema,
    CheckOutcomeSchema,
    ScanCreateSchema,
    ScanDetailSchema,
    ScanListArgsSchema,
    ScanSchema,
)
from cyberorigen.api.schemas import Shown, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.services.check_outcomes import outcomes_query
from cyberorigen.services.findings import findings_query
from cyberorigen.services.scans import (
    check_rescan,
    coverage,
    delete_scan,
    get_scan,
    request_cancel,
    scan_parts,
    scanner_runs,
    scans_query,
    start_scan,
)

blp = Blueprint("scans", __name__, url_prefix="/api/v1/scans", description="Scans.")


def _jobs():
    return appliance_of(current_app).jobs


def _start_scan(target: str, scan_type: str, frameworks, options) -> Shown:
    caller = principal()
    scan = start_scan(
        caller.organization_id,
        caller.user_id,
        target,
        scan_type,
        frameworks,
        options,
        _jobs().enqueue_scan,
        appliance_of(current_app).scan_rules,
    )
    return detail_of(scan)


def detail_of(scan) -> Shown:
    runs = scanner_runs(scan)
    return Shown(scan, scanners=runs, coverage=coverage(scan, runs), parts=scan_parts(scan))


@blp.route("")
class Scans(MethodView):
    @require_role("viewer")
    @cached_page
    @blp.arguments(ScanListArgsSchema, location="query")
    @blp.response(200, page_schema(ScanSchema))
    def get(self, args):
        """List scans, newest first."""
        return paginate(scans_query(principal().organization_id, args), args)

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
        return detail_of(get_scan(principal().organization_id, scan_id))

    @require_role("analyst")
    @blp.response(204)
    def delete(self, scan_id):
        """Delete a finished scan (its findings stay with the target)."""
        delete_scan(get_scan(principal().organization_id, scan_id))


@blp.route("/<string:scan_id>/rescan", methods=["POST"])
@require_role("analyst")
@blp.response(201, ScanDetailSchema)
def rescan(scan_id):
    """Scan the same target again with the same type, frameworks and options (checked again:
    a scanner or an option may have changed since)."""
    previous = get_scan(principal().organization_id, scan_id)
    check_rescan(previous)
    return _start_scan(previous.target, previous.scan_type, previous.frameworks, previous.options)


@blp.route("/<string:scan_id>/cancel", methods=["POST"])
@require_role("analyst")
@blp.response(202, ScanDetailSchema)
def cancel_scan(scan_id):
    """Cancel a scan: a queued one at once, a running one at its next step."""
    scan = request_cancel(get_scan(principal().organization_id, scan_id))
    if scan.status == "cancelled":
        _jobs().cancel_scan(scan)
    return detail_of(scan)


@blp.route("/<string:scan_id>/findings")
@require_role("viewer")
@cached_page
@blp.arguments(FindingListArgsSchema, location="query")
@blp.response(200, page_schema(FindingSchema))
def scan_findings(args, scan_id):
    """What this scan observed."""
    caller = principal()
    scan = get_scan(caller.organization_id, scan_id)
    return paginate(findings_query(caller.organization_id, args, scan_id=scan.id), args)


@blp.route("/<string:scan_id>/checks")
@require_role("viewer")
@blp.arguments(CheckOutcomeListArgsSchema, location="query")
@blp.response(200, page_schema(CheckOutcomeSchema))
def scan_checks(args, scan_id):
    """How each check ended on each thing the scan examined: passed, failed or
    inconclusive, with why; in the order the scanners ran."""
    scan = get_scan(principal().organization_id, scan_id)
    return paginate(outcomes_query(scan, args), args)
