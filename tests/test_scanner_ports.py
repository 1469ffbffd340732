"""The network-services (``ports``) scanner against real listeners on 127.0.0.1.

Every fake service is a real socket on a random high port, and every scan passes ``ports``
explicitly. Well-known ports (23, 3389, 445...) cannot be bound here, so services are told apart
by their banners and behaviour; the port-number rules are tested through ``service_for_port``,
through ``judge`` on hand-made results and through the ``service_ports`` option, which declares
the service of a non-standard port.

The connect-scan tests set ``use_nmap`` false, so they run the same with or without nmap. The
nmap path is tested from nmap XML reports under ``tests/data/ports/`` (one recorded with nmap
7.93 against 127.0.0.1, two written by hand in nmap's format); the test that runs a real nmap is
skipped when the binary is not installed, so the suite passes both with and without nmap.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import marshmallow as ma
import pytest
from support.servers import HttpServer, QuietHandler

from cyberorigen.plugin_api import (
    ENTRY_POINT_GROUP,
    ScanCancelled,
    ScanContext,
    Severity,
    Target,
)
from cyberorigen.plugin_api.testing import (
    assert_well_formed,
    check_ids,
    run_scanner,
    validated_options,
)
from cyberorigen.plugin_registry import build_registry
from cyberorigen.plugins import ports as ports_plugin
from cyberorigen.plugins.ports import connect_scan as cs
from cyberorigen.plugins.ports import snmp
from cyberorigen.plugins.ports.checks import service_for_port
from cyberorigen.plugins.ports.identify import identify, identify_banner
from cyberorigen.plugins.ports.model import PortResult
from cyberorigen.plugins.ports.nmap_xml import (
    NmapReportError,
    nmap_command,
    nmap_path,
    parse_nmap_xml,
    port_spec,
)
from cyberorigen.plugins.ports.scanner import HostNotResolved, PortsScanner
from cyberorigen.plugins.ports.top_ports import TOP_PORTS

DATA = Path(__file__).parent / "data" / "ports"
FAST = {"use_nmap": False, "timeout": 1.0, "banner_timeout": 0.3, "snmp_ports": []}


@pytest.fixture
def scanner() -> PortsScanner:
    return PortsScanner()


def scan(scanner: PortsScanner, ports: list[int], **options: object):
    return run_scanner(scanner, "127.0.0.1", {**FAST, "ports": ports, **options}, timeout=30)


def by_check(findings, check_id):
    return [finding for finding in findings if finding.check_id == check_id]


# --- fake services ----------------------------------------------------------------------------


class TcpService:
    """A threaded TCP listener on 127.0.0.1; ``handler(conn)`` serves each connection."""

    def __init__(self, handler: Callable[[socket.socket], None]) -> None:
        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                self.request.settimeout(3)
                with contextlib.suppress(OSError):
                    handler(self.request)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def service() -> Iterator[Callable[[Callable[[socket.socket], None]], TcpService]]:
    started: list[TcpService] = []

    def start(handler: Callable[[socket.socket], None]) -> TcpService:
        started.append(TcpService(handler))
        return started[-1]

    yield start
    for item in started:
        item.close()


def lines(conn: socket.socket) -> Iterator[bytes]:
    buffer = b""
    while True:
        chunk = conn.recv(1024)
        if not chunk:
            return
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            yield line.strip()


def telnet(conn: socket.socket) -> None:
    conn.sendall(b"\xff\xfd\x18\xff\xfd\x20\xff\xfd\x23\xff\xfd\x27")
    conn.recv(100)


def ssh(conn: socket.socket) -> None:
    conn.sendall(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
    conn.recv(100)


def silent(conn: socket.socket) -> None:
    conn.recv(100)


def ftp(auth_reply: bytes) -> Callable[[socket.socket], None]:
    def handle(conn: socket.socket) -> None:
        conn.sendall(b"220-Welcome to the fake FTP service\r\n220 Ready\r\n")
        for line in lines(conn):
            if line.upper() == b"AUTH TLS":
                conn.sendall(auth_reply)
                if auth_reply.startswith(b"234"):
                    return
            elif line.upper() == b"QUIT":
                conn.sendall(b"221 Bye\r\n")
                return
            else:
                conn.sendall(b"500 Unknown command\r\n")

    return handle


def redis(password: bool) -> Callable[[socket.socket], None]:
    """RESP: +PONG to PING, -NOAUTH to everything when a password is set."""

    def handle(conn: socket.socket) -> None:
        for line in lines(conn):
            if line.startswith((b"*", b"$")) or not line:
                continue
            if password:
                conn.sendall(b"-NOAUTH Authentication required.\r\n")
            elif line.upper() == b"PING":
                conn.sendall(b"+PONG\r\n")
            else:
                word = line.split()[0].decode()
                conn.sendall(f"-ERR unknown command '{word}'\r\n".encode())

    return handle


class HttpService(HttpServer):
    """An http.server answering ``routes`` (path -> (status, JSON or None))."""

    def __init__(self, routes: dict[str, tuple[int, object]]) -> None:
        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802
                status, body = routes.get(self.path, (404, {"message": "page not found"}))
                self.reply(status, json.dumps(body).encode(), {"Content-Type": "application/json"})

            do_HEAD = do_GET  # noqa: N815

        super().__init__(Handler)


@pytest.fixture
def http_service() -> Iterator[Callable[[dict], HttpService]]:
    started: list[HttpService] = []

    def start(routes: dict) -> HttpService:
        started.append(HttpService(routes))
        return started[-1]

    yield start
    for item in started:
        item.close()


DOCKER_VERSION = {"Version": "24.0.7", "ApiVersion": "1.43", "Os": "linux", "Arch": "amd64"}
POD_LIST = {"kind": "PodList", "apiVersion": "v1", "items": [{"metadata": {"name": "web-1"}}]}
UNAUTHORIZED = (401, {"message": "Unauthorized"})


def _tlv(tag: int, body: bytes) -> bytes:
    assert len(body) < 128
    return bytes([tag, len(body)]) + body


class SnmpAgent:
    """A UDP agent that answers a get of sysDescr only for ``community``."""

    SYS_DESCR = b"Linux fake-router 6.1.0 #1 SMP x86_64"

    def __init__(self, community: str) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.community = community
        self.running = True
        self.requests: list[str] = []
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        while self.running:
            try:
                data, peer = self.sock.recvfrom(2048)
            except TimeoutError:
                continue
            except OSError:
                return
            request = snmp.parse_message(data)
            self.requests.append(request.community)
            if request.community != self.community:
                continue  # agents stay silent for a wrong community
            oid = b"\x06\x08\x2b\x06\x01\x02\x01\x01\x01\x00"
            varbinds = _tlv(0x30, _tlv(0x30, oid + _tlv(0x04, self.SYS_DESCR)))
            request_id = _tlv(0x02, request.request_id.to_bytes(4, "big", signed=True))
            pdu = _tlv(0xA2, request_id + b"\x02\x01\x00\x02\x01\x00" + varbinds)
            message = b"\x02\x01\x01" + _tlv(0x04, request.community.encode()) + pdu
            self.sock.sendto(_tlv(0x30, message), peer)

    def close(self) -> None:
        self.running = False
        self.thread.join(2)
        self.sock.close()


# --- declaration, registration, options -------------------------------------------------------


def test_scanner_is_well_formed_and_loads_as_a_plugin() -> None:
    assert_well_formed(PortsScanner())
    point = EntryPoint(name="ports", value="cyberorigen.plugins.ports", group=ENTRY_POINT_GROUP)
    record = build_registry(points=[point]).record("ports")
    assert record.status == "loaded", record.reason
    assert record.scanners == ["ports"]
    problems = ports_plugin.cyberorigen_environment_problems()
    if nmap_path():
        assert problems == []
    else:
        assert problems == [
            "nmap is not installed: the ports scanner uses its built-in connect scan, "
            "without version detection"
        ]


def test_check_ids_match_the_reference_catalogue(scanner: PortsScanner) -> None:
    """The reference catalogue's ports checks, and those added beyond it (issue 13: tests in
    test_scanner_ports_protocols.py)."""
    assert {check.id: check.severity for check in scanner.checks} == {
        "ports.ftp_anonymous_login": Severity.HIGH,
        "ports.pop3_cleartext_auth": Severity.MEDIUM,
        "ports.imap_cleartext_auth": Severity.MEDIUM,
        "ports.smtp_open_relay": Severity.CRITICAL,
        "ports.telnet_open": Severity.HIGH,
        "ports.ftp_cleartext_open": Severity.MEDIUM,
        "ports.rdp_exposed": Severity.HIGH,
        "ports.smb_exposed": Severity.HIGH,
        "ports.database_exposed": Severity.HIGH,
        "ports.unauthenticated_mgmt_api": Severity.CRITICAL,
        "ports.snmp_default_community": Severity.HIGH,
        "ports.unexpected_open": Severity.MEDIUM,
    }


def test_default_options(scanner: PortsScanner) -> None:
    options = validated_options(scanner)
    assert options["ports"] is None and options["top"] == 1000  # the whole built-in list
    assert len(TOP_PORTS) == len(set(TOP_PORTS)) == 1000
    assert {21, 22, 23, 80, 443, 445, 3306, 3389, 5432, 6379, 27017} <= set(TOP_PORTS)
    assert options["allowlist"] == []
    assert (options["concurrency"], options["timeout"], options["use_nmap"]) == (200, 2.0, True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("22,80,443,8000-8002", [22, 80, 443, 8000, 8001, 8002]),
        ([443, "22", "10-11", 22], [10, 11, 22, 443]),
        ("1-65535", list(range(1, 65536))),
    ],
)
def test_port_lists(scanner: PortsScanner, value: object, expected: list[int]) -> None:
    assert validated_options(scanner, {"ports": value})["ports"] == expected


@pytest.mark.parametrize(
    "options",
    [
        {"ports": "0"},
        {"ports": "65536"},
        {"ports": "80-70"},
        {"ports": "http"},
        {"ports": [True]},
        {"ports": ["1-65535", "1-2"]},  # 65,537 ports asked for
        {"ports": 80},
        {"allowlist": "70000"},
        {"concurrency": 0},
        {"concurrency": 2001},
        {"timeout": 0},
        {"service_ports": {"2323": "gopher"}},
    ],
)
def test_invalid_options_are_refused(scanner: PortsScanner, options: dict) -> None:
    with pytest.raises(ma.ValidationError):
        validated_options(scanner, options)


# --- identification rules ---------------------------------------------------------------------


def test_port_number_rules() -> None:
    assert service_for_port(23) == "telnet"
    assert service_for_port(3389) == "rdp"
    assert (service_for_port(445), service_for_port(139)) == ("smb", "netbios-ssn")
    assert [service_for_port(p) for p in (3306, 5432, 1433, 6379, 27017, 9200, 11211)] == [
        "mysql", "postgresql", "mssql", "redis", "mongodb", "elasticsearch", "memcached",
    ]  # fmt: skip
    assert service_for_port(40000) is None
    assert service_for_port(40000, {40000: "rdp"}) == "rdp"


def test_banner_rules() -> None:
    assert identify_banner(b"\xff\xfd\x18\xff\xfd\x20") == "telnet"
    assert identify_banner(b"SSH-2.0-OpenSSH_9.2\r\n") == "ssh"
    assert identify_banner(b"220 ProFTPD Server ready.\r\n") == "ftp"
    assert identify_banner(b"220 mail.example.com ESMTP Postfix\r\n") == "smtp"
    assert identify_banner(b"220 Welcome\r\n", 25) == "smtp"
    assert identify_banner(b"-NOAUTH Authentication required.\r\n") == "redis"
    handshake = b"\x4a\x00\x00\x00\x0a8.0.36\x00\x08\x00\x00\x00abcdefgh\x00"
    assert identify_banner(handshake) == "mysql"
    assert identify_banner(b"HTTP/1.1 200 OK\r\nX-elastic-product: Elasticsearch\r\n") == (
        "elasticsearch"
    )
    assert identify_banner(b"HTTP/1.0 200 OK\r\nServer: nginx\r\n") == "http"
    assert identify_banner(b"") is None


def test_judge_applies_port_rules_when_nothing_was_observed(scanner: PortsScanner) -> None:
    results = [PortResult(port) for port in (22, 23, 139, 445, 3389, 5432, 27017, 40000)]
    ssh_on_23 = PortResult(2323, banner=b"SSH-2.0-dropbear\r\n")
    results.append(ssh_on_23)
    for result in results:
        identify(result, {2323: "telnet"})
    findings = scanner.judge("db.example", results, allowlist=[])
    assert {(f.check_id, f.location) for f in findings} == {
        ("ports.telnet_open", "db.example:23/tcp"),
        ("ports.smb_exposed", "db.example:139/tcp"),
        ("ports.smb_exposed", "db.example:445/tcp"),
        ("ports.rdp_exposed", "db.example:3389/tcp"),
        ("ports.database_exposed", "db.example:5432/tcp"),
        ("ports.database_exposed", "db.example:27017/tcp"),
    }
    assert ssh_on_23.service == "ssh"  # the banner wins over the declared service
    telnet_finding = by_check(findings, "ports.telnet_open")[0]
    assert telnet_finding.evidence["identified_by"] == "port"


# --- connect scan against fake services -------------------------------------------------------


def test_telnet_banner_fires_and_ssh_banner_does_not(scanner, service) -> None:
    telnet_service, ssh_service = service(telnet), service(ssh)
    findings = scan(scanner, [telnet_service.port, ssh_service.port])
    assert [f.location for f in findings] == [f"127.0.0.1:{telnet_service.port}/tcp"]
    finding = findings[0]
    assert finding.check_id == "ports.telnet_open" and finding.severity == Severity.HIGH
    assert finding.evidence["service"] == "telnet"
    assert finding.evidence["banner"].startswith("\\xff\\xfd")
    assert finding.evidence["protocol"] == "tcp"


def test_ftp_without_tls_fires_and_with_tls_is_silent(scanner, service) -> None:
    cleartext = service(ftp(b"502 Command not implemented\r\n"))
    with_tls = service(ftp(b"234 Proceed with negotiation.\r\n"))
    findings = scan(scanner, [cleartext.port, with_tls.port])
    assert check_ids(findings) == {"ports.ftp_cleartext_open"}
    (finding,) = findings
    assert finding.location == f"127.0.0.1:{cleartext.port}/tcp"
    assert finding.evidence["auth_tls_reply"].startswith("502")
    assert finding.evidence["greeting"].startswith("220-Welcome")


def test_redis_is_a_database_on_any_port(scanner, service, http_service) -> None:
    open_redis, protected = service(redis(password=False)), service(redis(password=True))
    web = http_service({"/": (200, {"hello": "world"})})
    findings = scan(scanner, [open_redis.port, protected.port, web.port])
    assert check_ids(findings) == {"ports.database_exposed"}
    found = {f.evidence["port"]: f for f in findings}
    assert set(found) == {open_redis.port, protected.port}
    assert found[open_redis.port].severity == Severity.CRITICAL
    assert found[open_redis.port].evidence["authentication_required"] is False
    assert found[open_redis.port].evidence["redis"]["reply"] == "+PONG"
    assert found[protected.port].severity == Severity.HIGH
    assert found[protected.port].evidence["authentication_required"] is True


def test_docker_api_without_auth_fires_and_with_401_is_silent(scanner, http_service) -> None:
    open_api = http_service({"/version": (200, DOCKER_VERSION)})
    closed_api = http_service({"/version": UNAUTHORIZED})
    findings = scan(scanner, [open_api.port, closed_api.port])
    assert check_ids(findings) == {"ports.unauthenticated_mgmt_api"}
    (finding,) = findings
    assert finding.location == f"127.0.0.1:{open_api.port}/tcp"
    assert finding.severity == Severity.CRITICAL
    assert finding.evidence["api"] == "Docker Engine API"
    assert finding.evidence["api_version"] == "1.43"
    assert finding.evidence["service"] == "docker"


def test_kubelet_pods_without_auth_fires_and_with_401_is_silent(scanner, http_service) -> None:
    open_kubelet = http_service({"/pods": (200, POD_LIST)})
    closed_kubelet = http_service({"/pods": UNAUTHORIZED})
    findings = scan(scanner, [open_kubelet.port, closed_kubelet.port])
    assert [(f.check_id, f.evidence["port"]) for f in findings] == [
        ("ports.unauthenticated_mgmt_api", open_kubelet.port)
    ]
    assert findings[0].evidence["api"] == "kubelet"
    assert findings[0].evidence["pods"] == 1


def test_snmp_public_community_fires_and_wrong_community_is_silent(scanner) -> None:
    public, private = SnmpAgent("public"), SnmpAgent("s3cr3t-community")
    try:
        findings = scan(scanner, [], snmp_ports=[public.port, private.port])
    finally:
        public.close()
        private.close()
    assert [(f.check_id, f.location) for f in findings] == [
        ("ports.snmp_default_community", f"127.0.0.1:{public.port}/udp")
    ]
    assert findings[0].evidence["sys_descr"] == SnmpAgent.SYS_DESCR.decode()
    assert findings[0].evidence["community"] == "public"
    assert private.requests == ["public"]  # it was asked, and stayed silent


def test_declared_services_fire_rdp_and_smb(scanner, service) -> None:
    rdp, smb = service(silent), service(silent)
    assert scan(scanner, [rdp.port, smb.port]) == []
    findings = scan(
        scanner, [rdp.port, smb.port], service_ports={str(rdp.port): "rdp", str(smb.port): "smb"}
    )
    assert {(f.check_id, f.evidence["port"]) for f in findings} == {
        ("ports.rdp_exposed", rdp.port),
        ("ports.smb_exposed", smb.port),
    }
    assert {f.evidence["identified_by"] for f in findings} == {"option"}


def test_unexpected_open_only_with_an_allowlist(scanner, service) -> None:
    approved, other = service(ssh), service(silent)
    assert scan(scanner, [approved.port, other.port]) == []
    findings = scan(scanner, [approved.port, other.port], allowlist=[approved.port])
    assert [(f.check_id, f.location) for f in findings] == [
        ("ports.unexpected_open", f"127.0.0.1:{other.port}/tcp")
    ]
    assert findings[0].evidence["allowlist"] == [approved.port]


def test_fingerprint_is_stable_across_scans(scanner, service) -> None:
    telnet_service = service(telnet)
    first = scan(scanner, [telnet_service.port])[0]
    second = scan(scanner, [telnet_service.port])[0]
    target = Target.parse("127.0.0.1")
    assert first.fingerprint_for(target) == second.fingerprint_for(target)


# --- connect scan mechanics -------------------------------------------------------------------


def test_self_connect_is_recognised_and_counted_as_closed() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()

    def bound_to_target(family: int) -> socket.socket:
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))  # source port == destination port: TCP self-connect
        return sock

    stats = cs.ConnectScanStats()
    result = asyncio.run(
        cs.scan_port("127.0.0.1", port, socket.AF_INET, 1.0, 0.2, bound_to_target, stats)
    )
    assert (result.state, result.reason) == ("closed", "self-connect")
    assert stats.self_connects == 1


def test_concurrency_limit_is_honoured(scanner, service) -> None:
    lock = threading.Lock()
    spans: list[tuple[float, float]] = []

    def held(conn: socket.socket) -> None:
        opened = time.monotonic()
        try:
            conn.recv(100)
            conn.recv(100)
        finally:
            with lock:
                spans.append((opened, time.monotonic()))

    services = [service(held) for _ in range(9)]
    started = time.monotonic()
    scan(scanner, [item.port for item in services], concurrency=3, banner_timeout=0.2)
    elapsed = time.monotonic() - started
    # Each silent port is connected to twice: by the connect scan, then by the TLS probe that
    # asks whether it speaks TLS (both under the same concurrency limit).
    connections = 2 * 9
    deadline = time.monotonic() + 3
    while len(spans) < connections and time.monotonic() < deadline:  # the last closes arrive
        time.sleep(0.01)
    # The server sees a connection end a moment after the scanner closed it, possibly after
    # the scanner's next connection was accepted: allow it 50 ms to notice (each connection
    # is held 200 ms, so a fourth one at once would still overlap by far more).
    events = sorted(
        [(opened, 1) for opened, _ in spans] + [(closed - 0.05, -1) for _, closed in spans]
    )
    open_now = peak = 0
    for _, change in events:
        open_now += change
        peak = max(peak, open_now)
    assert len(spans) == connections
    assert peak == 3
    assert elapsed >= 3 * 0.2  # nine silent ports, three at a time


def test_thousand_closed_ports_finish_quickly(scanner) -> None:
    steps: list[tuple[int, str]] = []
    started = time.monotonic()
    findings = run_scanner(
        scanner,
        "127.0.0.1",
        {**FAST, "ports": "41000-41999"},
        report_progress=lambda percent, step: steps.append((percent, step)),
    )
    assert time.monotonic() - started < 10
    assert findings == []
    percents = [percent for percent, _ in steps]
    assert percents == sorted(percents) and percents[-1] == 100
    assert steps[-1][1].startswith("done: 1000 ports (1000 closed")


def test_unresolvable_host_is_an_error(scanner) -> None:
    with pytest.raises(HostNotResolved, match="cannot resolve"):
        run_scanner(scanner, "no-such-host.invalid", FAST)


def test_cancellation(scanner, service) -> None:
    ctx = ScanContext(
        target=Target.parse("127.0.0.1"),
        options=validated_options(scanner, {**FAST, "ports": "1-100"}),
        deadline=time.monotonic() + 10,
        is_cancelled=lambda: True,
    )
    with pytest.raises(ScanCancelled):
        list(scanner.run(ctx))


def test_deadline_stops_the_scan_with_an_error(scanner, service) -> None:
    slow = [service(silent) for _ in range(4)]
    with pytest.raises(TimeoutError, match="ports were scanned"):
        run_scanner(
            scanner,
            "127.0.0.1",
            {
                **FAST,
                "ports": [item.port for item in slow],
                "concurrency": 1,
                "banner_timeout": 0.5,
            },
            timeout=0.8,
        )


# --- the nmap path: command and XML reports ---------------------------------------------------


def test_nmap_command_and_port_spec() -> None:
    assert port_spec([80, 22, 81, 82, 443, 8000, 8001]) == "22,80-82,443,8000-8001"
    assert nmap_command("/usr/bin/nmap", "192.0.2.1", [22, 23]) == [
        "/usr/bin/nmap", "-sT", "-sV", "-Pn", "-oX", "-", "--stats-every", "2s",
        "-p", "22-23", "192.0.2.1",
    ]  # fmt: skip


def test_recorded_remote_report(scanner) -> None:
    report = parse_nmap_xml((DATA / "nmap_remote_host.xml").read_bytes())
    assert report.host_state == "up" and report.address == "198.51.100.7"
    assert report.extraports == {"closed": 991, "filtered": 2}
    results = [result for result in report.ports if result.is_open]
    for result in results:
        identify(result)
    services = {result.port: result.service for result in results}
    assert services == {
        21: "ftp", 22: "ssh", 23: "telnet", 139: "netbios-ssn", 443: "https", 445: "smb",
        1433: "mssql", 3389: "rdp", 16379: "redis",
    }  # fmt: skip
    findings = scanner.judge("198.51.100.7", results, allowlist=[22, 443])
    pairs = {(f.check_id, f.evidence["port"]) for f in findings}
    assert {(c, p) for c, p in pairs if c != "ports.unexpected_open"} == {
        ("ports.telnet_open", 23),
        ("ports.smb_exposed", 139),
        ("ports.smb_exposed", 445),
        ("ports.rdp_exposed", 3389),
        ("ports.database_exposed", 1433),
        ("ports.database_exposed", 16379),
    }
    assert {p for c, p in pairs if c == "ports.unexpected_open"} == {
        21, 23, 139, 445, 1433, 3389, 16379,
    }  # fmt: skip
    redis_finding = next(f for f in findings if f.evidence["port"] == 16379)
    assert redis_finding.evidence["version"] == "Redis key-value store 7.0.15"
    # FTP is judged by the AUTH TLS probe, which a recorded report cannot replay.
    assert ("ports.ftp_cleartext_open", 21) not in pairs


def test_recorded_localhost_report() -> None:
    report = parse_nmap_xml((DATA / "nmap_localhost_databases.xml").read_bytes())
    assert report.nmap_version == "7.93"
    states = {result.port: result.state for result in report.ports}
    assert states == {22: "closed", 23: "closed", 3306: "open", 5432: "open", 6379: "open"}
    results = [result for result in report.ports if result.is_open]
    for result in results:
        identify(result)
    assert {(r.port, r.service, r.service_source) for r in results} == {
        (3306, "mysql", "nmap"),
        (5432, "postgresql", "nmap"),
        (6379, "redis", "nmap"),
    }


def test_filtered_report_is_said_not_invented(scanner) -> None:
    steps: list[tuple[int, str]] = []
    ctx = ScanContext(
        Target.parse("203.0.113.9"), {}, time.monotonic() + 5,
        report_progress=lambda percent, step: steps.append((percent, step)),
    )  # fmt: skip
    report = parse_nmap_xml((DATA / "nmap_filtered_host.xml").read_bytes())
    results = scanner.results_from_report(report, list(range(20, 30)), ctx)
    assert results == []
    assert "filtered" in steps[-1][1]


def test_hostile_xml_is_refused() -> None:
    with pytest.raises(NmapReportError):
        parse_nmap_xml((DATA / "nmap_entity_bomb.xml").read_bytes())
    with pytest.raises(NmapReportError):
        parse_nmap_xml(b"<nmaprun><host>")


@pytest.mark.skipif(nmap_path() is None, reason="nmap is not installed")
def test_real_nmap_path(scanner, service) -> None:
    cleartext = service(ftp(b"502 Command not implemented\r\n"))
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    steps: list[tuple[int, str]] = []
    findings = run_scanner(
        scanner,
        "127.0.0.1",
        {"ports": [cleartext.port, closed_port], "snmp_ports": [], "timeout": 2},
        timeout=60,
        report_progress=lambda percent, step: steps.append((percent, step)),
    )
    assert "by nmap" in steps[0][1]
    assert [(f.check_id, f.evidence["port"]) for f in findings] == [
        ("ports.ftp_cleartext_open", cleartext.port)
    ]
    assert findings[0].evidence["identified_by"] == "nmap"


def _silent(conn: socket.socket) -> None:
    """Accepts and says nothing, whatever it is sent, until the client goes."""
    conn.settimeout(30)
    with contextlib.suppress(OSError):
        while conn.recv(1024):
            pass


@pytest.mark.skipif(nmap_path() is None, reason="nmap is not installed")
def test_nmap_version_detection_is_bounded_and_the_open_ports_stay(scanner, service) -> None:
    """nmap -sV waits on a service that never speaks (6 s for its first probe alone, then
    more): it runs after the connect scan on the open ports only, and gives up after
    version_timeout seconds; the port found open stays, and the scan says what happened."""
    silent = service(_silent)
    observed: list[str] = []
    started = time.monotonic()
    run_scanner(
        scanner,
        "127.0.0.1",
        {"ports": [silent.port], "snmp_ports": [], "timeout": 2, "version_timeout": 2},
        timeout=120,
        observations=observed,
    )
    elapsed = time.monotonic() - started
    assert elapsed < 15, elapsed
    assert any("nmap: 1 of 1 ports answered" in item for item in observed), observed
    assert any(
        "nmap -sV gave up on 127.0.0.1 after 2 s (version_timeout)" in item for item in observed
    ), observed


def test_the_nmap_commands_connect_scan_then_bounded_versions() -> None:
    assert nmap_command("/usr/bin/nmap", "192.0.2.1", [22], versions=False) == [
        "/usr/bin/nmap", "-sT", "-Pn", "-oX", "-", "--stats-every", "2s", "-p", "22", "192.0.2.1"
    ]  # fmt: skip
    assert nmap_command(
        "/usr/bin/nmap", "192.0.2.1", [22, 80], host_timeout=30, intensity=2
    ) == [
        "/usr/bin/nmap", "-sT", "-sV", "-Pn", "-oX", "-", "--stats-every", "2s",
        "--version-intensity", "2", "--host-timeout", "30s", "-p", "22,80", "192.0.2.1",
    ]  # fmt: skip
