from __future__ import annotations

import contextlib

import marshmallow as ma
from flask import current_app
from marshmallow import ValidationError, fields, validate, validates

from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp
from cyberorigen.appliance import appliance_of
from cyberorigen.services.check_outcomes import OUTCOMES, REASONS
from cyberorigen.services.targets import parse_targets
from cyberorigen.vocab import SCAN_STATUSES, SCANNER_RUN_STATUSES


class ScannerRunSchema(ma.Schema):
    scanner = fields.String(metadata={"example": "http"})
    target = fields.Function(
        lambda run: run.target or None,
        metadata={
            "type": "string",
            "example": "10.0.0.12:8443",
            "description": "What this run examined: a host, URL or host:port of the scan's "
            "target, or a service discovery found there.",
        },
    )
    service = fields.String(
        allow_none=True,
        metadata={
            "example": "https",
            "description": "The protocol of the discovered service it examined, or null when "
            "it examined the target itself.",
        },
    )
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


class CheckOutcomeSchema(ma.Schema):
    check_id = fields.String(metadata={"example": "http.hsts_missing"})
    scanner = fields.String(attribute="run.scanner", metadata={"example": "http"})
    target = fields.Function(
        lambda outcome: outcome.run.target or None,
        metadata={
            "type": "string",
            "example": "10.0.0.12:8443",
            "description": "What the run examined: a host, URL or host:port of the scan's "
            "target, or a service discovery found there.",
        },
    )
    service = fields.String(attribute="run.service", allow_none=True, metadata={"example": "https"})
    outcome = fields.String(
        metadata={
            "enum": list(OUTCOMES),
            "description": "passed: observed, and no finding of this check at low or above; "
            "failed: such a finding; inconclusive: not observed (see reason). Only passed "
            "and failed are observations; compliance credits nothing else.",
        }
    )
    reason = fields.String(
        allow_none=True,
        metadata={
            "enum": list(REASONS),
            "description": "Why an inconclusive check was not observed: unreachable (the "
            "run observed nothing), timed_out, not_applicable, not_examined (the scanner "
            "said why in detail), cancelled, error, not_run. null when observed.",
        },
    )
    detail = fields.String(
        allow_none=True,
        metadata={"example": "stopped after its 60 s timeout"},
    )
    findings = fields.Integer(
        metadata={"description": "The run's findings of this check, informational included."}
    )
    recorded_at = UtcTimestamp()


class CheckOutcomeListArgsSchema(PageArgsSchema):
    outcome = fields.String(validate=validate.OneOf(OUTCOMES))
    reason = fields.String(validate=validate.OneOf(REASONS))
    check_id = fields.String(validate=validate.Length(max=100))
    scanner = fields.String(validate=validate.Length(max=100))


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


class ScanPartSchema(ma.Schema):
    index = fields.Integer(metadata={"example": 0})
    hosts = fields.Function(
        lambda part: part.stop - part.first,
        metadata={"type": "integer", "example": 16, "description": "How many hosts it has."},
    )
    status = fields.String(metadata={"enum": ["queued", "running", "done"]})
    progress = fields.Integer(metadata={"example": 100})
    attempts = fields.Integer(
        metadata={"description": "How often a job started it (a worker that died: again)."}
    )
    worker = fields.String(
        allow_none=True,
        metadata={"example": "scanner-2:4711", "description": "The host:pid that ran it last."},
    )
    finished_at = UtcTimestamp(allow_none=True)


class ScanDetailSchema(ScanSchema):
    options = fields.Dict()
    parts = fields.List(
        fields.Nested(ScanPartSchema),
        metadata={
            "description": "A scan of more hosts than scans.hosts_per_job is shared by the "
            "workers in parts (batches of hosts, one job each): which ran each. Empty for a "
            "scan run by one job."
        },
    )
    compliance = fields.Dict(
        allow_none=True,
        metadata={
            "description": "Per framework the scan named (by framework id): requirements its "
            "checks touched, passed and failed, with the findings behind each failure; the "
            "framework's checks the scan examined, and those it could not (no run of their "
            "scanner completed: they credit nothing). Null until the scan completes, or when it "
            "named no framework.",
            "example": {
                "soc2-2017": {
                    "requested_as": "soc2",
                    "framework": "SOC 2",
                    "version": "2017",
                    "requirements_touched": 6,
                    "passed": 5,
                    "failed": 1,
                    "checks_examined": 14,
                    "checks_inconclusive": 3,
                    "failed_requirements": [{"id": "CC6.7", "findings": ["fnd_9c2e"]}],
                }
            },
        },
    )
    scanners = fields.List(
        fields.Nested(ScannerRunSchema),
        metadata={
            "description": "Each scanner run: one per host (or URL, or host:port) of the "
            "target, and for the service scanners one per service discovery found there."
        },
    )
    coverage = fields.Dict(
        metadata={
            "description": "How much was examined: hosts (units of the target), services "
            "discovery found, service runs that completed, runs that were inconclusive "
            "(failed, timed out, skipped or cancelled: they credit no check), and the "
            "outcomes of every check on every run (GET /api/v1/scans/{id}/checks lists them "
            "with why).",
            "example": {
                "targets": 14,
                "services_found": 9,
                "services_examined": 8,
                "runs_inconclusive": 1,
                "checks_passed": 140,
                "checks_failed": 12,
                "checks_inconclusive": 31,
            },
        }
    )


class ScanCreateSchema(ma.Schema):
    target = fields.String(
        required=True,
        validate=validate.Length(max=2048),
        metadata={
            "description": "What to scan: a hostname, an IPv4/IPv6 address, an http(s) URL, "
            "host:port, a CIDR network (10.0.0.0/24) or a range (10.0.0.10-10.0.0.40), or a "
            "list of these separated by commas. Every address must be in the organization's "
            "scope (a network or range only when the scope covers all of it); one scan covers "
            "at most scope.max_scan_addresses addresses (4,096 by default).",
            "example": "example.com",
        },
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
            parse_targets(value)
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
        data["target"] = parse_targets(data["target"]).text
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
                data["target"] = parse_targets(data["target"]).text
        return data
