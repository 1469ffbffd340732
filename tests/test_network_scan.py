"""A network scan: a range target, discovery, then every service examined by its scanner.

The lab is loopback: 127.0.0.0/8 gives many addresses on one machine, each a "host" with
services on ports no scanner would try on its own:

- 127.0.1.2: HTTPS on 8443 (an expired, self-signed certificate for another name, no security
  headers) and plaintext HTTP on 8080 (no redirect to HTTPS);
- 127.0.1.3: an SMTP server's greeting on 2525;
- 127.0.1.4: OpenSSH on 2222, allowing password logins and legacy algorithms (when sshd is
  installed);
- 127.0.1.5: redis-server on 6380 without authentication (when redis-server is installed);
- 127.0.1.6: TLS around something that is not HTTP on 9443.

The scan of ``127.0.1.0/28`` must find every one of them, run http on both web services, tls
on both TLS ones, ssh on the SSH one, report what each finds, and list the hosts and services
as assets. A scan of targets that do not exist fails with "no host answered" and credits
nothing.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest
from support.embedded import EmbeddedScans
from support.pki import make_pki, server_context
from support.processes import children_of
from support.servers import HttpServer, QuietHandler, TlsServer
from test_scanner_ssh import SSHD, WEAK_CONFIG, start_sshd

from cyberorigen.appliance import appliance_of
from cyberorigen.db import database
from cyberorigen.db.models import OutboxEvent, Scan, ScannerRun

LAB = "127.0.1.0/28"
PORTS = "2222,2525,6380,8080,8443,9443"
PROFILES = {"lab": ["http", "tls", "ports", "ssh"]}
OPTIONS = {"ports": {"ports": PORTS, "use_nmap": False, "timeout": 1.0, "banner_timeout": 1.0}}


class Page(QuietHandler):
    server_version = "lab"
    sys_version = ""

    def do_GET(self):  # noqa: N802 - http.server's naming
        self.reply(200, b"<html><body>lab</body></html>", {"Content-Type": "text/html"})

    do_HEAD = do_GET  # noqa: N815


class Greeting:
    """A server that sends one line first (an SMTP greeting) on ``host``:``port``."""

    def __init__(self, host: str, port: int, line: bytes) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.sock.listen(16)
        self.line = line
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                try:
                    conn.sendall(self.line)
                    conn.settimeout(1)
                    conn.recv(1024)
                except OSError:
                    pass

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self.sock.close()


def _redis(host: str, port: int) -> subprocess.Popen | None:
    binary = shutil.which("redis-server")
    if binary is None:
        return None
    process = subprocess.Popen(  # noqa: S603 - the test's own server
        [binary, "--bind", host, "--port", str(port), "--save", "", "--appendonly", "no"]
        + ["--protected-mode", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=0.5).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError("redis-server did not start")


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[dict]:
    folder = tmp_path_factory.mktemp("lab")
    pki = make_pki(folder, "Lab CA", 1, 365)
    expired = pki.leaf(
        "expired", self_signed=True, days_before=40, days_after=-10, names=("other.example",)
    )
    starts = (
        lambda: HttpServer(Page, server_context(*expired), host="127.0.1.2", port=8443, quiet=True),
        lambda: HttpServer(Page, host="127.0.1.2", port=8080, quiet=True),
        lambda: Greeting("127.0.1.3", 2525, b"220 lab.example ESMTP ready\r\n"),
        lambda: TlsServer(server_context(*pki.leaf("plain-tls")), host="127.0.1.6", port=9443),
    )
    with contextlib.ExitStack() as stack:  # a server that cannot start stops the others
        for start in starts:
            stack.callback(start().close)
        sshd = None
        if SSHD is not None:
            sshd = start_sshd(folder / "sshd", [*WEAK_CONFIG, "ListenAddress 127.0.1.4:2222"])
            stack.callback(sshd.close)
        redis = _redis("127.0.1.5", 6380)
        if redis is not None:
            stack.callback(redis.wait, 10)
            stack.callback(redis.terminate)
        yield {"ssh": sshd is not None, "redis": redis is not None}


@pytest.fixture
def appliance(make_app, make_account, unique_address):
    """An embedded appliance: ``scan(body)`` runs a scan as an analyst to its end and returns
    it; ``get(path)`` reads the API; ``other(path)`` reads it as another organization."""
    analyst = make_account(role="analyst", scope=("127.0.0.0/16", "lab.invalid"))
    outsider = make_account(role="admin", org="Elsewhere", scope=("127.0.0.0/16",))
    scans = EmbeddedScans(make_app, analyst, unique_address, **{"scans.profiles": PROFILES})

    def scan(body: dict) -> dict:
        return scans.scan(body)

    scan.other = lambda path: scans.answer(path, outsider)
    return scan, scans.get


def _runs(scan: dict) -> dict[tuple[str, str], dict]:
    return {(run["scanner"], run["target"]): run for run in scan["scanners"]}


def _all_checks(get, scan_id: str) -> list[dict]:
    items, page = [], 1
    while True:
        answer = get(f"/api/v1/scans/{scan_id}/checks?per_page=100&page={page}")
        items += answer["items"]
        if page >= answer["pages"]:
            return items
        page += 1


def test_a_range_scan_finds_and_examines_every_service_and_lists_the_assets(appliance, lab):
    scan_, get = appliance
    scan = scan_({"target": LAB, "scan_type": "lab", "options": OPTIONS})
    findings = get(f"/api/v1/scans/{scan['id']}/findings?per_page=100")["items"]
    assets = get("/api/v1/assets?per_page=100")["items"]
    details = {item["address"]: get(f"/api/v1/assets/{item['id']}") for item in assets}
    runs = _runs(scan)

    # Every host discovered, every service examined by the scanner of its protocol.
    assert scan["status"] == "completed", scan
    hosts = [f"127.0.1.{n}" for n in range(1, 15)]
    assert {run["target"] for run in scan["scanners"] if run["scanner"] == "ports"} == set(hosts)
    assert all(runs[("ports", host)]["status"] == "completed" for host in hosts)
    for scanner, target, service in (
        ("http", "127.0.1.2:8443", "https"),
        ("http", "127.0.1.2:8080", "http"),
        ("tls", "127.0.1.2:8443", "https"),
        ("tls", "127.0.1.6:9443", "tls"),
    ):
        run = runs[(scanner, target)]
        assert (run["status"], run["service"]) == ("completed", service), run
    if lab["ssh"]:
        assert runs[("ssh", "127.0.1.4:2222")]["status"] == "completed"
    # A host without such a service: not applicable, with why (it credits nothing).
    assert runs[("http", "127.0.1.7")]["status"] == "not_applicable"
    assert "discovery found no http, https service" in runs[("http", "127.0.1.7")]["error"]
    assert scan["coverage"]["targets"] == 14
    assert scan["coverage"]["services_found"] == 4 + lab["ssh"] + lab["redis"]

    # Each check on each service ended passed, failed or inconclusive, with why.
    outcomes = _all_checks(get, scan["id"])
    on_https = {
        item["check_id"]: item
        for item in outcomes
        if (item["scanner"], item["target"]) == ("http", "127.0.1.2:8443")
    }
    assert on_https["http.hsts_missing"]["outcome"] == "failed"
    assert on_https["http.trace_enabled"]["outcome"] == "passed"
    on_7 = [item for item in outcomes if (item["scanner"], item["target"]) == ("http", "127.0.1.7")]
    assert on_7 and {(item["outcome"], item["reason"]) for item in on_7} == {
        ("inconclusive", "not_applicable")
    }
    assert sum(
        scan["coverage"][f"checks_{key}"] for key in ("passed", "failed", "inconclusive")
    ) == (len(outcomes))

    # What each scanner found on its service. The certificate is the tls scanner's to
    # report: http examined the HTTPS site anyway.
    found = {(item["check_id"], item["target"]) for item in findings}
    assert ("tls.cert.expired", "127.0.1.2") in found
    assert ("tls.cert.hostname_mismatch", "127.0.1.2") in found
    assert ("tls.cert.untrusted_chain", "127.0.1.6") in found
    hsts = [item for item in findings if item["check_id"] == "http.hsts_missing"]
    assert [item["location"] for item in hsts] == ["https://127.0.1.2:8443/"]
    assert ("http.no_https_redirect", "127.0.1.2") in found  # 8080 does not hand over
    if lab["ssh"]:
        assert {("ssh.password_auth", "127.0.1.4"), ("ssh.weak_kex", "127.0.1.4")} <= found
    if lab["redis"]:
        redis = [
            item
            for item in findings
            if item["check_id"] == "ports.database_exposed" and item["target"] == "127.0.1.5"
        ]
        assert redis and redis[0]["severity"] == "critical", redis

    # The inventory: the hosts that answered with a service, and their services.
    expected = {"127.0.1.2", "127.0.1.3", "127.0.1.6"}
    expected |= {"127.0.1.4"} if lab["ssh"] else set()
    expected |= {"127.0.1.5"} if lab["redis"] else set()
    assert {item["address"] for item in assets} == expected
    services = {item["port"]: item for item in details["127.0.1.2"]["services"]}
    assert set(services) == {8080, 8443}
    assert (services[8080]["protocol"], services[8080]["tls"]) == ("http", False)
    assert (services[8443]["protocol"], services[8443]["tls"]) == ("https", True)
    assert services[8443]["certificate"]["names"] == ["other.example"]
    assert details["127.0.1.3"]["services"][0]["protocol"] == "smtp"
    tls_only = details["127.0.1.6"]["services"][0]
    assert (tls_only["protocol"], tls_only["tls"]) == ("tls", True)
    assert hsts[0]["asset_id"] == details["127.0.1.2"]["id"]
    assert hsts[0]["service_id"] == services[8443]["id"]

    # Another organization sees none of it: its list is empty, a host is "not found".
    assert scan_.other("/api/v1/assets").get_json()["total"] == 0
    assert scan_.other(f"/api/v1/assets/{details['127.0.1.2']['id']}").status_code == 404

    # Each host and service is announced once.
    database.connect(reuse_if_open=True)
    events = [
        event
        for event in OutboxEvent.select().order_by(OutboxEvent.id)
        if event.payload.get("scan_id") == scan["id"]
    ]
    announced = [event.payload["address"] for event in events if event.type == "asset.discovered"]
    assert sorted(announced) == sorted(expected)
    services_announced = [
        event.payload["address"] for event in events if event.type == "service.discovered"
    ]
    assert len(services_announced) == len(set(services_announced))
    assert set(services_announced) >= {
        "127.0.1.2:8080",
        "127.0.1.2:8443",
        "127.0.1.3:2525",
        "127.0.1.6:9443",
    }


def test_targets_that_do_not_exist_fail_and_credit_nothing(appliance, lab):
    scan, get = appliance
    result = scan(
        {
            "target": "a.lab.invalid, b.lab.invalid",
            "scan_type": "lab",
            "frameworks": ["pci-dss"],
            "options": OPTIONS,
        }
    )

    assert result["status"] == "failed", result
    assert result["error"].startswith("no host answered: "), result["error"]
    assert {run["status"] for run in result["scanners"]} == {"failed"}
    assert result["compliance"] is None
    assert (result["coverage"]["checks_passed"], result["coverage"]["checks_failed"]) == (0, 0)
    assert {item["outcome"] for item in _all_checks(get, result["id"])} == {"inconclusive"}
    controls = get("/api/v1/controls?per_page=100")["items"]
    assert not [item for item in controls if item["status"] == "implemented"]


def test_a_range_wider_than_the_limit_or_outside_the_scope_is_refused(make_app, make_account):
    analyst = make_account(role="analyst", scope=("127.0.0.0/16",))
    client = make_app(redis=False, **{"scans.profiles": PROFILES}).test_client()

    wide = client.post(
        "/api/v1/scans",
        json={"target": "127.0.0.0/16", "scan_type": "lab"},
        headers=analyst.headers,
    )
    outside = client.post(
        "/api/v1/scans",
        json={"target": "127.0.0.0/24, 10.9.0.0/24", "scan_type": "lab"},
        headers=analyst.headers,
    )
    partly = client.post(
        "/api/v1/scans",
        json={"target": "127.0.255.250-127.1.0.5", "scan_type": "lab"},
        headers=analyst.headers,
    )
    malformed = client.post(
        "/api/v1/scans",
        json={"target": "127.0.1.9-127.0.1.2", "scan_type": "lab"},
        headers=analyst.headers,
    )

    assert wide.status_code == 422, wide.get_json()
    assert "at most 4096" in wide.get_json()["detail"]
    assert wide.get_json()["errors"] == {"target": [wide.get_json()["detail"][8:]]}
    assert outside.status_code == 403, outside.get_json()
    assert outside.get_json()["error_code"] == "TARGET_OUT_OF_SCOPE"
    assert "10.9.0.0/24" in outside.get_json()["detail"]
    assert partly.status_code == 403, partly.get_json()
    assert malformed.status_code == 422
    assert "lower address to the higher" in malformed.get_json()["detail"]


def test_cancelling_a_range_scan_stops_every_host_still_to_come(make_app, make_account, lab):
    analyst = make_account(role="analyst", scope=("127.0.0.0/16",))
    app = make_app(redis=False, **{"scans.profiles": PROFILES, "scans.host_concurrency": 1})
    client = app.test_client()
    # 8080 and 8443 say nothing first: each waits its 2 s for a banner, so the scan of the
    # first hosts is still running when it is cancelled.
    slow = {"ports": {**OPTIONS["ports"], "banner_timeout": 2.0}}
    created = client.post(
        "/api/v1/scans",
        json={"target": "127.0.1.2-127.0.1.9", "scan_type": "lab", "options": slow},
        headers=analyst.headers,
    ).get_json()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        scan = client.get(f"/api/v1/scans/{created['id']}", headers=analyst.headers).get_json()
        if any(run["status"] == "running" for run in scan["scanners"]):
            break
        time.sleep(0.05)
    cancelled = client.post(f"/api/v1/scans/{created['id']}/cancel", headers=analyst.headers)
    assert cancelled.status_code == 202, cancelled.get_json()
    appliance_of(app).jobs.shutdown()  # the run, to its very end

    scan = client.get(f"/api/v1/scans/{created['id']}", headers=analyst.headers).get_json()
    assert scan["status"] == "cancelled", scan
    statuses = [run["status"] for run in scan["scanners"] if run["scanner"] == "ports"]
    assert len(statuses) == 8, [(r["scanner"], r["target"], r["status"]) for r in scan["scanners"]]
    assert "cancelled" in statuses and statuses.count("completed") < 8, statuses
    # Every run, the ones that never started included, says how its checks ended.
    checks = client.get(
        f"/api/v1/scans/{created['id']}/checks?per_page=100&outcome=inconclusive",
        headers=analyst.headers,
    ).get_json()
    reasons = {item["reason"] for item in checks["items"]}
    assert "cancelled" in reasons or "not_run" in reasons, reasons
    database.connect(reuse_if_open=True)
    without = [
        run.id
        for run in ScannerRun.select().join(Scan).where(Scan.public_id == created["id"])
        if not run.check_outcomes.exists()
    ]
    assert without == []
    database.connect(reuse_if_open=True)
    types = {
        event.type
        for event in OutboxEvent.select()
        if event.payload.get("scan_id") == created["id"]
    }
    assert "scan.completed" not in types and "scan.failed" not in types


def _on_workers(make_app, cli_env, unique_address, **scans) -> tuple:
    """An API client on Redis and the environment of `cyberorigen worker` processes, both on
    queues of their own, with a 3 s heartbeat timeout, one host at a time, the lab's profile
    and ``scans`` settings (``hosts_per_job=2``)."""
    queue = f"cyberorigen-test-scans-{secrets.token_hex(4)}"
    settings = {
        "scans.queue": queue,
        "scans.heartbeat_timeout": 3,
        "scans.profiles": PROFILES,
        "scans.host_concurrency": 1,
        **{f"scans.{name}": value for name, value in scans.items()},
    }
    client = make_app(**settings).test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    env = dict(
        cli_env,
        CYBERORIGEN_SCANS_QUEUE=queue,
        CYBERORIGEN_WEBHOOKS_QUEUE=f"{queue}-webhooks",
        CYBERORIGEN_SCANS_HEARTBEAT_TIMEOUT="3",
        CYBERORIGEN_SCANS_PROFILES=json.dumps(PROFILES),
        CYBERORIGEN_SCANS_HOST_CONCURRENCY="1",
        **{f"CYBERORIGEN_SCANS_{name.upper()}": str(value) for name, value in scans.items()},
    )
    return client, env


def test_a_worker_killed_mid_range_leaves_the_rest_of_the_range_to_another(
    make_app, make_account, cli_env, worker_processes, kill_hard, unique_address, lab
):
    """Production: Redis and `cyberorigen worker` processes. The scan's hosts examined before
    the kill keep their results; another worker runs the rest, and the scan completes."""
    client, env = _on_workers(make_app, cli_env, unique_address)
    analyst = make_account(role="analyst", scope=("127.0.0.0/16",))
    first = worker_processes(env)
    slow = {"ports": {**OPTIONS["ports"], "banner_timeout": 1.5}}
    created = client.post(
        "/api/v1/scans",
        json={"target": "127.0.1.2-127.0.1.9", "scan_type": "lab", "options": slow},
        headers=analyst.headers,
    ).get_json()

    def ports_runs() -> dict[str, dict]:
        scan = client.get(f"/api/v1/scans/{created['id']}", headers=analyst.headers).get_json()
        return {run["target"]: run for run in scan["scanners"] if run["scanner"] == "ports"}

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done = {target: run for target, run in ports_runs().items() if run["status"] == "completed"}
        if len(done) >= 2:
            break
        time.sleep(0.1)
    assert len(done) >= 2, ports_runs()
    kill_hard(first)  # the worker and its work horse, mid-range
    worker_processes(env)  # another worker notices the silent scan and runs the rest

    deadline = time.monotonic() + 90
    scan = {}
    while time.monotonic() < deadline:
        scan = client.get(f"/api/v1/scans/{created['id']}", headers=analyst.headers).get_json()
        if scan["status"] in ("completed", "failed", "cancelled"):
            break
        time.sleep(0.2)
    assert scan["status"] == "completed", scan
    after = ports_runs()
    assert len(after) == 8 and {run["status"] for run in after.values()} == {"completed"}
    for target, run in done.items():  # examined once, before the kill: not again
        assert after[target]["finished_at"] == run["finished_at"], (target, run, after[target])
    database.connect(reuse_if_open=True)
    assert Scan.get(Scan.public_id == created["id"]).attempts == 2


# --- one scan shared by several workers -----------------------------------------------------


@pytest.fixture
def production(make_app, make_account, cli_env, worker_processes, unique_address):
    """Redis and real `cyberorigen worker` processes, with scans of more than 2 hosts in
    parts of 2: ``(client, analyst, start_worker)``."""
    client, env = _on_workers(make_app, cli_env, unique_address, hosts_per_job=2)
    analyst = make_account(role="analyst", scope=("127.0.0.0/16",))
    return client, analyst, lambda: worker_processes(env)


def _runner_names(worker: subprocess.Popen) -> set[str]:
    """How the parts a ``cyberorigen worker`` runs name their runner: host and pid of each
    of its worker processes (the children of its pool)."""
    return {f"{socket.gethostname()}:{pid}" for pid in children_of(worker.pid)}


def _start_range(client, analyst, banner_timeout: float = 1.0) -> str:
    options = {"ports": {**OPTIONS["ports"], "banner_timeout": banner_timeout}}
    created = client.post(
        "/api/v1/scans",
        json={"target": "127.0.1.2-127.0.1.9", "scan_type": "lab", "options": options},
        headers=analyst.headers,
    )
    assert created.status_code == 201, created.get_json()
    return created.get_json()["id"]


def _until(client, analyst, scan_id, done, within: float = 90.0) -> dict:
    deadline = time.monotonic() + within
    scan = {}
    while time.monotonic() < deadline:
        scan = client.get(f"/api/v1/scans/{scan_id}", headers=analyst.headers).get_json()
        if done(scan):
            return scan
        time.sleep(0.1)
    raise AssertionError(f"not reached within {within} s: {scan}")


def _ended(scan: dict) -> bool:
    return scan["status"] in ("completed", "failed", "cancelled")


def test_two_workers_share_a_range_scan_in_parts(production, lab):
    client, analyst, start_worker = production
    workers = [start_worker(), start_worker()]
    scan_id = _start_range(client, analyst)
    seen_progress = set()

    def ended(scan: dict) -> bool:
        seen_progress.add(scan["progress"])
        return _ended(scan)

    scan = _until(client, analyst, scan_id, ended)

    assert scan["status"] == "completed", scan
    ports = [run for run in scan["scanners"] if run["scanner"] == "ports"]
    assert len(ports) == 8 and {run["status"] for run in ports} == {"completed"}
    assert ("http", "127.0.1.2:8443") in _runs(scan)  # the services found are examined too
    parts = scan["parts"]
    assert [(part["index"], part["hosts"], part["status"]) for part in parts] == [
        (index, 2, "done") for index in range(4)
    ]
    ran = {part["worker"] for part in parts}
    by_worker = [_runner_names(worker) for worker in workers]
    assert ran <= set().union(*by_worker) and all(ran & names for names in by_worker), parts
    assert scan["progress"] == 100
    assert any(0 < value < 100 for value in seen_progress), seen_progress
    database.connect(reuse_if_open=True)
    events = [
        event.type
        for event in OutboxEvent.select()
        if event.payload.get("scan_id") == scan_id and event.type.startswith("scan.")
    ]
    assert events.count("scan.completed") == 1, events  # concluded once


def test_a_worker_killed_mid_part_leaves_its_part_to_the_other(production, kill_hard, lab):
    client, analyst, start_worker = production
    doomed = start_worker()
    scan_id = _start_range(client, analyst, banner_timeout=1.5)

    def running_part(scan: dict) -> bool:
        return any(part["status"] == "running" for part in scan["parts"])

    _until(client, analyst, scan_id, running_part, within=60)
    kill_hard(doomed)  # mid-part: its part stays "running" with a silent heartbeat
    survivor = start_worker()
    scan = _until(client, analyst, scan_id, _ended)

    assert scan["status"] == "completed", scan
    ports = [run for run in scan["scanners"] if run["scanner"] == "ports"]
    assert len(ports) == 8 and {run["status"] for run in ports} == {"completed"}, ports
    parts = scan["parts"]
    assert {part["status"] for part in parts} == {"done"}
    assert any(part["attempts"] == 2 for part in parts), parts  # the one that was cut short
    assert _runner_names(survivor) & {part["worker"] for part in parts}, parts


def test_cancelling_a_shared_scan_stops_every_part(production, lab):
    client, analyst, start_worker = production
    start_worker(), start_worker()
    scan_id = _start_range(client, analyst, banner_timeout=2.0)
    _until(client, analyst, scan_id, lambda scan: scan["status"] == "running", within=60)

    cancelled = client.post(f"/api/v1/scans/{scan_id}/cancel", headers=analyst.headers)
    assert cancelled.status_code == 202, cancelled.get_json()
    scan = _until(client, analyst, scan_id, _ended, within=60)

    assert scan["status"] == "cancelled", scan
    assert {part["status"] for part in scan["parts"]} == {"done"}
    statuses = [run["status"] for run in scan["scanners"] if run["scanner"] == "ports"]
    assert "cancelled" in statuses and statuses.count("completed") < 8, statuses
