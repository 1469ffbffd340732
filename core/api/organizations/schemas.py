from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.api.schemas import UtcTimestamp
from cyberorigen.vocab import PLANS


class RateLimitsSchema(ma.Schema):
    hourly = fields.Integer(allow_none=True, metadata={"description": "null: unlimited"})
    daily = fields.Integer(allow_none=True, metadata={"description": "null: unlimited"})


class OrganizationSchema(ma.Schema):
    id = fields.String(attribute="public_id")
    name = fields.String()
    plan = fields.String(metadata={"enum": list(PLANS)})
    hourly_limit = fields.Integer(
        allow_none=True, metadata={"description": "Custom hourly limit; null: the plan's."}
    )
    daily_limit = fields.Integer(
        allow_none=True, metadata={"description": "Custom daily limit; null: the plan's."}
    )
    rate_limits = fields.Nested(RateLimitsSchema, metadata={"description": "What applies now."})
    created_at = UtcTimestamp()


class OrganizationUpdateSchema(ma.Schema):
    name = fields.String(validate=validate.Length(min=1, max=200))
    plan = fields.String(validate=validate.OneOf(PLANS))
    hourly_limit = fields.Integer(allow_none=True, validate=validate.Range(min=1))
    daily_limit = fields.Integer(allow_none=True, validate=validate.Range(min=1))
