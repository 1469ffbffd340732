"""The scheduler loop: starts the scans of due schedules (see services/schedules.py)."""

from __future__ import annotations

import logging
import threading

from cyberorigen.db import database
from cyberorigen.jobs import runtime
from cyberorigen.jobs.queue import JobQueue
from cyberorigen.services.schedules import run_due_schedules

log = logging.getLogger("cyberorigen.schedules")

TICK_SECONDS = 5.0


def scheduler_loop(jobs: JobQueue, stop: threading.Event, tick: float = TICK_SECONDS) -> None:
    policy = runtime.current().settings.scope
    while not stop.wait(tick):
        try:
            started = run_due_schedules(jobs.enqueue_scan, policy=policy)
            if started:
                log.info("started scheduled scans: %s", ", ".join(started))
        except Exception:  # noqa: BLE001 - keep scheduling; the next tick may succeed
            log.exception("starting scheduled scans failed")
        finally:
            if not database.is_closed():
                database.close()


def start_scheduler(jobs: JobQueue, tick: float = TICK_SECONDS) -> threading.Event:
    stop = threading.Event()
    threading.Thread(
        target=scheduler_loop, args=(jobs, stop, tick), name="scheduler", daemon=True
    ).start()
    return stop
