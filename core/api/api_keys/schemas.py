from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.api.schemas import UtcTimestamp
from cyberorigen.vocab import ROLES


class ApiKeyCreateSchema(ma.Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    role = fields.String(
        validate=validate.OneOf(ROLES),
        metadata={
            "description": "At most the role of the credential calling (a key's own role); "
            "defaults to it."
        },
    )
    expires_at = UtcTimestamp(allow_none=True, metadata={"description": "Optional expiry (UTC)."})


class ApiKeySchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "key_4f1c2a9b7e3d5a10"})
    name = fields.String()
    prefix = fields.String(metadata={"description": "The first characters, to recognise a key."})
    role = fields.String()
    owner = fields.String(attribute="user.email")
    created_at = UtcTimestamp()
    last_used_at = UtcTimestamp(allow_none=True)
    expires_at = UtcTimestamp(allow_none=True)


class ApiKeyCreatedSchema(ApiKeySchema):
    key = fields.String(
        metadata={
            "description": "The key itself. Shown once: store it now, it cannot be read again."
        }
    )
