from __future__ import annotations

import marshmallow as ma
from marshmallow import fields


class HealthSchema(ma.Schema):
    status = fields.String(
        required=True, metadata={"enum": ["healthy", "degraded"], "example": "healthy"}
    )
    version = fields.String(required=True, metadata={"example": "0.1.0"})
    timestamp = fields.String(required=True, metadata={"example": "2025-12-21T12:00:00Z"})
    checks = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "Only when degraded: the state of each dependency."},
    )
