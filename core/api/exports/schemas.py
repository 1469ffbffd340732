"""What ``/api/v1/exports`` takes and answers."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from marshmallow import ValidationError, fields, validate, validates_schema

from cyberorigen.api.schemas import UtcTimestamp
from cyberorigen.appliance import appliance_of
from cyberorigen.compliance.evidence_bundle import SELECTIONS
from cyberorigen.reports.soa_data import is_iso27001
from cyberorigen.services.export_jobs import KINDS


class EvidenceBundleParams(ma.Schema):
    framework = fields.String(
        load_default=None,
        metadata={"description": "Only the evidence of the controls this framework maps."},
    )
    controls = fields.List(
        fields.String(validate=validate.Length(max=100)),
        load_default=list,
        validate=validate.Length(max=200),
        metadata={"description": "Only the evidence of these controls."},
    )
    include = fields.String(
        load_default="accepted",
        validate=validate.OneOf(SELECTIONS),
        metadata={
            "description": "accepted (what counts toward controls) or all (also submitted, "
            "rejected and expired evidence; deleted evidence never)."
        },
    )

    @validates_schema
    def _known(self, data, **_):
        catalogue = appliance_of(current_app).catalogue
        if data.get("framework") and catalogue.framework(data["framework"]) is None:
            raise ValidationError(f"unknown framework {data['framework']!r}", "framework")
        unknown = [item for item in data.get("controls", ()) if item not in catalogue.controls]
        if unknown:
            raise ValidationError(f"unknown control {unknown[0]!r}", "controls")


def _framework_known(name: str) -> None:
    if appliance_of(current_app).catalogue.framework(name) is None:
        raise ValidationError(f"unknown framework {name!r}")


class FrameworkReportParams(ma.Schema):
    framework = fields.String(
        required=True, validate=_framework_known, metadata={"example": "soc2"}
    )
    format = fields.String(load_default="pdf", validate=validate.OneOf(("pdf", "html")))


class ExecutiveSummaryParams(ma.Schema):
    frameworks = fields.List(
        fields.String(validate=_framework_known),
        load_default=list,
        validate=validate.Length(max=20),
        metadata={"description": "The frameworks to sum up (all installed when empty)."},
    )
    format = fields.String(load_default="pdf", validate=validate.OneOf(("pdf", "html")))


class StatementParams(ma.Schema):
    framework = fields.String(load_default="iso27001", validate=_framework_known)
    format = fields.String(load_default="pdf", validate=validate.OneOf(("pdf", "xlsx", "html")))

    @validates_schema
    def _iso(self, data, **_):
        found = appliance_of(current_app).catalogue.framework(data.get("framework", ""))
        if found is not None and not is_iso27001(found):
            raise ValidationError("a Statement of Applicability is made for ISO 27001", "framework")


#: Each kind's parameters.
PARAMS: dict[str, type[ma.Schema]] = {
    "evidence_bundle": EvidenceBundleParams,
    "framework_report": FrameworkReportParams,
    "executive_summary": ExecutiveSummaryParams,
    "statement_of_applicability": StatementParams,
}
assert set(PARAMS) == set(KINDS), "every export kind has its parameters' schema"


class ExportCreateSchema(ma.Schema):
    kind = fields.String(
        required=True,
        validate=validate.OneOf(KINDS),
        metadata={"description": f"What to export: {', '.join(KINDS)}.", "example": KINDS[0]},
    )
    params = fields.Dict(
        load_default=dict,
        metadata={
            "description": "The kind's parameters: evidence_bundle takes framework, controls "
            "and include; framework_report framework and format (pdf, html); "
            "executive_summary frameworks and format; statement_of_applicability format "
            "(pdf, xlsx, html).",
            "example": {"framework": "soc2"},
        },
    )

    @validates_schema
    def _params(self, data, **_):
        schema = PARAMS.get(data.get("kind"))
        if schema is None:
            return
        try:
            data["params"] = schema().load(data.get("params") or {})
        except ValidationError as exc:
            raise ValidationError({"params": exc.messages}) from None


class ExportSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "exp_9a1b2c3d4e5f6a7b"})
    kind = fields.String(metadata={"example": "evidence_bundle"})
    params = fields.Dict()
    status = fields.String(metadata={"enum": ["queued", "running", "done", "failed", "expired"]})
    progress = fields.Integer(metadata={"description": "0-100"})
    step = fields.String(allow_none=True, metadata={"description": "What it is doing now."})
    error = fields.String(allow_none=True, metadata={"description": "Why it failed."})
    filename = fields.String(allow_none=True)
    media_type = fields.String(allow_none=True)
    size = fields.Integer(allow_none=True)
    sha256 = fields.String(allow_none=True)
    created_at = UtcTimestamp()
    finished_at = UtcTimestamp(allow_none=True)
    expires_at = UtcTimestamp(
        allow_none=True, metadata={"description": "When the file is deleted."}
    )
    download_url = fields.String(
        allow_none=True,
        metadata={
            "description": "Once done: a link that downloads the file without a token, for "
            "exports.link_seconds (ask the export again for a fresh one)."
        },
    )


class DownloadArgsSchema(ma.Schema):
    token = fields.String(
        required=True,
        validate=validate.Length(min=1, max=1000),
        metadata={"description": "The signed token of the export's download_url."},
    )
