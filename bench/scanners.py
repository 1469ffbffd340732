"""Wall time of the ports and tls scanners against their bare tools, and of a ``full`` scan.

A measurement, not a test (pytest never collects it). Everything runs against 127.0.0.1. In
one run it:

1. makes a throw-away CA with ``cryptography`` and starts local servers (bench/local_servers.py):
   an HTTPS site with a good TLS configuration (TLS 1.2 + 1.3, ECDHE + AEAD only, ECDSA P-256
   certificate for localhost and 127.0.0.1 from that CA, security headers), a plain HTTP site
   that redirects to it, and a service that greets like SSH;
2. ports: 1,000 ports of 127.0.0.1 (those 3 listeners and 997 ports from 20000 up), measured
   alternately, ``--rounds`` times each: the ports scanner with ``use_nmap`` (it runs
   ``nmap -sT -sV -Pn`` and then its own probes), plain ``nmap -sT -Pn -p <same> -oX -``,
   ``nmap -sT -sV -Pn`` alone (context: what the plugin runs, without its probes) and the
   ports scanner with its built-in connect scan (``use_nmap`` false). Target: the scanner
   with nmap within 1.3x of plain nmap ``-sT``. Without nmap, only the connect scan is measured;
3. tls: the tls scanner (``run_scanner``, ``trust_store`` = the CA) against the HTTPS site,
   alternately with ``python -m sslyze`` run with the same scan commands as the plugin
   (``--sslv2 --sslv3 --tlsv1 --tlsv1_1 --tlsv1_2 --tlsv1_3 --certinfo --heartbleed --robot
   --openssl_ccs --reneg``, ``--sni 127.0.0.1``, ``--certinfo_ca_file`` = the CA, JSON written
   to a file as the plugin converts its result to JSON). One warm-up of each is not counted.
   Target: within 1.2x;
4. full scan: the appliance in embedded mode (no Redis: the scan runs on a thread of the API
   process) on a fresh SQLite database, driven through the Flask test client: an admin and an
   enterprise organization with 127.0.0.0/16 in scope, a token from ``POST /api/v1/auth/token``,
   then ``POST /api/v1/scans`` of target 127.0.0.1, type ``full``, with options pointing http,
   tls and ports at the local servers; it polls ``GET /api/v1/scans/<id>`` every 50 ms until
   the scan is finished and reports the wall time and each scanner's status. dns and smtp only
   scan host names, so for an IP target they are recorded as skipped;
5. stops the servers and deletes its temporary files, also on error, Ctrl-C or SIGTERM.

Times are wall clock (``time.perf_counter``); the table shows every round, the median and the
best; the ratios and PASS/FAIL use the **median** (the best is shown beside it).

Run: ``/work/venv/bin/python bench/scanners.py [--rounds 3]``. It exits 0 whatever the
figures (it measures), 1 if the run itself failed.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from harness import lab_scope_policy, load_average, machine, run_main
from local_servers import HOST, Greeter, Site, good_context, make_pki

TARGET_PORTS_RATIO = 1.3
TARGET_TLS_RATIO = 1.2
PORT_COUNT = 1000
FILLER_START = 20000
SSLYZE_COMMANDS = (
    *("--sslv2", "--sslv3", "--tlsv1", "--tlsv1_1", "--tlsv1_2", "--tlsv1_3"),
    *("--certinfo", "--heartbleed", "--robot", "--openssl_ccs", "--reneg"),
)
#: The scan commands of plugins/tls/scanner.py (_scan_request), by their sslyze names.
PLUGIN_COMMANDS = {
    *("ssl_2_0_cipher_suites", "ssl_3_0_cipher_suites", "tls_1_0_cipher_suites"),
    *("tls_1_1_cipher_suites", "tls_1_2_cipher_suites", "tls_1_3_cipher_suites"),
    *("certificate_info", "heartbleed", "robot", "openssl_ccs_injection"),
    "session_renegotiation",
}
POLL_SECONDS = 0.05
FULL_SCAN_LIMIT = 900.0


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    outcome = action()
    return time.perf_counter() - started, outcome


def verdict(ratio: float, target: float) -> str:
    return "PASS" if ratio <= target else "FAIL"


def print_rounds(title: str, times: dict[str, list[float]], notes: dict[str, str]) -> None:
    rounds = max(len(values) for values in times.values())
    head = "".join(f"  round {index + 1:>2}" for index in range(rounds))
    print(f"\n{title}")
    print(f"  {'measured':<34}{head}    median      best")
    for label, values in times.items():
        cells = "".join(f"{value:>9.2f} s" for value in values)
        median, best = statistics.median(values), min(values)
        note = f"   {notes[label]}" if notes.get(label) else ""
        print(f"  {label:<34}{cells}{median:>8.2f} s{best:>8.2f} s{note}")


def ratio_line(label: str, times: dict[str, list[float]], a: str, b: str, target: float) -> str:
    median = statistics.median(times[a]) / statistics.median(times[b])
    best = min(times[a]) / min(times[b])
    return (
        f"  {label}: {median:.2f}x (median; best {best:.2f}x), target <= {target:g}x: "
        f"{verdict(median, target)}"
    )


# --- 1. ports ---------------------------------------------------------------------------------


def bench_ports(args, listeners: dict[str, int]) -> list[str]:
    from cyberorigen.plugin_api.testing import run_scanner
    from cyberorigen.plugins.ports.nmap_xml import nmap_path, parse_nmap_xml, port_spec
    from cyberorigen.plugins.ports.scanner import PortsScanner

    own = set(listeners.values())
    fillers = [port for port in range(FILLER_START, 65536) if port not in own]
    ports = sorted(own | set(fillers[: PORT_COUNT - len(own)]))
    assert len(ports) == PORT_COUNT
    spec = port_spec(ports)
    nmap = nmap_path()
    print(
        f"\n[1] ports: {len(ports)} ports of {HOST} ({spec}); listeners of the bench: "
        + ", ".join(f"{name} {port}" for name, port in listeners.items())
    )
    if not nmap:
        print("  nmap is not installed: only the built-in connect scan is measured")

    def scanner(use_nmap: bool) -> Callable[[], object]:
        return lambda: run_scanner(PortsScanner(), HOST, {"ports": ports, "use_nmap": use_nmap})

    def bare_nmap(*extra: str) -> Callable[[], object]:
        command = [nmap, "-sT", *extra, "-Pn", "-p", spec, HOST, "-oX", "-"]

        def run() -> object:
            done = subprocess.run(command, capture_output=True, timeout=600, check=True)  # noqa: S603
            return done.stdout

        return run

    measured: dict[str, Callable[[], object]] = {}
    if nmap:
        measured["ports scanner, use_nmap (-sT -sV)"] = scanner(True)
        measured["nmap -sT -Pn alone"] = bare_nmap()
        measured["nmap -sT -sV -Pn alone (context)"] = bare_nmap("-sV")
    measured["ports scanner, connect scan"] = scanner(False)
    times: dict[str, list[float]] = {label: [] for label in measured}
    outcomes: dict[str, object] = {}
    for _round in range(args.rounds):
        for label, action in measured.items():
            seconds, outcomes[label] = timed(action)
            times[label].append(seconds)
    notes = {}
    for label, outcome in outcomes.items():
        if isinstance(outcome, bytes):
            report = parse_nmap_xml(outcome)
            found = sorted(result.port for result in report.ports if result.is_open)
            notes[label] = f"open: {found}"
        else:
            notes[label] = f"{len(outcome)} findings"
    print_rounds("ports: wall time per run (measured alternately, in this order)", times, notes)
    lines = []
    if nmap:
        lines.append(
            ratio_line(
                "ports scanner (use_nmap) / nmap -sT",
                times,
                "ports scanner, use_nmap (-sT -sV)",
                "nmap -sT -Pn alone",
                TARGET_PORTS_RATIO,
            )
        )
        lines.append(
            ratio_line(
                "ports scanner (connect scan) / nmap -sT",
                times,
                "ports scanner, connect scan",
                "nmap -sT -Pn alone",
                TARGET_PORTS_RATIO,
            )
        )
        sv = statistics.median(times["nmap -sT -sV -Pn alone (context)"])
        own = statistics.median(times["ports scanner, use_nmap (-sT -sV)"])
        print(f"  (context, no target) ports scanner (use_nmap) / nmap -sT -sV: {own / sv:.2f}x")
    for line in lines:
        print(line)
    return lines


# --- 2. tls -----------------------------------------------------------------------------------


def bench_tls(args, port: int, ca_pem: str, ca_file: Path, workdir: Path) -> list[str]:
    from cyberorigen.plugin_api.testing import run_scanner
    from cyberorigen.plugins.tls import scanner as tls_scanner
    from cyberorigen.plugins.tls.scanner import TlsScanner

    print(f"\n[2] tls: the HTTPS site on {HOST}:{port} (TLS 1.2 + 1.3, ECDHE + AEAD)")
    # What the plugin asks sslyze for, read from its own request (kept in step with the CLI).
    plugin_request = tls_scanner._scan_request(
        tls_scanner.Plan(HOST, (port,), HOST, True), port, HOST, 5, ca_file
    )
    asked = {command.value for command in plugin_request.scan_commands}
    if asked != PLUGIN_COMMANDS:
        raise RuntimeError(f"the plugin's scan commands changed: {sorted(asked)}")
    json_out = workdir / "sslyze.json"
    command = [sys.executable, "-m", "sslyze", *SSLYZE_COMMANDS, "--sni", HOST]
    command += ["--certinfo_ca_file", str(ca_file), "--json_out", str(json_out), "--quiet"]
    command.append(f"{HOST}:{port}")
    print("  sslyze command: " + " ".join(command).replace(str(workdir), "<tmp>"))

    def plugin() -> object:
        return run_scanner(TlsScanner(), HOST, {"ports": [port], "trust_store": ca_pem})

    def cli() -> object:
        done = subprocess.run(command, capture_output=True, timeout=600)  # noqa: S603
        if done.returncode != 0:
            raise RuntimeError(f"sslyze failed ({done.returncode}): {done.stderr[-2000:]!r}")
        return json_out.read_bytes()

    measured = {"tls scanner (run_scanner)": plugin, "python -m sslyze alone": cli}
    warm = {label: timed(action)[0] for label, action in measured.items()}
    print(
        "  warm-up (not counted): "
        + ", ".join(f"{label} {seconds:.2f} s" for label, seconds in warm.items())
    )
    times: dict[str, list[float]] = {label: [] for label in measured}
    outcomes: dict[str, object] = {}
    for _round in range(args.rounds):
        for label, action in measured.items():
            seconds, outcomes[label] = timed(action)
            times[label].append(seconds)
    findings = outcomes["tls scanner (run_scanner)"]
    notes = {
        "tls scanner (run_scanner)": f"findings: {sorted(f.check_id for f in findings) or 'none'}",
        "python -m sslyze alone": f"JSON {len(outcomes['python -m sslyze alone']):,} bytes",
    }
    print_rounds("tls: wall time per run (A, B alternating)", times, notes)
    line = ratio_line(
        "tls scanner / sslyze CLI",
        times,
        "tls scanner (run_scanner)",
        "python -m sslyze alone",
        TARGET_TLS_RATIO,
    )
    print(line)
    return [line]


# --- 3. a full scan through the API -----------------------------------------------------------


def bench_full_scan(args, servers: dict[str, int], ca_pem: str, workdir: Path) -> list[str]:
    from cyberorigen.app import create_app
    from cyberorigen.appliance import build_appliance
    from cyberorigen.db import bind_database, database
    from cyberorigen.db.migrate import upgrade
    from cyberorigen.services.organizations import create_organization
    from cyberorigen.services.scope import add_scope_entry
    from cyberorigen.services.users import create_user
    from cyberorigen.settings import load_settings

    database_url = f"sqlite:///{workdir / 'cyberorigen.db'}"
    settings = load_settings(
        {
            "instance_dir": str(workdir / "instance"),
            "secret_key": secrets.token_urlsafe(48),
            "database_url": database_url,
            "redis_url": "",
            "ratelimit.key_prefix": f"cyberorigen-bench-{secrets.token_hex(4)}",
            "scope.forbidden_networks": list(lab_scope_policy().forbidden_networks),
        },
        env={},
    )
    profile = settings.scan_profiles["full"]
    print(
        f"\n[3] full scan ({', '.join(profile)}) of {HOST} through the API: embedded mode "
        f"(no Redis, the scan runs on a thread of the API process), fresh SQLite database"
    )
    db = bind_database(database_url)
    upgrade(db)
    database.connect(reuse_if_open=True)
    email, password = "bench-admin@bench.example", secrets.token_urlsafe(18)
    with database.atomic():
        org = create_organization("Bench Org", "enterprise")
        add_scope_entry(org.id, "127.0.0.0/16", settings.scope)
        create_user(org.id, email, password, "admin")
    database.close()

    appliance = build_appliance(settings)
    app = create_app(appliance)
    try:
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = "10.0.0.1"
        response = client.post("/api/v1/auth/token", data={"username": email, "password": password})
        if response.status_code != 200:
            raise RuntimeError(f"token refused ({response.status_code}): {response.get_json()}")
        headers = {"Authorization": f"Bearer {response.get_json()['access_token']}"}
        options = {
            "http": {
                "http_port": servers["http"],
                "https_port": servers["https"],
                "trust_store": ca_pem,
            },
            "tls": {"ports": [servers["https"]], "trust_store": ca_pem},
            "ports": {"ports": sorted({*servers.values(), 20000, 20001, 20002})},
        }
        body = {"target": HOST, "scan_type": "full", "options": options}
        started = time.perf_counter()
        response = client.post("/api/v1/scans", json=body, headers=headers)
        if response.status_code != 201:
            raise RuntimeError(f"scan refused ({response.status_code}): {response.get_json()}")
        scan_id = response.get_json()["id"]
        scan = response.get_json()
        while scan["status"] not in ("completed", "failed", "cancelled"):
            if time.perf_counter() - started > FULL_SCAN_LIMIT:
                raise TimeoutError(f"the scan is still {scan['status']} after {FULL_SCAN_LIMIT}s")
            time.sleep(POLL_SECONDS)
            scan = client.get(f"/api/v1/scans/{scan_id}", headers=headers).get_json()
        wall = time.perf_counter() - started
    finally:
        appliance.jobs.shutdown()

    print(f"  POST /api/v1/scans -> {scan['status']} in {wall:.2f} s (polled every 50 ms)")
    print(
        f"  options: ports {options['ports']['ports']}, http {servers['http']}/https "
        f"{servers['https']}, tls [{servers['https']}], trust_store = the bench CA"
    )
    print(f"  {'scanner':<8} {'status':<10} {'findings':>8}  seconds  error")
    for run in scan["scanners"]:
        seconds = "-"
        if run.get("started_at") and run.get("finished_at"):
            seconds = f"{_seconds_between(run['started_at'], run['finished_at']):.0f}"
        print(
            f"  {run['scanner']:<8} {run['status']:<10} {run.get('findings_count') or 0:>8} "
            f"{seconds:>8}  {run.get('error') or ''}"
        )
    statuses = Counter(run["status"] for run in scan["scanners"])
    print(f"  scan error: {scan.get('error') or 'none'}; findings: {scan['vulnerabilities_found']}")
    return [
        f"  full scan of {HOST}: {scan['status']} in {wall:.2f} s; scanners "
        + ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
    ]


def _seconds_between(start: str, end: str) -> float:
    from datetime import datetime

    def parse(value: str) -> datetime:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))

    return (parse(end) - parse(start)).total_seconds()


# --- the run ----------------------------------------------------------------------------------


def bench(args: argparse.Namespace, stack: contextlib.ExitStack) -> None:
    print("CyberOrigen scanners: ports and tls against their bare tools, and a full scan")
    print(f"machine: {machine()}; {load_average()}")
    nmap = shutil.which("nmap")
    if nmap:
        version = subprocess.run([nmap, "--version"], capture_output=True, text=True).stdout
        print(f"nmap: {version.splitlines()[0]} ({nmap})")
    workdir = Path(tempfile.mkdtemp(prefix="cyberorigen-bench-scanners-"))
    stack.callback(shutil.rmtree, workdir, ignore_errors=True)
    ca_pem, ca_file, cert_file, key_file = make_pki(workdir)
    https = Site(good_context(cert_file, key_file))
    stack.callback(https.close)
    plain = Site(redirect_to=https.port)
    stack.callback(plain.close)
    greeter = Greeter()
    stack.callback(greeter.close)
    servers = {"https": https.port, "http": plain.port, "ssh-like": greeter.port}
    summary: list[str] = []
    summary += bench_ports(args, servers)
    summary += bench_tls(args, https.port, ca_pem, ca_file, workdir)
    if not args.skip_full:
        summary += bench_full_scan(args, servers, ca_pem, workdir)
    print(f"\n{load_average()}")
    print("summary (ratios of medians):")
    for line in summary:
        print(line)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="measured runs of each side")
    parser.add_argument("--skip-full", action="store_true", help="leave out the full scan")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    return run_main(bench, parse_args, argv, describe=repr)


if __name__ == "__main__":
    sys.exit(main())
