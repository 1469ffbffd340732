"""Background rounds and forks, and the chores that ride on rounds.

``cyberorigen worker`` forks a work horse for each scan job while its background loops (the
reaper, with ``--with-scheduler`` the scheduler and the dispatcher) run on threads. A fork
made while such a thread is inside SQLite, a logging handler or the Redis client gives the
child a lock that no thread of the child will ever release: the work horse hangs before its
scan starts. So every background round runs inside :func:`background_round`, and a fork of
this process waits for the round in progress to end (``os.register_at_fork``); rounds last
milliseconds. Background rounds never fork themselves.

A chore (:func:`add_chore`: the audit log's retention purge) is housekeeping that needs no
loop of its own: at the end of whichever round of this process comes first once it is due,
it runs, under the same lock, at most once per its interval.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from cyberorigen.db import database

log = logging.getLogger("cyberorigen.jobs")

_ROUND = threading.Lock()

os.register_at_fork(
    before=_ROUND.acquire, after_in_parent=_ROUND.release, after_in_child=_ROUND.release
)


@dataclass
class _Chore:
    every: float
    run: Callable[[], object]
    due: float


_chores: dict[str, _Chore] = {}


def add_chore(name: str, every: float, run: Callable[[], object], first_in: float = 0.0) -> None:
    """Run ``run()`` after a background round at most once every ``every`` seconds (the
    first time ``first_in`` seconds from now); one chore per ``name``, the last given."""
    _chores[name] = _Chore(every, run, time.monotonic() + first_in)


def remove_chore(name: str) -> None:
    _chores.pop(name, None)


def _run_due_chores() -> None:
    now = time.monotonic()
    for name, chore in list(_chores.items()):
        if chore.due > now:
            continue
        chore.due = now + chore.every
        try:
            chore.run()
        except Exception:  # noqa: BLE001 - a chore that fails is tried again next interval
            log.exception("the background chore %r failed", name)
        finally:
            if not database.is_closed():
                database.close()


@contextlib.contextmanager
def background_round() -> Iterator[None]:
    """Hold off forks of this process while the block runs (and any chore due after it)."""
    with _ROUND:
        yield
        if _chores:
            _run_due_chores()
