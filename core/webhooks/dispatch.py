"""From the outbox to delivery jobs, at least once.

Every tick of the dispatcher (a thread of ``cyberorigen scheduler``, of a worker started with
``--with-scheduler``, or of the API process in embedded mode):

1. **fan-out**: each outbox event not yet dispatched becomes one delivery row per active
   webhook subscribed to it whose filters it passes; the event is marked dispatched in the same
   transaction (so two dispatchers never fan an event out twice);
2. **claim**: each due delivery (pending, its next attempt due, not leased) gets a lease token
   and a lease, and a job is enqueued for it. A job that never runs (Redis lost it) or dies
   mid-delivery (its worker was killed) leaves the lease to expire, and the delivery is claimed
   again: nothing is lost, and a receiver may see an event twice, with the same
   ``webhook-id``.

It also writes ``evidence.expiring`` events for evidence that stops counting within 14 days.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.db import database
from cyberorigen.db.models import (
    Evidence,
    OutboxEvent,
    Webhook,
    WebhookDelivery,
    new_public_id,
    utcnow,
)
from cyberorigen.plugin_api.interfaces import Severity
from cyberorigen.plugin_api.interfaces import Target as ScanTarget
from cyberorigen.services.outbox import record_event
from cyberorigen.vocab import timestamp
from cyberorigen.webhooks.events import PING
from cyberorigen.webhooks.subscriptions import subscribed

log = logging.getLogger("cyberorigen.webhooks")

FAN_OUT_BATCH = 500
CLAIM_BATCH = 500
EXPIRY_NOTICE = timedelta(days=14)


def _host(target: str) -> str:
    return ScanTarget.parse(target).host.lower()


def passes_filters(
    filters: Mapping[str, Any], payload: Mapping[str, Any], catalogue: Catalogue | None
) -> bool:
    """A filter only narrows events that carry what it looks at: ``min_severity`` events with
    a ``severity``, ``targets`` events with a ``target`` (a name also matches its
    subdomains), ``frameworks`` events naming frameworks (by id, alias or display name)."""
    minimum = filters.get("min_severity")
    severity = payload.get("severity")
    known = {item.value for item in Severity}
    if minimum and severity in known and Severity(severity).rank < Severity(minimum).rank:
        return False
    targets = filters.get("targets")
    if targets and payload.get("target"):
        host = _host(payload["target"])
        wanted = {_host(item) for item in targets}
        if not any(host == item or host.endswith("." + item) for item in wanted):
            return False
    frameworks = filters.get("frameworks")
    named = payload.get("frameworks")
    if frameworks and named and catalogue is not None:
        by_display = {f.display_name: f.id for f in catalogue.frameworks.values()}
        ids = {catalogue.names.get(item) or by_display.get(item) for item in named}
        if not ids & {catalogue.names.get(item) for item in frameworks}:
            return False
    return True


def fan_out(catalogue: Catalogue | None, batch: int = FAN_OUT_BATCH) -> int:
    """Create the deliveries of undispatched events; returns how many were created."""
    events = list(
        OutboxEvent.select()
        .where(OutboxEvent.dispatched_at.is_null())
        .order_by(OutboxEvent.id)
        .limit(batch)
    )
    if not events:
        return 0
    orgs = {event.organization_id for event in events}
    hooks: dict[int, list[Webhook]] = {}
    for webhook in Webhook.select().where(
        (Webhook.organization.in_(list(orgs))) & (Webhook.active == True)  # noqa: E712
    ):
        hooks.setdefault(webhook.organization_id, []).append(webhook)
    rows: list[dict[str, Any]] = []
    now = utcnow()
    with database.atomic():  # one commit for the batch
        claimed = {
            row.id
            for row in OutboxEvent.update(dispatched_at=now)
            .where(
                OutboxEvent.id.in_([event.id for event in events])
                & OutboxEvent.dispatched_at.is_null()
            )
            .returning(OutboxEvent.id)
            .execute()
        }
        for event in events:
            if event.id not in claimed:  # another dispatcher took it
                continue
            for webhook in hooks.get(event.organization_id, []):
                if event.type == PING or not subscribed(webhook.events, event.type):
                    continue
                if not passes_filters(webhook.filters or {}, event.payload, catalogue):
                    continue
                rows.append(
                    {
                        "public_id": new_public_id("dlv"),
                        "organization": event.organization_id,
                        "webhook": webhook.id,
                        "event": event.id,
                        "event_type": event.type,
                        "next_attempt_at": now,
                        "created_at": now,
                        "history": [],
                    }
                )
        for start in range(0, len(rows), 100):
            WebhookDelivery.insert_many(rows[start : start + 100]).execute()
    return len(rows)


def claim(delivery: WebhookDelivery, lease_seconds: int) -> str | None:
    """Lease one due delivery; returns the lease token, or None if it is not claimable."""
    now = utcnow()
    token = secrets.token_hex(8)
    claimed = (
        WebhookDelivery.update(
            lease_token=token, locked_until=now + timedelta(seconds=lease_seconds)
        )
        .where(
            (WebhookDelivery.id == delivery.id)
            & (WebhookDelivery.status == "pending")
            & (WebhookDelivery.locked_until.is_null() | (WebhookDelivery.locked_until < now))
        )
        .execute()
    )
    return token if claimed else None


def send_now(
    delivery: WebhookDelivery, lease_seconds: int, enqueue: Callable[[list[str], str], Any]
) -> WebhookDelivery:
    """Claim ``delivery`` and hand it to a worker at once (the dispatcher would within a second
    anyway); the delivery as it is now."""
    token = claim(delivery, lease_seconds)
    if token:
        enqueue([delivery.public_id], token)
    return WebhookDelivery.get_by_id(delivery.id)


def claim_due(lease_seconds: int, batch: int = CLAIM_BATCH) -> tuple[str, dict[int, list[str]]]:
    """Lease every due delivery of an active webhook, in one statement with one token for the
    batch: ``(lease token, {webhook row id: [delivery ids]})``."""
    now = utcnow()
    due = [
        row.id
        for row in WebhookDelivery.select(WebhookDelivery.id)
        .join(Webhook)
        .where(
            (WebhookDelivery.status == "pending")
            & (WebhookDelivery.next_attempt_at <= now)
            & (WebhookDelivery.locked_until.is_null() | (WebhookDelivery.locked_until < now))
            & (Webhook.active == True)  # noqa: E712
        )
        .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
        .limit(batch)
    ]
    token = secrets.token_hex(8)
    if not due:
        return token, {}
    WebhookDelivery.update(
        lease_token=token, locked_until=now + timedelta(seconds=lease_seconds)
    ).where(
        (WebhookDelivery.id.in_(due))
        & (WebhookDelivery.status == "pending")
        & (WebhookDelivery.locked_until.is_null() | (WebhookDelivery.locked_until < now))
    ).execute()
    leased = WebhookDelivery.select(WebhookDelivery.public_id, WebhookDelivery.webhook).where(
        (WebhookDelivery.id.in_(due)) & (WebhookDelivery.lease_token == token)
    )
    by_webhook: dict[int, list[str]] = {}
    for row in leased.order_by(WebhookDelivery.id):
        by_webhook.setdefault(row.webhook_id, []).append(row.public_id)
    return token, by_webhook


def notify_expiring_evidence(catalogue: Catalogue | None) -> int:
    """``evidence.expiring`` once for each accepted file, link or note (what counts: not one
    awaiting review or rejected) whose ``effective_until`` (or, without one, its control's
    freshness window) ends within 14 days."""
    now = utcnow()
    written = 0
    candidates = Evidence.select().where(
        (Evidence.kind != "scan")
        & (Evidence.review_status == "accepted")
        & (Evidence.deleted_at.is_null())
        & (Evidence.expiry_notified_at.is_null())
    )
    for row in candidates:
        control = catalogue.controls.get(row.control_id) if catalogue else None
        if row.effective_until is not None:
            expires = row.effective_until
        elif control is not None:
            expires = row.collected_at + timedelta(days=control.freshness_days)
        else:
            continue
        if not (now <= expires <= now + EXPIRY_NOTICE):
            continue
        with database.atomic():
            updated = (
                Evidence.update(expiry_notified_at=now)
                .where((Evidence.id == row.id) & (Evidence.expiry_notified_at.is_null()))
                .execute()
            )
            if updated:
                record_event(
                    row.organization_id,
                    "evidence.expiring",
                    {
                        "evidence_id": row.public_id,
                        "control_id": row.control_id,
                        "control_name": control.name if control else row.control_id,
                        "title": row.title,
                        "expires_at": timestamp(expires),
                    },
                )
                written += 1
    return written


def purge_old(retention_days: int) -> tuple[int, int]:
    """Delete finished deliveries (delivered or failed) and dispatched events older than
    ``retention_days``; an event goes only once none of its deliveries is pending. Returns
    ``(deliveries, events)`` deleted."""
    cutoff = utcnow() - timedelta(days=retention_days)
    with database.atomic():
        deliveries = (
            WebhookDelivery.delete()
            .where(
                WebhookDelivery.status.in_(["delivered", "failed"])
                & (WebhookDelivery.created_at < cutoff)
            )
            .execute()
        )
        still_needed = WebhookDelivery.select(WebhookDelivery.event)
        events = (
            OutboxEvent.delete()
            .where(
                OutboxEvent.dispatched_at.is_null(False)
                & (OutboxEvent.created_at < cutoff)
                & OutboxEvent.id.not_in(still_needed)
            )
            .execute()
        )
    return deliveries, events


#: At most this many due deliveries of one webhook go in one job: a job attempts them in turn
#: over one kept-alive connection, and hands back those it has no time left for
#: (``delivery.attempt_budget``), so a slow receiver holds up only its own deliveries.
DELIVERIES_PER_JOB = 50


def dispatch_once(
    enqueue: Callable[[list[str], str], None],
    catalogue: Catalogue | None,
    lease_seconds: int,
    per_job: int = 1,
) -> tuple[int, int]:
    """One round: fan out new events, then enqueue every due delivery, up to ``per_job`` of
    one webhook in a job (one slow receiver then holds up only its own deliveries). Returns
    ``(deliveries created, deliveries enqueued)``."""
    created = fan_out(catalogue)
    token, by_webhook = claim_due(lease_seconds)
    enqueued = 0
    for deliveries in by_webhook.values():
        for start in range(0, len(deliveries), max(per_job, 1)):
            chunk = deliveries[start : start + max(per_job, 1)]
            enqueue(chunk, token)
            enqueued += len(chunk)
    return created, enqueued
