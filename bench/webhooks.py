"""Webhook delivery: events through the outbox, dispatcher and workers, against bare signed POSTs.

A measurement, not a test (pytest never collects it). In one run it:

1. creates a fresh PostgreSQL database ``cyberorigen_bench_<random>`` (127.0.0.1:5432, user
   postgres), migrates it, adds an organization and a webhook (transport ``http``, events
   ``["vulnerability.found"]``) whose URL is a local receiver: a ``ThreadingHTTPServer`` on
   127.0.0.1 in this process that answers 200 to every POST and records, per ``webhook-id``,
   the ``time.time()`` of its first receipt;
2. starts 1 ``cyberorigen scheduler`` (the webhook dispatcher, tick 0.25 s) and, per worker
   mode, ``--workers`` ``cyberorigen worker`` processes (the default, jobs run in the worker
   processes, then ``--fork``), all with ``python -m cyberorigen.cli`` and ``CYBERORIGEN_*``
   settings
   (Redis db 14, webhook and scan queue names unique to the run, ``127.0.0.0/8`` allowed),
   and waits until the workers are registered;
3. per mode: warms up with ``--warmup`` events (not counted), then inserts ``--events``
   events with ``record_event``, one transaction each, taking ``time.time()`` just before
   each insert, and waits until the receiver has every one of their ``webhook-id``\\ s.
   deliveries/s = events / (last receipt - first insert); latency of an event = its receipt
   - its insert time. Then a backlog: as many events inserted with the dispatcher stopped
   (SIGSTOP), its clock starting when it is let go (SIGCONT): the delivery path's own pace,
   apart from the inserts' (about 1.5 s for 1,000 here, which caps the first figure). CPU
   used per delivery by the workers (with their work horses), the scheduler, PostgreSQL,
   Redis and this script is read from /proc; then ``--idle-samples`` lone events, one at a
   time;
4. runs the baseline before and after the appliance: ``--workers`` threads each POSTing its
   share of ``--events`` JSON bodies shaped like the appliance's (the envelope of a
   ``vulnerability.found`` event) with ``signature_headers`` through a plain
   ``urllib3.PoolManager`` (keep-alive) to the same receiver;
5. prints a table and the ratio appliance/baseline of the throughputs;
6. stops its processes, deletes its queues and job keys and drops its database, also on
   error, Ctrl-C or SIGTERM.

Run: ``.venv/bin/python bench/webhooks.py [--events 1000] [--workers 2]``. It exits 0
whatever the figures (it measures), 1 if the run itself failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path

from harness import (
    ServiceCpu,
    add_server_arguments,
    aware,
    cpu_seconds,
    delete_redis_keys,
    family_cpu_seconds,
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

HOST = "127.0.0.1"
EVENT_TYPE = "vulnerability.found"
USER_AGENT = "CyberOrigen-Webhooks/1"  # as plugins/notify/http.py
POLL_SECONDS = 0.01
FAILURE_CHECK_SECONDS = 0.5


# --- the receiver -----------------------------------------------------------------------------


class Receiver:
    """Answers 200 to every POST; keeps the first receipt time of each ``webhook-id``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.receipts: dict[str, float] = {}
        self.posts = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive for the clients that want it

            def do_POST(self) -> None:  # noqa: N802 - the http.server convention
                moment = time.time()
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                message_id = self.headers.get("webhook-id") or ""
                with receiver.lock:
                    receiver.posts += 1
                    receiver.receipts.setdefault(message_id, moment)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://{HOST}:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def received(self, ids) -> dict[str, float]:
        with self.lock:
            return {key: self.receipts[key] for key in ids if key in self.receipts}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- one measured batch -----------------------------------------------------------------------


@dataclass
class Batch:
    label: str
    events: int
    seconds: float  # first insert (or first POST) -> last receipt
    insert_seconds: float  # first insert -> last commit (appliance), 0 for the baseline
    latencies: list[float] = field(default_factory=list)  # insert -> receipt, seconds
    duplicates: int = 0  # POSTs received beyond one per event
    cpu: dict[str, float] = field(default_factory=dict)  # seconds, per part
    round_trips: list[float] = field(default_factory=list)  # baseline: per request, seconds
    stages: dict[str, list[float]] = field(default_factory=dict)  # appliance: seconds

    @property
    def rate(self) -> float:
        return self.events / self.seconds

    def latency_ms(self, percent: int) -> float:
        return percentile(self.latencies, percent) * 1000

    def per_delivery_ms(self, part: str) -> float:
        return self.cpu.get(part, 0.0) / self.events * 1000


def payload(number: int) -> dict:
    return {
        "scan_id": f"scan_{number:016x}",
        "finding_id": f"fnd_{number:016x}",
        "target": "app.example.com",
        "check_id": "tls.cert.expired",
        "severity": "high",
        "title": "The TLS certificate has expired",
        "location": "app.example.com:443",
    }


class Bench:
    def __init__(self, args: argparse.Namespace, stack: contextlib.ExitStack) -> None:
        self.args = args
        self.stack = stack
        self.prefix = f"cyberorigen-bench-{secrets.token_hex(4)}"
        self.webhook_queue = f"{self.prefix}-webhooks"
        self.scan_queue = f"{self.prefix}-scans"
        self.worker_names: set[str] = set()
        self.sequence = 0

    # setup ------------------------------------------------------------------------------------

    def setup(self) -> None:
        import redis

        from cyberorigen.plugin_registry import build_registry
        from cyberorigen.services.organizations import create_organization
        from cyberorigen.services.secret_box import SecretBox
        from cyberorigen.settings import load_settings
        from cyberorigen.webhooks.policy import network_policy
        from cyberorigen.webhooks.subscriptions import create_webhook, generate_secret

        args, stack = self.args, self.stack
        self.redis = redis.Redis.from_url(args.redis_url)
        self.redis.ping()
        stack.callback(self._delete_redis_keys)

        self.db, self.database_url, self.database_name = migrated_database(args.postgres_url, stack)

        self.receiver = Receiver()
        stack.callback(self.receiver.close)

        self.workdir = Path(tempfile.mkdtemp(prefix="cyberorigen-bench-"))
        stack.callback(shutil.rmtree, self.workdir, ignore_errors=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("CYBERORIGEN_")}
        self.env = dict(
            env,
            PYTHONUNBUFFERED="1",
            CYBERORIGEN_DATABASE_URL=self.database_url,
            CYBERORIGEN_REDIS_URL=args.redis_url,
            CYBERORIGEN_SECRET_KEY=secrets.token_urlsafe(48),
            CYBERORIGEN_INSTANCE_DIR=str(self.workdir / "instance"),
            CYBERORIGEN_WEBHOOKS_ALLOWED_NETWORKS="127.0.0.0/8",
            CYBERORIGEN_WEBHOOKS_QUEUE=self.webhook_queue,
            CYBERORIGEN_SCANS_QUEUE=self.scan_queue,
            CYBERORIGEN_RATELIMIT_KEY_PREFIX=self.prefix,
        )
        settings = load_settings(env=self.env)
        org = create_organization("Bench Org", "enterprise")
        self.org_id = org.id
        self.secret = generate_secret()
        webhook, _generated = create_webhook(
            SecretBox(settings.secret_key),
            build_registry(),
            network_policy(settings),
            org.id,
            None,
            {
                "url": self.receiver.url,
                "transport": "http",
                "events": [EVENT_TYPE],
                "secret": self.secret,
            },
        )
        print(
            f"database {self.database_name}: migrated; webhook {webhook.public_id} "
            f"({EVENT_TYPE}) -> {self.receiver.url}"
        )
        self.service_cpu = ServiceCpu(self.db, self.database_name, self.redis)

        log = self.workdir / "scheduler.log"
        self.scheduler = start_process(self.cli("scheduler"), self.env, log)
        self.scheduler_log = log
        stack.callback(stop_process, self.scheduler)
        deadline = time.monotonic() + 60
        while "CyberOrigen scheduler" not in log.read_text(errors="replace"):
            if self.scheduler.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the scheduler did not start; its log:\n{log_tail(log)}")
            time.sleep(0.1)
        print(f"scheduler started (the dispatcher); queues {self.webhook_queue!r}")

    @staticmethod
    def cli(*words: str) -> list[str]:
        return [sys.executable, "-m", "cyberorigen.cli", *words]

    def start_workers(self, mode: str) -> tuple[list[subprocess.Popen], list[Path]]:
        extra = ["--fork"] if mode == "fork" else []
        processes, logs = [], []
        for number in range(self.args.workers):
            log = self.workdir / f"worker-{mode}-{number}.log"
            processes.append(start_process(self.cli("worker", *extra), self.env, log))
            logs.append(log)
        self.worker_names |= wait_registered(self.redis, self.webhook_queue, processes, logs)
        return processes, logs

    def _delete_redis_keys(self) -> None:
        from rq import Queue

        queues = {self.webhook_queue, self.scan_queue}
        jobs = set()
        with contextlib.suppress(Exception):
            for raw in self.redis.scan_iter(match="rq:job:*", count=1000):
                origin = self.redis.hget(raw, "origin")
                if origin and origin.decode(errors="replace") in queues:
                    jobs.add(raw.decode(errors="replace").split(":", 2)[2])
        for name in queues:
            with contextlib.suppress(Exception):
                Queue(name, connection=self.redis).delete(delete_jobs=True)
        deleted = delete_redis_keys(self.redis, self.prefix, jobs | self.worker_names)
        print(f"deleted {deleted} Redis keys")

    # the appliance ----------------------------------------------------------------------------

    def insert(self, count: int) -> dict[str, float]:
        """``count`` events, one transaction each: {event public id: time.time() before}."""
        from cyberorigen.db import database
        from cyberorigen.services.outbox import record_event

        inserted = {}
        for _ in range(count):
            self.sequence += 1
            moment = time.time()
            with database.atomic():
                event = record_event(self.org_id, EVENT_TYPE, payload(self.sequence))
            inserted[event.public_id] = moment
        return inserted

    def check_failures(self, logs: list[Path]) -> None:
        from cyberorigen.db.models import WebhookDelivery

        bad = (
            WebhookDelivery.select()
            .where((WebhookDelivery.status == "failed") | WebhookDelivery.last_error.is_null(False))
            .first()
        )
        if bad is not None:
            raise RuntimeError(
                f"delivery {bad.public_id} is {bad.status}: {bad.last_error}; a worker's log "
                f"ends with:\n{log_tail(logs[0])}"
            )

    def wait_received(self, inserted: dict[str, float], logs: list[Path]) -> dict[str, float]:
        deadline = time.monotonic() + self.args.timeout
        next_check = time.monotonic() + FAILURE_CHECK_SECONDS
        while True:
            received = self.receiver.received(inserted)
            if len(received) == len(inserted):
                return received
            if time.monotonic() > next_check:
                self.check_failures(logs)
                next_check = time.monotonic() + FAILURE_CHECK_SECONDS
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"only {len(received)} of {len(inserted)} events received after "
                    f"{self.args.timeout:g} s; a worker's log ends with:\n{log_tail(logs[0])}"
                )
            time.sleep(POLL_SECONDS)

    def backlog(self, count: int) -> tuple[dict[str, float], float]:
        """``count`` events inserted while the dispatcher is stopped (SIGSTOP), then let go:
        ({event public id: the moment it was let go}, seconds the inserts took)."""
        os.kill(self.scheduler.pid, signal.SIGSTOP)
        try:
            started = time.time()
            inserted = self.insert(count)
            insert_seconds = time.time() - started
        finally:
            resumed = time.time()
            os.kill(self.scheduler.pid, signal.SIGCONT)
        return dict.fromkeys(inserted, resumed), insert_seconds

    def appliance(self, processes, logs, count: int, label: str, backlog: bool = False) -> Batch:
        """A batch of ``count`` events: inserted as they come (the clock of each starts at its
        insert) or, with ``backlog``, waiting all together (the clock starts when the
        dispatcher is let go: what the delivery path drains, apart from the inserts' pace)."""
        pids = [process.pid for process in processes]
        posts_before = self.receiver.posts
        workers_before = sum(family_cpu_seconds(pid) for pid in pids)
        scheduler_before = cpu_seconds(self.scheduler.pid)
        services_before = self.service_cpu.snapshot()
        script_before = time.process_time()
        if backlog:
            inserted, insert_seconds = self.backlog(count)
        else:
            inserted = self.insert(count)
            insert_seconds = time.time() - min(inserted.values())
        received = self.wait_received(inserted, logs)
        script_cpu = time.process_time() - script_before
        time.sleep(0.5)  # the last deliveries are recorded, their work horses reaped
        services_after = self.service_cpu.snapshot()
        workers_cpu = sum(family_cpu_seconds(pid) for pid in pids)
        return Batch(
            label=label,
            events=count,
            seconds=max(received.values()) - min(inserted.values()),
            insert_seconds=insert_seconds,
            latencies=[received[key] - moment for key, moment in inserted.items()],
            duplicates=self.receiver.posts - posts_before - count,
            cpu={
                "workers": workers_cpu - workers_before,
                "scheduler": cpu_seconds(self.scheduler.pid) - scheduler_before,
                "postgresql": services_after[0] - services_before[0],
                "redis": services_after[1] - services_before[1],
                "script": script_cpu,
            },
            stages=self.stages(inserted, received),
        )

    def stages(self, inserted: dict[str, float], received: dict[str, float]):
        """Where each event's time went, from its delivery job's RQ timestamps (microseconds):
        insert -> enqueued (the dispatcher: its tick, fan-out, claim), enqueued -> started
        (waiting for a worker), started -> receipt (the job up to the POST's arrival, after
        the deliveries before it in the same job), receipt -> ended (the rest of the job)."""
        from rq.job import Job
        from rq.registry import FinishedJobRegistry
        from rq.serializers import JSONSerializer

        from cyberorigen.db.models import OutboxEvent, WebhookDelivery

        events = {}
        query = (
            WebhookDelivery.select(WebhookDelivery.public_id, OutboxEvent.public_id)
            .join(OutboxEvent)
            .where(OutboxEvent.public_id.in_(list(inserted)))
            .tuples()
        )
        for delivery_id, event_id in query:
            events[delivery_id] = event_id
        registry = FinishedJobRegistry(self.webhook_queue, connection=self.redis)
        ids = registry.get_job_ids()
        stages: dict[str, list[float]] = {name: [] for name in STAGES}
        for job in Job.fetch_many(ids, self.redis, serializer=JSONSerializer):
            if job is None or not job.args:
                continue
            if not (job.enqueued_at and job.started_at and job.ended_at):
                continue
            enqueued = aware(job.enqueued_at).timestamp()
            started = aware(job.started_at).timestamp()
            ended = aware(job.ended_at).timestamp()
            for delivery_id in job.args[0]:  # a job attempts one webhook's deliveries in turn
                event_id = events.get(delivery_id)
                if event_id is None:
                    continue
                moments = (inserted[event_id], enqueued, started, received[event_id], ended)
                for name, (begin, end) in zip(STAGES, pairwise(moments), strict=True):
                    stages[name].append(end - begin)
        return stages

    def idle(self, logs, samples: int) -> list[float]:
        """Lone events, one at a time on idle workers: insert -> receipt, seconds."""
        latencies = []
        for _ in range(samples):
            time.sleep(random.uniform(0.05, 0.55))  # any phase of the dispatcher's tick (0.25 s)
            inserted = self.insert(1)
            received = self.wait_received(inserted, logs)
            latencies.extend(received[key] - moment for key, moment in inserted.items())
        return latencies

    # the baseline -----------------------------------------------------------------------------

    def baseline(self, count: int, label: str) -> Batch:
        """``--workers`` threads, each POSTing its share of ``count`` signed JSON bodies."""
        import urllib3

        from cyberorigen.plugin_api.signing import signature_headers

        run = secrets.token_hex(4)
        ids = [f"evt_bench{run}{number:06d}" for number in range(count)]
        shares = [ids[number :: self.args.workers] for number in range(self.args.workers)]
        started: dict[str, float] = {}
        round_trips: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        barrier = threading.Barrier(len(shares))

        def send(share: list[str]) -> None:
            pool = urllib3.PoolManager(maxsize=1, retries=False, timeout=10.0)
            mine, trips = {}, []
            try:
                barrier.wait()
                for message_id in share:
                    moment = time.time()
                    self.sequence += 1
                    envelope = {
                        "id": message_id,
                        "type": EVENT_TYPE,
                        "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                        "data": payload(self.sequence),
                    }
                    body = json.dumps(envelope, separators=(",", ":"), ensure_ascii=False)
                    body = body.encode()
                    headers = {
                        "Content-Type": "application/json",
                        "User-Agent": USER_AGENT,
                        **signature_headers([self.secret], message_id, int(time.time()), body),
                    }
                    response = pool.request("POST", self.receiver.url, body=body, headers=headers)
                    trips.append(time.time() - moment)
                    if response.status != 200:
                        raise RuntimeError(f"the receiver answered {response.status}")
                    mine[message_id] = moment
            except Exception as exc:  # noqa: BLE001 - reported by the caller
                errors.append(f"{type(exc).__name__}: {exc}")
            finally:
                pool.clear()
                with lock:
                    started.update(mine)
                    round_trips.extend(trips)

        posts_before = self.receiver.posts
        services_before = self.service_cpu.snapshot()
        script_before = time.process_time()
        threads = [threading.Thread(target=send, args=(share,)) for share in shares]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        script_cpu = time.process_time() - script_before
        if errors:
            raise RuntimeError(f"baseline: {len(errors)} sender(s) failed, e.g. {errors[0]}")
        received = self.receiver.received(ids)
        if len(received) != count:
            raise RuntimeError(f"baseline: only {len(received)} of {count} POSTs received")
        services_after = self.service_cpu.snapshot()
        return Batch(
            label=label,
            events=count,
            seconds=max(received.values()) - min(started.values()),
            insert_seconds=0.0,
            latencies=[received[key] - moment for key, moment in started.items()],
            duplicates=self.receiver.posts - posts_before - count,
            cpu={
                "redis": services_after[1] - services_before[1],
                "script": script_cpu,
            },
            round_trips=round_trips,
        )


STAGES = ("dispatch", "queue wait", "job to receipt", "receipt to end")


HEADER = (
    "  batch                         events  deliv/s  total s  insert s   p50 ms    p99 ms  dup"
    "   CPU ms/delivery: workers + scheduler + PostgreSQL + Redis | script"
)


def _row(batch: Batch) -> str:
    cpu = " + ".join(
        f"{batch.per_delivery_ms(part):.2f}"
        for part in ("workers", "scheduler", "postgresql", "redis")
    )
    return (
        f"  {batch.label:<29} {batch.events:>6} {batch.rate:>8.1f} {batch.seconds:>8.2f} "
        f"{batch.insert_seconds:>9.2f} {batch.latency_ms(50):>8.1f} {batch.latency_ms(99):>9.1f}"
        f" {batch.duplicates:>4}   {cpu} | {batch.per_delivery_ms('script'):.2f}"
    )


def run(args: argparse.Namespace, stack: contextlib.ExitStack) -> None:
    print("CyberOrigen webhook delivery: outbox -> dispatcher -> workers vs bare signed POSTs")
    print(f"machine: {machine()}")
    bench = Bench(args, stack)
    bench.setup()

    bench.baseline(args.warmup, "warm-up")
    batches: list[Batch] = []
    idle: dict[str, list[float]] = {}
    print(f"before the measured batches: {load_average()}")
    print("\n" + HEADER)
    batch = bench.baseline(args.events, "baseline (before)")
    batches.append(batch)
    print(_row(batch), flush=True)
    for mode in ("default", "fork"):
        processes, logs = bench.start_workers(mode)
        try:
            warm = bench.insert(args.warmup)
            bench.wait_received(warm, logs)
            batch = bench.appliance(processes, logs, args.events, f"appliance, {mode} workers")
            batches.append(batch)
            print(_row(batch), flush=True)
            label = f"backlog, {mode} workers"
            batch = bench.appliance(processes, logs, args.events, label, backlog=True)
            batches.append(batch)
            print(_row(batch), flush=True)
            if args.idle_samples:
                idle[mode] = bench.idle(logs, args.idle_samples)
        finally:
            for process in processes:
                stop_process(process)
    batch = bench.baseline(args.events, "baseline (after)")
    batches.append(batch)
    print(_row(batch), flush=True)
    print(f"after the measured batches: {load_average()}")

    baselines = [b for b in batches if b.label.startswith("baseline")]
    best = max(baselines, key=lambda b: b.rate)
    trips = [trip for b in baselines for trip in b.round_trips]
    print(
        f"\nbaseline: {args.workers} threads, urllib3 PoolManager with keep-alive; per-request "
        f"round trip p50 {percentile(trips, 50) * 1000:.2f} ms, p99 "
        f"{percentile(trips, 99) * 1000:.2f} ms (both baseline batches)"
    )
    print(f"ratio appliance/baseline of deliveries/s (baseline: the faster, {best.rate:.1f}/s):")
    for batch in batches:
        if not batch.label.startswith("baseline"):
            print(f"  {batch.label:<29} {batch.rate:>8.1f}/s  ratio {batch.rate / best.rate:.3f}")
    print(
        f"events inserted one transaction each (time.time() before each insert); the warm-up of "
        f"{args.warmup} events per mode is not counted; a backlog's events are all inserted "
        f"with the dispatcher stopped, and its clock starts when the dispatcher is let go"
    )
    print("\nwhere an event's time went (appliance; ms, p50 / p99; RQ timestamps of its job):")
    print("  batch                         jobs" + "".join(f"{name:>20}" for name in STAGES))
    for batch in batches:
        if batch.stages:
            cells = "".join(
                f"{percentile(values, 50) * 1000:>10.1f} /{percentile(values, 99) * 1000:>7.1f}"
                if values
                else f"{'-':>20}"
                for values in batch.stages.values()
            )
            count = len(batch.stages[STAGES[0]])
            print(f"  {batch.label:<29} {count:>4}{cells}")
    if idle:
        print(f"\nlone event on idle workers ({args.idle_samples} events one at a time, ms):")
        print("  mode          p50      p90      max")
        for mode, values in idle.items():
            print(
                f"  {mode:<10} {percentile(values, 50) * 1000:>7.1f} "
                f"{percentile(values, 90) * 1000:>8.1f} {max(values) * 1000:>8.1f}"
            )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000, help="events per measured batch")
    parser.add_argument("--workers", type=int, default=2, help="workers (baseline: threads)")
    parser.add_argument("--warmup", type=int, default=20, help="uncounted events per mode first")
    parser.add_argument(
        "--idle-samples", type=int, default=10, help="lone events per mode (0: skip)"
    )
    parser.add_argument("--timeout", type=float, default=300, help="max seconds per batch")
    add_server_arguments(parser)
    args = parser.parse_args(argv)
    if min(args.events, args.workers, args.warmup) < 1 or args.idle_samples < 0:
        parser.error("--events, --workers and --warmup must be >= 1, --idle-samples >= 0")
    return args


def main(argv: list[str] | None = None) -> int:
    return run_main(run, parse_args, argv)


if __name__ == "__main__":
    sys.exit(main())
