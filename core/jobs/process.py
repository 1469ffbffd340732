"""The appliance of a process that runs RQ jobs: the one place job functions find it.

RQ runs a job by importing its function by name (``cyberorigen.jobs.scans.run_scan_job``) and
calling it with the job's JSON arguments, so no object can be handed to it. Hence this holder:

- ``cyberorigen worker`` builds its appliance and :func:`adopt`\\ s it before its pool forks
  the worker processes. Each inherits it, plugins imported and catalogue built, and binds the
  database afresh (the parent's connections are never used in a child), once: a worker
  process keeps its binding from job to job, a work horse (``--fork``) binds its own;
- a job run in a process that adopted none (started by another RQ runner) builds the
  appliance from ``load_settings()`` on first use.

Jobs that run on threads of the API process (embedded mode) are handed their appliance by the
job queue and never come here.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from cyberorigen.db import bind_database, database, forget_connections

if TYPE_CHECKING:
    from cyberorigen.appliance import Appliance


class _JobProcess:
    """This process's appliance, and the process in which it bound the database."""

    def __init__(self) -> None:
        self._appliance: Appliance | None = None
        self._lock = threading.Lock()
        self._bound_in: int | None = None
        #: Bindings inherited from the parent process: kept referenced, never closed or
        #: collected. Their connections' sockets belong to the parent, and closing them here
        #: would end the parent's sessions. (A work horse and a worker process both end with
        #: os._exit, which runs no finalizer.)
        self._inherited: list = []

    def adopt(self, appliance: Appliance) -> None:
        with self._lock:
            self._appliance = appliance

    def appliance(self) -> Appliance:
        """The adopted appliance (built on first use if none was), its database bound once
        per process: a work horse forked for one job binds its own; a worker that runs jobs
        in its own process keeps its binding, and its connection pool, from job to job."""
        with self._lock:
            if self._appliance is None:
                # Imported here: the appliance imports the job modules, which import this one.
                from cyberorigen.appliance import build_appliance
                from cyberorigen.settings import load_settings

                self._appliance = build_appliance(load_settings())
            if self._bound_in != os.getpid():
                if database.obj is not None:
                    self._inherited.append(database.obj)
                bind_database(self._appliance.settings.database_url)
                self._bound_in = os.getpid()
            return self._appliance

    def release(self) -> None:
        """Close the connections of the binding this process made, if it made one (a worker
        process on its way out, so that the database sees its sessions end rather than its
        sockets drop). An inherited binding is never touched: its sessions are the parent's."""
        if not self._lock.acquire(timeout=1.0):  # a thread stuck holding it: leave them
            return
        try:
            if self._bound_in == os.getpid():
                forget_connections()
        finally:
            self._lock.release()


_this_process = _JobProcess()

#: ``adopt(appliance)``: RQ jobs run in this process (and its work horses) use ``appliance``.
adopt = _this_process.adopt
#: ``job_appliance()``: the appliance for an RQ job running in this process.
job_appliance = _this_process.appliance
#: ``release_database()``: close the connections this process opened (on its way out).
release_database = _this_process.release
