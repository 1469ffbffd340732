from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

CONTROL_STATUSES = (
    "implemented",
    "partially_implemented",
    "not_implemented",
    "not_applicable",
    "not_assessed",
)


class ControlSchema(ma.Schema):
    id = fields.String(metadata={"example": "ctrl_123"})
    name = fields.String(metadata={"example": "Access Control Policy"})
    status = fields.String(metadata={"enum": list(CONTROL_STATUSES)})
    frameworks = fields.List(fields.String(), metadata={"example": ["SOC 2", "ISO 27001"]})
    evidence_count = fields.Integer()
