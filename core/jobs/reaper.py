"""The reaper loop: finds the scans and scan parts no job will finish (their worker died,
Redis lost their job) and re-queues, concludes or fails them."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from cyberorigen.db import database
from cyberorigen.jobs.rounds import background_round
from cyberorigen.services.scan_parts import reap_lost_parts
from cyberorigen.services.scan_runner import reap_lost_scans

if TYPE_CHECKING:
    from cyberorigen.appliance import Appliance

log = logging.getLogger("cyberorigen.jobs")


def reaper_loop(appliance: Appliance, stop: threading.Event) -> None:
    """Check every ``heartbeat_timeout / 3`` seconds (at least 1) until ``stop``."""
    silence, jobs = appliance.settings.heartbeat_timeout, appliance.jobs
    interval = max(silence / 3, 1.0)
    while not stop.wait(interval):
        with background_round():
            try:
                reap_lost_scans(silence, jobs.requeue_scan, jobs.has_scan_job)
                reap_lost_parts(silence, jobs.enqueue_part)
            except Exception:  # noqa: BLE001 - keep watching; the next round may succeed
                log.exception("checking for lost scans failed")
            finally:
                if not database.is_closed():
                    database.close()
