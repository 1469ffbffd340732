"""Domain events, written to the outbox table in the caller's transaction.

Writing the event with the change it reports means an event exists if and only if the change
was committed; the webhook dispatcher delivers them from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cyberorigen.db.models import OutboxEvent
from cyberorigen.events import DOMAIN_EVENT_TYPES, check_payload

EVENT_TYPES = DOMAIN_EVENT_TYPES


def record_event(org_id: int, event_type: str, payload: Mapping[str, Any]) -> OutboxEvent:
    """Add an event; call it inside the transaction that makes the change. A payload that
    does not match its type's published schema raises ``InvalidEventPayload`` (and, inside
    that transaction, undoes the change): what is sent is what is documented."""
    check_payload(event_type, payload)
    return OutboxEvent.create(organization=org_id, type=event_type, payload=dict(payload))
