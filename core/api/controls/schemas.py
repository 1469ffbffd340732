from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp
from cyberorigen.vocab import CONTROL_STATUSES, EVIDENCE_REVIEW_STATUSES, REVIEW_DECISIONS


class ControlSchema(ma.Schema):
    """A control as the API reference lists it."""

    id = fields.String(metadata={"example": "ctrl_access_control_policy"})
    name = fields.String(metadata={"example": "Access Control Policy"})
    status = fields.String(metadata={"enum": list(CONTROL_STATUSES)})
    frameworks = fields.List(
        fields.String(),
        metadata={
            "description": "Display names of the frameworks it maps to.",
            "example": ["SOC 2", "ISO 27001"],
        },
    )
    evidence_count = fields.Integer(
        metadata={
            "description": "Accepted evidence items (not deleted): those that count toward "
            "the status. Files, links and notes awaiting review are not counted."
        }
    )


class ControlListArgsSchema(PageArgsSchema):
    framework = fields.String(
        metadata={"description": "Only controls mapped to this framework (id or alias)."}
    )
    status = fields.String(validate=validate.OneOf(CONTROL_STATUSES))


class MappedRequirementSchema(ma.Schema):
    framework = fields.String(metadata={"example": "soc2-2017"})
    framework_name = fields.String(metadata={"example": "SOC 2"})
    requirement = fields.String(metadata={"example": "CC6.7"})
    title = fields.String()
    relationship = fields.String(metadata={"enum": ["equal", "subset", "intersect"]})
    coverage = fields.String(metadata={"enum": ["full", "partial"]})


class LinkedCheckSchema(ma.Schema):
    id = fields.String(metadata={"example": "tls.cert.expired"})
    title = fields.String()
    severity = fields.String()


class BasisFindingSchema(ma.Schema):
    id = fields.String(metadata={"example": "fnd_9c2e"})
    title = fields.String()
    severity = fields.String()
    target = fields.String()
    check_id = fields.String()


class StatusBasisSchema(ma.Schema):
    findings = fields.List(fields.Nested(BasisFindingSchema))
    checks = fields.List(fields.String())
    evidence = fields.List(fields.String())
    parts = fields.Dict(
        keys=fields.String(),
        values=fields.Boolean(),
        metadata={"description": "Which parts (checks, documents) have current evidence."},
    )


class OverrideSchema(ma.Schema):
    status = fields.String(required=True, validate=validate.OneOf(CONTROL_STATUSES))
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    set_by = fields.String(dump_only=True, allow_none=True)
    set_at = UtcTimestamp(dump_only=True, allow_none=True)


class HistorySchema(ma.Schema):
    from_status = fields.String(allow_none=True)
    to_status = fields.String()
    reason = fields.String()
    cause = fields.String(
        metadata={
            "description": "scan, evidence, review (of evidence), override, edit or assessment "
            "(time passing)."
        }
    )
    changed_by = fields.String(allow_none=True)
    changed_at = UtcTimestamp()


class ControlDetailSchema(ControlSchema):
    description = fields.String()
    evidence_guidance = fields.String()
    severity_threshold = fields.String()
    freshness_days = fields.Integer()
    reason = fields.String(metadata={"description": "Why it has its status, in words."})
    basis = fields.Nested(StatusBasisSchema)
    status_since = UtcTimestamp()
    applicable = fields.Boolean()
    applicability_reason = fields.String(allow_none=True)
    owner = fields.String(allow_none=True, metadata={"description": "The owner's e-mail."})
    owner_id = fields.String(allow_none=True)
    override = fields.Nested(OverrideSchema, allow_none=True)
    requirements = fields.List(fields.Nested(MappedRequirementSchema))
    checks = fields.List(fields.Nested(LinkedCheckSchema))
    history = fields.List(fields.Nested(HistorySchema))
    evidence_awaiting_review = fields.Integer(
        metadata={
            "description": "Files, links and notes awaiting review: they count once a user "
            "with the auditor role or above, other than the one who added them, accepts them."
        }
    )


class ControlUpdateSchema(ma.Schema):
    applicable = fields.Boolean()
    applicability_reason = fields.String(allow_none=True, validate=validate.Length(max=2000))
    owner_id = fields.String(allow_none=True, metadata={"description": "A user id, or null."})
    override = fields.Nested(
        OverrideSchema,
        allow_none=True,
        metadata={"description": "Set a status by hand with a reason; null removes it."},
    )

    @ma.validates_schema
    def _something(self, data, **_):
        if not data:
            raise ma.ValidationError(
                "send at least one of applicable, owner_id, override", "_schema"
            )


EVIDENCE_KINDS = ("file", "link", "note", "scan")


class EvidenceDecisionSchema(ma.Schema):
    """One decision in an evidence's review history."""

    decision = fields.String(metadata={"enum": list(REVIEW_DECISIONS)})
    previous_status = fields.String(metadata={"enum": list(EVIDENCE_REVIEW_STATUSES)})
    status = fields.Method(
        "_status",
        metadata={
            "type": "string",
            "enum": list(EVIDENCE_REVIEW_STATUSES),
            "description": "After the decision.",
        },
    )
    reviewer = fields.String(
        attribute="reviewer_email",
        allow_none=True,
        metadata={
            "description": "The reviewer's e-mail as it was then (null: accepted before "
            "evidence review existed)."
        },
    )
    comment = fields.String()
    self_review = fields.Boolean(
        metadata={"description": "The reviewer had added the evidence (evidence.self_review)."}
    )
    decided_at = UtcTimestamp()

    def _status(self, row):
        return REVIEW_DECISIONS[row.decision]


class EvidenceSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "evd_4f1a"})
    control_id = fields.String()
    kind = fields.String(metadata={"enum": list(EVIDENCE_KINDS)})
    title = fields.String()
    description = fields.String()
    sha256 = fields.String(allow_none=True)
    size = fields.Integer(allow_none=True)
    filename = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    scan_id = fields.Method("_scan_id", allow_none=True, metadata={"type": "string"})
    details = fields.Dict()
    collected_at = UtcTimestamp()
    effective_from = UtcTimestamp()
    effective_until = UtcTimestamp(allow_none=True)
    collected_by = fields.Method("_collected_by", allow_none=True, metadata={"type": "string"})
    created_at = UtcTimestamp()
    deleted_at = UtcTimestamp(allow_none=True)
    deleted_by = fields.Method("_deleted_by", allow_none=True, metadata={"type": "string"})
    deletion_reason = fields.String(allow_none=True)
    review_status = fields.String(
        metadata={
            "enum": list(EVIDENCE_REVIEW_STATUSES),
            "description": "Only accepted evidence counts toward the control. A file, link or "
            "note is submitted until a user with the auditor role or above, other than the one "
            "who added it, accepts or rejects it; a scan's results are accepted as attached.",
        }
    )
    reviewed_by = fields.Method(
        "_reviewed_by",
        allow_none=True,
        metadata={"type": "string", "description": "The last reviewer's e-mail."},
    )
    reviewed_at = UtcTimestamp(allow_none=True)
    review_comment = fields.String(allow_none=True)
    review_history = fields.List(
        fields.Nested(EvidenceDecisionSchema),
        metadata={"description": "Every decision on it, oldest first."},
    )

    def _scan_id(self, row):
        return row.details.get("scan_id") if row.kind == "scan" else None

    def _collected_by(self, row):
        return row.collected_by.email if row.collected_by_id else None

    def _deleted_by(self, row):
        return row.deleted_by.email if row.deleted_by_id else None

    def _reviewed_by(self, row):
        if row.reviewed_by_id:
            return row.reviewed_by.email
        decisions = getattr(row, "review_history", None) or ()
        return decisions[-1].reviewer_email if decisions else None  # the user was deleted


class EvidenceListArgsSchema(PageArgsSchema):
    kind = fields.String(validate=validate.OneOf(EVIDENCE_KINDS))
    review_status = fields.String(
        validate=validate.OneOf(EVIDENCE_REVIEW_STATUSES),
        metadata={"description": "Only evidence in this review status (submitted: to review)."},
    )
    include_deleted = fields.Boolean(
        load_default=False, metadata={"description": "Also list deleted evidence (audit trail)."}
    )


class _EvidencePeriod(ma.Schema):
    title = fields.String(validate=validate.Length(min=1, max=300))
    description = fields.String(validate=validate.Length(max=5000))
    effective_from = UtcTimestamp(metadata={"description": "Defaults to now."})
    effective_until = UtcTimestamp(
        allow_none=True,
        metadata={"description": "When it stops counting; default: the control's freshness."},
    )


class EvidenceRecordSchema(_EvidencePeriod):
    """A link or a note, sent as JSON."""

    kind = fields.String(required=True, validate=validate.OneOf(("link", "note")))
    url = fields.Url(schemes={"http", "https"}, validate=validate.Length(max=2048))
    note = fields.String(validate=validate.Length(min=1, max=20000))


class EvidenceUploadSchema(_EvidencePeriod):
    """The other fields of a multipart upload (the file itself is the ``file`` part)."""

    class Meta:
        unknown = ma.EXCLUDE


class EvidenceReviewSchema(ma.Schema):
    """A reviewer's decision on a file, link or note."""

    decision = fields.String(required=True, validate=validate.OneOf(tuple(REVIEW_DECISIONS)))
    comment = fields.String(
        load_default="",
        validate=validate.Length(max=5000),
        metadata={"description": "Why: required to reject, optional to accept."},
    )


class EvidenceDeleteArgsSchema(ma.Schema):
    reason = fields.String(validate=validate.Length(max=2000))
