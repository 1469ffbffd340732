"""The RQ workers of ``cyberorigen worker``, the pool that runs them, and when they retire.

``cyberorigen worker`` is always a :class:`WorkerPool` of N worker processes forked from the
master, which keeps the background loops (the reaper, and the scheduler and dispatcher). By
default a worker process runs its jobs itself, keeping its database binding from job to job;
with ``--fork`` it forks a work horse for each scan job instead (RQ's model).

Running scans in a long-lived process gives up the horse's clean slate, so a worker process
retires, and the pool forks a fresh one, once a job left a thread running (a scanner that
ignored its deadline: scanner threads are daemon threads, abandoned, not stopped) or once it
has run ``max_jobs`` jobs (whatever else jobs leak, memory or file descriptors, lasts that
long at most).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import socket
import sys
import threading
import time
from typing import NoReturn

from rq import SimpleWorker, Worker
from rq.worker import WorkerStatus
from rq.worker_pool import WorkerData, WorkerPool

from cyberorigen.jobs.process import release_database
from cyberorigen.services.scan_parts import name_runner

log = logging.getLogger("cyberorigen.jobs.worker")

#: Jobs a worker process runs before it makes way for a fresh one (``--max-jobs``).
DEFAULT_MAX_JOBS = 500
#: Seconds a thread a job started may take to end once the job returned: one that is just
#: returning (a scanner that handed over its last finding) is not a thread left behind.
THREAD_GRACE_SECONDS = 1.0
#: Exit status of a worker process that retired (the pool replaces it, even in burst mode).
RETIRED = 3
#: Longest wait for a job in one Redis call (RQ's default is 405 s): see ``dequeue_timeout``.
DEQUEUE_SECONDS = 5


class _RetiringWorker:
    """What both worker models share: the runner name of shared scans, the decision to retire
    after each job, and the way out of the process."""

    inline_queues: frozenset[str] = frozenset()
    #: None: never retire for the number of jobs.
    max_jobs: int | None = DEFAULT_MAX_JOBS

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Made in the pool's child, never in its master: the parts of shared scans this
        # process runs (itself, or in the horses it forks) are named after it.
        name_runner(f"{socket.gethostname()}:{os.getpid()}")
        self.jobs_run = 0
        self.retired_because: str | None = None

    @property
    def dequeue_timeout(self) -> int:
        """A stop signal that the kernel hands to another thread of the process (RQ's pubsub
        thread, a scanner's) does not interrupt the main thread's wait for a job, and Python
        runs its handler only once that wait returns: with RQ's 405 s, an idle worker told to
        stop waited minutes for it. Waiting at most a few seconds at a time bounds that."""
        return DEQUEUE_SECONDS

    def work(self, *args, **kwargs) -> bool:
        # The pool asks for RQ's scheduler (jobs enqueued to run later): the appliance enqueues
        # none, and it would be one more process per worker to fork and to reap.
        kwargs["with_scheduler"] = False
        if multiprocessing.parent_process() is None:  # not run by the pool
            return super().work(*args, **kwargs)
        status = os.EX_OK
        try:
            super().work(*args, **kwargs)
        except SystemExit as exc:  # RQ's cold shutdown
            status = exc.code if isinstance(exc.code, int) else os.EX_OK
        except BaseException:
            log.exception("worker process %d failed", os.getpid())
            status = 1
        _end_process(RETIRED if self.retired_because else status)

    def execute_job(self, job, queue) -> None:
        # RQ 3 leaves the state idle while a job runs, and a stop signal (SIGTERM, or the
        # pool's SIGINT) to an idle worker raises StopRequested wherever the main thread is:
        # inside the job, whose own error handling may take it for the job's failure. Busy,
        # the signal asks the worker to stop once this job is done (a warm shutdown).
        self.set_state(WorkerStatus.BUSY)
        before = set(threading.enumerate())
        try:
            self._run_job(job, queue)
        finally:
            self.jobs_run += 1
            reason = self._reason_to_retire(before)
            if reason:
                self._retire(job, reason)

    def _run_job(self, job, queue) -> None:
        super().execute_job(job, queue)

    def _reason_to_retire(self, before: set[threading.Thread]) -> str | None:
        left = _threads_left_behind(before, ignore=getattr(self, "pubsub_thread", None))
        if left:
            names = ", ".join(sorted(thread.name for thread in left))
            return f"its last job left {len(left)} thread(s) running ({names})"
        if self.max_jobs is not None and self.jobs_run >= self.max_jobs:
            return f"it has run {self.jobs_run} jobs (--max-jobs)"
        return None

    def _retire(self, job, reason: str) -> None:
        """Take no other job: RQ's loop ends before its next dequeue, as on a warm shutdown."""
        self.retired_because = reason
        self._stop_requested = True
        log.info(
            "worker process %d retires after job %s: %s; the pool starts a fresh one",
            os.getpid(),
            job.id,
            reason,
        )


class InProcessWorker(_RetiringWorker, SimpleWorker):
    """Runs every job in the worker process itself (the default): no fork and no new
    database connection per scan. SimpleWorker's heartbeat outlasts the job's timeout, as
    nothing beats for the worker while a job runs."""


class ForkingWorker(_RetiringWorker, Worker):
    """Forks a work horse for each scan job (``--fork``: whatever a scanner leaves behind
    ends with its job) but runs jobs of ``inline_queues`` (webhook deliveries: short, bounded
    by their own timeouts, touching no plugin code but a transport) in the worker process,
    keeping its database connection and saving a fork per delivery."""

    def _run_job(self, job, queue) -> None:
        if queue.name not in self.inline_queues:
            super()._run_job(job, queue)
            return
        execution = self.prepare_execution(job)
        self.perform_job(job, queue, execution)
        self.set_state(WorkerStatus.IDLE)


def appliance_worker_class(
    inline_queues: frozenset[str], *, fork: bool = False, max_jobs: int | None = DEFAULT_MAX_JOBS
) -> type[_RetiringWorker]:
    """The worker class of ``cyberorigen worker``. A class, not an instance: the pool makes
    one in each process it forks (each inherits the appliance built before)."""
    base = ForkingWorker if fork else InProcessWorker
    return type(base.__name__, (base,), {"inline_queues": inline_queues, "max_jobs": max_jobs})


class AppliancePool(WorkerPool):
    """RQ's pool, which respawns a worker process that exited unless in burst mode; here a
    retired one is replaced in burst mode too, or a burst would end with jobs still queued."""

    def handle_dead_worker(self, worker_data: WorkerData) -> None:
        super().handle_dead_worker(worker_data)
        retired = worker_data.process.exitcode == RETIRED
        if retired and self._burst and self.status != self.Status.STOPPED:
            self.start_worker(burst=True)


def _threads_left_behind(
    before: set[threading.Thread], ignore: threading.Thread | None
) -> list[threading.Thread]:
    """The threads alive now that were not before the job, once each had a short grace."""
    deadline = time.monotonic() + THREAD_GRACE_SECONDS
    left = []
    for thread in threading.enumerate():
        if thread in before or thread is ignore:
            continue
        thread.join(max(0.0, deadline - time.monotonic()))  # bounded: never waits it out
        if thread.is_alive():
            left.append(thread)
    return left


def _end_process(status: int) -> NoReturn:
    """End this worker process now. Returning to multiprocessing would run
    ``threading._shutdown``, which joins every non-daemon thread still alive (and every
    ThreadPoolExecutor's): a plugin's thread stuck there would keep the process, and its
    place in the pool, forever. Daemon threads die with the process either way."""
    with contextlib.suppress(Exception):
        release_database()
    with contextlib.suppress(Exception):
        logging.shutdown()  # flushes the handlers
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)
