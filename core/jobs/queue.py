"""Where scan jobs go: RQ on Redis in production, a thread pool in embedded mode.

Both run the same job function. The scan row is written and committed before the job is
enqueued, and the job takes the scan's id, never an object.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

import redis
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from rq.serializers import JSONSerializer

from cyberorigen.db.models import Scan, ScanPart
from cyberorigen.settings import Settings

log = logging.getLogger("cyberorigen.jobs")

SCAN_JOB = "cyberorigen.jobs.scans.run_scan_job"
SCAN_PART_JOB = "cyberorigen.jobs.scans.run_scan_part_job"
DELIVERY_JOB = "cyberorigen.jobs.webhooks.deliver_job"


def dispatcher_key(webhook_queue: str, who: str = "*") -> str:
    """The Redis key a running dispatcher refreshes (``who`` = host:pid, or a pattern)."""
    return f"{webhook_queue}:dispatcher:{who}"


def scan_job_id(scan: Scan) -> str:
    return f"scan-{scan.public_id}"


#: The states of an RQ job that will still run (or is running).
LIVE_JOB_STATES = frozenset(
    {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED}
)


class JobQueue(Protocol):
    def enqueue_scan(self, scan: Scan) -> None: ...

    def has_scan_job(self, scan: Scan) -> bool:
        """Whether a job that will run ``scan`` is queued or running (the reaper re-enqueues a
        queued scan that has none: Redis lost it, or its worker dropped it)."""
        ...

    def requeue_scan(self, scan: Scan) -> None:
        """Enqueue ``scan`` again (the reaper): like ``enqueue_scan``, clearing what is left of
        the job of its earlier attempt."""
        ...

    def enqueue_part(self, scan: Scan, part: ScanPart) -> None:
        """Enqueue a job that runs the queued parts of ``scan`` (``part`` names it; a part
        job takes whichever part is queued)."""

    def enqueue_delivery(self, delivery_ids: list[str], token: str) -> None: ...

    def announce_dispatcher(self, ttl: int) -> None: ...

    def cancel_scan(self, scan: Scan) -> None: ...

    def shutdown(self) -> None: ...


class RedisJobQueue:
    def __init__(
        self,
        connection: redis.Redis,
        name: str,
        job_timeout: int,
        webhook_queue: str = "cyberorigen-webhooks",
        delivery_timeout: int = 120,
    ) -> None:
        self._queue = Queue(name, connection=connection, serializer=JSONSerializer)
        self._webhooks = Queue(webhook_queue, connection=connection, serializer=JSONSerializer)
        self._job_timeout = job_timeout
        self._delivery_timeout = delivery_timeout

    def announce_dispatcher(self, ttl: int) -> None:
        """Say "a dispatcher runs here" for ``ttl`` seconds (``cyberorigen doctor`` looks)."""
        self._webhooks.connection.set(
            dispatcher_key(self._webhooks.name, f"{socket.gethostname()}:{os.getpid()}"),
            time.time(),
            ex=ttl,
        )

    def enqueue_delivery(self, delivery_ids: list[str], token: str) -> None:
        self._webhooks.enqueue(
            DELIVERY_JOB,
            list(delivery_ids),
            token,
            job_id=f"delivery-{delivery_ids[0]}-{token}",
            job_timeout=self._delivery_timeout * len(delivery_ids),
            result_ttl=600,
            failure_ttl=24 * 3600,
        )

    def has_scan_job(self, scan: Scan) -> bool:
        job = self._scan_job(scan)
        return job is not None and job.get_status(refresh=False) in LIVE_JOB_STATES

    def _scan_job(self, scan: Scan) -> Job | None:
        try:
            return Job.fetch(
                scan_job_id(scan), connection=self._queue.connection, serializer=JSONSerializer
            )
        except NoSuchJobError:
            return None

    def requeue_scan(self, scan: Scan) -> None:
        """Enqueue the job of a scan that had one: a finished or failed job of its earlier
        attempt (same id) is deleted first, with its place in RQ's registries."""
        earlier = self._scan_job(scan)
        if earlier is not None and earlier.get_status(refresh=False) not in LIVE_JOB_STATES:
            earlier.delete()
        self.enqueue_scan(scan)

    def enqueue_scan(self, scan: Scan) -> None:
        self._queue.enqueue(
            SCAN_JOB,
            scan.public_id,
            job_id=scan_job_id(scan),
            job_timeout=self._job_timeout,
            result_ttl=3600,
            failure_ttl=7 * 24 * 3600,
        )

    def enqueue_part(self, scan: Scan, part: ScanPart) -> None:
        self._queue.enqueue(
            SCAN_PART_JOB,
            scan.public_id,
            job_id=f"{scan_job_id(scan)}-part-{part.index}-{secrets.token_hex(4)}",
            job_timeout=self._job_timeout,
            result_ttl=600,
            failure_ttl=7 * 24 * 3600,
        )

    def cancel_scan(self, scan: Scan) -> None:
        """Take a queued scan's job off the queue (a running one stops by itself)."""
        self._queue.remove(scan_job_id(scan))

    def shutdown(self) -> None:
        """Nothing runs here: workers are other processes."""


class EmbeddedJobQueue:
    """Runs jobs on threads of this process (no Redis, no worker processes): ``run_scan``
    takes a scan's public id, ``deliver`` a list of delivery ids and their lease token."""

    def __init__(
        self,
        run_scan: Callable[[str], object],
        deliver: Callable[[list[str], str], object],
        workers: int = 2,
        delivery_workers: int = 4,
    ) -> None:
        self._run_scan = run_scan
        self._deliver = deliver
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="scan")
        #: Scans submitted to the pool and not yet ended, by public id.
        self._live: dict[str, Future] = {}
        self._live_lock = threading.Lock()
        self._deliveries = ThreadPoolExecutor(
            max_workers=delivery_workers, thread_name_prefix="delivery"
        )

    def enqueue_scan(self, scan: Scan) -> None:
        scan_id = scan.public_id
        with self._live_lock:
            future = self._pool.submit(self._run_scan, scan_id)
            self._live[scan_id] = future
        future.add_done_callback(lambda done: self._ended(scan_id, done))

    def _ended(self, scan_id: str, future) -> None:
        with self._live_lock:
            if self._live.get(scan_id) is future:
                del self._live[scan_id]
        _log_failure(future)

    def has_scan_job(self, scan: Scan) -> bool:
        with self._live_lock:
            return scan.public_id in self._live

    def requeue_scan(self, scan: Scan) -> None:
        """Nothing is left of an earlier attempt's job here: enqueue it."""
        self.enqueue_scan(scan)

    def wait_for_scan(self, scan_id: str, timeout: float | None = None) -> bool:
        """Wait until the job of the scan with public id ``scan_id`` has ended (True), or
        ``timeout`` seconds have passed (False). True at once when no job of it runs."""
        with self._live_lock:
            future = self._live.get(scan_id)
        if future is None:
            return True
        try:
            future.exception(timeout=timeout)
        except TimeoutError:
            return False
        return True

    def announce_dispatcher(self, ttl: int) -> None:
        """Nothing to announce: the dispatcher runs in this process."""

    def enqueue_delivery(self, delivery_ids: list[str], token: str) -> None:
        future = self._deliveries.submit(self._deliver, list(delivery_ids), token)
        future.add_done_callback(_log_failure)

    def enqueue_part(self, scan: Scan, part: ScanPart) -> None:
        """Never asked: in embedded mode a scan runs in one job."""

    def cancel_scan(self, scan: Scan) -> None:
        """Nothing to remove: the runner sees the cancellation in the database."""

    def shutdown(self) -> None:
        """Wait for the scans and deliveries running on this process's threads to end."""
        self._pool.shutdown(wait=True)
        self._deliveries.shutdown(wait=True)


def _log_failure(future) -> None:
    error = future.exception()
    if error is not None:
        log.error("embedded scan job failed: %s", error, exc_info=error)


def job_queue_for(
    settings: Settings,
    connection: redis.Redis | None,
    run_scan: Callable[[str], object],
    deliver: Callable[[list[str], str], object],
) -> JobQueue:
    """RQ on ``connection`` when Redis is configured, else this process's thread pool, which
    runs ``run_scan`` and ``deliver`` (see :class:`EmbeddedJobQueue`).

    A job may run as long as every scanner of a profile at its timeout (generously)."""
    if connection is None:
        return EmbeddedJobQueue(run_scan, deliver)
    return RedisJobQueue(
        connection,
        settings.scan_queue,
        settings.scanner_timeout * 8,
        settings.webhooks.queue,
        settings.webhooks.connect_timeout + settings.webhooks.read_timeout + 60,
    )
