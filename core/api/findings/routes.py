"""Findings across every scan of the organization."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from itertools import chain

from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen import __version__
from cyberorigen.api.cached_pages import cached_page
from cyberorigen.api.findings.schemas import (
    FindingExportArgsSchema,
    FindingListArgsSchema,
    FindingSchema,
    FindingStatusUpdateSchema,
)
from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.exports import FORMATS, encoded
from cyberorigen.exports.context import ExportContext
from cyberorigen.plugin_api.interfaces import Check
from cyberorigen.services.audit import record_download
from cyberorigen.services.findings import (
    change_status,
    export_checks,
    export_rows,
    findings_query,
    get_finding,
)

blp = Blueprint("findings", __name__, url_prefix="/api/v1/findings", description="Findings.")

#: The export's 200, one media type per format (Swagger UI offers each).
#: What the JSON files are, as JSON (the text formats are files: strings). Both JSON media
#: types say either shape: tools that match a response to a media type take any JSON one
#: for ``application/json``.
_JSON_FILE = {
    "oneOf": [
        {"type": "object", "description": "A SARIF 2.1.0 log (format=sarif)."},
        {
            "type": "array",
            "items": {"type": "object"},
            "description": "OCSF 1.5.0 Detection Finding events, class_uid 2004 (format=ocsf).",
        },
    ]
}
_FILE_SCHEMAS = {"application/sarif+json": _JSON_FILE, "application/json": _JSON_FILE}

EXPORT_RESPONSE = {
    "description": "The findings as a file (an attachment), streamed: "
    + ", ".join(f"`{item.name}` as {item.media_type}" for item in FORMATS.values())
    + ".",
    "content": {
        media_type: {
            "schema": _FILE_SCHEMAS.get(media_type, {"type": "string", "format": "binary"})
        }
        for media_type in dict.fromkeys(item.media_type for item in FORMATS.values())
    },
}


def _catalogue() -> dict[str, Check]:
    """Every check the installed scanners and importers declare, by id."""
    registry = appliance_of(current_app).registry
    finders = (*registry.scanners.values(), *getattr(registry, "importers", {}).values())
    return {check.id: check for finder in finders for check in finder.checks}


@blp.route("/export")
@require_role("viewer")
@blp.arguments(FindingExportArgsSchema, location="query")
@blp.doc(responses={"200": EXPORT_RESPONSE})
def export_findings(args):
    """Download the findings the list's filters select, as one file.

    `format=sarif` (SARIF 2.1.0), `ocsf` (OCSF 1.5.0 Detection Findings, a JSON array),
    `csv` or `jsonl` (JSON Lines); `severity`, `check_id`, `status` and `target` filter as
    they filter `GET /api/v1/findings`. Only the caller's organization's findings. The file
    is streamed, so an export of any size starts at once and takes little memory on the
    appliance. See docs/exports.md."""
    org_id = principal().organization_id
    chosen = FORMATS[args["format"]]
    filters = {name: value for name, value in args.items() if name != "format"}
    shown = FindingSchema()
    context = ExportContext(
        product_version=__version__,
        checks=_catalogue(),
        checks_seen=partial(export_checks, org_id, filters),
    )
    # Each batch of rows is its own query: Flask tears the request down (and hands the
    # database connection back) before the body streams, so no cursor may stay open across
    # pieces; the next batch simply connects again. The pieces need no request context (the
    # catalogue and the schema are taken here), so none is kept for them: a body a client
    # leaves unread is dropped later, anywhere, and a request context popped there fails.
    rows = (shown.dump(row) for row in export_rows(org_id, filters))
    pieces = encoded(chosen.write(rows, context))
    # The first piece is made before the status is sent: the first queries' failure (an
    # unreachable database) is still an error response, not a truncated file.
    first = next(pieces, b"")
    record_download("findings.exported", org_id, {"format": chosen.name, "filters": filters})
    moment = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Response(
        chain((first,), pieces),
        mimetype=chosen.media_type,
        headers={
            "Content-Disposition": (
                f'attachment; filename="cyberorigen-findings-{moment}.{chosen.extension}"'
            ),
            "X-Content-Type-Options": "nosniff",
        },
    )


@blp.route("/<string:finding_id>")
class FindingById(MethodView):
    @require_role("viewer")
    @blp.response(200, FindingSchema)
    def get(self, finding_id):
        """One finding, with its evidence."""
        return get_finding(principal().organization_id, finding_id)

    @require_role("analyst")
    @blp.arguments(FindingStatusUpdateSchema)
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
@cached_page
@blp.arguments(FindingListArgsSchema, location="query")
@blp.response(200, page_schema(FindingSchema))
def list_findings(args):
    """Findings of every target, most recently seen first."""
    return paginate(findings_query(principal().organization_id, args), args)
