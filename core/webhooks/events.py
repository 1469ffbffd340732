"""What webhooks receive: the event types, the envelope, and the schema of each event's data.

Every delivery's body is ``{"id": "evt_…", "type", "created_at", "data"}``; ``id`` is the
``webhook-id`` header too, the same on every retry. The schemas below are published in the
OpenAPI document (components ``WebhookEvent…``) and described in docs/webhooks.md.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields

from cyberorigen.db.models import OutboxEvent
from cyberorigen.services.outbox import EVENT_TYPES as DOMAIN_EVENT_TYPES

#: Written by the webhook pipeline itself.
PIPELINE_EVENT_TYPES = ("evidence.expiring", "webhook.disabled")
#: What a webhook may subscribe to; ``*`` is every event.
EVENT_TYPES = (*DOMAIN_EVENT_TYPES, *PIPELINE_EVENT_TYPES, "*")
#: Sent only by ``POST /webhooks/{id}/test``, whatever the subscription.
PING = "ping"


def timestamp(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(event: OutboxEvent) -> dict[str, Any]:
    return {
        "id": event.public_id,
        "type": event.type,
        "created_at": timestamp(event.created_at),
        "data": event.payload,
    }


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
    severity = fields.String(metadata={"enum": ["critical", "high", "medium", "low", "info"]})
    title = fields.String()
    location = fields.String()


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
    cause = fields.String(metadata={"description": "scan, evidence, override, edit, assessment"})
    findings = fields.List(fields.String())


class _EvidenceExpiringData(ma.Schema):
    evidence_id = fields.String(metadata={"example": "evd_4f1a"})
    control_id = fields.String()
    control_name = fields.String()
    title = fields.String()
    expires_at = fields.String(metadata={"format": "date-time"})


class _WebhookDisabledData(ma.Schema):
    webhook_id = fields.String(metadata={"example": "wh_9a8b7c6d5e4f3a2b"})
    url = fields.String(allow_none=True)
    reason = fields.String()


class _PingData(ma.Schema):
    webhook_id = fields.String()
    message = fields.String()


DATA_SCHEMAS: dict[str, type[ma.Schema]] = {
    "scan.started": _ScanData,
    "scan.completed": _ScanData,
    "scan.failed": _ScanData,
    "vulnerability.found": _VulnerabilityData,
    "finding.status_changed": _FindingStatusData,
    "control.status_changed": _ControlStatusData,
    "evidence.expiring": _EvidenceExpiringData,
    "webhook.disabled": _WebhookDisabledData,
    PING: _PingData,
}

DESCRIPTIONS = {
    "scan.started": "A scan began running on a worker.",
    "scan.completed": "A scan ended and its results are stored.",
    "scan.failed": "A scan could not run any scanner, or its worker was lost twice.",
    "vulnerability.found": "A scan found something new on a target, or found it again after "
    "it was fixed.",
    "finding.status_changed": "A finding's status changed (by a person, or fixed by a scan "
    "that no longer sees it).",
    "control.status_changed": "A control's status changed, with the reason.",
    "evidence.expiring": "Evidence stops counting within 14 days.",
    "webhook.disabled": "A webhook was disabled after failing deliveries (or a 410 answer).",
    PING: "Sent by POST /api/v1/webhooks/{id}/test.",
}


def envelope_schema(event_type: str) -> type[ma.Schema]:
    """The schema of a whole message of ``event_type`` (for the OpenAPI document)."""
    return ma.Schema.from_dict(
        {
            "id": fields.String(metadata={"example": "evt_5d41402abc4b2a76"}),
            "type": fields.String(metadata={"enum": [event_type]}),
            "created_at": fields.String(metadata={"format": "date-time"}),
            "data": fields.Nested(DATA_SCHEMAS[event_type]),
        },
        name="WebhookEvent"
        + "".join(part.title() for part in event_type.replace(".", "_").split("_")),
    )
