"""The scheduler loop: starts the scans of due schedules (see services/schedules.py)."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from cyberorigen.db import database
from cyberorigen.jobs.rounds import background_round
from cyberorigen.services.schedules import run_due_schedules

if TYPE_CHECKING:
    from cyberorigen.appliance import Appliance

log = logging.getLogger("cyberorigen.schedules")

TICK_SECONDS = 5.0


def scheduler_loop(appliance: Appliance, stop: threading.Event, tick: float = TICK_SECONDS) -> None:
    """Start the scans of due schedules every ``tick`` seconds until ``stop``."""
    enqueue, rules = appliance.jobs.enqueue_scan, appliance.scan_rules
    while not stop.wait(tick):
        with background_round():
            try:
                started = run_due_schedules(enqueue, rules=rules)
                if started:
                    log.info("started scheduled scans: %s", ", ".join(started))
            except Exception:  # noqa: BLE001 - keep scheduling; the next tick may succeed
                log.exception("starting scheduled scans failed")
            finally:
                if not database.is_closed():
                    database.close()
