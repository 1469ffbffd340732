"""What the benchmarks of bench/ share: databases, processes, their CPU, Redis keys, main().

Not a benchmark itself. The scripts import it as a sibling module (they run as
``python bench/<script>.py``, so bench/ is on ``sys.path``):

- the machine and its load (``machine``, ``load_average``);
- PostgreSQL: ``create_database``, ``drop_database``, and ``migrated_database``, a fresh one
  for a run;
- processes: ``start_process`` in their own session, ``stop_process``, ``log_tail``, and
  ``wait_registered`` for RQ workers;
- CPU read from /proc: ``cpu_seconds`` of a process (optionally with its reaped children),
  ``family_cpu_seconds`` and ``family_pids`` of a process and its descendants (a worker
  pool's master and its worker processes), and ``ServiceCpu``, PostgreSQL's and Redis's;
- ``delete_redis_keys`` of a run, ``percentile`` and ``aware`` (RQ's naive UTC timestamps);
- ``add_server_arguments`` (``--postgres-url``, ``--redis-url``);
- ``run_main``: a script's ``main()``: its arguments, SIGTERM as Ctrl-C, an ``ExitStack`` that
  unwinds with the signals ignored, and exit codes 0, 1 (the run failed) and 130 (interrupted).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

PG_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/14"
BENCH_DIR = Path(__file__).resolve().parent
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# --- the machine ------------------------------------------------------------------------------


def machine() -> str:
    memory = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return f"{len(os.sched_getaffinity(0))} CPUs (nproc), {memory} memory"


def load_average() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


# --- PostgreSQL -------------------------------------------------------------------------------


def create_database(server_url: str) -> tuple[str, str]:
    import psycopg2
    from psycopg2 import sql

    name = f"cyberorigen_bench_{secrets.token_hex(4)}"
    connection = psycopg2.connect(server_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()
    parts = urllib.parse.urlsplit(server_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}")), name


def drop_database(server_url: str, name: str) -> None:
    import psycopg2
    from psycopg2 import sql

    connection = psycopg2.connect(server_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
    connection.close()


def migrated_database(postgres_url: str, stack: contextlib.ExitStack):
    """A fresh database ``cyberorigen_bench_<random>`` on the server of ``postgres_url``,
    migrated, bound to the shared proxy and connected: (db, its URL, its name). ``stack`` closes
    its connections and drops it."""
    from cyberorigen.db import bind_database
    from cyberorigen.db.migrate import upgrade

    database_url, database_name = create_database(postgres_url)
    stack.callback(print, f"dropped database {database_name}")
    stack.callback(drop_database, postgres_url, database_name)
    db = bind_database(database_url)
    db.connect()
    stack.callback(db.close_all)
    upgrade(db)
    return db, database_url, database_name


# --- processes and their CPU ------------------------------------------------------------------


def _stat_fields(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def cpu_seconds(pid: int, reaped_children: bool = False) -> float:
    """CPU seconds of a process; with ``reaped_children``, also of the children it has waited
    for (an RQ worker's work horses, PostgreSQL's exited backends)."""
    fields = _stat_fields(pid)
    if fields is None:
        return 0.0
    used = int(fields[11]) + int(fields[12])
    if reaped_children:
        used += int(fields[13]) + int(fields[14])
    return used / _CLOCK_TICKS


def family_pids(root: int) -> list[int]:
    """``root`` and its descendants alive now."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat_fields(int(entry.name))) is not None:
            parents[int(entry.name)] = int(fields[1])
    family, grew = [root], True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.append(pid)
                grew = True
    return family


def family_cpu_seconds(root: int) -> float:
    """CPU seconds of ``root`` and of its descendants alive now, each with the children it
    has waited for: a ``cyberorigen worker`` (a pool's master, its worker processes alive
    from job to job, and with ``--fork`` their reaped work horses) as a bare ``rq worker``."""
    return sum(cpu_seconds(pid, reaped_children=True) for pid in family_pids(root))


class ServiceCpu:
    """CPU used by PostgreSQL for one database (the backends alive now, plus every backend the
    postmaster has reaped, which includes other databases' on a shared server) and by Redis."""

    def __init__(self, db, database_name: str, redis_client) -> None:
        self._db = db
        self._name = database_name
        self._own = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        self._postmaster = int(_stat_fields(self._own)[1])
        self._redis = int(redis_client.info("server")["process_id"])

    def snapshot(self) -> tuple[float, float]:
        rows = self._db.execute_sql(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
            (self._name, self._own),
        ).fetchall()
        database = cpu_seconds(self._postmaster, reaped_children=True)
        database += sum(cpu_seconds(pid) for (pid,) in rows)
        return database, cpu_seconds(self._redis)


def start_process(
    command: list[str], env: dict[str, str], log: Path, cwd: Path = BENCH_DIR
) -> subprocess.Popen:
    """Start a process in its own session (so that Ctrl-C reaches only this script), its
    output to ``log``."""
    with log.open("wb") as output:
        return subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_process(process: subprocess.Popen) -> None:
    """SIGTERM (RQ's warm shutdown: it unregisters itself), SIGKILL to its session if stuck."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # the session this script started
        process.wait(timeout=10)


def log_tail(log: Path, chars: int = 3000) -> str:
    return log.read_text(errors="replace")[-chars:] if log.exists() else "(no log)"


def wait_registered(connection, queue_name, processes, logs, timeout: float = 60.0) -> set[str]:
    """Wait until every process has registered as a worker of ``queue_name``; their names."""
    from rq import Queue, Worker

    queue = Queue(queue_name, connection=connection)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process, log in zip(processes, logs, strict=True):
            if process.poll() is not None:
                raise RuntimeError(
                    f"a worker of {queue_name} exited with {process.returncode}; its log "
                    f"({log}):\n{log_tail(log)}"
                )
        workers = Worker.all(connection=connection, queue=queue)
        if len(workers) >= len(processes):
            return {worker.name for worker in workers}
        time.sleep(0.1)
    raise TimeoutError(f"the workers of {queue_name} did not register within {timeout:g} s")


# --- Redis clean-up and figures ---------------------------------------------------------------


def delete_redis_keys(client, prefix: str, names: set[str]) -> int:
    """Delete the keys of this run: those naming its queues (``prefix``), or one of its jobs or
    workers (``names``: RQ leaves a stopped worker's key to expire in a minute)."""
    doomed = []
    for raw in client.scan_iter(count=1000):
        key = raw.decode(errors="replace")
        if prefix in key or any(part in names for part in key.split(":")):
            doomed.append(raw)
    deleted = 0
    for start in range(0, len(doomed), 500):
        deleted += client.delete(*doomed[start : start + 500])
    return deleted


def percentile(values: list[float], percent: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def aware(moment: datetime) -> datetime:
    """RQ's timestamps are naive UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """``--postgres-url`` and ``--redis-url``, the servers a run uses."""
    parser.add_argument("--postgres-url", default=PG_SERVER_URL, help="server and maintenance db")
    parser.add_argument("--redis-url", default=REDIS_URL, help="a Redis db for this run's keys")


# --- main() -----------------------------------------------------------------------------------


def _sigterm(_signum, _frame):
    raise KeyboardInterrupt


def _ignore_signals() -> None:
    """While cleaning up, a second Ctrl-C must not leave a database or processes behind."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _name_and_message(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def run_main(
    run: Callable[[argparse.Namespace, contextlib.ExitStack], None],
    parse_args: Callable[[list[str] | None], argparse.Namespace],
    argv: list[str] | None = None,
    describe: Callable[[Exception], str] = _name_and_message,
) -> int:
    """A benchmark's ``main()``: ``run(args, stack)`` with SIGTERM taken as Ctrl-C; whatever
    ``run`` put on ``stack`` (processes, keys, databases, files) is undone with the signals
    ignored, also on error or interruption. 0, 1 if the run failed (``describe``d on stderr),
    130 if interrupted."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _sigterm)
    try:
        with contextlib.ExitStack() as stack:
            try:
                run(args, stack)
            finally:
                _ignore_signals()  # then the stack unwinds
    except KeyboardInterrupt:
        print("\ninterrupted; cleaned up", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - report the failure, after the cleanup above
        print(f"benchmark failed: {describe(exc)}", file=sys.stderr)
        return 1
    return 0


def lab_scope_policy():
    """The benchmarks' scope policy: the shipped one, except that loopback (where every
    benchmark server listens) may be scanned. Returns the settings' ``ScopeSettings``."""
    from cyberorigen.settings import DEFAULT_FORBIDDEN_NETWORKS, ScopeSettings

    loopback = ("127.0.0.0/8", "::1/128")
    return ScopeSettings(
        forbidden_networks=tuple(n for n in DEFAULT_FORBIDDEN_NETWORKS if n not in loopback)
    )
