"""The delivery job, run by an RQ worker (production) or a thread of the API process
(embedded), and the dispatcher loop that enqueues it."""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from cyberorigen.db import database
from cyberorigen.jobs.process import job_appliance
from cyberorigen.jobs.rounds import background_round
from cyberorigen.webhooks.delivery import attempt_all
from cyberorigen.webhooks.dispatch import (
    DELIVERIES_PER_JOB,
    dispatch_once,
    notify_expiring_evidence,
    purge_old,
)

if TYPE_CHECKING:
    from cyberorigen.appliance import Appliance

log = logging.getLogger("cyberorigen.webhooks")

DISPATCH_TICK = 0.25
EXPIRY_CHECK_SECONDS = 600.0
ANNOUNCE_SECONDS = 10.0


def _deliver(appliance: Appliance, delivery_ids: list[str], token: str) -> list[str | None]:
    """Attempt each delivery in turn (deliveries of one webhook, leased together)."""
    return attempt_all(
        delivery_ids, token, appliance.registry, appliance.settings, appliance.secret_box
    )


def deliver_job(delivery_ids: list[str], token: str) -> list[str | None]:
    """RQ entry point."""
    appliance = job_appliance()
    try:
        return _deliver(appliance, delivery_ids, token)
    finally:
        if not database.is_closed():
            database.close()


def deliver_in_process(
    appliance: Appliance, delivery_ids: list[str], token: str
) -> list[str | None]:
    try:
        return _deliver(appliance, delivery_ids, token)
    finally:
        if not database.is_closed():
            database.close()


def dispatcher_loop(
    appliance: Appliance, stop: threading.Event, tick: float = DISPATCH_TICK
) -> None:
    """Fan out new events and enqueue due deliveries every ``tick`` seconds until ``stop``."""
    jobs, catalogue = appliance.jobs, appliance.catalogue
    webhooks = appliance.settings.webhooks
    lease = webhooks.lease_seconds
    per_job = DELIVERIES_PER_JOB
    last_expiry_check = last_announce = 0.0
    while not stop.wait(tick):
        with background_round():
            try:
                if time.monotonic() - last_announce > ANNOUNCE_SECONDS:
                    jobs.announce_dispatcher(ttl=int(ANNOUNCE_SECONDS * 3))
                    last_announce = time.monotonic()
                dispatch_once(jobs.enqueue_delivery, catalogue, lease, per_job)
                if time.monotonic() - last_expiry_check > EXPIRY_CHECK_SECONDS:
                    notify_expiring_evidence(catalogue)
                    purge_old(webhooks.retention_days)
                    last_expiry_check = time.monotonic()
            except Exception:  # noqa: BLE001 - keep dispatching; the next tick may succeed
                log.exception("dispatching webhook deliveries failed")
            finally:
                if not database.is_closed():
                    database.close()
