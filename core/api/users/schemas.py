from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.api.schemas import UtcTimestamp
from cyberorigen.vocab import ROLES


class UserSchema(ma.Schema):
    id = fields.String(attribute="public_id")
    email = fields.String()
    role = fields.String(metadata={"enum": list(ROLES)})
    is_active = fields.Boolean()
    created_at = UtcTimestamp()
    last_login_at = UtcTimestamp(allow_none=True)


class UserCreateSchema(ma.Schema):
    email = fields.Email(required=True, validate=validate.Length(max=254))
    password = fields.String(required=True, load_only=True, metadata={"description": "12+ chars"})
    role = fields.String(load_default="viewer", validate=validate.OneOf(ROLES))


class UserUpdateSchema(ma.Schema):
    password = fields.String(load_only=True)
    role = fields.String(validate=validate.OneOf(ROLES))
    is_active = fields.Boolean()
