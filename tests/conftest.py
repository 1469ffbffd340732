"""Shared fixtures: a real database (SQLite, or PostgreSQL when CYBERORIGEN_TEST_DATABASE_URL
names a server), a real Redis, and helpers to make organizations, users and tokens.

PostgreSQL: the URL names a server and a maintenance database (for example
``postgresql://postgres@127.0.0.1:5432/postgres``); a fresh database is created for the run
and dropped after it.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import EntryPoint
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis as redis_lib
from rq import Queue

from cyberorigen.app import create_app
from cyberorigen.appliance import appliance_of, build_appliance
from cyberorigen.db import bind_database, database
from cyberorigen.db.migrate import upgrade
from cyberorigen.db.models import ALL_MODELS
from cyberorigen.jobs import process as job_process
from cyberorigen.plugin_api import ENTRY_POINT_GROUP
from cyberorigen.services.organizations import create_organization
from cyberorigen.services.scope import add_scope_entry
from cyberorigen.services.users import create_user
from cyberorigen.settings import Settings, load_settings
from tests.support.policy import TEST_FORBIDDEN_NETWORKS, TEST_SCOPE_POLICY
from tests.support.processes import descendants_of

REPO_ROOT = Path(__file__).resolve().parent.parent
TEST_SECRET = "test-secret-key-" + "x" * 32
PASSWORD = "correct horse battery staple"
DEFAULT_SCOPE = ("example.com", "example.org", "127.0.0.1", "::1")


# --- real services ------------------------------------------------------------------------


def _fresh_postgres_database(server_url: str) -> tuple[str, str]:
    """Create a new empty database on the server of ``server_url``; return (url, name)."""
    import psycopg2

    name = f"cyberorigen_test_{secrets.token_hex(4)}"
    connection = psycopg2.connect(server_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    parts = urlsplit(server_url)
    return urlunsplit(parts._replace(path=f"/{name}")), name


def _drop_postgres_database(server_url: str, name: str) -> None:
    import psycopg2

    connection = psycopg2.connect(server_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


@pytest.fixture(scope="session")
def postgres_server_url() -> str | None:
    url = os.environ.get("CYBERORIGEN_TEST_DATABASE_URL", "")
    return url if url.startswith(("postgresql://", "postgres://")) else None


@pytest.fixture(scope="session")
def fresh_database_url(postgres_server_url, tmp_path_factory):
    """A factory of empty databases of the kind under test (SQLite or PostgreSQL)."""
    created: list[str] = []

    def make() -> str:
        if postgres_server_url:
            url, name = _fresh_postgres_database(postgres_server_url)
            created.append(name)
            return url
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'cyberorigen.db'}"

    yield make
    for name in created:
        _drop_postgres_database(postgres_server_url, name)


@pytest.fixture(scope="session")
def database_url(fresh_database_url) -> str:
    """The database of this test run, migrated once."""
    url = fresh_database_url()
    db = bind_database(url)
    upgrade(db)
    db.close()
    return url


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("CYBERORIGEN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    client = redis_lib.Redis.from_url(url)
    try:
        client.ping()
    except redis_lib.ConnectionError as exc:  # pragma: no cover - environment problem
        pytest.fail(f"Redis is not reachable at {url}: {exc}. Start it (see .ci/run).")
    return url


@pytest.fixture
def redis_client(redis_url) -> redis_lib.Redis:
    return redis_lib.Redis.from_url(redis_url)


# --- settings and the application -------------------------------------------------------


@pytest.fixture
def make_settings(tmp_path, database_url, redis_url):
    """Settings for a test, isolated from the environment; ``redis=False`` is embedded mode."""

    def make(redis: bool = True, **overrides) -> Settings:
        values = {
            "instance_dir": str(tmp_path / "instance"),
            "secret_key": TEST_SECRET,
            "database_url": database_url,
            "redis_url": redis_url if redis else "",
            "ratelimit.key_prefix": f"cyberorigen-test-{secrets.token_hex(4)}",
            "scans.queue": f"cyberorigen-test-scans-{secrets.token_hex(4)}",
            "webhooks.queue": f"cyberorigen-test-webhooks-{secrets.token_hex(4)}",
            "assets_dir": str(REPO_ROOT / "var" / "assets"),
            "scope.forbidden_networks": list(TEST_FORBIDDEN_NETWORKS),
        }
        values.update(overrides)
        return load_settings(values, env={})

    return make


def _empty_tables(database_url: str) -> None:
    bind_database(database_url)
    database.connect(reuse_if_open=True)
    with database.atomic():
        for model in reversed(ALL_MODELS):
            model.delete().execute()
    database.close()


@pytest.fixture
def test_plugins() -> list[EntryPoint]:
    """The test plugins the apps of this test load beside the installed ones (``with_plugins``
    names them)."""
    return []


@pytest.fixture
def make_app(make_settings, database_url, test_plugins):
    """``make_app(redis=True, **settings)``: an app on an appliance of its own, with the
    plugins ``with_plugins`` named. RQ jobs a test runs in this process (``SimpleWorker``) use
    the appliance made last, as a worker's jobs use the worker's."""
    apps = []

    def make(redis: bool = True, **overrides):
        appliance = build_appliance(
            make_settings(redis=redis, **overrides), extra_plugins=test_plugins
        )
        job_process.adopt(appliance)
        app = create_app(appliance)
        app.config["TESTING"] = True
        apps.append(app)
        return app

    yield make
    for app in apps:
        appliance = appliance_of(app)
        appliance.close()  # embedded scans still running end before the tables are emptied
        if appliance.redis is not None:  # jobs no worker took: drop them with their queue
            with contextlib.suppress(redis_lib.ConnectionError):
                for name in (appliance.settings.scan_queue, appliance.settings.webhooks.queue):
                    Queue(name, connection=appliance.redis).delete(delete_jobs=True)
    _empty_tables(database_url)


@pytest.fixture
def app(make_app):
    """The appliance as in production: real Redis for limits and the token blocklist."""
    return make_app()


_client_addresses = itertools.count(1)


@pytest.fixture
def unique_address():
    """A function returning a client address used by no other test of this run."""

    def make() -> str:
        number = next(_client_addresses)
        return f"10.{number // 62500 % 250 + 1}.{number // 250 % 250}.{number % 250 + 1}"

    return make


@pytest.fixture
def client(app, unique_address):
    """The test client of ``app``, from an address of its own: the token endpoint limits
    attempts per address, and make_account logs in through this client."""
    test_client = app.test_client()
    test_client.environ_base["REMOTE_ADDR"] = unique_address()
    return test_client


# --- plugins ------------------------------------------------------------------------------

FIXTURE_PLUGINS = {
    "fixtures": "fixture_scanners",
    "broken": "broken_import",
    "future": "incompatible",
    "typo": "misspelled",
    "needs-tool": "needs_tool",
    "recorder": "lifecycle_recorder",
    "blind": "blind_scanner",
    "wanderer": "wandering",
}


@pytest.fixture
def with_plugins(monkeypatch, test_plugins):
    """``with_plugins("fixtures", "broken")``: apps built afterwards also load these test
    plugins (tests/plugin_fixtures), beside the installed ones, as entry points of their own."""
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "plugin_fixtures"))

    def use(*names: str) -> None:
        test_plugins[:] = [
            EntryPoint(name=name, value=FIXTURE_PLUGINS[name], group=ENTRY_POINT_GROUP)
            for name in names
        ]

    return use


@pytest.fixture
def banner_port():
    """A TCP service on 127.0.0.1 that greets every connection (for the banner scanner of
    tests/plugin_fixtures)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    stop = threading.Event()

    def serve():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.sendall(b"220 fixture-service ready\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(timeout=5)
    server.close()


# --- tenants, users, tokens ----------------------------------------------------------------


@dataclass
class Account:
    email: str
    password: str
    role: str
    org_name: str
    org_id: str
    user_id: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def _issue_token(client, email: str, password: str) -> str:
    response = client.post("/api/v1/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["access_token"]


@pytest.fixture
def make_account(app, client):
    """``make_account(role="analyst", org="Acme", plan="startup")`` -> an Account with a token.

    The organization is created on first use of its name, with ``scope`` (what it may scan;
    by default example.com, example.org and loopback, as an admin would have set it).
    """
    orgs = {}

    def make(
        role: str = "admin",
        org: str = "Acme",
        plan: str = "professional",
        scope: tuple[str, ...] = DEFAULT_SCOPE,
        **limits,
    ):
        database.connect(reuse_if_open=True)
        if org not in orgs:
            orgs[org] = create_organization(org, plan)
            for name, value in limits.items():
                setattr(orgs[org], name, value)
            orgs[org].save()
            for value in scope:
                add_scope_entry(orgs[org].id, value, TEST_SCOPE_POLICY)
        email = f"{role}-{secrets.token_hex(3)}@{org.lower().replace(' ', '-')}.example"
        user = create_user(orgs[org].id, email, PASSWORD, role)
        token = _issue_token(client, email, PASSWORD)
        return Account(email, PASSWORD, role, org, orgs[org].public_id, user.public_id, token)

    return make


# --- processes -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, timeout: float = 20.0, process: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


@pytest.fixture
def free_port():
    """A function returning a free TCP port on 127.0.0.1."""
    return _free_port


@pytest.fixture
def wait_for_port():
    """A function waiting until something listens on a port (or its process dies)."""
    return _wait_for_port


@pytest.fixture
def cli_env(make_settings, tmp_path) -> dict[str, str]:
    """Environment for running the ``cyberorigen`` command against the test database."""
    settings = make_settings()
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env.update(
        CYBERORIGEN_INSTANCE_DIR=str(settings.instance_dir),
        CYBERORIGEN_DATABASE_URL=settings.database_url,
        CYBERORIGEN_REDIS_URL=settings.redis_url or "",
        CYBERORIGEN_SECRET_KEY=TEST_SECRET,
        CYBERORIGEN_RATELIMIT_KEY_PREFIX=settings.ratelimit_key_prefix,
        CYBERORIGEN_SCOPE_FORBIDDEN_NETWORKS=",".join(TEST_FORBIDDEN_NETWORKS),
    )
    return env


@pytest.fixture
def serve_process(cli_env) -> Iterator:
    """Start ``cyberorigen serve`` processes on free ports; all are stopped after the test."""
    processes: list[subprocess.Popen] = []

    def start(env: dict[str, str] | None = None, workers: int = 1) -> str:
        port = _free_port()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cyberorigen.cli",
                "serve",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            env=env or cli_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        processes.append(process)
        _wait_for_port(port, process=process)
        return f"http://127.0.0.1:{port}"

    yield start
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()


# --- crashes --------------------------------------------------------------------------------


def _kill_hard(process: subprocess.Popen) -> None:
    """SIGKILL a worker, its worker processes and their work horses at once, as a crash or
    the OOM killer would. Each is stopped first, so that none forks another meanwhile."""
    doomed = [process.pid]
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGSTOP)
    for pid in descendants_of(process.pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGSTOP)
        doomed.append(pid)
    for pid in doomed:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    process.wait(timeout=10)


@pytest.fixture
def kill_hard():
    """``kill_hard(process)``: SIGKILL a worker process and all its processes at once."""
    return _kill_hard


#: ``python -c`` program: ``cyberorigen worker`` with test plugins (tests/plugin_fixtures),
#: ``argv[1]`` mapping their names to modules, added to its plugins as if installed.
_WORKER_WITH_PLUGINS = f"""
import json, sys
from importlib.metadata import EntryPoint
sys.path.insert(0, {str(Path(__file__).parent / "plugin_fixtures")!r})
from cyberorigen.cli import main
from cyberorigen.plugin_api import ENTRY_POINT_GROUP
plugins = [
    EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP)
    for name, value in json.loads(sys.argv[1]).items()
]
main(["worker", *sys.argv[2:]], prog_name="cyberorigen", obj={{"extra_plugins": plugins}})
"""


@pytest.fixture
def worker_processes(tmp_path):
    """``start(env, *options, plugins=())``: a ``cyberorigen worker`` process in a session of
    its own (``plugins``: names of test plugins it loads too); its output goes to the file
    ``process.log_path``. Every one still running is stopped (SIGTERM to its group, then
    SIGKILL) after the test."""
    started: list[subprocess.Popen] = []

    def start(env: dict[str, str], *options: str, plugins: Iterable[str] = ()) -> subprocess.Popen:
        plugins = {name: FIXTURE_PLUGINS[name] for name in plugins}
        command = (
            [sys.executable, "-c", _WORKER_WITH_PLUGINS, json.dumps(plugins), *options]
            if plugins
            else [sys.executable, "-m", "cyberorigen.cli", "worker", *options]
        )
        log_path = tmp_path / f"worker-{len(started) + 1}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        process.log_path = log_path
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in started:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # pragma: no cover
            os.killpg(process.pid, signal.SIGKILL)
