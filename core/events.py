"""The event types: one table of name, data schema and description.

The outbox writer (``services/outbox.record_event``) checks every payload against its type's
schema before writing it; the OpenAPI document (components ``WebhookEvent…``) and the event
table of docs/webhooks.md are produced from the same table, so what is published is what is
sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import marshmallow as ma
from marshmallow import fields

from cyberorigen.vocab import EVIDENCE_REVIEW_STATUSES, SEVERITIES


class InvalidEventPayload(ValueError):
    """A payload that does not match its event type's schema: a programming error (the event
    is not written)."""


class _ScanData(ma.Schema):
    scan_id = fields.String(metadata={"example": "scan_1f0c9a2b"})
    target = fields.String(metadata={"example": "example.com"})
    scan_type = fields.String(metadata={"example": "full"})
    status = fields.String(metadata={"example": "completed"})
    vulnerabilities_found = fields.Integer()
    frameworks = fields.List(fields.String(), metadata={"example": ["soc2", "pci-dss"]})
    error = fields.String(allow_none=True)


class _VulnerabilityData(ma.Schema):
    scan_id = fields.String()
    finding_id = fields.String(metadata={"example": "fnd_9c2e"})
    target = fields.String()
    check_id = fields.String(metadata={"example": "tls.cert.expired"})
    severity = fields.String(metadata={"enum": list(SEVERITIES)})
    title = fields.String()
    location = fields.String()


class _ScanFindingsData(ma.Schema):
    scan_id = fields.String(metadata={"example": "scan_1f0c9a2b"})
    target = fields.String(metadata={"example": "10.0.0.0/28"})
    status = fields.String(metadata={"example": "completed"})
    severity = fields.String(
        metadata={
            "enum": list(SEVERITIES),
            "description": "The highest severity among the findings (what min_severity "
            "filters look at).",
        }
    )
    count = fields.Integer(metadata={"description": "How many findings the scan announced."})
    truncated = fields.Boolean(
        metadata={"description": "True when findings lists only the first 500 (by severity)."}
    )
    findings = fields.List(
        fields.Nested(_VulnerabilityData),
        metadata={"description": "Each as its vulnerability.found event would say it."},
    )


class _FindingStatusData(ma.Schema):
    finding_id = fields.String()
    target = fields.String()
    check_id = fields.String()
    severity = fields.String()
    from_status = fields.String(data_key="from", metadata={"description": "The old status."})
    to = fields.String(metadata={"description": "The new status."})
    reason = fields.String(allow_none=True)
    changed_by = fields.String(metadata={"description": "A user's e-mail or a scan id."})


class _ControlStatusData(ma.Schema):
    control_id = fields.String(metadata={"example": "ctrl_encryption_in_transit"})
    name = fields.String(metadata={"example": "Encryption in Transit"})
    frameworks = fields.List(fields.String(), metadata={"example": ["PCI DSS", "SOC 2"]})
    previous_status = fields.String()
    status = fields.String()
    reason = fields.String()
    cause = fields.String(
        metadata={"description": "scan, evidence, review, override, edit, assessment"}
    )
    findings = fields.List(fields.String())


class _EvidenceExpiringData(ma.Schema):
    evidence_id = fields.String(metadata={"example": "evd_4f1a"})
    control_id = fields.String()
    control_name = fields.String()
    title = fields.String()
    expires_at = fields.String(metadata={"format": "date-time"})


class _EvidenceReviewedData(ma.Schema):
    evidence_id = fields.String(metadata={"example": "evd_4f1a"})
    control_id = fields.String(metadata={"example": "ctrl_access_control_policy"})
    control_name = fields.String(metadata={"example": "Access Control Policy"})
    frameworks = fields.List(fields.String(), metadata={"example": ["ISO 27001", "SOC 2"]})
    kind = fields.String(metadata={"enum": ["file", "link", "note"]})
    title = fields.String(metadata={"example": "Access policy v3"})
    decision = fields.String(metadata={"enum": ["accept", "reject"]})
    previous_status = fields.String(metadata={"enum": list(EVIDENCE_REVIEW_STATUSES)})
    status = fields.String(
        metadata={"enum": list(EVIDENCE_REVIEW_STATUSES), "description": "After the decision."}
    )
    comment = fields.String()
    reviewer = fields.String(metadata={"description": "The reviewer's e-mail."})
    uploaded_by = fields.String(
        allow_none=True, metadata={"description": "The uploader's e-mail (null: user deleted)."}
    )
    self_review = fields.Boolean(
        metadata={"description": "The reviewer is the uploader (setting evidence.self_review)."}
    )
    reviewed_at = fields.String(metadata={"format": "date-time"})


class _WebhookDisabledData(ma.Schema):
    webhook_id = fields.String(metadata={"example": "wh_9a8b7c6d5e4f3a2b"})
    url = fields.String(allow_none=True)
    reason = fields.String()


class _AssetData(ma.Schema):
    asset_id = fields.String(metadata={"example": "ast_3c1d9e0f7a2b4c5d"})
    address = fields.String(metadata={"example": "10.0.0.12"})
    names = fields.List(fields.String(), metadata={"example": ["db1.example.com"]})
    scan_id = fields.String(metadata={"example": "scan_1f0c9a2b"})


class _ServiceData(ma.Schema):
    asset_id = fields.String(metadata={"example": "ast_3c1d9e0f7a2b4c5d"})
    service_id = fields.String(metadata={"example": "svc_8e7d6c5b4a3f2e1d"})
    address = fields.String(metadata={"example": "10.0.0.12:8443"})
    port = fields.Integer(metadata={"example": 8443})
    transport = fields.String(metadata={"example": "tcp"})
    protocol = fields.String(metadata={"example": "https"})
    scan_id = fields.String(metadata={"example": "scan_1f0c9a2b"})


class _PingData(ma.Schema):
    webhook_id = fields.String()
    message = fields.String()


@dataclass(frozen=True)
class EventType:
    name: str
    data: type[ma.Schema]
    #: When it is sent (one sentence; docs/webhooks.md and the OpenAPI document show it).
    description: str
    #: ``domain``: written with the change it reports; ``pipeline``: by the webhook pipeline;
    #: ``ping``: only by ``POST /webhooks/{id}/test``, never subscribed to.
    source: str = "domain"


EVENTS: tuple[EventType, ...] = (
    EventType("scan.started", _ScanData, "a scan began running on a worker"),
    EventType(
        "scan.completed",
        _ScanData,
        "a scan ended with a scanner that observed the "
        "target; its results are stored (the compliance summary is on "
        "`GET /api/v1/scans/{id}`)",
    ),
    EventType(
        "scan.failed",
        _ScanData,
        "no scanner observed the target (each failed, timed "
        "out, observed nothing, was not applicable or not installed; `error` says what "
        "each said), or the worker was lost twice",
    ),
    EventType(
        "vulnerability.found",
        _VulnerabilityData,
        "a finding is new for its target, or back after being fixed",
    ),
    EventType(
        "scan.findings",
        _ScanFindingsData,
        "a scan ended (completed, failed or cancelled) having announced findings: "
        "`vulnerability.found` batched per scan, one event listing every finding the scan "
        "found new or back",
    ),
    EventType(
        "finding.status_changed",
        _FindingStatusData,
        "a person changed a finding's status, or a scan no longer sees it (`fixed`)",
    ),
    EventType(
        "control.status_changed", _ControlStatusData, "a control's status changed, with the reason"
    ),
    EventType(
        "asset.discovered",
        _AssetData,
        "a scan found a host of the organization answering for the first time",
    ),
    EventType(
        "service.discovered",
        _ServiceData,
        "a scan found a service (an open port and what speaks there) on a host for the "
        "first time",
    ),
    EventType(
        "evidence.reviewed",
        _EvidenceReviewedData,
        "a reviewer (auditor or above, not the uploader) accepted or rejected a file, link "
        "or note; only accepted evidence counts toward its control",
    ),
    EventType(
        "evidence.expiring",
        _EvidenceExpiringData,
        "evidence stops counting within 14 days",
        "pipeline",
    ),
    EventType(
        "webhook.disabled",
        _WebhookDisabledData,
        "a webhook was disabled (410, or repeated failures)",
        "pipeline",
    ),
    EventType("ping", _PingData, "`POST /webhooks/{id}/test` only", "ping"),
)

BY_NAME: dict[str, EventType] = {event.name: event for event in EVENTS}
#: Written to the outbox with the change they report.
DOMAIN_EVENT_TYPES = tuple(event.name for event in EVENTS if event.source == "domain")
#: What a webhook may subscribe to; ``*`` is every event.
SUBSCRIBABLE = tuple(event.name for event in EVENTS if event.source != "ping") + ("*",)
PING = "ping"


def check_payload(event_type: str, payload: Mapping[str, Any]) -> None:
    """Raise :class:`InvalidEventPayload` unless ``payload`` has exactly the fields of
    ``event_type``'s schema, each of the declared type."""
    event = BY_NAME.get(event_type)
    if event is None:
        raise InvalidEventPayload(f"unknown event type {event_type!r}")
    schema = event.data()
    expected = {field.data_key or name for name, field in schema.fields.items()}
    missing = sorted(expected - set(payload))
    if missing:
        raise InvalidEventPayload(f"{event_type}: missing {', '.join(missing)}")
    problems = schema.validate(dict(payload))
    if problems:
        raise InvalidEventPayload(f"{event_type}: {problems}")


def docs_table() -> str:
    """The event table of docs/webhooks.md."""
    rows = ["| Event | When | `data` |", "|---|---|---|"]
    for event in EVENTS:
        names = [field.data_key or name for name, field in event.data().fields.items()]
        data = ", ".join(f"`{name}`" for name in names)
        rows.append(f"| `{event.name}` | {event.description} | {data} |")
    return "\n".join(rows) + "\n"


def example_payload(event_type: str, **values: Any) -> dict[str, Any]:
    """A payload of ``event_type`` that passes :func:`check_payload`, with ``values`` in it and
    every other field filled from the schema's example (for tests and benchmarks that write
    events of their own)."""
    payload: dict[str, Any] = {}
    for name, field in BY_NAME[event_type].data().fields.items():
        key = field.data_key or name
        if "example" in field.metadata:
            payload[key] = field.metadata["example"]
        elif isinstance(field, fields.Integer):
            payload[key] = 0
        elif isinstance(field, fields.List):
            payload[key] = []
        elif field.allow_none:
            payload[key] = None
        else:
            payload[key] = f"example {key}"
    payload.update(values)
    return payload
