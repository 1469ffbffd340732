"""Where export jobs run: a small pool of threads of the API process that made them.

An export writes its file into this appliance's instance folder, where the API serves it
from, so it runs beside the API rather than on a worker (which may be another machine).
``exports.jobs`` (2) run at once; more wait their turn, queued. A job that was running when
the process stopped is failed the next time exports are read (``settle``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from cyberorigen.db import database
from cyberorigen.services.export_jobs import ExportStore, Producer, run_export

log = logging.getLogger("cyberorigen.export_jobs")


class ExportRunner:
    def __init__(
        self,
        store: ExportStore,
        producers: Callable[[], Mapping[str, Producer]],
        keep: timedelta,
        workers: int = 2,
    ) -> None:
        self.store = store
        self._producers = producers
        self._keep = keep
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="export")

    def submit(self, job_id: str):
        return self._pool.submit(self._run, job_id)

    def _run(self, job_id: str) -> str:
        try:
            return run_export(job_id, self._producers(), self.store, self._keep)
        except Exception:  # noqa: BLE001 - the job stays running and is failed when read
            log.exception("export %s could not be run", job_id)
            return "failed"
        finally:
            if not database.is_closed():
                database.close()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
