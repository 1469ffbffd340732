"""Compliance controls: their status with its reasons, what people set on them, and evidence
with its review (four eyes)."""

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
    EvidenceReviewSchema,
    EvidenceSchema,
    EvidenceUploadSchema,
)
from cyberorigen.api.pagination import page_of, paginate
from cyberorigen.api.schemas import ErrorSchema, Shown, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.control_detail import control_detail, control_summary
from cyberorigen.compliance.controls import get_control, list_controls, refresh, update_control
from cyberorigen.compliance.evidence import (
    EvidenceStore,
    add_file,
    add_record,
    delete_evidence,
    evidence_file,
    evidence_list,
    get_evidence,
    known_control,
    review_evidence,
    reviews_of,
)
from cyberorigen.errors import Invalid

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


def _shown(rows) -> list[Shown]:
    """Evidence rows as the API shows them: each with its review history."""
    decisions = reviews_of(rows)
    return [Shown(row, review_history=decisions[row.id]) for row in rows]


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
    return page_of([control_summary(catalogue, view) for view in views], args)


@blp.route("/<string:control_id>")
class ControlById(MethodView):
    @require_role("viewer")
    @blp.response(200, ControlDetailSchema)
    def get(self, control_id):
        """One control: why it has its status (findings, checks, evidence), the requirements
        it maps to, the checks that test it, and its status history."""
        org_id, catalogue = principal().organization_id, _catalogue()
        return control_detail(org_id, catalogue, get_control(org_id, catalogue, control_id))

    @require_role("auditor")
    @blp.arguments(ControlUpdateSchema)
    @blp.response(200, ControlDetailSchema)
    def patch(self, data, control_id):
        """Set applicability (not applicable needs a reason), the owner, or an override of the
        status (with a reason; kept in the history). Auditor or admin."""
        caller, catalogue = principal(), _catalogue()
        view = update_control(caller.organization_id, catalogue, control_id, data, caller.user_id)
        return control_detail(caller.organization_id, catalogue, view)


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
        """The control's evidence, newest first (deleted items with include_deleted), each with
        its review status and history; ``review_status=submitted`` lists what awaits review."""
        query = evidence_list(
            principal().organization_id,
            _catalogue(),
            control_id,
            args["include_deleted"],
            args.get("kind"),
            args.get("review_status"),
        )
        page = paginate(query, args)
        page["items"] = _shown(page["items"])
        return page

    @require_role("auditor")
    @blp.doc(**_UPLOAD_DOC)
    @blp.response(201, EvidenceSchema)
    @blp.alt_response(422, schema=ErrorSchema, description="The evidence is not valid.")
    @blp.alt_response(413, schema=ErrorSchema, description="The file is over the limit.")
    def post(self, control_id):
        """Add evidence: a file (multipart/form-data, part ``file``; stored by its SHA-256,
        size limited by ``evidence.max_upload_bytes``), or a link or a note (JSON).

        It is ``submitted``: it counts toward the control once a user with the auditor role
        or above, other than the one who added it, accepts it (``…/review``)."""
        caller, catalogue = principal(), _catalogue()
        known_control(catalogue, control_id)
        if request.mimetype == "multipart/form-data":
            limit = appliance_of(current_app).settings.evidence_max_bytes
            request.max_content_length = limit + _FORM_OVERHEAD
            upload = request.files.get("file")
            if upload is None or not upload.filename:
                raise Invalid("file", "attach the file as the 'file' part")
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
        return _shown([row])[0]


def _load(schema: ma.Schema, data):
    if data is None:
        raise Invalid(None, "Send the evidence as JSON (a link or a note) or as a file.")
    try:
        return schema.load(data)
    except ma.ValidationError as exc:
        abort(422, messages={"body": exc.messages}, schema=schema)


@blp.route("/<string:control_id>/evidence/<string:evidence_id>")
class EvidenceById(MethodView):
    @require_role("viewer")
    @blp.response(200, EvidenceSchema)
    def get(self, control_id, evidence_id):
        """One evidence item, with its review status and history."""
        return _shown([get_evidence(principal().organization_id, control_id, evidence_id)])[0]

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


@blp.route("/<string:control_id>/evidence/<string:evidence_id>/review")
class EvidenceDecision(MethodView):
    @require_role("auditor")
    @blp.arguments(EvidenceReviewSchema)
    @blp.response(200, EvidenceSchema)
    @blp.alt_response(
        403,
        schema=ErrorSchema,
        description="Below the auditor role, or the reviewer added the evidence (allowed only "
        "with the setting evidence.self_review).",
    )
    @blp.alt_response(
        409,
        schema=ErrorSchema,
        description="The evidence already has this decision, or is a scan's results (accepted "
        "as attached, never reviewed).",
    )
    @blp.alt_response(422, schema=ErrorSchema, description="A rejection without a comment.")
    def post(self, data, control_id, evidence_id):
        """Accept or reject a file, link or note (auditor or above; four eyes: not the one who
        added it). ``{"decision": "accept"}`` makes it count toward the control;
        ``{"decision": "reject", "comment": "why"}`` keeps it from counting. A later decision
        may change it; each is kept in ``review_history`` and sent as an ``evidence.reviewed``
        event, and the control is re-assessed at once."""
        caller, catalogue = principal(), _catalogue()
        known_control(catalogue, control_id)
        row = get_evidence(caller.organization_id, control_id, evidence_id)
        review_evidence(
            catalogue,
            row,
            data["decision"],
            data.get("comment"),
            caller.user_id,
            appliance_of(current_app).settings.evidence_self_review,
        )
        refresh(caller.organization_id, catalogue, "review", caller.user_id, [control_id])
        return _shown([get_evidence(caller.organization_id, control_id, evidence_id)])[0]


@blp.route("/<string:control_id>/evidence/<string:evidence_id>/download")
@require_role("viewer")
@blp.response(200, description="The file, always as an attachment.")
def download(control_id, evidence_id):
    """Download an evidence file. It is always sent as ``application/octet-stream`` with
    ``Content-Disposition: attachment`` and a sandboxing CSP: never shown inline."""
    row = get_evidence(principal().organization_id, control_id, evidence_id)
    path = evidence_file(_store(), row)
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
