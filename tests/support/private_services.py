"""Private servers for the fault-injection and load tests, on top of tests/support/services.py
(which starts a PostgreSQL cluster and a redis-server of their own on free ports of 127.0.0.1).

What this module adds:

- :class:`PersistentRedis`: a Redis that keeps its data across a restart (append-only file,
  fsynced on every write), beside the one that restarts empty;
- ``kill()`` on both kinds (SIGKILL to redis-server, an immediate stop of PostgreSQL), and
  ``restart()``;
- the fixtures ``private_redis``, ``persistent_redis`` and ``private_postgres``: factories of
  servers that are torn down when the test ends, and at interpreter exit as well (a test run
  interrupted between the two must not leave a postmaster behind).
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import subprocess
import weakref

import pytest

from support.services import PrivatePostgres, PrivateRedis

#: Every server started here and not yet closed, for the exit hook.
_LIVE: weakref.WeakSet = weakref.WeakSet()


@atexit.register
def _close_leftovers() -> None:
    for server in list(_LIVE):
        with contextlib.suppress(Exception):
            server.close()


class EmptyRedis(PrivateRedis):
    """redis-server that saves nothing: ``restart()`` and ``restart_empty()`` both lose every
    key, as a Redis without persistence does when it restarts."""

    def kill(self) -> None:
        """SIGKILL, as the OOM killer would: no shutdown, nothing saved."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=10)

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self):
        server = super().__enter__()
        _LIVE.add(server)
        return server


class PersistentRedis(EmptyRedis):
    """redis-server with an append-only file fsynced on every write: a restart (even after
    :meth:`kill`) brings back every key, queued jobs included."""

    prefix = "private-redis-aof-"

    def start(self) -> None:
        if self.running:
            return
        assert self.directory is not None, "use PersistentRedis as a context manager"
        if shutil.which("redis-server") is None:
            raise RuntimeError("redis-server is not on PATH")
        command = [
            "redis-server",
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "yes",
            "--appendfsync", "always",
            "--dir", str(self.directory),
        ]  # fmt: skip
        with self._log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=self.directory, stdin=subprocess.DEVNULL, stdout=log, stderr=log
            )
        self._wait_for_ping()

    def restart_empty(self) -> None:
        raise TypeError("a persistent Redis keeps its data: use EmptyRedis")


class Postgres(PrivatePostgres):
    """A private PostgreSQL cluster with ``kill()`` (a crash: no shutdown checkpoint, the next
    start recovers from the WAL) and ``restart()``."""

    def kill(self) -> None:
        self.stop(mode="immediate")

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self):
        server = super().__enter__()
        _LIVE.add(server)
        return server


def _factory(kind):
    started = []

    def start():
        server = kind().__enter__()
        started.append(server)
        return server

    return start, started


@pytest.fixture
def private_redis():
    """``private_redis()``: a started :class:`EmptyRedis`, closed after the test."""
    start, started = _factory(EmptyRedis)
    yield start
    for server in started:
        server.close()


@pytest.fixture
def persistent_redis():
    """``persistent_redis()``: a started :class:`PersistentRedis`, closed after the test."""
    start, started = _factory(PersistentRedis)
    yield start
    for server in started:
        server.close()


@pytest.fixture
def private_postgres():
    """``private_postgres()``: a started private :class:`Postgres` cluster, closed after the
    test (``create_database(name)`` gives the URL of a new database on it)."""
    start, started = _factory(Postgres)
    yield start
    for server in started:
        server.close()
