"""The background loops a process runs beside its main work, each a role:

- ``reaper``: re-queues, concludes or fails the scans no job will finish;
- ``scheduler``: starts the scans of due schedules;
- ``dispatcher``: fans out events to webhooks and enqueues their deliveries.

Whichever loops run, their rounds also purge audit records past ``audit.keep_days`` (once
an hour, a chore of ``rounds.py``).

``cyberorigen worker`` runs the reaper (and the other two with ``--with-scheduler``),
``cyberorigen scheduler`` the scheduler and the dispatcher, and ``cyberorigen serve`` in
embedded mode all three. Each loop runs on a daemon thread with the process's appliance.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cyberorigen.jobs.reaper import reaper_loop
from cyberorigen.jobs.rounds import add_chore, remove_chore
from cyberorigen.jobs.scheduler import scheduler_loop
from cyberorigen.jobs.webhooks import dispatcher_loop
from cyberorigen.services import audit

if TYPE_CHECKING:
    from cyberorigen.appliance import Appliance

#: Role -> (its loop, given the appliance and a stop event; its thread's name).
_LOOPS: dict[str, tuple[Callable[..., None], str]] = {
    "reaper": (reaper_loop, "scan-reaper"),
    "scheduler": (scheduler_loop, "scheduler"),
    "dispatcher": (dispatcher_loop, "webhook-dispatcher"),
}
ROLES = tuple(_LOOPS)

#: How often a process with background loops purges audit records past ``audit.keep_days``.
AUDIT_PURGE_SECONDS = 3600.0
_AUDIT_PURGE = "audit-retention"


@dataclass(frozen=True)
class Running:
    """A started loop: set ``stop`` and it ends after its current round."""

    thread: threading.Thread
    stop: threading.Event


def start_background(appliance: Appliance, roles: Iterable[str]) -> None:
    """Start the loops of ``roles`` with ``appliance`` (a role already running is left as it
    is). They are kept in ``appliance.background``."""
    roles = list(roles)
    unknown = [role for role in roles if role not in _LOOPS]
    if unknown:
        raise ValueError(f"unknown background role {unknown[0]!r} (one of {', '.join(ROLES)})")
    for role in roles:
        loop, thread_name = _LOOPS[role]
        if role in appliance.background:
            continue
        stop = threading.Event()
        thread = threading.Thread(
            target=loop, args=(appliance, stop), name=thread_name, daemon=True
        )
        thread.start()
        appliance.background[role] = Running(thread, stop)
    if appliance.background:
        keep_days = appliance.settings.audit_keep_days
        add_chore(_AUDIT_PURGE, AUDIT_PURGE_SECONDS, lambda: purge_audit(keep_days))


def purge_audit(keep_days: int) -> int:
    """Remove the audit records older than ``keep_days`` (as the system)."""
    with audit.acting_as(audit.SYSTEM):
        return audit.purge_older_than(keep_days)


def stop_background(appliance: Appliance, timeout: float = 30.0) -> None:
    """Stop every loop of ``appliance`` and wait (up to ``timeout`` seconds in all) for the
    rounds in progress to end."""
    running = list(appliance.background.values())
    appliance.background.clear()
    if running:
        remove_chore(_AUDIT_PURGE)
    for item in running:
        item.stop.set()
    for item in running:
        item.thread.join(timeout)
