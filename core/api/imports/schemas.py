"""What ``/api/v1/imports`` takes and answers."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from marshmallow import ValidationError, fields, validate, validates

from cyberorigen.api.scans.schemas import ScanDetailSchema
from cyberorigen.appliance import appliance_of


class ImportFormSchema(ma.Schema):
    """The form fields beside the file."""

    format = fields.String(
        load_default=None,
        validate=validate.Length(max=100),
        metadata={"description": "The importer (sarif, trivy...); left out, it is detected."},
    )
    target = fields.String(
        load_default=None,
        validate=validate.Length(min=1, max=2048),
        metadata={
            "description": "What the results are about (a host, URL or repository URL), for "
            "files that do not say: the findings of a code scan or an image scan count toward "
            "controls only on a target in the organization's scope."
        },
    )
    asset = fields.String(
        load_default=None,
        validate=validate.Length(max=40),
        metadata={"description": "An asset's id (ast_...): its address is the target."},
    )
    frameworks = fields.String(
        load_default="",
        validate=validate.Length(max=400),
        metadata={"description": "Frameworks to summarize, separated by commas (soc2,pci-dss)."},
    )

    @validates("frameworks")
    def _frameworks(self, value, **_):
        known = appliance_of(current_app).catalogue.names
        unknown = [item for item in framework_names(value) if item not in known]
        if unknown:
            raise ValidationError(
                f"unknown framework {unknown[0]!r}; known: {', '.join(sorted(known))}"
            )

    @ma.validates_schema
    def _one_subject(self, data, **_):
        if data.get("target") and data.get("asset"):
            raise ValidationError("give target or asset, not both", "asset")


def framework_names(value: str) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


class ImportSchema(ma.Schema):
    format = fields.String(metadata={"example": "sarif"})
    title = fields.String(metadata={"example": "SARIF 2.1.0"})
    findings = fields.Integer(metadata={"description": "Findings read from the file."})
    merged = fields.Integer(
        metadata={
            "description": "Items of the file that repeat a finding already read from it "
            "(same fingerprint: the same rule in the same file twice): counted once."
        }
    )
    new = fields.Integer(
        metadata={"description": "Of them, new for their target or seen again after a fix."}
    )
    resolved = fields.Integer(
        metadata={
            "description": "Open findings of the same format on the same targets that the file "
            "no longer reports: now fixed."
        }
    )
    services = fields.Integer(metadata={"description": "Services listed (nmap)."})
    targets = fields.List(fields.String(), metadata={"example": ["https://github.com/acme/app"]})
    scan = fields.Nested(ScanDetailSchema)


class ImporterSchema(ma.Schema):
    name = fields.String(metadata={"example": "sarif"})
    title = fields.String(metadata={"example": "SARIF 2.1.0"})
    version = fields.String()
    extensions = fields.List(fields.String(), metadata={"example": [".sarif"]})
    names_targets = fields.Boolean(
        metadata={"description": "Whether its files say what they are about (else: target)."}
    )
    fingerprint = fields.String(
        metadata={"description": "What identifies one of its findings from import to import."}
    )
    checks = fields.List(fields.String(), metadata={"example": ["sarif.result"]})
