"""Private Redis and PostgreSQL servers for fault-injection tests: each runs as a real process
on a free port of 127.0.0.1, in a temporary directory of its own, so a test may stop, restart
or flush it without touching the shared services on 6379 and 5432.

Both are context managers that clean up (process gone, directory removed) however the block
ends::

    with PrivateRedis() as redis_server, PrivatePostgres() as pg:
        url = pg.create_database("scans")
        ...
        redis_server.restart_empty()
        pg.stop(mode="immediate")
        pg.start()
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Self

import psycopg2
import redis
from psycopg2 import sql
from redis.backoff import NoBackoff
from redis.retry import Retry

STARTUP_TIMEOUT = 30.0  # seconds a server gets to answer after being started
STOP_TIMEOUT = 10.0  # seconds between SIGTERM and SIGKILL


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listened on a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(path: Path, lines: int = 20) -> str:
    """The last ``lines`` of a server's log, for error messages."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class _PrivateServer:
    """What both servers share: the temporary directory, and the context manager that creates
    it, starts the server and tears everything down again."""

    prefix = "private-server-"

    def __init__(self) -> None:
        self.port = free_port()
        self.directory: Path | None = None

    def __enter__(self) -> Self:
        self.directory = Path(tempfile.mkdtemp(prefix=self.prefix))
        try:
            self._prepare()
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Kill the server if it runs and remove its directory (data, logs, sockets)."""
        try:
            self._kill()
        finally:
            if self.directory is not None:
                shutil.rmtree(self.directory, ignore_errors=True)
                self.directory = None

    def _prepare(self) -> None:
        """One-time set-up of the fresh directory before the first start."""

    def _kill(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError


class PrivateRedis(_PrivateServer):
    """``redis-server`` on a private port that saves nothing (no RDB, no AOF): stopping it
    loses every key, which is what :meth:`restart_empty` relies on."""

    prefix = "private-redis-"

    def __init__(self) -> None:
        super().__init__()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Where clients reach database 0: ``redis://127.0.0.1:<port>/0``."""
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        """Whether the server process is alive (it may still be loading)."""
        return self.process is not None and self.process.poll() is None

    def _client(self) -> redis.Redis:
        """A client that fails at once when nothing listens: redis-py's default retries with
        backoff would spend seconds on every refused connection."""
        return redis.Redis.from_url(
            self.url, socket_connect_timeout=0.5, socket_timeout=2, retry=Retry(NoBackoff(), 0)
        )

    @property
    def _log(self) -> Path:
        assert self.directory is not None, "use PrivateRedis as a context manager"
        return self.directory / "redis.log"

    def start(self) -> None:
        """Start the server on the same port again and wait until it answers PING."""
        if self.running:
            return
        assert self.directory is not None, "use PrivateRedis as a context manager"
        if shutil.which("redis-server") is None:
            raise RuntimeError("redis-server is not on PATH")
        command = [
            "redis-server",
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", str(self.directory),
        ]  # fmt: skip
        with self._log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=self.directory, stdin=subprocess.DEVNULL, stdout=log, stderr=log
            )
        self._wait_for_ping()

    def _wait_for_ping(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        client = self._client()
        try:
            while True:
                if not self.running:
                    raise RuntimeError(
                        f"redis-server on port {self.port} exited:\n{_tail(self._log)}"
                    )
                try:
                    if client.ping():
                        return
                except redis.exceptions.RedisError:
                    pass  # not listening yet, or still loading
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"redis-server on port {self.port} did not answer PING:\n{_tail(self._log)}"
                    )
                time.sleep(0.02)
        finally:
            client.close()

    def stop(self) -> None:
        """Stop the server: SIGTERM, SIGKILL if it has not exited in time, and wait."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def restart_empty(self) -> None:
        """Stop and start again; nothing is persisted, so every key is gone afterwards."""
        self.stop()
        self.start()

    def flush(self) -> None:
        """FLUSHALL: empty every database without restarting."""
        client = self._client()
        try:
            client.flushall()
        finally:
            client.close()

    def _kill(self) -> None:
        self.stop()


def postgres_bin_dir() -> Path:
    """The ``bin`` directory of the newest PostgreSQL under ``/usr/lib/postgresql``."""
    candidates = [Path(initdb).parent for initdb in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    candidates = [path for path in candidates if (path / "pg_ctl").exists()]
    if not candidates:
        raise RuntimeError("no PostgreSQL binaries found in /usr/lib/postgresql/*/bin")

    def version(path: Path) -> tuple[int, ...]:
        major = path.parent.name
        return tuple(int(part) for part in major.split(".") if part.isdigit())

    return max(candidates, key=version)


class PrivatePostgres(_PrivateServer):
    """A PostgreSQL cluster of its own (``initdb`` into a temporary directory) listening on a
    private port of 127.0.0.1, trusting every local connection as ``postgres``. Durability is
    switched off for speed: data survives :meth:`stop` / :meth:`start`, and an immediate stop
    recovers from the WAL, except that with ``synchronous_commit=off`` a commit made in the last
    few hundred milliseconds (up to 3 x ``wal_writer_delay``) before ``stop(mode="immediate")``
    may be lost. A test that needs such a commit kept runs ``SET synchronous_commit = on`` in
    its session first.

    PostgreSQL refuses to run as root, so under root every server command runs as the
    ``postgres`` system user, who then owns the temporary directory."""

    prefix = "private-postgres-"

    def __init__(self) -> None:
        super().__init__()
        self.bin_dir = postgres_bin_dir()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root, but there is no postgres user") from None
            self._as_user = ["runuser", "-u", "postgres", "--"]

    def url(self, dbname: str = "postgres") -> str:
        """Where clients reach ``dbname``: ``postgresql://postgres@127.0.0.1:<port>/<dbname>``."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    @property
    def data_dir(self) -> Path:
        """The cluster's data directory (PGDATA)."""
        assert self.directory is not None, "use PrivatePostgres as a context manager"
        return self.directory / "data"

    @property
    def _socket_dir(self) -> Path:
        assert self.directory is not None
        return self.directory / "socket"

    @property
    def _log(self) -> Path:
        assert self.directory is not None
        return self.directory / "postgres.log"

    @property
    def running(self) -> bool:
        """Whether the postmaster runs (``pg_ctl status``)."""
        if self.directory is None or not (self.data_dir / "postmaster.pid").exists():
            return False
        return self._pg("pg_ctl", "-D", str(self.data_dir), "status").returncode == 0

    def _pg(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        """Run one of the PostgreSQL programs (as ``postgres`` under root), output captured."""
        return subprocess.run(
            [*self._as_user, str(self.bin_dir / program), *args],
            cwd=self.directory,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )

    def _pg_checked(self, program: str, *args: str) -> None:
        result = self._pg(program, *args)
        if result.returncode != 0:
            raise RuntimeError(
                f"{program} {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}\n{_tail(self._log)}"
            )

    def _prepare(self) -> None:
        """Make the socket directory and run initdb; under root ``postgres`` owns it all."""
        assert self.directory is not None
        self._socket_dir.mkdir()
        if self._as_user:
            for path in (self.directory, self._socket_dir):
                shutil.chown(path, user="postgres", group="postgres")
        self._pg_checked(
            "initdb",
            "-D", str(self.data_dir),
            "-A", "trust",
            "-U", "postgres",
            "--no-sync",
            "--encoding", "UTF8",
            "--locale", "C",
        )  # fmt: skip

    def start(self) -> None:
        """Start the server on the same port and data again; wait until it takes connections."""
        if self.running:
            return
        options = " ".join(
            [
                "-c listen_addresses=127.0.0.1",
                f"-p {self.port}",
                f"-k {self._socket_dir}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=100",
            ]
        )
        self._pg_checked(
            "pg_ctl",
            "-w",
            "-t", str(int(STARTUP_TIMEOUT)),
            "-D", str(self.data_dir),
            "-o", options,
            "-l", str(self._log),
            "start",
        )  # fmt: skip
        self._wait_for_connection()

    def _wait_for_connection(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            try:
                psycopg2.connect(self.url(), connect_timeout=1).close()
                return
            except psycopg2.OperationalError as error:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"PostgreSQL on port {self.port} takes no connections: {error}\n"
                        f"{_tail(self._log)}"
                    ) from error
                time.sleep(0.05)

    def stop(self, mode: str = "fast") -> None:
        """Stop the server with ``pg_ctl stop -m <mode>``: ``fast`` (clean shutdown, clients
        disconnected) or ``immediate`` (no shutdown checkpoint, like a crash; the next start
        recovers from the WAL). Waits until it is gone."""
        if mode not in ("smart", "fast", "immediate"):
            raise ValueError(f"unknown pg_ctl stop mode {mode!r}")
        if not self.running:
            return
        self._pg_checked(
            "pg_ctl", "-D", str(self.data_dir), "-m", mode, "-w",
            "-t", str(int(STOP_TIMEOUT)), "stop",
        )  # fmt: skip

    def create_database(self, name: str) -> str:
        """CREATE DATABASE ``name`` (owned by ``postgres``); returns its URL."""
        connection = psycopg2.connect(self.url())
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        finally:
            connection.close()
        return self.url(name)

    def _kill(self) -> None:
        """Immediate stop; if pg_ctl cannot stop it, SIGKILL the postmaster from its pid file."""
        if self.directory is None:
            return
        try:
            self.stop(mode="immediate")
            return
        except RuntimeError:
            pass
        try:
            pid = int((self.data_dir / "postmaster.pid").read_text().split()[0])
            os.kill(pid, signal.SIGKILL)  # its children notice and exit on their own
        except (OSError, ValueError, IndexError):
            pass
