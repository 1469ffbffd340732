"""The SSH scanner against real OpenSSH servers on 127.0.0.1.

Each server is Debian's OpenSSH ``sshd`` (``apt-get install openssh-server``), started by the
test as ``/usr/sbin/sshd -D -e -f <config>`` on a free high port, with host keys made by
``ssh-keygen`` in the test's temporary directory, ``UsePAM no`` and ``PidFile none``. Run as
root, sshd needs its privilege-separation directory ``/run/sshd`` (made by the Debian
service unit); the fixture creates it when it is missing. The tests are skipped only when
no ``sshd`` binary is installed, or sshd refuses to start for a reason of the machine (no
privilege-separation user).

What the installed OpenSSH (9.2p1, Debian 12: ``SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10``)
still accepts, found with ``sshd -T -f <config>`` and ``ssh -Q kex|cipher|mac|key``:

- key exchange: ``+diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,
  diffie-hellman-group-exchange-sha1`` are accepted (all off by default);
- ciphers: ``+3des-cbc,aes128-cbc,aes192-cbc,aes256-cbc`` are accepted; ``arcfour*``,
  ``blowfish-cbc`` and ``cast128-cbc`` are refused ("Bad SSH2 cipher spec"): they are gone
  from OpenSSH, and are tested on the classification rules only;
- MACs: ``+hmac-md5,hmac-md5-96,hmac-sha1-96`` (and their -etm forms) are accepted;
  ``hmac-ripemd160`` is refused. The default list already holds ``umac-64*`` and
  ``hmac-sha1``, so a default server fires ``ssh.weak_macs`` (tested below);
- host keys: a DSA key is served with ``HostKeyAlgorithms +ssh-dss``, and a 1024-bit RSA
  key (``ssh-keygen -t rsa -b 1024``, the smallest OpenSSH generates) is served as
  ``rsa-sha2-512/256``;
- SSH-1: gone since OpenSSH 7.6 (``Protocol 1`` is ignored), so ``ssh.protocol_1`` is
  tested with a scripted server on a socket that sends an ``SSH-1.99-`` (then a KEXINIT
  written by the test) or ``SSH-1.5-`` identification.

paramiko (the scanner's second connection) negotiates with the hardened server through
curve25519-sha256@libssh.org and aes-gcm; it cannot speak chacha20-poly1305 or ssh-dss.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import shutil
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path

import marshmallow as ma
import pytest

from cyberorigen.plugin_api import (
    ENTRY_POINT_GROUP,
    Finding,
    OutOfScope,
    ScanCancelled,
    ScanContext,
    ScanScope,
    Severity,
    Target,
)
from cyberorigen.plugin_api.testing import (
    assert_well_formed,
    check_ids,
    run_scanner,
    validated_options,
)
from cyberorigen.plugins import ssh as ssh_plugin
from cyberorigen.plugins.ssh import analysis
from cyberorigen.plugins.ssh.protocol import (
    SshClosed,
    SshProtocolError,
    parse_identification,
    parse_kexinit,
    parse_packet,
)
from cyberorigen.plugins.ssh.scanner import SSH2_CHECKS, SshScanner, SshUnreachable

WEAK_CHECKS = {"ssh.weak_kex", "ssh.weak_ciphers", "ssh.weak_macs", "ssh.weak_host_key"}
SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if os.path.exists("/usr/sbin/sshd") else None)
SSH_KEYGEN = shutil.which("ssh-keygen")


# --- real sshd servers --------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _keygen(directory: Path, kind: str, bits: int | None = None) -> Path:
    path = directory / f"host_{kind}{bits or ''}"
    command = [SSH_KEYGEN, "-q", "-t", kind, "-N", "", "-f", str(path)]
    if bits:
        command += ["-b", str(bits)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return path


@dataclass
class SshServer:
    """One running sshd."""

    process: subprocess.Popen
    port: int
    config: Path

    def effective(self) -> dict[str, str]:
        """``sshd -T``: the configuration sshd actually uses, lower-case keys."""
        result = subprocess.run(
            [SSHD, "-T", "-f", str(self.config)], capture_output=True, text=True, timeout=30
        )
        assert result.returncode == 0, result.stderr
        return dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def _privilege_separation() -> None:
    """Running as root, sshd wants /run/sshd (the Debian service unit makes it at boot)."""
    if os.geteuid() == 0 and not os.path.isdir("/run/sshd"):
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)


def _require_openssh() -> None:
    if SSHD is None or SSH_KEYGEN is None:
        pytest.skip("OpenSSH's sshd is not installed here (apt-get install openssh-server)")


def start_sshd(directory: Path, lines: list[str]) -> SshServer:
    """Start sshd with ``lines`` of configuration after the common ones; wait until it
    accepts connections."""
    _require_openssh()
    _privilege_separation()
    directory.mkdir(parents=True, exist_ok=True)
    for attempt in range(3):
        port = _free_port()
        config = directory / "sshd_config"
        config.write_text(
            "\n".join(
                [
                    f"Port {port}",
                    "ListenAddress 127.0.0.1",
                    "PidFile none",
                    "UsePAM no",
                    "StrictModes no",
                    f"AuthorizedKeysFile {directory / 'authorized_keys'}",
                    *lines,
                    "",
                ]
            )
        )
        test = subprocess.run(
            [SSHD, "-t", "-f", str(config)], capture_output=True, text=True, timeout=30
        )
        if test.returncode != 0:
            if "Privilege separation user" in test.stderr or "privilege separation" in test.stderr:
                pytest.skip(f"sshd cannot run here: {test.stderr.strip()}")
            pytest.fail(f"sshd refuses the test configuration: {test.stderr.strip()}")
        process = subprocess.Popen(  # noqa: S603 - the test's own sshd
            [SSHD, "-D", "-e", "-f", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                    probe.settimeout(2)
                    if probe.recv(4).startswith(b"SSH-"):
                        return SshServer(process, port, config)
            except OSError:
                time.sleep(0.05)
        process.kill()
        process.wait(timeout=10)
        if attempt == 2:
            pytest.fail(f"sshd did not start on port {port}")
    raise AssertionError("unreachable")


WEAK_CONFIG = [
    "KexAlgorithms +diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,"
    "diffie-hellman-group-exchange-sha1",
    "Ciphers +3des-cbc,aes128-cbc,aes256-cbc",
    "MACs +hmac-md5,hmac-md5-96,hmac-sha1-96",
    "HostKeyAlgorithms +ssh-dss",
    "PasswordAuthentication yes",
    "KbdInteractiveAuthentication yes",
]

HARDENED_CONFIG = [
    "KexAlgorithms curve25519-sha256,curve25519-sha256@libssh.org",
    "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com",
    "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com",
    "HostKeyAlgorithms ssh-ed25519,rsa-sha2-512,rsa-sha2-256",
    "PasswordAuthentication no",
    "KbdInteractiveAuthentication no",
    "AuthenticationMethods publickey",
]


@dataclass
class Scanned:
    server_port: int
    effective: dict[str, str]
    findings: list[Finding]
    observations: list[str]
    not_examined: dict[str, str]

    def one(self, check_id: str) -> Finding:
        matches = [finding for finding in self.findings if finding.check_id == check_id]
        assert len(matches) == 1, (check_id, check_ids(self.findings))
        return matches[0]


def _scan_server(directory: Path, keys: list[tuple[str, int | None]], lines: list[str]) -> Scanned:
    _require_openssh()
    directory.mkdir(parents=True, exist_ok=True)
    host_keys = [f"HostKey {_keygen(directory, kind, bits)}" for kind, bits in keys]
    server = start_sshd(directory, [*host_keys, *lines])
    try:
        observations: list[str] = []
        not_examined: dict[str, str] = {}
        findings = run_scanner(
            SshScanner(),
            "127.0.0.1",
            {"port": server.port, "timeout": 10},
            observations=observations,
            not_examined=not_examined,
        )
        return Scanned(server.port, server.effective(), findings, observations, not_examined)
    finally:
        server.close()


@pytest.fixture(scope="module")
def weak(tmp_path_factory) -> Scanned:
    return _scan_server(
        tmp_path_factory.mktemp("sshd-weak"),
        [("ed25519", None), ("rsa", 1024), ("dsa", None)],
        WEAK_CONFIG,
    )


@pytest.fixture(scope="module")
def hardened(tmp_path_factory) -> Scanned:
    return _scan_server(
        tmp_path_factory.mktemp("sshd-hardened"),
        [("ed25519", None), ("rsa", 3072)],
        HARDENED_CONFIG,
    )


@pytest.fixture(scope="module")
def default(tmp_path_factory) -> Scanned:
    """OpenSSH's own defaults, with password logins off."""
    return _scan_server(
        tmp_path_factory.mktemp("sshd-default"),
        [("ed25519", None)],
        ["PasswordAuthentication no", "KbdInteractiveAuthentication no"],
    )


# --- the weak server: every check but protocol_1 fires ------------------------------------------


def test_the_weak_configuration_is_what_sshd_uses(weak):
    """What the installed OpenSSH accepted of the weak configuration (see the docstring)."""
    kex = weak.effective["kexalgorithms"].split(",")
    assert {
        "diffie-hellman-group1-sha1",
        "diffie-hellman-group14-sha1",
        "diffie-hellman-group-exchange-sha1",
    } <= set(kex)
    assert {"3des-cbc", "aes128-cbc", "aes256-cbc"} <= set(weak.effective["ciphers"].split(","))
    assert {"hmac-md5", "hmac-md5-96", "hmac-sha1-96"} <= set(weak.effective["macs"].split(","))
    assert "ssh-dss" in weak.effective["hostkeyalgorithms"].split(",")
    assert weak.effective["passwordauthentication"] == "yes"


def test_the_weak_server_fires_every_ssh2_check(weak):
    assert check_ids(weak.findings) == {*WEAK_CHECKS, "ssh.password_auth", "ssh.version_banner"}
    assert weak.not_examined == {}
    location = f"127.0.0.1:{weak.server_port}"
    assert {finding.location for finding in weak.findings} == {location}


def test_weak_kex_lists_the_sha1_exchanges(weak):
    finding = weak.one("ssh.weak_kex")

    assert finding.severity == Severity.MEDIUM
    assert finding.evidence["weak"] == [
        "diffie-hellman-group1-sha1",
        "diffie-hellman-group14-sha1",
        "diffie-hellman-group-exchange-sha1",
    ]
    assert "curve25519-sha256" in finding.evidence["offered"]
    assert "kex-strict-s-v00@openssh.com" not in finding.evidence["offered"]


def test_weak_ciphers_lists_the_cbc_ciphers(weak):
    finding = weak.one("ssh.weak_ciphers")

    assert finding.severity == Severity.MEDIUM
    assert finding.evidence["weak"] == ["3des-cbc", "aes128-cbc", "aes256-cbc"]
    reasons = {item["name"]: item["reason"] for item in finding.evidence["reasons"]}
    assert "SWEET32" in reasons["3des-cbc"] and "CBC" in reasons["aes128-cbc"]


def test_weak_macs_lists_md5_truncated_and_short_tags(weak):
    finding = weak.one("ssh.weak_macs")

    assert finding.severity == Severity.LOW
    assert {"hmac-md5", "hmac-md5-96", "hmac-sha1-96", "hmac-sha1", "umac-64@openssh.com"} <= set(
        finding.evidence["weak"]
    )
    assert "hmac-sha2-256-etm@openssh.com" not in finding.evidence["weak"]
    assert "hmac-sha1-etm@openssh.com" not in finding.evidence["weak"]


def test_weak_host_key_names_dsa_and_the_small_rsa_key(weak):
    finding = weak.one("ssh.weak_host_key")

    assert finding.severity == Severity.MEDIUM
    assert finding.evidence["rsa_bits"] == 1024
    algorithms = [item["algorithm"] for item in finding.evidence["weak"]]
    assert algorithms == ["ssh-dss", "ssh-rsa"]


def test_password_auth_lists_the_methods(weak):
    finding = weak.one("ssh.password_auth")

    assert finding.severity == Severity.MEDIUM
    assert "password" in finding.evidence["offered"]
    assert "publickey" in finding.evidence["methods"]
    assert finding.evidence["username"] == "cyberorigen-scan"


def test_version_banner_is_the_identification_string(weak):
    finding = weak.one("ssh.version_banner")

    assert finding.severity == Severity.INFO
    assert re.fullmatch(r"SSH-2\.0-OpenSSH_\d+\.\d+\S* .+", finding.evidence["banner"])
    assert finding.evidence["software"].startswith("OpenSSH_")


def test_the_observations_say_what_the_server_answered(weak):
    answered, kexinit, probed = weak.observations
    prefix = f"127.0.0.1:{weak.server_port} "
    assert answered.startswith(prefix + "answered SSH-2.0-OpenSSH_")
    assert kexinit.startswith(prefix + "sent its KEXINIT:") and "ssh-dss" in kexinit
    assert probed.startswith(prefix + "completed a key exchange (rsa-sha2-")
    assert "publickey, password" in probed


# --- the hardened server: every weak-* and the password check stay silent -----------------------


def test_the_hardened_configuration_is_what_sshd_uses(hardened):
    assert hardened.effective["kexalgorithms"] == "curve25519-sha256,curve25519-sha256@libssh.org"
    assert hardened.effective["macs"] == (
        "hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com"
    )
    assert hardened.effective["passwordauthentication"] == "no"
    assert hardened.effective["kbdinteractiveauthentication"] == "no"


def test_the_hardened_server_passes_every_weak_and_password_check(hardened):
    assert check_ids(hardened.findings) == {"ssh.version_banner"}
    # Each check was examined: the RSA key was read (3072 bits), the methods listed.
    assert hardened.not_examined == {}
    assert "rsa-sha2-512 host key, 3072 bits" in hardened.observations[-1]
    assert "authentication methods publickey for user" in hardened.observations[-1]


def test_a_default_openssh_fires_only_the_weak_macs_it_ships(default):
    assert check_ids(default.findings) == {"ssh.weak_macs", "ssh.version_banner"}
    assert set(default.one("ssh.weak_macs").evidence["weak"]) == {
        "umac-64-etm@openssh.com",
        "umac-64@openssh.com",
        "hmac-sha1",
    }
    # Only an Ed25519 host key: nothing RSA to measure, and the host key check passed.
    assert default.not_examined == {}


# --- scripted servers: SSH-1, broken and silent services ----------------------------------------


def _name_list(names: str) -> bytes:
    return struct.pack(">I", len(names)) + names.encode()


def kexinit_packet(
    kex: str = "curve25519-sha256",
    host_keys: str = "ssh-ed25519",
    ciphers: str = "aes128-ctr",
    macs: str = "hmac-sha2-256",
) -> bytes:
    """An SSH_MSG_KEXINIT in an unencrypted binary packet, as RFC 4253 lays it out."""
    payload = (
        bytes([20])
        + bytes(16)
        + b"".join(
            _name_list(names)
            for names in (kex, host_keys, ciphers, ciphers, macs, macs, "none", "none", "", "")
        )
        + b"\x00"
        + bytes(4)
    )
    padding = 8 - (len(payload) + 5) % 8
    padding += 8 if padding < 4 else 0
    return struct.pack(">IB", len(payload) + padding + 1, padding) + payload + bytes(padding)


class ScriptedServer:
    """A TCP server on 127.0.0.1 that runs ``script(conn)`` for each connection it accepts,
    then keeps what the client sends until the client closes or is silent for a second (or,
    with ``accept=False``, listens and never accepts)."""

    def __init__(self, script: Callable[[socket.socket], None] | None, accept: bool = True):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.script = script
        self.connections = 0
        self.received: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True) if accept else None
        if self.thread:
            self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                try:
                    conn.settimeout(1)
                    if self.script:
                        self.script(conn)
                    data = b""
                    while chunk := conn.recv(4096):
                        data += chunk
                    self.received.append(data)
                except OSError:
                    pass

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the accept() of the thread (Linux)
        self.sock.close()
        if self.thread:
            self.thread.join(5)


@pytest.fixture
def scripted() -> Iterator[Callable[..., ScriptedServer]]:
    servers: list[ScriptedServer] = []

    def start(script: Callable[[socket.socket], None] | None, accept: bool = True):
        server = ScriptedServer(script, accept)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def test_ssh1_only_server_reports_protocol_1_and_examines_nothing_else(scripted):
    server = scripted(lambda conn: conn.sendall(b"SSH-1.5-OpenSSH_2.9p2\r\n"))
    observations: list[str] = []
    not_examined: dict[str, str] = {}

    findings = run_scanner(
        SshScanner(),
        "127.0.0.1",
        {"port": server.port},
        observations=observations,
        not_examined=not_examined,
    )
    server.close()

    assert check_ids(findings) == {"ssh.protocol_1", "ssh.version_banner"}
    protocol_1 = next(f for f in findings if f.check_id == "ssh.protocol_1")
    assert protocol_1.severity == Severity.HIGH
    assert protocol_1.evidence["ssh1_only"] is True
    assert protocol_1.evidence["banner"] == "SSH-1.5-OpenSSH_2.9p2"
    assert set(not_examined) == set(SSH2_CHECKS)
    assert observations == [f"127.0.0.1:{server.port} answered SSH-1.5-OpenSSH_2.9p2"]
    assert server.connections == 1 and server.received == [b""]  # nothing was sent to it


def test_ssh_1_99_server_reports_protocol_1_and_its_kexinit(scripted):
    weak_kexinit = kexinit_packet(
        kex="diffie-hellman-group1-sha1", ciphers="3des-cbc", macs="hmac-md5"
    )

    def script(conn: socket.socket) -> None:
        conn.sendall(b"Welcome to a legacy box\r\nSSH-1.99-OpenSSH_3.9p1\r\n" + weak_kexinit)

    server = scripted(script)
    not_examined: dict[str, str] = {}

    findings = run_scanner(
        SshScanner(), "127.0.0.1", {"port": server.port}, not_examined=not_examined
    )

    assert check_ids(findings) == {
        "ssh.protocol_1",
        "ssh.version_banner",
        "ssh.weak_kex",
        "ssh.weak_ciphers",
        "ssh.weak_macs",
    }
    protocol_1 = next(f for f in findings if f.check_id == "ssh.protocol_1")
    assert protocol_1.evidence["ssh1_only"] is False
    # paramiko's key exchange cannot finish with the script: the methods stay unknown.
    assert set(not_examined) == {"ssh.password_auth"}
    assert "could not be learnt" in not_examined["ssh.password_auth"]
    server.close()
    assert server.received[0].startswith(b"SSH-2.0-CyberOrigen")


def test_cipher_none_is_high(scripted):
    server = scripted(lambda conn: conn.sendall(b"SSH-2.0-x\r\n" + kexinit_packet(ciphers="none")))

    findings = run_scanner(SshScanner(), "127.0.0.1", {"port": server.port})

    (finding,) = [f for f in findings if f.check_id == "ssh.weak_ciphers"]
    assert finding.severity == Severity.HIGH
    assert "ssh.version_banner" not in check_ids(findings)  # "x" discloses no version


def test_a_refused_port_raises_and_reports_nothing():
    port = _free_port()  # bound, then closed: nothing listens there
    observations: list[str] = []

    with pytest.raises(SshUnreachable, match=f"cannot connect to 127.0.0.1 port {port}"):
        run_scanner(SshScanner(), "127.0.0.1", {"port": port}, observations=observations)

    assert observations == []


def test_a_silent_server_times_out(scripted):
    server = scripted(None, accept=False)
    started = time.monotonic()

    with pytest.raises(TimeoutError, match="SSH identification string"):
        run_scanner(SshScanner(), "127.0.0.1", {"port": server.port, "timeout": 1})

    assert time.monotonic() - started < 5


def test_a_server_that_is_not_ssh_raises(scripted):
    server = scripted(lambda conn: conn.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n"))

    with pytest.raises(SshProtocolError):
        run_scanner(SshScanner(), "127.0.0.1", {"port": server.port})


def test_a_server_that_closes_after_its_banner_raises(scripted):
    def script(conn: socket.socket) -> None:
        conn.sendall(b"SSH-2.0-OpenSSH_9.9\r\n")
        conn.shutdown(socket.SHUT_WR)

    server = scripted(script)

    with pytest.raises(SshClosed, match="before sending its KEXINIT"):
        run_scanner(SshScanner(), "127.0.0.1", {"port": server.port})


def test_the_deadline_bounds_the_scan(scripted):
    server = scripted(None, accept=False)
    ctx = ScanContext(
        target=Target.parse("127.0.0.1"),
        options=validated_options(SshScanner(), {"port": server.port}),
        deadline=time.monotonic() + 1,
    )
    started = time.monotonic()

    with pytest.raises(TimeoutError):
        list(SshScanner().run(ctx))

    assert time.monotonic() - started < 4


def test_cancellation_stops_before_connecting(scripted):
    server = scripted(lambda conn: conn.sendall(b"SSH-2.0-x\r\n"))

    with pytest.raises(ScanCancelled):
        run_scanner(SshScanner(), "127.0.0.1", {"port": server.port}, is_cancelled=lambda: True)

    server.close()
    assert server.connections == 0


def test_the_scope_is_asked_before_connecting(scripted):
    server = scripted(lambda conn: conn.sendall(b"SSH-2.0-x\r\n"))
    scope = ScanScope(forbidden_networks=(ipaddress.ip_network("127.0.0.0/8"),))
    ctx = ScanContext(
        target=Target.parse("127.0.0.1"),
        options=validated_options(SshScanner(), {"port": server.port}),
        deadline=time.monotonic() + 10,
        scope=scope,
    )

    with pytest.raises(OutOfScope):
        list(SshScanner().run(ctx))

    server.close()
    assert server.connections == 0


def test_a_target_with_a_port_is_scanned_there(scripted):
    server = scripted(lambda conn: conn.sendall(b"SSH-1.5-x\r\n"))
    observations: list[str] = []
    ctx = ScanContext(
        target=Target(f"127.0.0.1:{server.port}", "ip", "127.0.0.1", server.port),
        options=validated_options(SshScanner(), {}),  # port 22 by default: not used
        deadline=time.monotonic() + 10,
        record_observation=observations.append,
    )

    findings = list(SshScanner().run(ctx))

    assert {finding.location for finding in findings} == {f"127.0.0.1:{server.port}"}
    assert observations == [f"127.0.0.1:{server.port} answered SSH-1.5-x"]


# --- the rules, apart from the network ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "weak"),
    [
        ("diffie-hellman-group1-sha1", True),
        ("diffie-hellman-group14-sha1", True),
        ("diffie-hellman-group-exchange-sha1", True),
        ("gss-group1-sha1-toWM5Slw5Ew8Mqkay+al2g==", True),
        ("gss-group14-sha1-toWM5Slw5Ew8Mqkay+al2g==", True),
        ("gss-gex-sha1-toWM5Slw5Ew8Mqkay+al2g==", True),
        ("rsa1024-sha1", True),
        ("diffie-hellman-group14-sha256", False),
        ("diffie-hellman-group-exchange-sha256", False),
        ("curve25519-sha256", False),
        ("sntrup761x25519-sha512@openssh.com", False),
        ("ecdh-sha2-nistp256", False),
        ("kex-strict-s-v00@openssh.com", False),
        ("ext-info-s", False),
    ],
)
def test_kex_rules(name, weak):
    assert bool(analysis.kex_weakness(name)) is weak


@pytest.mark.parametrize(
    ("name", "weak"),
    [
        ("3des-cbc", True),
        ("aes128-cbc", True),
        ("aes256-cbc", True),
        ("blowfish-cbc", True),
        ("cast128-cbc", True),
        ("twofish256-cbc", True),
        ("rijndael-cbc@lysator.liu.se", True),
        ("arcfour", True),
        ("arcfour128", True),
        ("arcfour256", True),
        ("3des-ctr", True),
        ("none", True),
        ("aes128-ctr", False),
        ("aes256-gcm@openssh.com", False),
        ("chacha20-poly1305@openssh.com", False),
    ],
)
def test_cipher_rules(name, weak):
    assert bool(analysis.cipher_weakness(name)) is weak


@pytest.mark.parametrize(
    ("name", "weak"),
    [
        ("hmac-md5", True),
        ("hmac-md5-96", True),
        ("hmac-md5-etm@openssh.com", True),
        ("hmac-sha1-96", True),
        ("hmac-sha1-96-etm@openssh.com", True),
        ("umac-64@openssh.com", True),
        ("umac-64-etm@openssh.com", True),
        ("hmac-sha1", True),
        ("none", True),
        ("hmac-sha1-etm@openssh.com", False),
        ("umac-128@openssh.com", False),
        ("umac-128-etm@openssh.com", False),
        ("hmac-sha2-256", False),
        ("hmac-sha2-512-etm@openssh.com", False),
    ],
)
def test_mac_rules(name, weak):
    assert bool(analysis.mac_weakness(name)) is weak


def test_identification_parsing():
    parsed = parse_identification(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u6\r\n")
    assert (parsed.protocol, parsed.software, parsed.comments) == (
        "2.0",
        "OpenSSH_9.2p1",
        "Debian-2+deb12u6",
    )
    assert parse_identification(b"SSH-1.99-Cisco-1.25").speaks_ssh1
    assert not analysis.discloses_version(parse_identification(b"SSH-2.0-dropbear"))
    with pytest.raises(SshProtocolError):
        parse_identification(b"SSH-two-x")
    with pytest.raises(SshProtocolError):
        parse_identification(b"220 mail.example.com ESMTP")


def test_kexinit_parsing_and_truncation():
    packet = kexinit_packet(kex="curve25519-sha256,ext-info-s", host_keys="ssh-ed25519,ssh-dss")
    payload, size = parse_packet(packet)
    assert size == len(packet)
    parsed = parse_kexinit(payload)
    assert parsed.kex_algorithms == ("curve25519-sha256", "ext-info-s")
    assert parsed.server_host_key_algorithms == ("ssh-ed25519", "ssh-dss")
    assert parsed.compression == ("none",)
    for cut in (1, 10, 20, 40):
        with pytest.raises(SshProtocolError):
            parse_kexinit(payload[:cut])
    with pytest.raises(SshProtocolError):
        parse_packet(struct.pack(">IB", 10_000_000, 4))
    with pytest.raises(SshProtocolError, match="expected SSH_MSG_KEXINIT"):
        parse_kexinit(bytes([21]) + payload[1:])


# --- the plugin ---------------------------------------------------------------------------------


def test_the_scanner_is_well_formed():
    scanner = SshScanner()
    assert_well_formed(scanner)
    assert scanner.services == ("ssh",)
    assert scanner.target_kinds == ("hostname", "ip")
    assert {check.id: check.severity for check in scanner.checks} == {
        "ssh.weak_kex": Severity.MEDIUM,
        "ssh.weak_ciphers": Severity.MEDIUM,
        "ssh.weak_macs": Severity.LOW,
        "ssh.weak_host_key": Severity.MEDIUM,
        "ssh.password_auth": Severity.MEDIUM,
        "ssh.protocol_1": Severity.HIGH,
        "ssh.version_banner": Severity.INFO,
    }
    assert all(check.controls for check in scanner.checks)


def test_options():
    scanner = SshScanner()
    assert validated_options(scanner) == {
        "port": None,  # 22, unless the target names its port
        "timeout": 10.0,
        "username": "cyberorigen-scan",
    }
    for bad in ({"port": 0}, {"port": 70000}, {"timeout": 0}, {"username": "a b"}):
        with pytest.raises(ma.ValidationError):
            validated_options(scanner, bad)


def test_the_plugin_loads_from_its_entry_point_with_known_controls():
    from cyberorigen.plugin_registry import build_registry

    (point,) = [point for point in entry_points(group=ENTRY_POINT_GROUP) if point.name == "ssh"]
    assert point.value == "cyberorigen.plugins.ssh"
    record = build_registry().record("ssh")

    assert record.status == "loaded", record.reason
    assert record.distribution == "cyberorigen"
    assert record.scanners == ["ssh"]
    assert record.problems == []  # every control its checks name is provided
    assert ssh_plugin.PLUGIN_API == "~=1.3"


def test_a_scan_through_the_appliance_completes_under_the_workers_scope_guard(tmp_path):
    """The whole appliance (embedded worker, scope guard on the scanner's sockets): the
    second connection, handed to paramiko's own thread, is made by the scanner's thread."""
    from cyberorigen.plugin_api.testing import TestAppliance

    _require_openssh()
    directory = tmp_path / "sshd"
    directory.mkdir()
    server = start_sshd(
        directory, [f"HostKey {_keygen(directory, 'ed25519')}", "PasswordAuthentication yes"]
    )
    try:
        with TestAppliance(directory=tmp_path) as appliance:
            scan = appliance.run_scan("127.0.0.1", "ssh", options={"ssh": {"port": server.port}})
    finally:
        server.close()

    assert scan["status"] == "completed", scan
    (run,) = scan["scanners"]
    assert run["status"] == "completed" and len(run["observed"]) == 3, run
    assert {item["check_id"] for item in scan["findings"]} == {
        "ssh.weak_macs",
        "ssh.password_auth",
        "ssh.version_banner",
    }
