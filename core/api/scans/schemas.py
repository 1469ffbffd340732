from __future__ import annotations

import contextlib
import re

import marshmallow as ma
from flask import current_app
from marshmallow import ValidationError, fields, validate, validates

from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp
from cyberorigen.db.models import SCAN_STATUSES
from cyberorigen.services.targets import normalize_target

_FRAMEWORK_ID = re.compile(r"^[a-z0-9][a-z0-9.-]{0,39}$")


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

    @validates("target")
    def _target(self, value, **_):
        try:
            normalize_target(value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None

    @validates("scan_type")
    def _scan_type(self, value, **_):
        profiles = current_app.extensions["cyberorigen"].settings.scan_profiles
        if value not in profiles:
            raise ValidationError(f"unknown scan type; one of: {', '.join(profiles)}")

    @validates("frameworks")
    def _frameworks(self, value, **_):
        bad = [item for item in value if not _FRAMEWORK_ID.match(item)]
        if bad:
            raise ValidationError(f"not a framework id: {bad[0]!r}")

    @ma.post_load
    def _normalize(self, data, **_):
        data["target"] = normalize_target(data["target"])
        return data


class ScanListArgsSchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf(SCAN_STATUSES))
    target = fields.String(metadata={"description": "As sent when the scan was created."})

    @ma.post_load
    def _normalize(self, data, **_):
        """Match targets the way they are stored; a value that is no target matches nothing."""
        if "target" in data:
            with contextlib.suppress(ValueError):
                data["target"] = normalize_target(data["target"])
        return data
