"""The delivery job, run by an RQ worker (production) or a thread of the API process
(embedded), and the dispatcher loop that enqueues it."""

from __future__ import annotations

import logging
import threading
import time

from cyberorigen.compliance.catalogue import catalogue_of
from cyberorigen.db import database
from cyberorigen.jobs import runtime
from cyberorigen.jobs.scans import bind_for_this_process
from cyberorigen.services.secret_box import SecretBox
from cyberorigen.webhooks.delivery import attempt
from cyberorigen.webhooks.dispatch import dispatch_once, notify_expiring_evidence, purge_old

log = logging.getLogger("cyberorigen.webhooks")

DISPATCH_TICK = 0.25
EXPIRY_CHECK_SECONDS = 600.0
ANNOUNCE_SECONDS = 10.0


def _deliver(delivery_id: str, token: str) -> str | None:
    current = runtime.current()
    return attempt(
        delivery_id,
        token,
        current.registry,
        current.settings,
        SecretBox(current.settings.secret_key),
    )


def deliver_job(delivery_id: str, token: str) -> str | None:
    """RQ entry point."""
    bind_for_this_process(runtime.current().settings.database_url)
    try:
        return _deliver(delivery_id, token)
    finally:
        if not database.is_closed():
            database.close()


def deliver_in_process(delivery_id: str, token: str) -> str | None:
    try:
        return _deliver(delivery_id, token)
    finally:
        if not database.is_closed():
            database.close()


def dispatcher_loop(jobs, stop: threading.Event, tick: float = DISPATCH_TICK) -> None:
    """Fan out new events and enqueue due deliveries every ``tick`` seconds until ``stop``."""
    current = runtime.current()
    lease = current.settings.webhooks.lease_seconds
    last_expiry_check = last_announce = 0.0
    while not stop.wait(tick):
        try:
            if time.monotonic() - last_announce > ANNOUNCE_SECONDS:
                jobs.announce_dispatcher(ttl=int(ANNOUNCE_SECONDS * 3))
                last_announce = time.monotonic()
            catalogue = catalogue_of(current.registry)
            dispatch_once(jobs.enqueue_delivery, catalogue, lease)
            if time.monotonic() - last_expiry_check > EXPIRY_CHECK_SECONDS:
                notify_expiring_evidence(catalogue)
                purge_old(current.settings.webhooks.retention_days)
                last_expiry_check = time.monotonic()
        except Exception:  # noqa: BLE001 - keep dispatching; the next tick may succeed
            log.exception("dispatching webhook deliveries failed")
        finally:
            if not database.is_closed():
                database.close()


def start_dispatcher(jobs, tick: float = DISPATCH_TICK) -> threading.Event:
    stop = threading.Event()
    threading.Thread(
        target=dispatcher_loop, args=(jobs, stop, tick), name="webhook-dispatcher", daemon=True
    ).start()
    return stop
