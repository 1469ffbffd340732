"""The audit log: who did what, from where, newest first; and the same as CSV.

Only admins and auditors read it (an analyst changes what it records, a viewer only reads
findings); every record is of the caller's organization.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import chain

from flask import Response
from flask_smorest import Blueprint

from cyberorigen.api.audit.csv_file import write_audit_csv
from cyberorigen.api.audit.schemas import AuditEventSchema, AuditFilterSchema, AuditListArgsSchema
from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import Shown, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.services.audit import events_query, iterate, record_download

blp = Blueprint(
    "audit",
    __name__,
    url_prefix="/api/v1/audit-events",
    description="The audit log: append-only, tamper-evident records of security-relevant "
    "actions (the auditor role and above). See docs/audit.md.",
)


def _shown(row) -> Shown:
    return Shown(row, actor={"type": row.actor_type, "id": row.actor_id, "label": row.actor_label})


@blp.route("")
@require_role("auditor")
@blp.arguments(AuditListArgsSchema, location="query")
@blp.response(200, page_schema(AuditEventSchema))
def list_audit_events(args):
    """The organization's audit records, newest first, filtered by ``action`` (or a family
    such as ``scan``), ``actor`` (id or e-mail), ``object_id``, ``since`` and ``until``."""
    org_id = principal().organization_id
    filters = {name: value for name, value in args.items() if name not in ("page", "per_page")}
    page = paginate(events_query(org_id, filters), args)
    page["items"] = [_shown(row) for row in page["items"]]
    return page


@blp.route("/export")
@require_role("auditor")
@blp.arguments(AuditFilterSchema, location="query")
@blp.response(
    200,
    description="The records the filters select as CSV (an attachment), streamed.",
    content_type="text/csv",
)
def export_audit_events(args):
    """The same records as the list, as one CSV file, newest first. The download is itself
    recorded (``audit.exported``)."""
    org_id = principal().organization_id
    record_download("audit.exported", org_id, {"filters": args})
    pieces = write_audit_csv(iterate(events_query(org_id, args)))
    first = next(pieces, "")
    moment = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Response(
        chain((first,), pieces),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="cyberorigen-audit-{moment}.csv"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )
