"""Overhead of the scan pipeline: no-op scans on ``cyberorigen worker`` against bare RQ jobs.

A measurement, not a test (pytest never collects it). In one run it:

1. creates a fresh PostgreSQL database ``cyberorigen_bench_<random>`` (127.0.0.1:5432, user
   postgres), migrates it, and adds an organization with 127.0.0.1 in its scope;
2. starts 2 ``cyberorigen worker`` processes (``bench/noop_worker.py``: the real command with
   the ``noop`` scanner of ``bench/noop_plugin.py`` added to its plugins, profile
   ``noop = ["noop"]``) and 2 bare ``rq worker`` processes (JSON serializer, the job
   ``noop_worker.nothing``), each pair on its own queue of one Redis (db 14, queue names unique
   to the run), and waits until all four are registered;
3. warms both up (10 jobs each, not counted), then, per round: creates ``--scans`` scans the
   way the API does (``create_scan``, type ``noop``, target 127.0.0.1) and enqueues them with
   ``RedisJobQueue.enqueue_scan``, timing from the first enqueue until the database shows them
   all ``completed``; then enqueues as many bare jobs and times them until RQ shows them all
   finished. Enqueue-to-start latency of each job is its RQ ``started_at`` (set in the work
   horse, microseconds) minus the ``time.time()`` taken just before its enqueue. CPU used per
   job by the workers (with their work horses), PostgreSQL and Redis is read from /proc;
4. measures the latency of a lone job on idle workers (``--idle-samples``, one job at a time)
   and, in this process without RQ, where an appliance job's time goes (a fresh database
   connection, ``run_scan``, SQL statements and transactions per scan);
5. prints the throughputs, the ratio appliance/bare with PASS/FAIL against the target
   (>= 0.5) and the p50/p90 latencies;
6. stops the workers, deletes its queues and job keys and drops its database, also on error,
   Ctrl-C or SIGTERM.

Run: ``/work/venv/bin/python bench/pipeline_overhead.py [--scans 200] [--rounds 1]``. It exits
0 whatever the figures (it measures), 1 if the run itself failed.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from harness import (
    BENCH_DIR,
    ServiceCpu,
    add_server_arguments,
    aware,
    delete_redis_keys,
    family_cpu_seconds,
    family_pids,
    lab_scope_policy,
    load_average,
    log_tail,
    machine,
    migrated_database,
    percentile,
    run_main,
    start_process,
    stop_process,
    wait_registered,
)

WORKERS = 2  # per side
TARGET = "127.0.0.1"
PROFILES = '{"noop": ["noop"]}'
JOB_TIMEOUT = 900 * 8  # what `cyberorigen worker` gives a scan job (scanner_timeout * 8)
RESULT_TTL = 3600  # as RedisJobQueue.enqueue_scan
FAILURE_TTL = 7 * 24 * 3600
BARE_JOB = "noop_worker.nothing"
TARGET_RATIO = 0.5
POLL_SECONDS = 0.02


# --- processes: CPU time and memory --------------------------------------------------------------


def run_seconds(pid: int) -> float:
    """CPU seconds of a process to the nanosecond (``/proc/PID/schedstat``): for a process
    that lives a few milliseconds, clock ticks (``cpu_seconds``) would round to nothing."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def rss_mib(pid: int) -> float:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# --- one measured batch -----------------------------------------------------------------------


@dataclass
class Batch:
    side: str  # appliance | bare
    label: str
    jobs: int
    seconds: float  # first enqueue -> all done (as polled)
    rq_seconds: float  # first enqueue -> the last job's RQ ended_at
    latencies: list[float] = field(default_factory=list)  # enqueue -> RQ started_at, seconds
    worker_cpu: float = 0.0  # seconds, the side's workers and their work horses
    database_cpu: float = 0.0
    redis_cpu: float = 0.0
    script_cpu: float = 0.0  # this script: enqueueing and polling (scan rows made before)

    @property
    def rate(self) -> float:
        return self.jobs / self.seconds

    def latency_ms(self, percent: int) -> float:
        return percentile(self.latencies, percent) * 1000

    def per_job_ms(self, seconds: float) -> float:
        return seconds / self.jobs * 1000


def rq_times(connection, enqueued: dict[str, float], timeout: float):
    """(latencies, last ended_at) of finished jobs, from their RQ hashes, once all ended."""
    from rq.job import Job
    from rq.serializers import JSONSerializer

    deadline = time.monotonic() + timeout
    while True:
        jobs = Job.fetch_many(list(enqueued), connection, serializer=JSONSerializer)
        missing = [job_id for job_id, job in zip(enqueued, jobs, strict=True) if job is None]
        if missing:
            raise RuntimeError(f"{len(missing)} jobs vanished from Redis, e.g. {missing[0]}")
        if all(job.ended_at for job in jobs):
            break
        if time.monotonic() > deadline:
            raise TimeoutError("RQ did not record the end of every job")
        time.sleep(POLL_SECONDS)
    latencies = [aware(job.started_at).timestamp() - enqueued[job.id] for job in jobs]
    return latencies, max(aware(job.ended_at).timestamp() for job in jobs)


def rq_statuses(connection, job_ids) -> Counter:
    from rq.job import Job

    with connection.pipeline(transaction=False) as pipeline:
        for job_id in job_ids:
            pipeline.hget(Job.key_for(job_id), "status")
        return Counter((status or b"missing").decode() for status in pipeline.execute())


class Side:
    """How to create, enqueue and watch the jobs of one side."""

    name = ""

    def __init__(self, bench: Bench) -> None:
        self.bench = bench

    def prepare(self, count: int) -> list:
        raise NotImplementedError

    def enqueue(self, item) -> str:
        """Enqueue one prepared item; its job id."""
        raise NotImplementedError

    def progress(self, items, job_ids) -> tuple[int, int]:
        """(done, failed) among the items."""
        raise NotImplementedError

    @property
    def pids(self) -> list[int]:
        return [process.pid for process in self.bench.processes[self.name]]

    def run(self, count: int, label: str) -> Batch:
        bench = self.bench
        items = self.prepare(count)
        enqueued: dict[str, float] = {}
        cpu_before = [family_cpu_seconds(pid) for pid in self.pids]
        services_before = bench.service_cpu.snapshot()
        script_before = time.process_time()
        started = time.perf_counter()
        for item in items:
            moment = time.time()
            job_id = self.enqueue(item)
            enqueued[job_id] = moment
            bench.job_ids.add(job_id)  # its keys are deleted at the end, whatever happens
        deadline = time.monotonic() + bench.args.timeout
        while True:
            done, failed = self.progress(items, enqueued)
            if failed:
                raise RuntimeError(
                    f"{self.name}: {failed} of {count} jobs failed; a worker's log ends with:\n"
                    + log_tail(bench.logs[self.name][0])
                )
            if done == count:
                break
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"{self.name}: only {done} of {count} done after {bench.args.timeout:g} s"
                )
            time.sleep(POLL_SECONDS)
        seconds = time.perf_counter() - started
        script_cpu = time.process_time() - script_before
        latencies, last_end = rq_times(bench.redis, enqueued, timeout=30)
        time.sleep(0.2)  # the last work horses are reaped, their CPU is their worker's
        services_after = bench.service_cpu.snapshot()
        worker_cpu = sum(family_cpu_seconds(pid) for pid in self.pids)
        return Batch(
            side=self.name,
            label=label,
            jobs=count,
            seconds=seconds,
            rq_seconds=last_end - min(enqueued.values()),
            latencies=latencies,
            worker_cpu=worker_cpu - sum(cpu_before),
            database_cpu=services_after[0] - services_before[0],
            redis_cpu=services_after[1] - services_before[1],
            script_cpu=script_cpu,
        )

    def idle_latencies(self, samples: int) -> tuple[list[float], list[float]]:
        """One job at a time on idle workers: (enqueue -> start, enqueue -> end) in seconds."""
        to_start, to_end = [], []
        for item in self.prepare(samples):
            time.sleep(0.05)  # the workers are back in their blocking dequeue
            moment = time.time()
            job_id = self.enqueue(item)
            self.bench.job_ids.add(job_id)
            deadline = time.monotonic() + 30
            while rq_statuses(self.bench.redis, [job_id])["finished"] != 1:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{self.name}: job {job_id} did not finish within 30 s")
                time.sleep(0.002)
            latencies, last_end = rq_times(self.bench.redis, {job_id: moment}, timeout=10)
            to_start.append(latencies[0])
            to_end.append(last_end - moment)
        return to_start, to_end


class ApplianceSide(Side):
    name = "appliance"

    def __init__(self, bench: Bench) -> None:
        super().__init__(bench)
        from cyberorigen.jobs.queue import RedisJobQueue

        self.jobs = RedisJobQueue(bench.redis, bench.queues[self.name], JOB_TIMEOUT)

    def prepare(self, count: int) -> list:
        from cyberorigen.services.scans import create_scan

        # As POST /api/v1/scans: the scan row is committed before its job is enqueued.
        return [create_scan(self.bench.org_id, None, TARGET, "noop", []) for _ in range(count)]

    def enqueue(self, item) -> str:
        from cyberorigen.jobs.queue import scan_job_id

        self.jobs.enqueue_scan(item)
        return scan_job_id(item)

    def progress(self, items, job_ids) -> tuple[int, int]:
        from peewee import fn

        from cyberorigen.db.models import Scan

        counts = dict(
            Scan.select(Scan.status, fn.COUNT(Scan.id))
            .where(Scan.id.in_([scan.id for scan in items]))
            .group_by(Scan.status)
            .tuples()
        )
        return counts.get("completed", 0), counts.get("failed", 0) + counts.get("cancelled", 0)


class BareSide(Side):
    name = "bare"

    def __init__(self, bench: Bench) -> None:
        super().__init__(bench)
        from rq import Queue
        from rq.serializers import JSONSerializer

        self.queue = Queue(
            bench.queues[self.name], connection=bench.redis, serializer=JSONSerializer
        )
        self._count = 0

    def prepare(self, count: int) -> list:
        start, self._count = self._count, self._count + count
        return [f"{self.bench.prefix}-bare-{number}" for number in range(start, self._count)]

    def enqueue(self, item) -> str:
        self.queue.enqueue(
            BARE_JOB,
            job_id=item,
            job_timeout=JOB_TIMEOUT,
            result_ttl=RESULT_TTL,
            failure_ttl=FAILURE_TTL,
        )
        return item

    def progress(self, items, job_ids) -> tuple[int, int]:
        statuses = rq_statuses(self.bench.redis, job_ids)
        return statuses["finished"], statuses["failed"] + statuses["stopped"]


# --- where an appliance job's time goes (this process, no RQ) ---------------------------------


class _StatementCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.kinds: Counter = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            sql = record.msg[0] if isinstance(record.msg, tuple) else record.getMessage()
            self.kinds[str(sql).lstrip("(").split(None, 1)[0].upper()] += 1


def breakdown(bench: Bench, count: int) -> dict[str, dict[str, float]]:
    """What ``run_scan_job`` does per scan, timed in this process without RQ, two ways taken
    in turns: ``fresh`` as in every work horse (a new pooled database bound and connected,
    ``run_scan`` of a ``noop`` scan, the connection closed) and ``warm`` (one connection kept
    for all scans). Per scan: median wall ms of connect and run_scan, mean CPU ms of this
    process and of the PostgreSQL backend that served the scan, SQL statements by kind and
    transactions committed."""
    from functools import partial
    from importlib.metadata import EntryPoint

    from cyberorigen.compliance.catalogue import build_catalogue
    from cyberorigen.compliance.scans import assess_completed_scan
    from cyberorigen.db import bind_database, database
    from cyberorigen.plugin_api import ENTRY_POINT_GROUP
    from cyberorigen.plugin_registry import build_registry
    from cyberorigen.services.scan_runner import RunnerSettings, run_scan

    if str(BENCH_DIR) not in sys.path:
        sys.path.insert(0, str(BENCH_DIR))
    registry = build_registry(
        points=[EntryPoint(name="noop", value="noop_plugin", group=ENTRY_POINT_GROUP)]
    )
    settings = RunnerSettings(
        profiles={"noop": ("noop",)},
        scanner_timeout=900,
        after_completion=(partial(assess_completed_scan, catalogue=build_catalogue(registry)),),
    )

    def on_own_connection(work):
        """Run ``work()`` on a connection that then ends, so that its statistics are flushed
        now (and add exactly one transaction to the count when ``work`` does one)."""
        db = bind_database(bench.database_url)
        try:
            return work()
        finally:
            db.close_all()
            bench.rebind()

    def commits() -> int:
        time.sleep(0.3)  # the backends that ended have flushed their statistics
        sql = "SELECT xact_commit FROM pg_stat_database WHERE datname = %s"
        return on_own_connection(
            lambda: database.execute_sql(sql, (bench.database_name,)).fetchone()[0]
        )

    def backend(db) -> int:
        return db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]

    scans = on_own_connection(lambda: bench.appliance.prepare(2 * count))
    counter = _StatementCounter()
    peewee_log = logging.getLogger("peewee")
    level = peewee_log.level
    wall: dict[str, list[float]] = {"connect": [], "fresh": [], "warm": []}
    cpu = {"fresh": 0.0, "warm": 0.0}
    database_cpu = {"fresh": 0.0, "warm": 0.0}
    commits_before = commits()
    warm = bind_database(bench.database_url)
    warm.connect()
    try:
        for number, scan in enumerate(scans):
            fresh = number % 2 == 0
            mode = "fresh" if fresh else "warm"
            c0, t0 = time.process_time(), time.perf_counter()
            db = bind_database(bench.database_url) if fresh else warm
            if fresh:
                db.connect()
            c1, t1 = time.process_time(), time.perf_counter()
            pid = backend(db)
            backend_before = 0.0 if fresh else run_seconds(pid)
            peewee_log.addHandler(counter)
            peewee_log.setLevel(logging.DEBUG)
            c2, t2 = time.process_time(), time.perf_counter()
            try:
                database.initialize(db)
                status = run_scan(scan.public_id, registry, settings)
            finally:
                c3, t3 = time.process_time(), time.perf_counter()
                peewee_log.removeHandler(counter)
                peewee_log.setLevel(level)
            cpu[mode] += (c1 - c0) + (c3 - c2)  # connecting and the scan, not backend()
            database_cpu[mode] += run_seconds(pid) - backend_before
            if fresh:
                db.close()
                db.close_all()  # the work horse exits: its connection ends with it
                wall["connect"].append(t1 - t0)
            wall[mode].append(t3 - t2)
            if status != "completed":
                raise RuntimeError(f"in-process noop scan ended {status}")
    finally:
        warm.close_all()
        bench.rebind()
    # Less the first commits() query and the pg_backend_pid() query of each scan.
    transactions = commits() - commits_before - 1 - len(scans)

    def per_scan_ms(seconds: float) -> float:
        return seconds / count * 1000

    figures = {
        mode: {
            "connect_ms": statistics.median(wall["connect"]) * 1000 if mode == "fresh" else 0.0,
            "run_scan_ms": statistics.median(wall[mode]) * 1000,
            "cpu_ms": per_scan_ms(cpu[mode]),
            "database_cpu_ms": per_scan_ms(database_cpu[mode]),
        }
        for mode in ("fresh", "warm")
    }
    figures["fresh"]["transactions"] = transactions / len(scans)
    figures["fresh"]["statements"] = sum(counter.kinds.values()) / len(scans)
    for kind, number in sorted(counter.kinds.items()):
        figures["fresh"][f"statements_{kind.lower()}"] = number / len(scans)
    return figures


# --- the run ----------------------------------------------------------------------------------


class Bench:
    def __init__(self, args: argparse.Namespace, stack: contextlib.ExitStack) -> None:
        self.args = args
        self.stack = stack
        self.prefix = f"cyberorigen-bench-{secrets.token_hex(4)}"
        self.queues = {"appliance": f"{self.prefix}-scans", "bare": f"{self.prefix}-bare"}
        self.processes: dict[str, list[subprocess.Popen]] = {"appliance": [], "bare": []}
        self.job_ids: set[str] = set()
        self.worker_names: set[str] = set()
        self.worker_args = ["--fork"] if args.fork else []

    def rebind(self) -> None:
        """Point the shared database proxy back at this script's own database."""
        from cyberorigen.db import database

        database.initialize(self.db)

    def setup(self) -> None:
        import redis

        from cyberorigen.services.organizations import create_organization
        from cyberorigen.services.scope import add_scope_entry

        args, stack = self.args, self.stack
        self.redis = redis.Redis.from_url(args.redis_url)
        self.redis.ping()
        stack.callback(self._delete_redis_keys)

        self.db, self.database_url, self.database_name = migrated_database(args.postgres_url, stack)
        org = create_organization("Bench Org", "enterprise")
        add_scope_entry(org.id, TARGET, lab_scope_policy())
        self.org_id = org.id
        print(f"database {self.database_name}: migrated; organization with {TARGET} in scope")
        self.service_cpu = ServiceCpu(self.db, self.database_name, self.redis)

        workdir = Path(tempfile.mkdtemp(prefix="cyberorigen-bench-"))
        stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        self.workdir = workdir
        env = {k: v for k, v in os.environ.items() if not k.startswith("CYBERORIGEN_")}
        appliance_env = dict(
            env,
            CYBERORIGEN_DATABASE_URL=self.database_url,
            CYBERORIGEN_REDIS_URL=args.redis_url,
            CYBERORIGEN_SECRET_KEY=secrets.token_urlsafe(48),
            CYBERORIGEN_INSTANCE_DIR=str(workdir / "instance"),
            CYBERORIGEN_SCANS_QUEUE=self.queues["appliance"],
            CYBERORIGEN_SCANS_PROFILES=PROFILES,
            CYBERORIGEN_SCOPE_FORBIDDEN_NETWORKS=",".join(lab_scope_policy().forbidden_networks),
        )
        python_path = [str(BENCH_DIR), *filter(None, [env.get("PYTHONPATH")])]
        bare_env = dict(env, PYTHONPATH=os.pathsep.join(python_path))
        rq_worker = [str(Path(sys.executable).with_name("rq")), "worker", "--url", args.redis_url]
        rq_worker += ["--serializer", "rq.serializers.JSONSerializer", "--path", str(BENCH_DIR)]
        commands = {
            "appliance": (
                [sys.executable, str(BENCH_DIR / "noop_worker.py"), *self.worker_args],
                appliance_env,
            ),
            "bare": ([*rq_worker, self.queues["bare"]], bare_env),
        }
        logs: dict[str, list[Path]] = {"appliance": [], "bare": []}
        for side, (command, side_env) in commands.items():
            for number in range(WORKERS):
                log = workdir / f"{side}-{number}.log"
                process = start_process(command, side_env, log)
                self.processes[side].append(process)
                logs[side].append(log)
                stack.callback(stop_process, process)
        self.logs = logs
        for side in commands:
            self.worker_names |= wait_registered(
                self.redis, self.queues[side], self.processes[side], logs[side]
            )
        rss = {
            side: ", ".join(
                "+".join(f"{rss_mib(pid):.0f}" for pid in family_pids(p.pid)) for p in processes
            )
            for side, processes in self.processes.items()
        }
        print(
            f"workers registered: {WORKERS} `cyberorigen worker` (RSS MiB {rss['appliance']}) on "
            f"{self.queues['appliance']!r}, {WORKERS} `rq worker` (RSS MiB {rss['bare']}) on "
            f"{self.queues['bare']!r}"
        )
        self.appliance = ApplianceSide(self)
        self.bare = BareSide(self)

    def _delete_redis_keys(self) -> None:
        from rq import Queue

        for name in self.queues.values():
            with contextlib.suppress(Exception):
                Queue(name, connection=self.redis).delete(delete_jobs=True)
        deleted = delete_redis_keys(self.redis, self.prefix, self.job_ids | self.worker_names)
        print(f"deleted {deleted} Redis keys")


HEADER = (
    "  batch      side        jobs  jobs/s  total s  RQ span s  start p50 ms   p90 ms"
    "   CPU ms/job: workers + PostgreSQL + Redis | script"
)


def _row(batch: Batch) -> str:
    return (
        f"  {batch.label:<10} {batch.side:<10} {batch.jobs:>5} {batch.rate:>7.1f} "
        f"{batch.seconds:>8.2f} {batch.rq_seconds:>10.2f} {batch.latency_ms(50):>13.1f} "
        f"{batch.latency_ms(90):>8.1f}   {batch.per_job_ms(batch.worker_cpu):>6.2f} + "
        f"{batch.per_job_ms(batch.database_cpu):.2f} + {batch.per_job_ms(batch.redis_cpu):.2f}"
        f" | {batch.per_job_ms(batch.script_cpu):.2f}"
    )


def run(args: argparse.Namespace, stack: contextlib.ExitStack) -> None:
    print("CyberOrigen scan pipeline overhead: no-op scans on `cyberorigen worker` vs bare RQ")
    print(f"machine: {machine()}")
    bench = Bench(args, stack)
    bench.setup()
    sides = (bench.appliance, bench.bare)

    for side in sides:
        side.run(args.warmup, "warm-up")
    print(f"warm-up: {args.warmup} jobs per side, not counted")
    print(f"before the measured batches: {load_average()}")
    print("\n" + HEADER)
    batches: list[Batch] = []
    for number in range(1, args.rounds + 1):
        for side in sides:
            batch = side.run(args.scans, f"round {number}")
            batches.append(batch)
            print(_row(batch), flush=True)
    print(f"after the measured batches: {load_average()}")

    best = {
        side.name: max((b for b in batches if b.side == side.name), key=lambda b: b.rate)
        for side in sides
    }
    ratio = best["appliance"].rate / best["bare"].rate
    label = "best of the rounds" if args.rounds > 1 else "the measured batch"
    print(
        f"\nthroughput ({label}): appliance {best['appliance'].rate:.1f} scans/s, "
        f"bare RQ {best['bare'].rate:.1f} jobs/s"
    )
    print(
        f"enqueue-to-start p50: appliance {best['appliance'].latency_ms(50):.1f} ms, "
        f"bare {best['bare'].latency_ms(50):.1f} ms (all {args.scans} enqueued at once: "
        "mostly time waiting in the queue)"
    )
    print(
        f"target ratio appliance/bare >= {TARGET_RATIO}: "
        f"{'PASS' if ratio >= TARGET_RATIO else 'FAIL'} ({ratio:.2f})"
    )

    if args.idle_samples:
        print(f"\nlone job on idle workers ({args.idle_samples} jobs one at a time, ms):")
        print("  side        start p50  start p90   end p50   end p90")
        for side in sides:
            to_start, to_end = side.idle_latencies(args.idle_samples)
            print(
                f"  {side.name:<10} {percentile(to_start, 50) * 1000:>10.1f} "
                f"{percentile(to_start, 90) * 1000:>10.1f} {percentile(to_end, 50) * 1000:>9.1f} "
                f"{percentile(to_end, 90) * 1000:>9.1f}"
            )

    if args.breakdown:
        figures = breakdown(bench, args.breakdown)
        fresh = figures["fresh"]
        statements = ", ".join(
            f"{name.split('_', 1)[1].upper()} {value:.1f}"
            for name, value in fresh.items()
            if name.startswith("statements_")
        )
        print(
            f"\none appliance job's own work, in this process without RQ ({args.breakdown} noop "
            "scans each way, in turns; ms per scan: wall medians, CPU means):"
        )
        print(
            "  connection                connect  run_scan   CPU here  CPU its PostgreSQL backend"
        )
        for mode, name in (("fresh", "new one per scan (horse)"), ("warm", "one kept for all")):
            row = figures[mode]
            print(
                f"  {name:<25} {row['connect_ms']:>7.2f} {row['run_scan_ms']:>9.2f} "
                f"{row['cpu_ms']:>10.2f} {row['database_cpu_ms']:>12.2f}"
            )
        print(
            f"  {fresh['statements']:.1f} SQL statements per scan ({statements}); "
            f"{fresh['transactions']:.1f} transactions committed per scan"
        )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scans", type=int, default=200, help="jobs per measured batch")
    parser.add_argument("--rounds", type=int, default=1, help="measured batches per side")
    parser.add_argument("--warmup", type=int, default=10, help="uncounted jobs per side first")
    parser.add_argument("--idle-samples", type=int, default=20, help="lone jobs per side (0: skip)")
    parser.add_argument(
        "--breakdown", type=int, default=50, help="in-process noop scans to time (0: skip)"
    )
    parser.add_argument("--timeout", type=float, default=300, help="max seconds per batch")
    parser.add_argument(
        "--fork",
        action="store_true",
        help="run the appliance's workers with --fork (a work horse forked per scan job)",
    )
    add_server_arguments(parser)
    args = parser.parse_args(argv)
    if min(args.scans, args.rounds, args.warmup) < 1 or min(args.idle_samples, args.breakdown) < 0:
        parser.error("--scans, --rounds and --warmup must be >= 1; the others >= 0")
    return args


def main(argv: list[str] | None = None) -> int:
    return run_main(run, parse_args, argv)


if __name__ == "__main__":
    sys.exit(main())
