"""A background thread that finds the scans no job will finish (their worker died, Redis lost
their job) and re-queues, concludes or fails them."""

from __future__ import annotations

import logging
import threading

from cyberorigen.db import database
from cyberorigen.jobs.queue import JobQueue
from cyberorigen.services.scan_runner import reap_lost_scans

log = logging.getLogger("cyberorigen.jobs")


def start_reaper(silence: float, jobs: JobQueue, stop: threading.Event | None = None):
    """Check every ``silence / 3`` seconds (at least 1) until ``stop`` is set."""
    stop = stop or threading.Event()
    interval = max(silence / 3, 1.0)

    def loop() -> None:
        while not stop.wait(interval):
            try:
                reap_lost_scans(silence, jobs.enqueue_scan, jobs.has_scan_job)
            except Exception:  # noqa: BLE001 - keep watching; the next round may succeed
                log.exception("checking for lost scans failed")
            finally:
                if not database.is_closed():
                    database.close()

    thread = threading.Thread(target=loop, name="scan-reaper", daemon=True)
    thread.start()
    return stop
