"""Background rounds and forks.

``cyberorigen worker`` forks a work horse for each scan job while its background loops (the
reaper, with ``--with-scheduler`` the scheduler and the dispatcher) run on threads. A fork
made while such a thread is inside SQLite, a logging handler or the Redis client gives the
child a lock that no thread of the child will ever release: the work horse hangs before its
scan starts. So every background round runs inside :func:`background_round`, and a fork of
this process waits for the round in progress to end (``os.register_at_fork``); rounds last
milliseconds. Background rounds never fork themselves.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator

_ROUND = threading.Lock()

os.register_at_fork(
    before=_ROUND.acquire, after_in_parent=_ROUND.release, after_in_child=_ROUND.release
)


@contextlib.contextmanager
def background_round() -> Iterator[None]:
    """Hold off forks of this process while the block runs."""
    with _ROUND:
        yield
