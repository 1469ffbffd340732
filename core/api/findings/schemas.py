from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp
from cyberorigen.exports import FORMATS
from cyberorigen.vocab import FINDING_STATUSES, SEVERITIES


class FindingSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "fnd_2b7c9d1e0f3a4b5c"})
    target = fields.String()
    check_id = fields.String(metadata={"example": "http.hsts_missing"})
    scanner = fields.String()
    title = fields.String()
    severity = fields.String(metadata={"enum": list(SEVERITIES)})
    location = fields.String()
    evidence = fields.Dict()
    remediation = fields.String()
    references = fields.List(fields.String())
    cvss_vector = fields.String(allow_none=True)
    fingerprint = fields.String()
    status = fields.String(metadata={"enum": list(FINDING_STATUSES)})
    status_reason = fields.String(allow_none=True)
    accepted_until = UtcTimestamp(allow_none=True)
    first_seen = UtcTimestamp()
    last_seen = UtcTimestamp()
    asset_id = fields.Function(
        lambda finding: finding.asset.public_id if finding.asset_id else None,
        metadata={"type": "string", "description": "The host it is about (GET /assets/{id})."},
    )
    service_id = fields.Function(
        lambda finding: finding.service.public_id if finding.service_id else None,
        metadata={"type": "string", "description": "The service on that host, when known."},
    )


class FindingStatusUpdateSchema(ma.Schema):
    status = fields.String(required=True, validate=validate.OneOf(FINDING_STATUSES))
    reason = fields.String(
        validate=validate.Length(max=2000),
        metadata={"description": "Required for accepted_risk and false_positive."},
    )
    accepted_until = UtcTimestamp(
        allow_none=True, metadata={"description": "When an accepted risk must be looked at again."}
    )


class FindingFilterSchema(ma.Schema):
    """The filters of the list of findings, which an export takes too."""

    class Meta:
        unknown = ma.EXCLUDE

    severity = fields.String(validate=validate.OneOf(SEVERITIES))
    check_id = fields.String()
    status = fields.String(validate=validate.OneOf(FINDING_STATUSES))
    target = fields.String()


class FindingListArgsSchema(FindingFilterSchema, PageArgsSchema):
    pass


class FindingExportArgsSchema(FindingFilterSchema):
    format = fields.String(
        required=True,
        validate=validate.OneOf(FORMATS),
        metadata={
            "description": "The file to make. "
            + " ".join(f"`{item.name}`: {item.description}" for item in FORMATS.values())
        },
    )
