"""Wall time of a network scan of a /28 against nmap scanning the same hosts and ports.

A measurement, not a test (pytest never collects it). In one run it:

1. starts a lab on loopback addresses 127.0.1.2-6: HTTPS (expired self-signed certificate) on
   8443 and HTTP on 8080, an SMTP server (aiosmtpd) on 2525, OpenSSH on 2222 (a real sshd when
   installed, else a server that sends an SSH banner), redis-server on 6380 (when installed,
   else a RESP greeter) and TLS around a line protocol on 9443;
2. measures, alternately and ``--rounds`` times each:
   - the appliance's scan of ``127.0.1.0/28`` (14 hosts) through the API, embedded mode, fresh
     SQLite database, profile ``ports, http, tls, ssh``: discovery (the built-in connect scan
     and the appliance's own identification probes: banners, TLS handshakes, HTTP inside TLS)
     on the lab's 6 ports of every host, then every per-service scanner on what it found;
   - the appliance's discovery alone (profile ``ports``);
   - ``nmap -sT -sV -Pn`` of the same hosts and ports (what identifying the services costs
     nmap, with none of the appliance's checks);
   - ``nmap -sT -Pn`` of the same hosts and ports (finding the open ports only).
   Targets: the whole scan <= 1.0x ``nmap -sT -sV``; discovery <= 1.3x ``nmap -sT``;
3. stops the lab and deletes its files, also on error, Ctrl-C or SIGTERM.

Times are wall clock; the ratios use the median of the rounds (the best is shown beside it).
Run: ``.venv/bin/python bench/network_scan.py [--rounds 3]``. It exits 0 whatever the figures,
1 if the run itself failed (nmap missing included).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import secrets
import shutil
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from harness import lab_scope_policy, load_average, machine, run_main

LAB = "127.0.1.0/28"
PORTS = (2222, 2525, 6380, 8080, 8443, 9443)
TARGET_SCAN_RATIO = 1.0
TARGET_DISCOVERY_RATIO = 1.3
SCAN_LIMIT = 600.0


# --- the lab ----------------------------------------------------------------------------------


class _Page(BaseHTTPRequestHandler):
    server_version = "lab"
    sys_version = ""

    def do_GET(self):  # noqa: N802 - http.server's naming
        body = b"<html><body>lab</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_HEAD = do_GET  # noqa: N815

    def log_message(self, *args) -> None:
        pass


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass


def _web(stack, host: str, port: int, context: ssl.SSLContext | None = None) -> None:
    server = _Quiet((host, port), _Page)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stack.callback(server.server_close)
    stack.callback(server.shutdown)


def _line_server(stack, host: str, port: int, first: bytes, context=None) -> None:
    """Sends ``first`` to every client (inside TLS with ``context``), then reads until it goes."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(64)

    def handle(conn: socket.socket) -> None:
        conn.settimeout(3)
        try:
            if context is not None:
                conn = context.wrap_socket(conn, server_side=True)
            conn.sendall(first)
            while conn.recv(4096):
                pass
        except (OSError, ValueError):
            pass
        finally:
            conn.close()

    def accept() -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    stack.callback(sock.close)
    stack.callback(_wake, sock)


def _wake(sock: socket.socket) -> None:
    """Shut the listening socket down, waking its blocked accept() (close alone does not)."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _certificate(workdir: Path) -> ssl.SSLContext:
    """An expired self-signed certificate for another name (what the tls scanner reports)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "other.example")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=40))
        .not_valid_after(now - datetime.timedelta(days=10))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("other.example")]), False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = workdir / "lab.pem", workdir / "lab.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


def _wait(host: str, port: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def _sshd(stack, workdir: Path) -> str:
    sshd, keygen = shutil.which("sshd") or "/usr/sbin/sshd", shutil.which("ssh-keygen")
    if not (Path(sshd).exists() and keygen):
        _line_server(stack, "127.0.1.4", 2222, b"SSH-2.0-OpenSSH_9.2p1 lab\r\n")
        return "an SSH banner (no sshd installed)"
    Path("/run/sshd").mkdir(exist_ok=True)
    key = workdir / "ssh_host_ed25519_key"
    subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    config = workdir / "sshd_config"
    config.write_text(
        f"Port 2222\nListenAddress 127.0.1.4\nHostKey {key}\nPidFile none\nUsePAM no\n"
        "PasswordAuthentication yes\nKexAlgorithms +diffie-hellman-group14-sha1\n"
    )
    process = subprocess.Popen(  # noqa: S603 - the lab's own sshd
        [sshd, "-D", "-e", "-f", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stack.callback(process.wait, 10)
    stack.callback(process.terminate)
    if not _wait("127.0.1.4", 2222):
        raise RuntimeError("sshd did not start on 127.0.1.4:2222")
    return "OpenSSH (sshd)"


def _redis(stack) -> str:
    binary = shutil.which("redis-server")
    if binary is None:
        _line_server(stack, "127.0.1.5", 6380, b"-NOAUTH Authentication required.\r\n")
        return "a RESP greeter (no redis-server installed)"
    process = subprocess.Popen(  # noqa: S603 - the lab's own redis
        [binary, "--bind", "127.0.1.5", "--port", "6380", "--save", "", "--appendonly", "no"]
        + ["--protected-mode", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stack.callback(process.wait, 10)
    stack.callback(process.terminate)
    if not _wait("127.0.1.5", 6380):
        raise RuntimeError("redis-server did not start on 127.0.1.5:6380")
    return "redis-server without authentication"


class _NoRelay:
    """An SMTP server that takes mail for nobody (it refuses every recipient)."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        return "550 5.7.1 relaying denied"


def _smtp(stack) -> None:
    from aiosmtpd.controller import Controller

    controller = Controller(_NoRelay(), hostname="127.0.1.3", port=2525)
    controller.start()
    stack.callback(controller.stop)


def start_lab(stack, workdir: Path) -> list[str]:
    context = _certificate(workdir)
    _web(stack, "127.0.1.2", 8443, context)
    _web(stack, "127.0.1.2", 8080)
    _smtp(stack)
    ssh = _sshd(stack, workdir)
    redis = _redis(stack)
    _line_server(stack, "127.0.1.6", 9443, b"* OK lab\r\n", context)
    return [
        "127.0.1.2: HTTPS 8443 (expired self-signed certificate), HTTP 8080",
        "127.0.1.3: SMTP (aiosmtpd, no relaying) on 2525",
        f"127.0.1.4: {ssh} on 2222",
        f"127.0.1.5: {redis} on 6380",
        "127.0.1.6: TLS around a line protocol on 9443",
    ]


# --- the sides --------------------------------------------------------------------------------


class Appliance:
    """An embedded appliance on a fresh SQLite database, driven through the API."""

    def __init__(self, stack, workdir: Path) -> None:
        from cyberorigen.app import create_app
        from cyberorigen.appliance import build_appliance
        from cyberorigen.db import bind_database, database
        from cyberorigen.db.migrate import upgrade
        from cyberorigen.services.organizations import create_organization
        from cyberorigen.services.scope import add_scope_entry
        from cyberorigen.services.users import create_user
        from cyberorigen.settings import load_settings

        database_url = f"sqlite:///{workdir / 'cyberorigen.db'}"
        self.settings = load_settings(
            {
                "instance_dir": str(workdir / "instance"),
                "secret_key": secrets.token_urlsafe(48),
                "database_url": database_url,
                "redis_url": "",
                "ratelimit.key_prefix": f"cyberorigen-bench-{secrets.token_hex(4)}",
                "scope.forbidden_networks": list(lab_scope_policy().forbidden_networks),
                "scans.profiles": {"lab": ["ports", "http", "tls", "ssh"], "discovery": ["ports"]},
            },
            env={},
        )
        upgrade(bind_database(database_url))
        database.connect(reuse_if_open=True)
        email, password = "bench-admin@bench.example", secrets.token_urlsafe(18)
        with database.atomic():
            org = create_organization("Bench Org", "enterprise")
            add_scope_entry(org.id, "127.0.1.0/24", self.settings.scope)
            create_user(org.id, email, password, "admin")
        database.close()
        self.appliance = build_appliance(self.settings)
        stack.callback(self.appliance.jobs.shutdown)
        self.client = create_app(self.appliance).test_client()
        logging.getLogger("cyberorigen.requests").setLevel(logging.WARNING)  # no access log
        self.client.environ_base["REMOTE_ADDR"] = "10.0.0.1"
        answer = self.client.post(
            "/api/v1/auth/token", data={"username": email, "password": password}
        )
        self.headers = {"Authorization": f"Bearer {answer.get_json()['access_token']}"}

    def scan(self, scan_type: str) -> tuple[float, dict]:
        options = {"ports": {"ports": ",".join(map(str, PORTS)), "use_nmap": False}}
        body = {"target": LAB, "scan_type": scan_type, "options": options}
        started = time.perf_counter()
        created = self.client.post("/api/v1/scans", json=body, headers=self.headers)
        if created.status_code != 201:
            raise RuntimeError(f"scan refused: {created.get_json()}")
        scan = created.get_json()
        while scan["status"] not in ("completed", "failed", "cancelled"):
            if time.perf_counter() - started > SCAN_LIMIT:
                raise TimeoutError(f"the scan is still {scan['status']} after {SCAN_LIMIT} s")
            time.sleep(0.05)
            scan = self.client.get(f"/api/v1/scans/{scan['id']}", headers=self.headers).get_json()
        return time.perf_counter() - started, scan


def nmap(binary: str, *flags: str) -> float:
    command = [binary, *flags, "-Pn", "-p", ",".join(map(str, PORTS)), "-oX", "-", LAB]
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)  # noqa: S603 - fixed argv
    return time.perf_counter() - started


def _row(label: str, times: list[float]) -> str:
    shown = " ".join(f"{value:6.2f}" for value in times)
    return f"  {label:<44} {shown}   median {statistics.median(times):6.2f}  best {min(times):6.2f}"


def _ratio(label: str, ours: list[float], theirs: list[float], target: float) -> str:
    median = statistics.median(ours) / statistics.median(theirs)
    best = min(ours) / min(theirs)
    verdict = "PASS" if median <= target else "FAIL"
    return f"  {label}: {median:.2f}x (best {best:.2f}x), target <= {target}x: {verdict}"


def bench(args: argparse.Namespace, stack: contextlib.ExitStack) -> None:
    binary = shutil.which("nmap")
    if binary is None:
        raise RuntimeError("nmap is not installed (apt-get install nmap): nothing to compare with")
    print(f"CyberOrigen network scan of {LAB} ({len(PORTS)} ports a host) against nmap")
    print(f"machine: {machine()}; {load_average()}")
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    print(f"nmap: {version.splitlines()[0]}")
    workdir = Path(tempfile.mkdtemp(prefix="cyberorigen-bench-network-"))
    stack.callback(shutil.rmtree, workdir, ignore_errors=True)
    for line in start_lab(stack, workdir):
        print(f"  lab {line}")
    appliance = Appliance(stack, workdir)
    print(f"  appliance: embedded, host_concurrency {appliance.settings.host_concurrency}")
    times: dict[str, list[float]] = {"scan": [], "discovery": [], "sV": [], "sT": []}
    last: dict = {}
    appliance.scan("discovery")  # warm-up (imports, first TLS handshakes), not counted
    for _ in range(args.rounds):
        wall, last = appliance.scan("lab")
        times["scan"].append(wall)
        times["discovery"].append(appliance.scan("discovery")[0])
        times["sV"].append(nmap(binary, "-sT", "-sV"))
        times["sT"].append(nmap(binary, "-sT"))
    print("\nseconds (each round, then the median and the best):")
    print(_row("appliance scan (discovery + every scanner)", times["scan"]))
    print(_row("appliance discovery (ports) alone", times["discovery"]))
    print(_row("nmap -sT -sV -Pn", times["sV"]))
    print(_row("nmap -sT -Pn", times["sT"]))
    runs = last.get("scanners", [])
    examined = sorted(
        f"{run['scanner']} {run['target']}" for run in runs if run.get("service") is not None
    )
    print(f"\nlast scan: {last.get('status')}, coverage {last.get('coverage')}")
    print(f"  service runs: {', '.join(examined)}")
    print(f"  findings: {last.get('vulnerabilities_found')}")
    print(f"\n{load_average()}")
    print("summary (ratios of medians):")
    print(_ratio("whole scan / nmap -sT -sV", times["scan"], times["sV"], TARGET_SCAN_RATIO))
    print(_ratio("discovery / nmap -sT", times["discovery"], times["sT"], TARGET_DISCOVERY_RATIO))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="measured runs of each side")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    return run_main(bench, parse_args, argv, describe=repr)


if __name__ == "__main__":
    sys.exit(main())
