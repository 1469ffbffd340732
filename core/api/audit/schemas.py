"""What ``/api/v1/audit-events`` takes and answers."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp
from cyberorigen.services.audit import ACTIONS, ACTOR_TYPES

_FAMILIES = sorted({name.split(".")[0] for name in ACTIONS})


class AuditFilterSchema(ma.Schema):
    """The filters of the list and of its CSV export."""

    class Meta:
        unknown = ma.EXCLUDE

    action = fields.String(
        validate=validate.OneOf([*ACTIONS, *_FAMILIES]),
        metadata={
            "description": "An action (`scan.created`) or a family of actions (`scan`); "
            "see docs/audit.md for the list."
        },
    )
    actor = fields.String(
        validate=validate.Length(min=1, max=254),
        metadata={"description": "Who acted: a user's or API key's id, or an e-mail address."},
    )
    object_id = fields.String(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "What was acted on: its id (`scan_…`, `usr_…`, a control id)."},
    )
    since = UtcTimestamp(metadata={"description": "At or after (UTC)."})
    until = UtcTimestamp(metadata={"description": "Before (UTC)."})


class AuditListArgsSchema(PageArgsSchema, AuditFilterSchema):
    pass


class AuditActorSchema(ma.Schema):
    type = fields.String(metadata={"enum": list(ACTOR_TYPES)})
    id = fields.String(allow_none=True, metadata={"example": "usr_3f9a1c0d2b4e6f80"})
    label = fields.String(
        allow_none=True,
        metadata={"description": "The e-mail address at the time (the OS user for the CLI)."},
    )


class AuditEventSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "aud_0c5e2b9a4f1d3e77"})
    sequence = fields.Integer(
        metadata={"description": "Position in the organization's chain: 1, 2, 3… without gaps."}
    )
    occurred_at = UtcTimestamp()
    action = fields.String(metadata={"example": "scan.created"})
    actor = fields.Nested(AuditActorSchema)
    source_address = fields.String(allow_none=True, metadata={"example": "203.0.113.7"})
    request_id = fields.String(allow_none=True, metadata={"example": "5f0c2a9e81d34b6a"})
    object_type = fields.String(allow_none=True, metadata={"example": "scan"})
    object_id = fields.String(allow_none=True, metadata={"example": "scan_1f0c9a2b"})
    before = fields.Dict(
        allow_none=True, metadata={"description": "The fields that changed, as they were."}
    )
    after = fields.Dict(
        allow_none=True, metadata={"description": "The fields that changed, as they are now."}
    )
    previous_hash = fields.String(
        metadata={"description": "The hash of the record before it in the chain."}
    )
    hash = fields.String(
        metadata={
            "description": "SHA-256 (hex) of the record's canonical JSON, previous_hash "
            "included: see docs/audit.md."
        }
    )
