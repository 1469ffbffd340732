"""Throughput of ``GET /api/v1/scans?per_page=20`` against a bare Flask "floor".

A measurement, not a test (pytest never collects it). In one run it:

1. creates a fresh PostgreSQL database ``cyberorigen_bench_<random>`` (127.0.0.1:5432, user
   postgres) and migrates it; creates an enterprise organization whose custom hourly and daily
   limits are so large that the rate limiter counts every request but never refuses one, an
   admin, and ``--scans`` scans (10,000 by default);
2. starts the appliance with ``cyberorigen serve --workers 2`` (gunicorn, gthread, 4 threads)
   on real Redis (db 14, a key prefix unique to the run) and gets an access token;
3. starts the floor: the bare Flask app of :func:`create_floor_app`, served by the same
   ``run_gunicorn`` as the appliance, with flask-jwt-extended verifying the *same* token and
   flask-limiter counting the same two limits (hour and day, fixed window, per caller) in the
   same Redis, with headers; it answers a fixed page of 20 scan-like items;
4. loads both with ``wrk`` (warm-up, then measured rounds alternating appliance and floor) and
   prints requests/s, p50 and p99 of each, the ratio appliance/floor and PASS/FAIL against the
   targets (ratio >= 0.8, appliance p99 < 50 ms);
5. stops the servers, deletes its Redis keys and drops its database, also on error or Ctrl-C.

Run: ``/work/venv/bin/python bench/api_throughput.py [--duration 15] [--connections 32]
[--scans 10000]``. It exits 0 whatever the figures (it measures), 1 if the run itself failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from harness import (
    add_server_arguments,
    create_database,
    drop_database,
    load_average,
    machine,
    run_main,
)

HOST = "127.0.0.1"
WORKERS = 2  # gunicorn workers for both servers; threads and worker class: core/server.py
ISSUER = "cyberorigen"
AUDIENCE = "cyberorigen-api"
HUGE_LIMIT = 1_000_000_000  # counted, never reached
STRATEGY = "fixed-window"
APPLIANCE_PATH = "/api/v1/scans?per_page=20"
FLOOR_PATH = "/floor/scans?per_page=20"
TARGET_RATIO = 0.8
TARGET_P99_MS = 50.0
FLOOR_CONFIG_ENV = "CYBERORIGEN_BENCH_FLOOR"
PROFILES = ("quick", "full", "web", "tls", "network", "dns")
STATUSES = ("completed", "completed", "completed", "failed", "running", "queued")
FRAMEWORKS = (["soc2"], ["soc2", "pci-dss"], [], ["iso27001"])


# --- the floor -------------------------------------------------------------------------------


def floor_page(total: int, per_page: int = 20) -> dict:
    """A page shaped like the appliance's ``GET /api/v1/scans`` answer, fixed."""
    start = datetime(2025, 1, 1, 12, 0, 0)
    items = []
    for index in range(per_page):
        created = start - timedelta(minutes=index)
        items.append(
            {
                "id": f"scan_{index:016x}",
                "target": f"host{index}.example.com",
                "scan_type": PROFILES[index % len(PROFILES)],
                "frameworks": FRAMEWORKS[index % len(FRAMEWORKS)],
                "status": "completed",
                "progress": 100,
                "vulnerabilities_found": index % 7,
                "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "started_at": (created + timedelta(seconds=5)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "finished_at": (created + timedelta(seconds=65)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "current_step": None,
                "error": None,
            }
        )
    return {
        "items": items,
        "total": total,
        "page": 1,
        "per_page": per_page,
        "pages": math.ceil(total / per_page),
    }


def create_floor_app(
    secret_key: str,
    storage_url: str,
    key_prefix: str,
    hourly: int,
    daily: int,
    total: int,
    issuer: str = ISSUER,
    audience: str = AUDIENCE,
):
    """The least a Flask API with the appliance's auth and limits can do per request.

    The same JWT check as the appliance (algorithm, secret, issuer, audience, and the token
    blocklist asked in Redis on every request) and two fixed-window limits counted per caller
    in Redis, with the X-RateLimit headers; no database, no request-id, no schema validation
    or serialization.
    """
    import redis
    from flask import Flask
    from flask_jwt_extended import JWTManager, get_jwt, jwt_required
    from flask_limiter import Limiter

    from cyberorigen.services.token_blocklist import TokenBlocklist

    app = Flask("cyberorigen_bench_floor")
    app.config.update(
        JWT_SECRET_KEY=secret_key,
        JWT_ALGORITHM="HS256",
        JWT_DECODE_ALGORITHMS=["HS256"],
        JWT_TOKEN_LOCATION=["headers"],
        JWT_DECODE_ISSUER=issuer,
        JWT_DECODE_AUDIENCE=audience,
        RATELIMIT_STORAGE_URI=storage_url,
        RATELIMIT_STRATEGY=STRATEGY,
        RATELIMIT_KEY_PREFIX=f"{key_prefix}:{STRATEGY}",
        RATELIMIT_HEADERS_ENABLED=True,
        RATELIMIT_HEADER_LIMIT="X-RateLimit-Limit",
        RATELIMIT_HEADER_REMAINING="X-RateLimit-Remaining",
        RATELIMIT_HEADER_RESET="X-RateLimit-Reset",
        RATELIMIT_HEADER_RETRY_AFTER="Retry-After",
        RATELIMIT_STORAGE_OPTIONS={"socket_connect_timeout": 2, "socket_timeout": 2},
    )
    app.json.sort_keys = False
    blocklist = TokenBlocklist(redis.Redis.from_url(storage_url), key_prefix)
    jwt = JWTManager(app)
    jwt.token_in_blocklist_loader(lambda header, payload: blocklist.is_revoked(payload["jti"]))
    # Decorator limits are checked inside the view wrapper, so after jwt_required: the token is
    # verified once and the limits are keyed by its organization, as in the appliance.
    limiter = Limiter(key_func=lambda: f"org:{get_jwt()['org']}")
    limiter.init_app(app)
    page = floor_page(total)

    @app.get("/floor/scans")
    @jwt_required()
    @limiter.limit(f"{hourly}/hour;{daily}/day")
    def scans():
        return page

    return app


def serve_floor(port: int) -> None:
    """Entry point of the floor's process (``--serve-floor PORT``)."""
    from cyberorigen.server import run_gunicorn

    config = json.loads(os.environ[FLOOR_CONFIG_ENV])
    run_gunicorn(create_floor_app(**config), HOST, port, WORKERS)


# --- services: PostgreSQL, Redis, processes ---------------------------------------------------


def delete_redis_keys(client, prefix: str) -> int:
    deleted = 0
    for key in list(client.scan_iter(match=f"*{prefix}*", count=1000)):
        deleted += client.delete(key)
    return deleted


def migrated_organization(database_url: str, email: str, password: str):
    """The database bound, connected and migrated, with an enterprise organization whose
    limits are counted but never reached, and its admin: (database, organization, admin)."""
    from cyberorigen.db import bind_database
    from cyberorigen.db.migrate import upgrade
    from cyberorigen.services.organizations import create_organization
    from cyberorigen.services.users import create_user

    db = bind_database(database_url)
    db.connect(reuse_if_open=True)
    upgrade(db)
    with db.atomic():
        org = create_organization("Bench Org", "enterprise")
        org.hourly_limit = HUGE_LIMIT
        org.daily_limit = HUGE_LIMIT
        org.save()
        return db, org, create_user(org.id, email, password, "admin")


def seed(database_url: str, scans: int, email: str, password: str) -> float:
    """Migrate, then one organization, its admin and ``scans`` scans; return the seconds."""
    from peewee import chunked

    from cyberorigen.db.models import Scan
    from cyberorigen.services.row_counts import SCANS, count_change

    started = time.perf_counter()
    db, org, user = migrated_organization(database_url, email, password)
    try:
        newest = datetime.now(UTC).replace(tzinfo=None, microsecond=0)

        def rows():
            for index in range(scans):
                created = newest - timedelta(seconds=37 * index)
                status = STATUSES[index % len(STATUSES)]
                done = status in ("completed", "failed")
                yield {
                    "public_id": f"scan_{index:08x}{secrets.token_hex(4)}",
                    "organization": org.id,
                    "created_by": user.id,
                    "target": f"host{index % 97}.example.com",
                    "scan_type": PROFILES[index % len(PROFILES)],
                    "frameworks": FRAMEWORKS[index % len(FRAMEWORKS)],
                    "status": status,
                    "progress": 100 if done else (index * 7) % 100,
                    "vulnerabilities_found": index % 13 if done else 0,
                    "created_at": created,
                    "started_at": created + timedelta(seconds=3) if status != "queued" else None,
                    "finished_at": created + timedelta(seconds=90) if done else None,
                }

        with db.atomic():
            for batch in chunked(rows(), 1000):
                Scan.insert_many(batch).execute()
            count_change(org.id, SCANS, scans)  # as the services count what they insert
        # What autovacuum would soon do to a freshly filled table; done now so that it does not
        # happen in the middle of a measured round (it turns COUNT into an index-only scan).
        db.execute_sql(f"VACUUM ANALYZE {Scan._meta.table_name}")
    finally:
        db.close()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"server exited with {process.returncode} before listening; "
                f"its log ({log}):\n{log.read_text(errors='replace')[-3000:]}"
            )
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {HOST}:{port} after {timeout}s; see {log}")


def start_server(command: list[str], env: dict[str, str], port: int, log: Path):
    """Start a server in its own session (so Ctrl-C reaches only this script)."""
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,  # gunicorn's access log: one line per request
            stderr=stderr,
            start_new_session=True,
        )
    return process


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()  # gunicorn: graceful stop of the master and its workers
    try:
        process.wait(timeout=25)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # the group this script started
        process.wait(timeout=10)


def http(method: str, url: str, token: str | None = None, form: dict | None = None):
    """(status, headers, parsed JSON body) of one request to a local server."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(url, data=data, method=method)  # noqa: S310 - local http
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for attempt in range(50):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, dict(response.headers), json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), json.loads(exc.read() or b"null")
        except (ConnectionError, urllib.error.URLError):
            if attempt == 49:
                raise
            time.sleep(0.2)  # the master listens before its workers have booted
    raise AssertionError("unreachable")


def _clean_environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}


def appliance_server(env, database_url, redis_url, secret_key, workdir, prefix):
    """The command (without its ``--port``) and environment of ``cyberorigen serve`` with
    :data:`WORKERS` workers on ``database_url`` and ``redis_url``."""
    cyberorigen = Path(sys.executable).with_name("cyberorigen")
    if not cyberorigen.exists():
        cyberorigen = Path(shutil.which("cyberorigen") or "cyberorigen")
    command = [str(cyberorigen), "serve", "--host", HOST, "--workers", str(WORKERS)]
    server_env = dict(
        env,
        CYBERORIGEN_DATABASE_URL=database_url,
        CYBERORIGEN_REDIS_URL=redis_url,
        CYBERORIGEN_SECRET_KEY=secret_key,
        CYBERORIGEN_INSTANCE_DIR=str(workdir / "instance"),
        CYBERORIGEN_RATELIMIT_KEY_PREFIX=prefix,
    )
    return command, server_env


def shape(page: dict) -> tuple:
    return tuple(page), tuple(page["items"][0]) if page.get("items") else ()


# --- wrk -------------------------------------------------------------------------------------


@dataclass
class WrkResult:
    target: str
    round: int
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int
    server_cpu_ms: float = math.nan  # CPU per request of the server's processes
    database_cpu_ms: float = 0.0  # CPU per request of its PostgreSQL backends

    @property
    def valid(self) -> bool:
        return self.requests > 0 and self.non_2xx == 0 and self.socket_errors == 0


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _latency_ms(output: str, percentile: str) -> float:
    match = re.search(rf"^\s*{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    if not match:
        raise RuntimeError(f"no {percentile}% latency in wrk's output:\n{output}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output: str, target: str, round_number: int) -> WrkResult:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if not (rps and total):
        raise RuntimeError(f"cannot read wrk's output:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        target=target,
        round=round_number,
        requests=int(total.group(1)),
        rps=float(rps.group(1)),
        p50_ms=_latency_ms(output, "50"),
        p99_ms=_latency_ms(output, "99"),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
    )


def run_wrk(wrk: str, url: str, token: str, seconds: int, connections: int) -> str:
    threads = min(2, connections)
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "10s", "-H", f"Authorization: Bearer {token}", url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return done.stdout


# --- the run ---------------------------------------------------------------------------------


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _proc_stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds used) of a process, from /proc; None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds used so far by ``root`` and its descendants (gunicorn master and workers)."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _proc_stat(int(entry.name))):
            stats[int(entry.name)] = stat
    family, total, grew = {root}, 0.0, True
    while grew:
        grew = False
        for pid, (parent, _cpu) in stats.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    for pid in family:
        total += stats.get(pid, (0, 0.0))[1]
    return total


class DatabaseCpu:
    """CPU used by the PostgreSQL backends serving one database (the server is local)."""

    def __init__(self, server_url: str, name: str) -> None:
        import psycopg2

        self._connection = psycopg2.connect(server_url)  # not a backend of ``name``
        self._connection.autocommit = True
        self._name = name

    def snapshot(self) -> dict[int, float]:
        with self._connection.cursor() as cursor:
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (self._name,))
            pids = [row[0] for row in cursor.fetchall()]
        return {pid: stat[1] for pid in pids if (stat := _proc_stat(pid))}

    @staticmethod
    def used(before: dict[int, float], after: dict[int, float]) -> float:
        return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())

    def close(self) -> None:
        self._connection.close()


HEADER = (
    "  round  target         req/s   p50 ms   p99 ms  requests  errors"
    "   CPU ms/request: server + PostgreSQL"
)


SCALE_HEADER = HEADER.replace("round  target    ", "path".ljust(21))


def _row(result: WrkResult, label: str | None = None) -> str:
    flag = "" if result.valid else "  INVALID (errors or non-2xx answers)"
    cpu = result.server_cpu_ms + result.database_cpu_ms
    first = f"{label or result.round!s:<6} {result.target:<10}"
    if not result.target:  # a path's row (--rows)
        first = f"{label:<21}"
    return (
        f"  {first} {result.rps:>9.1f} "
        f"{result.p50_ms:>8.2f} {result.p99_ms:>8.2f} {result.requests:>9} "
        f"{result.non_2xx + result.socket_errors:>7}   "
        f"{cpu:>5.2f} = {result.server_cpu_ms:.2f} + {result.database_cpu_ms:.2f}{flag}"
    )


def run_redis(args: argparse.Namespace, stack: contextlib.ExitStack):
    """Redis for this run: its db, and a key prefix of its own (only keys carrying it are
    deleted at the end); (prefix, client)."""
    import redis

    prefix = f"cyberorigen-bench-{secrets.token_hex(4)}"
    redis_client = redis.Redis.from_url(args.redis_url)
    redis_client.ping()
    stack.callback(lambda: print(f"deleted {delete_redis_keys(redis_client, prefix)} Redis keys"))
    return prefix, redis_client


def bench(args: argparse.Namespace, wrk: str, stack: contextlib.ExitStack) -> None:
    print("CyberOrigen API throughput: GET /api/v1/scans?per_page=20 vs a bare Flask floor")
    print(f"machine: {machine()}")
    print(
        f"load: wrk {min(2, args.connections)} threads, {args.connections} connections, "
        f"{args.warmup} s warm-up + {args.rounds} x {args.duration} s per target, alternating"
    )

    prefix, redis_client = run_redis(args, stack)

    # PostgreSQL: a fresh database, dropped at the end.
    database_url, database_name = create_database(args.postgres_url)
    stack.callback(print, f"dropped database {database_name}")
    stack.callback(drop_database, args.postgres_url, database_name)
    email, password = "bench-admin@bench.example", secrets.token_urlsafe(18)
    seconds = seed(database_url, args.scans, email, password)
    print(f"database {database_name}: migrated, {args.scans:,} scans inserted in {seconds:.1f} s")

    workdir = Path(tempfile.mkdtemp(prefix="cyberorigen-bench-"))
    stack.callback(shutil.rmtree, workdir, ignore_errors=True)
    secret_key = secrets.token_urlsafe(48)

    env = _clean_environment()
    appliance_command, appliance_env = appliance_server(
        env, database_url, args.redis_url, secret_key, workdir, prefix
    )
    floor_env = dict(
        env,
        **{
            FLOOR_CONFIG_ENV: json.dumps(
                {
                    "secret_key": secret_key,
                    "storage_url": args.redis_url,
                    "key_prefix": f"{prefix}-floor",
                    "hourly": HUGE_LIMIT,
                    "daily": HUGE_LIMIT,
                    "total": args.scans,
                }
            )
        },
    )
    appliance_port, uncached_port, floor_port = free_port(), free_port(), free_port()
    # The same appliance keeping no pages (api.page_cache_seconds = 0): what a list request
    # costs when it misses, as the first read after every write does.
    uncached_command = [*appliance_command, "--port", str(uncached_port)]
    uncached_env = dict(
        appliance_env,
        CYBERORIGEN_API_PAGE_CACHE_SECONDS="0",
        CYBERORIGEN_RATELIMIT_KEY_PREFIX=f"{prefix}-uncached",
    )
    appliance_command += ["--port", str(appliance_port)]
    floor_command = [sys.executable, str(Path(__file__).resolve()), "--serve-floor"]
    floor_command.append(str(floor_port))
    servers = {
        "appliance": (appliance_command, appliance_env, appliance_port),
        "uncached": (uncached_command, uncached_env, uncached_port),
        "floor": (floor_command, floor_env, floor_port),
    }
    processes = {}
    for name, (command, server_env, port) in servers.items():
        log = workdir / f"{name}.log"
        processes[name] = start_server(command, server_env, port, log)
        stack.callback(stop_server, processes[name])
        wait_for_port(port, processes[name], log)
    database_cpu = DatabaseCpu(args.postgres_url, database_name)
    stack.callback(database_cpu.close)
    base = {name: f"http://{HOST}:{port}" for name, (_c, _e, port) in servers.items()}

    token_url = base["appliance"] + "/api/v1/auth/token"
    status, _headers, body = http("POST", token_url, form={"username": email, "password": password})
    if status != 200:
        raise RuntimeError(f"token request refused ({status}): {body}")
    token = body["access_token"]

    urls = {
        "appliance": base["appliance"] + APPLIANCE_PATH,
        "uncached": base["uncached"] + APPLIANCE_PATH,
        "floor": base["floor"] + FLOOR_PATH,
    }
    pages = {}
    for name, url in urls.items():
        status, headers, page = http("GET", url, token=token)
        if status != 200:
            raise RuntimeError(f"{name}: GET {url} answered {status}: {page}")
        if "X-RateLimit-Limit" not in headers:
            raise RuntimeError(f"{name}: no X-RateLimit-Limit header: the limiter is not counting")
        pages[name] = page
    if pages["appliance"]["total"] != args.scans:
        raise RuntimeError(
            f"the appliance counts {pages['appliance']['total']} scans, not {args.scans}"
        )
    if pages["uncached"] != pages["appliance"]:
        raise RuntimeError("the appliance answers another page when it keeps none")
    if shape(pages["appliance"]) != shape(pages["floor"]):
        raise RuntimeError(
            f"the pages differ in shape: {shape(pages['appliance'])} vs {shape(pages['floor'])}"
        )
    print(
        f"both answer 200 with the same token and the same page shape "
        f"({len(pages['appliance']['items'])} items of {pages['appliance']['total']:,})"
    )

    for url in urls.values():
        run_wrk(wrk, url, token, args.warmup, args.connections)
    results: list[WrkResult] = []
    print(f"before the measured rounds: {load_average()}")
    print("\n" + HEADER)
    for round_number in range(1, args.rounds + 1):
        for name, url in urls.items():
            server_before = tree_cpu_seconds(processes[name].pid)
            database_before = database_cpu.snapshot()
            output = run_wrk(wrk, url, token, args.duration, args.connections)
            server_used = tree_cpu_seconds(processes[name].pid) - server_before
            database_used = database_cpu.used(database_before, database_cpu.snapshot())
            result = parse_wrk(output, name, round_number)
            result.server_cpu_ms = server_used / max(result.requests, 1) * 1000
            result.database_cpu_ms = database_used / max(result.requests, 1) * 1000
            results.append(result)
            print(_row(result), flush=True)
    print(f"after the measured rounds: {load_average()}")

    counted = sum(
        int(redis_client.get(key) or 0)
        for key in redis_client.scan_iter(match=f"*{prefix}:{STRATEGY}*hour*", count=1000)
    )
    print(f"\nrate-limit hourly counter of the appliance's organization: {counted:,} requests")

    best = {
        name: max((r for r in results if r.target == name), key=lambda r: r.rps) for name in urls
    }
    median_rps = {
        name: statistics.median(r.rps for r in results if r.target == name) for name in urls
    }
    print(f"best of {args.rounds} rounds (the round with the most requests/s of each target):")
    print(HEADER)
    for name in urls:
        print(_row(best[name], "best"))
    ratio = best["appliance"].rps / best["floor"].rps
    median_ratio = median_rps["appliance"] / median_rps["floor"]
    valid = all(r.valid for r in results)
    p99 = best["appliance"].p99_ms
    print(f"\nratio appliance/floor (best): {ratio:.2f}   (median of rounds: {median_ratio:.2f})")
    uncached_ratio = best["uncached"].rps / best["floor"].rps
    print(
        f"ratio uncached/floor (best): {uncached_ratio:.2f}   (every request a miss: the "
        "page read from the database, as after a write)"
    )
    print(
        f"target ratio appliance/floor >= {TARGET_RATIO}: "
        f"{'PASS' if valid and ratio >= TARGET_RATIO else 'FAIL'} ({ratio:.2f})"
    )
    print(
        f"target appliance p99 < {TARGET_P99_MS:g} ms:     "
        f"{'PASS' if valid and p99 < TARGET_P99_MS else 'FAIL'} ({p99:.2f} ms)"
    )
    if not valid:
        print("some rounds had errors or non-2xx answers: the figures above are not valid")


# --- reads at scale over HTTP (--rows) -------------------------------------------------------


def seed_at_scale(database_url: str, rows: int, email: str, password: str) -> float:
    """Migrate, then one organization (limits never reached) and its admin with ``rows``
    scans and ``rows`` open findings (``reads_at_scale.seed_rows``); return the seconds."""
    from reads_at_scale import seed_rows

    started = time.perf_counter()
    db, org, _admin = migrated_organization(database_url, email, password)
    try:
        seed_rows(rows, org)
    finally:
        db.close()
    return time.perf_counter() - started


def scale_paths(rows: int, per_page: int = 20) -> dict[str, str]:
    """What ``--rows`` measures at each size: the lists' first and middle pages, the controls
    and a framework report."""
    middle = max(1, rows // per_page // 2)
    return {
        "/scans page 1": f"/api/v1/scans?per_page={per_page}",
        "/scans middle page": f"/api/v1/scans?per_page={per_page}&page={middle}",
        "/findings page 1": f"/api/v1/findings?per_page={per_page}",
        "/findings middle page": f"/api/v1/findings?per_page={per_page}&page={middle}",
        "/controls": "/api/v1/controls?per_page=100",
        "SOC 2 report": "/api/v1/frameworks/soc2-2017/report",
    }


@dataclass
class Walk:
    """A walk through pages one request at a time: the jump to its first page, then the
    p50 and p99 of each next page."""

    jump_ms: float
    p50_ms: float
    p99_ms: float
    steps: int
    valid: bool = True


def walk_pages(base: str, path: str, token: str, steps: int = 40) -> Walk:
    """Read ``path`` (a middle page), then the ``steps`` pages after it, each once."""
    parts = urllib.parse.urlsplit(path)
    query = dict(urllib.parse.parse_qsl(parts.query))
    first = int(query["page"])
    times = []
    for page in range(first, first + steps + 1):
        query["page"] = str(page)
        url = f"{base}{parts.path}?{urllib.parse.urlencode(query)}"
        started = time.perf_counter()
        status, _headers, body = http("GET", url, token=token)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200 or not body["items"]:
            raise RuntimeError(f"GET {url} answered {status} with {len(body.get('items', []))}")
    following = sorted(times[1:])
    return Walk(
        jump_ms=times[0],
        p50_ms=statistics.median(following),
        p99_ms=following[min(len(following) - 1, int(0.99 * len(following)))],
        steps=steps,
    )


def bench_rows(args: argparse.Namespace, wrk: str, stack: contextlib.ExitStack) -> None:
    """For each size of ``--rows``: a fresh database, the appliance on it, and each of
    :func:`scale_paths` loaded by wrk; then p50 at the largest size against the smallest."""
    print("CyberOrigen reads at scale over HTTP: lists, controls and a report as rows grow")
    print(f"machine: {machine()}")
    print(
        f"load: wrk {min(2, args.connections)} threads, {args.connections} connections, "
        f"{args.warmup} s warm-up + {args.duration} s per path and size"
    )
    prefix, _redis_client = run_redis(args, stack)
    email, password = "bench-admin@bench.example", secrets.token_urlsafe(18)
    measured: dict[str, dict[int, WrkResult]] = {}
    for rows in args.rows:
        sized = contextlib.ExitStack()
        stack.callback(sized.close)
        database_url, database_name = create_database(args.postgres_url)
        sized.callback(drop_database, args.postgres_url, database_name)
        seconds = seed_at_scale(database_url, rows, email, password)
        workdir = Path(tempfile.mkdtemp(prefix="cyberorigen-bench-"))
        sized.callback(shutil.rmtree, workdir, ignore_errors=True)
        command, server_env = appliance_server(
            _clean_environment(),
            database_url,
            args.redis_url,
            secrets.token_urlsafe(48),
            workdir,
            f"{prefix}-{rows}",
        )
        # wrk asks for the same page again and again: with pages kept, it would measure
        # Redis. These sizes measure what a read costs the database, so none is kept.
        server_env["CYBERORIGEN_API_PAGE_CACHE_SECONDS"] = "0"
        port = free_port()
        log = workdir / "appliance.log"
        process = start_server([*command, "--port", str(port)], server_env, port, log)
        sized.callback(stop_server, process)
        wait_for_port(port, process, log)
        database_cpu = DatabaseCpu(args.postgres_url, database_name)
        sized.callback(database_cpu.close)
        base = f"http://{HOST}:{port}"
        status, _headers, body = http(
            "POST", base + "/api/v1/auth/token", form={"username": email, "password": password}
        )
        if status != 200:
            raise RuntimeError(f"token request refused ({status}): {body}")
        token = body["access_token"]
        print(f"\n{rows:,} scans and open findings (seeded in {seconds:.1f} s):")
        print(SCALE_HEADER)
        for label, path in scale_paths(rows).items():
            status, _headers, page = http("GET", base + path, token=token)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}: {page}")
            run_wrk(wrk, base + path, token, args.warmup, args.connections)
            server_before = tree_cpu_seconds(process.pid)
            database_before = database_cpu.snapshot()
            output = run_wrk(wrk, base + path, token, args.duration, args.connections)
            result = parse_wrk(output, "", 1)
            used = tree_cpu_seconds(process.pid) - server_before
            result.server_cpu_ms = used / max(result.requests, 1) * 1000
            database_used = database_cpu.used(database_before, database_cpu.snapshot())
            result.database_cpu_ms = database_used / max(result.requests, 1) * 1000
            measured.setdefault(label, {})[rows] = result
            print(_row(result, label), flush=True)
        # The same appliance keeping pages (the default): a walk from the middle page on,
        # each next page read once, from where the page before it ended.
        walker_env = dict(server_env, CYBERORIGEN_API_PAGE_CACHE_SECONDS="30")
        walker_port = free_port()
        walker_log = workdir / "walker.log"
        walker = start_server(
            [*command, "--port", str(walker_port)], walker_env, walker_port, walker_log
        )
        sized.callback(stop_server, walker)
        wait_for_port(walker_port, walker, walker_log)
        for label, path in scale_paths(rows).items():
            if "middle page" in label:
                walked = walk_pages(f"http://{HOST}:{walker_port}", path, token)
                name = label.replace("middle page", "walk from the middle")
                measured.setdefault(name, {})[rows] = walked
                print(
                    f"{name:<21} one at a time: jump to the middle p50 {walked.jump_ms:.2f} ms; "
                    f"each next page p50 {walked.p50_ms:.2f} ms, p99 {walked.p99_ms:.2f} ms "
                    f"({walked.steps} pages)",
                    flush=True,
                )
        sized.close()
    smallest, largest = args.rows[0], args.rows[-1]
    print(f"\nsummary (p50 at {largest:,} / p50 at {smallest:,}, target <= 1.5x):")
    for label, by_size in measured.items():
        ratio = by_size[largest].p50_ms / by_size[smallest].p50_ms
        valid = all(result.valid for result in by_size.values())
        verdict = "PASS" if valid and ratio <= 1.5 else "FAIL"
        print(f"  {label:<31} {ratio:6.2f}x  {verdict}")
    controls = measured["/controls"][largest]
    print(
        f"target /controls p50 at {largest:,} <= 50 ms: "
        f"{'PASS' if controls.valid and controls.p50_ms <= 50 else 'FAIL'} "
        f"({controls.p50_ms:.2f} ms at {args.connections} connections)"
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=15, help="seconds per measured run")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections")
    parser.add_argument("--scans", type=int, default=10_000, help="scans in the organization")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of warm-up per target")
    parser.add_argument("--rounds", type=int, default=2, help="measured rounds per target")
    parser.add_argument(
        "--rows",
        type=lambda text: [int(item) for item in text.split(",")],
        help="instead of the floor: reads at these sizes (scans and open findings), "
        "e.g. 10000,100000,1000000",
    )
    add_server_arguments(parser)
    parser.add_argument("--serve-floor", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if min(args.duration, args.connections, args.scans, args.warmup, args.rounds) < 1:
        parser.error("--duration, --connections, --scans, --warmup and --rounds must be >= 1")
    if args.rows is not None and (not args.rows or min(args.rows) < 1):
        parser.error("--rows: sizes of at least 1, comma-separated")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.serve_floor:
        serve_floor(args.serve_floor)
        return 0
    wrk = shutil.which("wrk")
    if not wrk:
        print(
            "wrk is not installed: `apt-get update && apt-get install -y wrk`, then run again.",
            file=sys.stderr,
        )
        return 1
    run = bench_rows if args.rows else bench
    return run_main(lambda parsed, stack: run(parsed, wrk, stack), parse_args, argv, describe=str)


if __name__ == "__main__":
    sys.exit(main())
