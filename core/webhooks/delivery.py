"""One attempt of one delivery, on a worker, and what its outcome means.

- success (the transport returned): ``delivered``;
- :class:`EndpointGone` (HTTP 410): ``failed`` and the webhook is disabled;
- :class:`PermanentError` (other 4xx, a redirect, a refused address): ``failed``;
- :class:`TransientError` (5xx, 408, 429, timeouts, connection errors) or any other
  exception: retried after the next delay of ``webhooks.retry_delays`` (with +-20 % jitter,
  and at least the receiver's ``Retry-After``), until the attempts run out, then ``failed``.

A webhook whose deliveries fail ``webhooks.disable_after_failures`` times in a row is disabled
with a ``webhook.disabled`` event. Every attempt is kept in the delivery's ``history``.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from datetime import timedelta

from cyberorigen.db import database
from cyberorigen.db.models import Webhook, WebhookDelivery, utcnow
from cyberorigen.plugin_api.interfaces import (
    Delivery,
    DeliveryError,
    EndpointGone,
    PermanentError,
    TransientError,
)
from cyberorigen.plugin_registry import PluginRegistry
from cyberorigen.services.secret_box import SecretBox
from cyberorigen.settings import Settings
from cyberorigen.vocab import timestamp
from cyberorigen.webhooks.events import envelope
from cyberorigen.webhooks.policy import network_policy
from cyberorigen.webhooks.subscriptions import disable, signing_secrets

log = logging.getLogger("cyberorigen.webhooks")

MAX_RETRY_AFTER = 24 * 3600
EXCERPT_CHARS = 1024


@dataclass(frozen=True)
class Outcome:
    status: str  # delivered | retry | failed | gone
    status_code: int | None = None
    response: str = ""
    error: str | None = None
    retry_after: float | None = None


def next_delay(attempts: int, delays: tuple[int, ...], retry_after: float | None) -> float:
    """Seconds before the next attempt after ``attempts`` attempts."""
    delay = delays[min(attempts, len(delays)) - 1] * random.uniform(0.8, 1.2)
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return delay


def _send(delivery: Delivery, transport) -> Outcome:
    try:
        sent = transport.send(delivery)
    except EndpointGone as exc:
        return Outcome("gone", exc.status_code, exc.response, str(exc))
    except PermanentError as exc:
        return Outcome("failed", exc.status_code, exc.response, str(exc))
    except TransientError as exc:
        return Outcome("retry", exc.status_code, exc.response, str(exc), exc.retry_after)
    except DeliveryError as exc:
        return Outcome("retry", exc.status_code, exc.response, str(exc), exc.retry_after)
    except Exception as exc:  # noqa: BLE001 - a transport's bug is this attempt's error
        log.exception("transport %s raised", transport.name)
        return Outcome("retry", error=f"{type(exc).__name__}: {exc}")
    return Outcome(
        "delivered",
        getattr(sent, "status_code", None),
        getattr(sent, "response", "") or "",
    )


def attempt(
    delivery_id: str, token: str, registry: PluginRegistry, settings: Settings, box: SecretBox
) -> str | None:
    """Make the attempt the lease ``token`` was given for; returns the delivery's new status
    (None when the lease is no longer ours or the delivery is gone)."""
    row = WebhookDelivery.get_or_none(WebhookDelivery.public_id == delivery_id)
    if row is None or row.status != "pending" or row.lease_token != token:
        return None
    webhook = Webhook.get_by_id(row.webhook_id)
    if not webhook.active:
        _release(row, token)
        return "pending"
    transport = registry.transports.get(webhook.transport)
    started = time.monotonic()
    if transport is None:
        outcome = Outcome("retry", error=f"transport {webhook.transport!r} is not installed")
    else:
        delivery = Delivery(
            id=row.event.public_id,
            event_type=row.event.type,
            payload=envelope(row.event),
            config=webhook.config or {},
            url=webhook.url,
            secrets=signing_secrets(box, webhook),
            attempt=row.attempts + 1,
            network=network_policy(settings),
            appliance={"smtp": dict(settings.smtp)},
        )
        outcome = _send(delivery, transport)
    latency = int((time.monotonic() - started) * 1000)
    return _record(row, webhook, token, outcome, latency, settings)


def _release(row: WebhookDelivery, token: str) -> None:
    WebhookDelivery.update(lease_token=None, locked_until=None).where(
        (WebhookDelivery.id == row.id) & (WebhookDelivery.lease_token == token)
    ).execute()


def _record(
    row: WebhookDelivery,
    webhook: Webhook,
    token: str,
    outcome: Outcome,
    latency: int,
    settings: Settings,
) -> str | None:
    now = utcnow()
    attempts = row.attempts + 1
    delays = settings.webhooks.retry_delays
    status, next_at = outcome.status, None
    if status == "retry":
        if attempts <= len(delays):
            status = "pending"
            delay = next_delay(attempts, delays, outcome.retry_after)
            next_at = now + timedelta(seconds=delay)
        else:
            status = "failed"
    final = "failed" if status == "gone" else status
    entry = {
        "attempt": attempts,
        "at": timestamp(now),
        "status_code": outcome.status_code,
        "error": outcome.error,
        "latency_ms": latency,
    }
    with database.atomic():
        updated = (
            WebhookDelivery.update(
                status=final,
                attempts=attempts,
                next_attempt_at=next_at,
                lease_token=None,
                locked_until=None,
                last_attempt_at=now,
                last_status_code=outcome.status_code,
                last_error=outcome.error,
                response_excerpt=(outcome.response or "")[:EXCERPT_CHARS] or None,
                latency_ms=latency,
                delivered_at=now if final == "delivered" else None,
                history=[*row.history, entry],
            )
            .where((WebhookDelivery.id == row.id) & (WebhookDelivery.lease_token == token))
            .execute()
        )
        if not updated:  # the lease ran out and another worker took the delivery
            return None
        webhook = Webhook.get_by_id(webhook.id)
        if final == "delivered":
            if webhook.consecutive_failures:
                Webhook.update(consecutive_failures=0).where(Webhook.id == webhook.id).execute()
        elif status == "gone":
            if webhook.active:
                disable(webhook, "the receiver answered 410 Gone")
        elif final == "failed":
            failures = webhook.consecutive_failures + 1
            Webhook.update(consecutive_failures=failures).where(Webhook.id == webhook.id).execute()
            webhook.consecutive_failures = failures
            limit = settings.webhooks.disable_after_failures
            if failures >= limit and webhook.active:
                disable(
                    webhook, f"{failures} deliveries in a row failed; the last: {outcome.error}"
                )
    log.info(
        "delivery %s of %s to webhook %s: attempt %d %s (%s ms)",
        row.public_id,
        row.event_type,
        webhook.public_id,
        attempts,
        final,
        latency,
    )
    return final
