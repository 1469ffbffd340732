from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.api.schemas import UtcTimestamp
from cyberorigen.vocab import REQUIREMENT_STATUSES


class FrameworkCountsSchema(ma.Schema):
    requirements = fields.Integer(metadata={"description": "Assessed requirements."})
    by_level = fields.Dict(keys=fields.String(), values=fields.Integer())
    mapped_requirements = fields.Integer(
        metadata={"description": "Assessed requirements at least one control maps to."}
    )
    controls = fields.Integer(metadata={"description": "Controls mapped to the framework."})


class FrameworkSchema(ma.Schema):
    id = fields.String(metadata={"example": "soc2-2017"})
    version = fields.String(metadata={"example": "2017"})
    title = fields.String()
    display_name = fields.String(metadata={"example": "SOC 2"})
    publisher = fields.String()
    licence_note = fields.String()
    aliases = fields.List(fields.String(), metadata={"example": ["soc2"]})
    counts = fields.Nested(FrameworkCountsSchema)


class FrameworkListSchema(ma.Schema):
    items = fields.List(fields.Nested(FrameworkSchema))
    total = fields.Integer()


class ReportControlSchema(ma.Schema):
    id = fields.String()
    name = fields.String()
    status = fields.String()
    relationship = fields.String()
    coverage = fields.String()
    reason = fields.String()


class ReportRequirementSchema(ma.Schema):
    id = fields.String(metadata={"example": "CC6.7"})
    title = fields.String()
    level = fields.String()
    parent = fields.String(allow_none=True)
    status = fields.String(metadata={"enum": list(REQUIREMENT_STATUSES)})
    reason = fields.String(metadata={"description": "The reason chain, in words."})
    controls = fields.List(fields.Nested(ReportControlSchema))
    findings = fields.List(fields.String())
    automated_checks = fields.List(fields.String())
    attributes = fields.Dict(
        metadata={"description": "Facts of the catalogue, e.g. PCI DSS applicability."}
    )
    in_scope = fields.Boolean(
        metadata={"description": "False once the organization declared it out of scope."}
    )


class RequirementScopeSchema(ma.Schema):
    applicable = fields.Boolean(required=True)
    reason = fields.String(
        validate=validate.Length(max=2000),
        metadata={"description": "Required when applicable is false."},
    )


class RatioSchema(ma.Schema):
    value = fields.Float(allow_none=True, metadata={"description": "0 to 1; null when 0/0."})


class ReadinessSchema(RatioSchema):
    compliant = fields.Integer()
    applicable = fields.Integer()


class PostureSchema(RatioSchema):
    passed_weight = fields.Float()
    total_weight = fields.Float()
    pairs_evaluated = fields.Integer(
        metadata={"description": "(check, target) pairs run by scans still current."}
    )


class AutomationSchema(RatioSchema):
    automated = fields.Integer()
    requirements = fields.Integer()


class ReportSummarySchema(ma.Schema):
    requirements = fields.Integer()
    compliant = fields.Integer()
    partially_compliant = fields.Integer()
    non_compliant = fields.Integer()
    not_applicable = fields.Integer()
    not_assessed = fields.Integer()
    readiness = fields.Nested(
        ReadinessSchema, metadata={"description": "Compliant / applicable requirements."}
    )
    technical_posture = fields.Nested(
        PostureSchema, metadata={"description": "Severity-weighted pass rate of automated checks."}
    )
    automation_coverage = fields.Nested(
        AutomationSchema,
        metadata={"description": "Requirements with at least one automated check."},
    )


class FrameworkReportSchema(ma.Schema):
    framework = fields.Nested(FrameworkSchema)
    generated_at = UtcTimestamp()
    summary = fields.Nested(ReportSummarySchema)
    requirements = fields.List(fields.Nested(ReportRequirementSchema))
