"""The RQ worker class of ``cyberorigen worker``."""

from __future__ import annotations

import os
import socket

from rq import Worker
from rq.worker import WorkerStatus

from cyberorigen.services.scan_parts import name_runner


class ApplianceWorker(Worker):
    """Forks a work horse for each scan job (RQ's model: whatever a scanner leaves behind ends
    with its job) but runs jobs of ``inline_queues`` (webhook deliveries: short, bounded by
    their own timeouts, touching no plugin code but a transport) in the worker process itself,
    keeping its database connection and saving a fork per delivery."""

    inline_queues: frozenset[str] = frozenset()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The parts of shared scans it runs say so: host:pid of this worker (each job runs in
        # a work horse forked from it).
        name_runner(f"{socket.gethostname()}:{os.getpid()}")

    def execute_job(self, job, queue):
        if queue.name not in self.inline_queues:
            return super().execute_job(job, queue)
        execution = self.prepare_execution(job)
        self.perform_job(job, queue, execution)
        self.set_state(WorkerStatus.IDLE)
        return None


def appliance_worker_class(inline_queues: frozenset[str]) -> type[ApplianceWorker]:
    """The worker class that runs ``inline_queues`` in its own process. A class, not an
    instance: RQ's :class:`~rq.worker_pool.WorkerPool` (``cyberorigen worker --jobs N``)
    makes one in each process it forks (each inherits the appliance built before)."""
    return type("ApplianceWorker", (ApplianceWorker,), {"inline_queues": inline_queues})
