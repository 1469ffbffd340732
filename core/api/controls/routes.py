"""Compliance controls: their status with its reasons, what people set on them, and evidence."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app, request, send_file
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from cyberorigen.api.controls.schemas import (
    ControlDetailSchema,
    ControlListArgsSchema,
    ControlSchema,
    ControlUpdateSchema,
    EvidenceDeleteArgsSchema,
    EvidenceListArgsSchema,
    EvidenceRecordSchema,
    EvidenceSchema,
    EvidenceUploadSchema,
)
from cyberorigen.api.errors import ApiError
from cyberorigen.api.pagination import newest_first, page_of, paginate
from cyberorigen.api.schemas import ErrorSchema, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.controls import (
    ControlView,
    get_control,
    history,
    list_controls,
    refresh,
    update_control,
)
from cyberorigen.compliance.evidence import (
    EvidenceStore,
    add_file,
    add_record,
    delete_evidence,
    evidence_query,
    get_evidence,
)
from cyberorigen.db.models import Finding, User
from cyberorigen.errors import NotFound

blp = Blueprint(
    "controls",
    __name__,
    url_prefix="/api/v1/controls",
    description="Compliance controls, their status and evidence.",
)

#: Room for the multipart envelope and the other form fields around an evidence file.
_FORM_OVERHEAD = 64 * 1024


def _catalogue() -> Catalogue:
    return appliance_of(current_app).catalogue


def _store() -> EvidenceStore:
    return EvidenceStore(appliance_of(current_app).settings.instance_dir / "evidence")


def _summary(catalogue: Catalogue, view: ControlView) -> dict:
    control = catalogue.controls[view.control_id]
    return {
        "id": control.id,
        "name": control.name,
        "status": view.assessment.status,
        "frameworks": catalogue.display_names(control.id),
        "evidence_count": view.evidence_count,
    }


def _detail(org_id: int, catalogue: Catalogue, view: ControlView) -> dict:
    control, state = catalogue.controls[view.control_id], view.state
    users = {
        user.id: user
        for user in User.select().where(
            User.id.in_([item for item in (state.owner_id, state.override_by_id) if item])
        )
    }
    changes = history(org_id, control.id)
    actors = {
        user.id: user.email
        for user in User.select().where(User.id.in_({c.actor_id for c in changes if c.actor_id}))
    }
    findings = [
        {
            "id": row.public_id,
            "title": row.title,
            "severity": row.severity,
            "target": row.target,
            "check_id": row.check_id,
        }
        for row in Finding.select().where(
            (Finding.organization == org_id)
            & (Finding.public_id.in_(list(view.assessment.findings)))
        )
    ]
    owner = users.get(state.owner_id)
    override = None
    if state.override_status:
        setter = users.get(state.override_by_id)
        override = {
            "status": state.override_status,
            "reason": state.override_reason,
            "set_by": setter.email if setter else None,
            "set_at": state.override_at,
        }
    return {
        **_summary(catalogue, view),
        "description": control.description,
        "evidence_guidance": control.evidence_guidance,
        "severity_threshold": control.severity_threshold.value,
        "freshness_days": control.freshness_days,
        "reason": view.assessment.reason,
        "basis": {**view.assessment.basis(), "findings": findings},
        "status_since": state.status_since,
        "applicable": state.applicable,
        "applicability_reason": state.applicability_reason,
        "owner": owner.email if owner else None,
        "owner_id": owner.public_id if owner else None,
        "override": override,
        "requirements": [
            {
                "framework": link.framework.id,
                "framework_name": link.framework.display_name,
                "requirement": link.requirement.id,
                "title": link.requirement.title,
                "relationship": link.mapping.relationship,
                "coverage": link.mapping.coverage,
            }
            for link in sorted(
                catalogue.links_by_control.get(control.id, []),
                key=lambda item: item.framework.id,
            )
        ],
        "checks": [
            {"id": check.id, "title": check.title, "severity": check.severity.value}
            for check in catalogue.checks_by_control.get(control.id, [])
        ],
        "history": [
            {
                "from_status": change.from_status,
                "to_status": change.to_status,
                "reason": change.reason,
                "cause": change.cause,
                "changed_by": actors.get(change.actor_id),
                "changed_at": change.changed_at,
            }
            for change in changes
        ],
    }


@blp.route("")
@require_role("viewer")
@blp.arguments(ControlListArgsSchema, location="query")
@blp.response(200, page_schema(ControlSchema))
def list_all(args):
    """List controls with their status, the frameworks they map to and their evidence count.

    Statuses are re-assessed as they are read, so evidence that has grown old shows at once.
    """
    catalogue = _catalogue()
    views = list_controls(
        principal().organization_id, catalogue, args.get("framework"), args.get("status")
    )
    return page_of([_summary(catalogue, view) for view in views], args)


@blp.route("/<string:control_id>")
class ControlById(MethodView):
    @require_role("viewer")
    @blp.response(200, ControlDetailSchema)
    def get(self, control_id):
        """One control: why it has its status (findings, checks, evidence), the requirements
        it maps to, the checks that test it, and its status history."""
        org_id, catalogue = principal().organization_id, _catalogue()
        return _detail(org_id, catalogue, get_control(org_id, catalogue, control_id))

    @require_role("auditor")
    @blp.arguments(ControlUpdateSchema)
    @blp.response(200, ControlDetailSchema)
    def patch(self, data, control_id):
        """Set applicability (not applicable needs a reason), the owner, or an override of the
        status (with a reason; kept in the history). Auditor or admin."""
        caller, catalogue = principal(), _catalogue()
        view = update_control(caller.organization_id, catalogue, control_id, data, caller.user_id)
        return _detail(caller.organization_id, catalogue, view)


_UPLOAD_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "title": {"type": "string"},
                        "description": {"type": "string"},
                        "effective_from": {"type": "string", "format": "date-time"},
                        "effective_until": {"type": "string", "format": "date-time"},
                    },
                }
            },
            "application/json": {"schema": EvidenceRecordSchema},
        },
    }
}


@blp.route("/<string:control_id>/evidence")
class EvidenceList(MethodView):
    @require_role("viewer")
    @blp.arguments(EvidenceListArgsSchema, location="query")
    @blp.response(200, page_schema(EvidenceSchema))
    def get(self, args, control_id):
        """The control's evidence, newest first (deleted items with include_deleted)."""
        if control_id not in _catalogue().controls:
            raise NotFound("control")
        query = evidence_query(principal().organization_id, control_id, args["include_deleted"])
        if args.get("kind"):
            query = query.where(query.model.kind == args["kind"])
        return paginate(query, args, *newest_first(query.model))

    @require_role("auditor")
    @blp.doc(**_UPLOAD_DOC)
    @blp.response(201, EvidenceSchema)
    @blp.alt_response(422, schema=ErrorSchema, description="The evidence is not valid.")
    @blp.alt_response(413, schema=ErrorSchema, description="The file is over the limit.")
    def post(self, control_id):
        """Add evidence: a file (multipart/form-data, part ``file``; stored by its SHA-256,
        size limited by ``evidence.max_upload_bytes``), or a link or a note (JSON)."""
        caller, catalogue = principal(), _catalogue()
        if control_id not in catalogue.controls:
            raise NotFound("control")
        if request.mimetype == "multipart/form-data":
            limit = appliance_of(current_app).settings.evidence_max_bytes
            request.max_content_length = limit + _FORM_OVERHEAD
            upload = request.files.get("file")
            if upload is None or not upload.filename:
                raise ApiError(422, "file: attach the file as the 'file' part", field="file")
            fields = _load(EvidenceUploadSchema(), request.form)
            row = add_file(
                caller.organization_id,
                catalogue,
                _store(),
                control_id,
                upload.stream,
                upload.filename,
                fields,
                caller.user_id,
                limit,
            )
        else:
            fields = _load(EvidenceRecordSchema(), request.get_json(silent=True))
            row = add_record(caller.organization_id, catalogue, control_id, fields, caller.user_id)
        refresh(caller.organization_id, catalogue, "evidence", caller.user_id, [control_id])
        return row


def _load(schema: ma.Schema, data):
    if data is None:
        raise ApiError(422, "Send the evidence as JSON (a link or a note) or as a file.")
    try:
        return schema.load(data)
    except ma.ValidationError as exc:
        abort(422, messages={"body": exc.messages}, schema=schema)


@blp.route("/<string:control_id>/evidence/<string:evidence_id>")
class EvidenceById(MethodView):
    @require_role("viewer")
    @blp.response(200, EvidenceSchema)
    def get(self, control_id, evidence_id):
        """One evidence item."""
        return get_evidence(principal().organization_id, control_id, evidence_id)

    @require_role("auditor")
    @blp.arguments(EvidenceDeleteArgsSchema, location="query")
    @blp.response(204)
    def delete(self, args, control_id, evidence_id):
        """Delete evidence (auditor or admin). The deletion is recorded: who, when and the
        ``reason``; the item stays listed with ``include_deleted``."""
        caller, catalogue = principal(), _catalogue()
        row = get_evidence(caller.organization_id, control_id, evidence_id)
        delete_evidence(_store(), row, caller.user_id, args.get("reason"))
        refresh(caller.organization_id, catalogue, "evidence", caller.user_id, [control_id])


@blp.route("/<string:control_id>/evidence/<string:evidence_id>/download")
@require_role("viewer")
@blp.response(200, description="The file, always as an attachment.")
def download(control_id, evidence_id):
    """Download an evidence file. It is always sent as ``application/octet-stream`` with
    ``Content-Disposition: attachment`` and a sandboxing CSP: never shown inline."""
    row = get_evidence(principal().organization_id, control_id, evidence_id)
    if row.kind != "file":
        raise ApiError(409, f"evidence {evidence_id} is a {row.kind}, not a file", "NOT_A_FILE")
    path = _store().path_of(row.sha256)
    if not path.is_file():
        raise ApiError(410, "the file of this evidence is missing from the store", "GONE")
    response = send_file(
        path,
        mimetype="application/octet-stream",
        as_attachment=True,
        download_name=row.filename or "evidence",
        max_age=0,
        conditional=False,
        etag=False,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Evidence-SHA256"] = row.sha256
    return response
