from __future__ import annotations

import contextlib

import marshmallow as ma
from flask import current_app
from marshmallow import ValidationError, fields, validate, validates

from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp
from cyberorigen.appliance import appliance_of
from cyberorigen.services.targets import normalize_target
from cyberorigen.vocab import SCAN_STATUSES, SCANNER_RUN_STATUSES


class ScannerRunSchema(ma.Schema):
    scanner = fields.String(metadata={"example": "http"})
    status = fields.String(metadata={"enum": list(SCANNER_RUN_STATUSES)})
    error = fields.String(allow_none=True)
    findings_count = fields.Integer()
    observed = fields.List(
        fields.String(),
        metadata={
            "description": "What the scanner saw of the target, as it reported it (the first "
            "20). A scanner that ends with no finding and nothing observed is failed "
            "(observed nothing): its checks count neither as passed nor as failed.",
            "example": ["GET https://example.com/ answered 200"],
        },
    )
    not_examined = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={
            "description": "Its checks it did not examine on this target, with why (they do "
            "not apply): they count neither as passed nor as failed.",
            "example": {"dns.spf_missing": "example.com is not a mail domain"},
        },
    )
    started_at = UtcTimestamp(allow_none=True)
    finished_at = UtcTimestamp(allow_none=True)


class ScanSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "scan_abc123"})
    target = fields.String(metadata={"example": "example.com"})
    scan_type = fields.String(metadata={"example": "full"})
    frameworks = fields.List(fields.String(), metadata={"example": ["soc2", "pci-dss"]})
    status = fields.String(metadata={"enum": list(SCAN_STATUSES)})
    progress = fields.Integer(metadata={"description": "0-100"})
    vulnerabilities_found = fields.Integer()
    created_at = UtcTimestamp()
    started_at = UtcTimestamp(allow_none=True)
    finished_at = UtcTimestamp(allow_none=True)
    current_step = fields.String(allow_none=True, metadata={"example": "http: GET /"})
    error = fields.String(
        allow_none=True, metadata={"description": "Why it failed, or which scanners had errors."}
    )


class ScanDetailSchema(ScanSchema):
    options = fields.Dict()
    compliance = fields.Dict(
        allow_none=True,
        metadata={
            "description": "Per framework the scan named (by framework id): requirements its "
            "checks touched, passed and failed, with the findings behind each failure. Null "
            "until the scan completes, or when it named no framework.",
            "example": {
                "soc2-2017": {
                    "requested_as": "soc2",
                    "framework": "SOC 2",
                    "version": "2017",
                    "requirements_touched": 6,
                    "passed": 5,
                    "failed": 1,
                    "failed_requirements": [{"id": "CC6.7", "findings": ["fnd_9c2e"]}],
                }
            },
        },
    )
    scanners = fields.List(
        fields.Nested(ScannerRunSchema), metadata={"description": "Each scanner's part."}
    )


class ScanCreateSchema(ma.Schema):
    target = fields.String(
        required=True,
        validate=validate.Length(max=2048),
        metadata={"description": "Hostname, IPv4/IPv6 address or http(s) URL."},
    )
    scan_type = fields.String(
        load_default="quick",
        metadata={"description": "A scan profile: quick, full, web, tls, network, dns."},
    )
    frameworks = fields.List(
        fields.String(),
        load_default=list,
        validate=validate.Length(max=20),
        metadata={"description": "Compliance frameworks to assess, e.g. soc2, pci-dss."},
    )
    options = fields.Dict(
        keys=fields.String(),
        values=fields.Dict(),
        load_default=dict,
        metadata={
            "description": 'Options per scanner, e.g. {"http": {"paths": ["/", "/login"]}}',
        },
    )

    @validates("target")
    def _target(self, value, **_):
        try:
            normalize_target(value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None

    @validates("scan_type")
    def _scan_type(self, value, **_):
        appliance = appliance_of(current_app)
        profiles = appliance.settings.scan_profiles
        if value not in profiles:
            raise ValidationError(f"unknown scan type; one of: {', '.join(profiles)}")
        if not any(name in appliance.registry.scanners for name in profiles[value]):
            raise ValidationError(
                f"scan type {value} runs {', '.join(profiles[value])}, and none of these "
                "scanners is installed"
            )

    @validates("frameworks")
    def _frameworks(self, value, **_):
        known = appliance_of(current_app).catalogue.names
        unknown = [item for item in value if item not in known]
        if unknown:
            raise ValidationError(
                f"unknown framework {unknown[0]!r}; known: {', '.join(sorted(known))}"
            )

    @ma.post_load
    def _normalize(self, data, **_):
        data["target"] = normalize_target(data["target"])
        return data


class ScanListArgsSchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf(SCAN_STATUSES))
    created_after = UtcTimestamp(metadata={"description": "Created at or after (UTC)."})
    created_before = UtcTimestamp(metadata={"description": "Created before (UTC)."})
    sort = fields.String(
        load_default="-created_at",
        validate=validate.OneOf(["-created_at", "created_at"]),
        metadata={"description": "Newest first (default) or oldest first."},
    )
    target = fields.String(metadata={"description": "As sent when the scan was created."})

    @ma.post_load
    def _normalize(self, data, **_):
        """Match targets the way they are stored; a value that is no target matches nothing."""
        if "target" in data:
            with contextlib.suppress(ValueError):
                data["target"] = normalize_target(data["target"])
        return data
