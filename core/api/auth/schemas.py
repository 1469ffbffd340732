from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.api.schemas import UtcTimestamp


class TokenRequestSchema(ma.Schema):
    """OAuth2 password grant, form-urlencoded (what Swagger UI's Authorize button sends)."""

    class Meta:
        unknown = ma.EXCLUDE

    username = fields.String(
        required=True,
        validate=validate.Length(min=1, max=254),
        metadata={"description": "The user's e-mail address."},
    )
    password = fields.String(required=True, validate=validate.Length(min=1, max=1024))
    grant_type = fields.String(validate=validate.Equal("password"))


class TokenSchema(ma.Schema):
    access_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "bearer"})
    expires_in = fields.Integer(required=True, metadata={"example": 3600})


class MeOrganizationSchema(ma.Schema):
    id = fields.String()
    name = fields.String()
    plan = fields.String()


class MeSchema(ma.Schema):
    id = fields.String()
    email = fields.String()
    role = fields.String()
    authenticated_by = fields.String(attribute="via", metadata={"enum": ["token", "api_key"]})
    organization = fields.Nested(MeOrganizationSchema)
    token_expires_at = UtcTimestamp(allow_none=True)


class PasswordChangeSchema(ma.Schema):
    """The caller's own password, changed: the current one proves it is them."""

    current_password = fields.String(
        required=True, validate=validate.Length(min=1, max=1024), load_only=True
    )
    new_password = fields.String(
        required=True,
        validate=validate.Length(min=1, max=1024),
        load_only=True,
        metadata={"description": "The password to log in with from now on."},
    )
