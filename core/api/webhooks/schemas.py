from __future__ import annotations

from urllib.parse import urlsplit

import marshmallow as ma
from marshmallow import ValidationError, fields, validate, validates

from cyberorigen.api.schemas import UtcTimestamp
from cyberorigen.services.webhooks import EVENT_TYPES


class WebhookSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "wh_9a8b7c6d5e4f3a2b"})
    url = fields.String(metadata={"example": "https://your-server.com/webhook"})
    events = fields.List(fields.String(), metadata={"example": ["scan.completed"]})
    active = fields.Boolean()
    created_at = UtcTimestamp()


class WebhookCreatedSchema(WebhookSchema):
    secret = fields.String(
        metadata={
            "description": "Only when the appliance generated the secret (none was sent): "
            "shown once, store it now."
        }
    )


class WebhookCreateSchema(ma.Schema):
    url = fields.String(required=True, validate=validate.Length(min=1, max=2048))
    events = fields.List(
        fields.String(),
        required=True,
        validate=validate.Length(min=1, max=len(EVENT_TYPES)),
        metadata={"description": f"Any of: {', '.join(EVENT_TYPES)}"},
    )
    secret = fields.String(
        load_only=True,
        validate=validate.Length(min=16, max=256),
        metadata={"description": "Signing secret (write-only). Omit it to have one generated."},
    )

    @validates("url")
    def _url(self, value, **_):
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValidationError("must be an http or https URL with a host")
        try:
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError:
            raise ValidationError("has an invalid port") from None

    @validates("events")
    def _events(self, value, **_):
        unknown = [name for name in value if name not in EVENT_TYPES]
        if unknown:
            raise ValidationError(
                f"unknown event {unknown[0]!r}; known events: {', '.join(EVENT_TYPES)}"
            )
