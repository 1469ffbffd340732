"""What webhooks receive: the event types, the envelope, and the schema of each event's data.

Every delivery's body is ``{"id": "evt_…", "type", "created_at", "data"}``; ``id`` is the
``webhook-id`` header too, the same on every retry. The schemas are those of the one table
of event types (``cyberorigen.events``), published in the OpenAPI document (components
``WebhookEvent…``) and in docs/webhooks.md.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields

from cyberorigen.db.models import OutboxEvent
from cyberorigen.events import EVENTS, PING, SUBSCRIBABLE
from cyberorigen.vocab import timestamp

#: What a webhook may subscribe to; ``*`` is every event.
EVENT_TYPES = SUBSCRIBABLE
__all__ = ["DATA_SCHEMAS", "DESCRIPTIONS", "EVENT_TYPES", "PING", "envelope", "envelope_schema"]


def envelope(event: OutboxEvent) -> dict[str, Any]:
    return {
        "id": event.public_id,
        "type": event.type,
        "created_at": timestamp(event.created_at),
        "data": event.payload,
    }


#: The schema of each event's data, and what it means (from the one table, cyberorigen.events).
DATA_SCHEMAS: dict[str, type[ma.Schema]] = {event.name: event.data for event in EVENTS}
DESCRIPTIONS = {event.name: event.description for event in EVENTS}


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
