from __future__ import annotations

from urllib.parse import urlsplit

import marshmallow as ma
from flask import current_app
from marshmallow import ValidationError, fields, validate, validates

from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp
from cyberorigen.appliance import appliance_of
from cyberorigen.services.targets import normalize_target
from cyberorigen.vocab import DELIVERY_STATUSES, SEVERITIES_ASCENDING
from cyberorigen.webhooks.events import EVENT_TYPES
from cyberorigen.webhooks.subscriptions import shown_url


class FiltersSchema(ma.Schema):
    min_severity = fields.String(
        allow_none=True,
        validate=validate.OneOf(SEVERITIES_ASCENDING),
        metadata={"description": "Events with a severity below it are not sent."},
    )
    frameworks = fields.List(
        fields.String(),
        validate=validate.Length(max=20),
        metadata={"description": "Events naming frameworks are sent only for these (id/alias)."},
    )
    targets = fields.List(
        fields.String(validate=validate.Length(max=300)),
        validate=validate.Length(max=100),
        metadata={"description": "Events about a target are sent only for these (and subdomains)."},
    )

    @validates("frameworks")
    def _frameworks(self, value, **_):
        names = appliance_of(current_app).catalogue.names
        unknown = [item for item in value if item not in names]
        if unknown:
            raise ValidationError(f"unknown framework {unknown[0]!r}")

    @ma.post_load
    def _normalize(self, data, **_):
        if "targets" in data:
            try:
                data["targets"] = [normalize_target(item) for item in data["targets"]]
            except ValueError as exc:
                raise ValidationError({"targets": [str(exc)]}) from None
        return {key: value for key, value in data.items() if value not in (None, [])}


class WebhookSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "wh_9a8b7c6d5e4f3a2b"})
    url = fields.Function(
        lambda row: shown_url(appliance_of(current_app).registry, row),
        allow_none=True,
        metadata={
            "type": "string",
            "example": "https://your-server.com/webhook",
            "description": "Write-only where it is the credential (slack: only the origin is "
            "shown); a password in it is masked.",
        },
    )
    events = fields.List(fields.String(), metadata={"example": ["scan.completed"]})
    active = fields.Boolean()
    created_at = UtcTimestamp()
    transport = fields.String(metadata={"example": "http"})
    config = fields.Dict(metadata={"description": "The transport's settings."})
    filters = fields.Nested(FiltersSchema)
    disabled_reason = fields.String(allow_none=True)
    disabled_at = UtcTimestamp(allow_none=True)
    consecutive_failures = fields.Integer()
    rotation_overlap_until = UtcTimestamp(
        attribute="previous_secret_until",
        allow_none=True,
        metadata={"description": "After a rotation: until when the old secret also signs."},
    )


class WebhookCreatedSchema(WebhookSchema):
    secret = fields.String(
        metadata={
            "description": "Only when the appliance generated the secret (none was sent): "
            "shown once, store it now."
        }
    )


def _check_url(value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError("must be an http or https URL with a host")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ValidationError("has an invalid port") from None


def _check_events(value: list[str]) -> None:
    unknown = [name for name in value if name not in EVENT_TYPES]
    if unknown:
        raise ValidationError(
            f"unknown event {unknown[0]!r}; known events: {', '.join(EVENT_TYPES)}"
        )


class WebhookCreateSchema(ma.Schema):
    url = fields.String(
        validate=validate.Length(min=1, max=2048),
        metadata={"description": "Where to send (http and slack transports)."},
    )
    events = fields.List(
        fields.String(),
        required=True,
        validate=validate.Length(min=1, max=len(EVENT_TYPES)),
        metadata={"description": f"Any of: {', '.join(EVENT_TYPES)}"},
    )
    secret = fields.String(
        load_only=True,
        validate=validate.Length(min=16, max=256),
        metadata={
            "description": "Signing secret (write-only): any string, or whsec_ and base64. "
            "Omit it to have one generated and shown once."
        },
    )
    transport = fields.String(
        load_default="http", metadata={"description": "http, slack, email, syslog, ..."}
    )
    config = fields.Dict(load_default=dict, metadata={"description": "The transport's settings."})
    filters = fields.Nested(FiltersSchema, load_default=dict)

    @validates("url")
    def _url(self, value, **_):
        _check_url(value)

    @validates("events")
    def _events(self, value, **_):
        _check_events(value)


class WebhookUpdateSchema(ma.Schema):
    url = fields.String(allow_none=True, validate=validate.Length(min=1, max=2048))
    events = fields.List(fields.String(), validate=validate.Length(min=1, max=len(EVENT_TYPES)))
    active = fields.Boolean()
    transport = fields.String()
    config = fields.Dict()
    filters = fields.Nested(FiltersSchema, allow_none=True)

    @validates("url")
    def _url(self, value, **_):
        if value is not None:
            _check_url(value)

    @validates("events")
    def _events(self, value, **_):
        _check_events(value)

    @ma.validates_schema
    def _something(self, data, **_):
        if not data:
            raise ValidationError("send at least one field to change", "_schema")


class RotateSecretSchema(ma.Schema):
    secret = fields.String(
        load_only=True,
        validate=validate.Length(min=16, max=256),
        metadata={"description": "The new secret; omit it to have one generated."},
    )
    overlap_seconds = fields.Integer(
        validate=validate.Range(min=0, max=30 * 86400),
        metadata={"description": "How long the old secret also signs (default: setting)."},
    )


class RotatedSchema(ma.Schema):
    id = fields.String(attribute="public_id")
    secret = fields.String(metadata={"description": "Only when generated: shown once."})
    rotation_overlap_until = UtcTimestamp(attribute="previous_secret_until", allow_none=True)


class DeliverySchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "dlv_3c2b1a"})
    webhook_id = fields.Function(lambda row: row.webhook.public_id, metadata={"type": "string"})
    event_id = fields.Function(
        lambda row: row.event.public_id,
        metadata={
            "type": "string",
            "description": "Also the webhook-id header, the same on every attempt.",
        },
    )
    event_type = fields.String()
    status = fields.String(metadata={"enum": [*DELIVERY_STATUSES]})
    attempts = fields.Integer()
    last_status_code = fields.Integer(allow_none=True)
    last_error = fields.String(allow_none=True)
    response_excerpt = fields.String(allow_none=True, metadata={"description": "First 1 KB."})
    latency_ms = fields.Integer(allow_none=True)
    next_attempt_at = UtcTimestamp(allow_none=True)
    last_attempt_at = UtcTimestamp(allow_none=True)
    delivered_at = UtcTimestamp(allow_none=True)
    created_at = UtcTimestamp()
    redelivery_of = fields.Function(
        lambda row: row.redelivery_of.public_id if row.redelivery_of_id else None,
        allow_none=True,
        metadata={"type": "string"},
    )


class DeliveryAttemptSchema(ma.Schema):
    attempt = fields.Integer()
    at = fields.String(metadata={"format": "date-time"})
    status_code = fields.Integer(allow_none=True)
    error = fields.String(allow_none=True)
    latency_ms = fields.Integer()


class DeliveryDetailSchema(DeliverySchema):
    history = fields.List(fields.Nested(DeliveryAttemptSchema))


class DeliveryListArgsSchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf(DELIVERY_STATUSES))
    event_type = fields.String()
