"""Domain events, written to the outbox table in the caller's transaction.

Writing the event with the change it reports means an event exists if and only if the change
was committed; the webhook dispatcher delivers them from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cyberorigen.db.models import OutboxEvent

EVENT_TYPES = (
    "scan.started",
    "scan.completed",
    "scan.failed",
    "vulnerability.found",
    "finding.status_changed",
    "control.status_changed",
)


def record_event(org_id: int, event_type: str, payload: Mapping[str, Any]) -> OutboxEvent:
    """Add an event; call it inside the transaction that makes the change."""
    return OutboxEvent.create(organization=org_id, type=event_type, payload=dict(payload))
