"""The attempts of a delivery job, on a worker, and what each outcome means.

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
from cyberorigen.db.models import OutboxEvent, Webhook, WebhookDelivery, utcnow
from cyberorigen.plugin_api.interfaces import (
    Delivery,
    DeliveryError,
    EndpointGone,
    PermanentError,
    TransientError,
)
from cyberorigen.plugin_registry import PluginRegistry
from cyberorigen.services.secret_box import SecretBox
from cyberorigen.settings import Settings, WebhookSettings
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


#: A job re-reads its webhook when its copy is older than this (a webhook disabled or edited
#: meanwhile is seen before the next attempt to a slow receiver).
WEBHOOK_FRESH_SECONDS = 1.0


def attempt_budget(webhooks: WebhookSettings) -> float:
    """Seconds a job may go on starting attempts and still end every one within its lease:
    the lease less twice the worst case of one attempt (its connect and read timeouts)."""
    worst = webhooks.connect_timeout + webhooks.read_timeout
    return max(0.0, webhooks.lease_seconds - 2 * worst)


class _WebhookCopy:
    """A job's copy of its webhook, with its signing secrets opened once."""

    def __init__(self, webhook_id: int, box: SecretBox) -> None:
        #: None once the webhook is deleted (its deliveries went with it).
        self.webhook = Webhook.get_or_none(Webhook.id == webhook_id)
        self.secrets = signing_secrets(box, self.webhook) if self.webhook else ()
        self.read_at = time.monotonic()


def attempt_all(
    delivery_ids: list[str],
    token: str,
    registry: PluginRegistry,
    settings: Settings,
    box: SecretBox,
) -> list[str | None]:
    """Make, in turn, the attempts the lease ``token`` was given for (deliveries of one
    webhook); each one's new status (None when the lease is no longer ours or the delivery is
    gone). The deliveries and their events are read in one query and the webhook once a
    second; attempts stop starting once :func:`attempt_budget` has passed, and the rest are
    handed back (their lease released: the dispatcher's next round leases them again)."""
    rows = {
        row.public_id: row
        for row in WebhookDelivery.select(WebhookDelivery, OutboxEvent)
        .join(OutboxEvent)
        .where(WebhookDelivery.public_id.in_(list(delivery_ids)))
    }
    started = time.monotonic()
    budget = attempt_budget(settings.webhooks)
    policy = network_policy(settings)
    copy: _WebhookCopy | None = None
    results: list[str | None] = []
    outcomes = _Outcomes(results, token, settings)
    try:
        for delivery_id in delivery_ids:
            row = rows.get(delivery_id)
            if row is None or row.status != "pending" or row.lease_token != token:
                results.append(None)
                continue
            if results and time.monotonic() - started > budget:
                _release(row, token)
                results.append("pending")
                continue
            stale = copy is None or time.monotonic() - copy.read_at > WEBHOOK_FRESH_SECONDS
            if stale or copy.webhook is None or copy.webhook.id != row.webhook_id:
                copy = _WebhookCopy(row.webhook_id, box)
            if copy.webhook is None:
                results.append(None)
                continue
            if not copy.webhook.active:
                _release(row, token)
                results.append("pending")
                continue
            outcomes.record(only_if_due=True)  # none waits through another slow send
            sent_at = time.monotonic()
            outcome, latency = _attempt(row, copy, registry, settings, policy)
            results.append(None)  # its status once its outcome is recorded
            outcomes.add(len(results) - 1, row, copy.webhook, outcome, latency, sent_at)
            if outcome.status != "delivered":
                copy = None  # a failure may have disabled it: read it again
    finally:
        outcomes.record()
    return results


#: A job records the outcomes of its delivered attempts together: after this many, or before
#: its next send once the first of them began this long ago (sends are slow: then each is
#: recorded before the next send); a failure is recorded at once, with those before it. A
#: crash loses at most those: their deliveries are sent again (same ``webhook-id``) once
#: their lease is over.
RECORDED_TOGETHER = 10
RECORD_WITHIN_SECONDS = 0.2


class _Outcomes:
    """The outcomes of a job's attempts, recorded in one transaction a few at a time."""

    def __init__(self, results: list[str | None], token: str, settings: Settings) -> None:
        self._results, self._token, self._settings = results, token, settings
        self._waiting: list[tuple] = []
        self._since = 0.0

    def add(self, index, row, webhook: Webhook, outcome: Outcome, latency: int, sent_at) -> None:
        """The outcome of an attempt that began at ``sent_at`` (``time.monotonic()``)."""
        if not self._waiting:
            self._since = sent_at
        self._waiting.append((index, row, webhook, outcome, latency))
        if outcome.status != "delivered" or len(self._waiting) >= RECORDED_TOGETHER:
            self.record()

    def record(self, only_if_due: bool = False) -> None:
        """Record the waiting outcomes (``only_if_due``: if the first one's attempt began
        long enough ago, so that sends are slow)."""
        if not self._waiting:
            return
        if only_if_due and time.monotonic() - self._since < RECORD_WITHIN_SECONDS:
            return
        with database.atomic():
            for index, row, webhook, outcome, latency in self._waiting:
                self._results[index] = _record(
                    row, webhook, self._token, outcome, latency, self._settings
                )
        self._waiting = []


def _attempt(row, copy: _WebhookCopy, registry, settings, policy) -> tuple[Outcome, int]:
    """Send ``row``'s event to its active webhook: (outcome, latency in ms)."""
    webhook = copy.webhook
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
            secrets=copy.secrets,
            attempt=row.attempts + 1,
            network=policy,
            appliance={"smtp": dict(settings.smtp)},
        )
        outcome = _send(delivery, transport)
    return outcome, int((time.monotonic() - started) * 1000)


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
    """Record one attempt's outcome, in the caller's transaction; the delivery's new status
    (None when the lease is no longer ours)."""
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
    if final == "delivered":  # a success ends a run of failures (no write when none)
        Webhook.update(consecutive_failures=0).where(
            (Webhook.id == webhook.id) & (Webhook.consecutive_failures != 0)
        ).execute()
        return _logged(row, webhook, attempts, final, latency)
    webhook = Webhook.get_by_id(webhook.id)
    if status == "gone":
        if webhook.active:
            disable(webhook, "the receiver answered 410 Gone")
    elif final == "failed":
        failures = webhook.consecutive_failures + 1
        Webhook.update(consecutive_failures=failures).where(Webhook.id == webhook.id).execute()
        webhook.consecutive_failures = failures
        limit = settings.webhooks.disable_after_failures
        if failures >= limit and webhook.active:
            disable(webhook, f"{failures} deliveries in a row failed; the last: {outcome.error}")
    return _logged(row, webhook, attempts, final, latency)


def _logged(row: WebhookDelivery, webhook: Webhook, attempts: int, final: str, latency: int):
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
