"""The SSH scanner: reads an SSH server's identification string and KEXINIT, then asks it,
through paramiko, for its host key and the authentication methods it accepts.

Steps, for the one port scanned (the target's own port when it carries one, as a
``host:port`` target or a discovered SSH service does, else the ``port`` option, 22 by
default):

1. resolve the host through the scan's scope and connect to the first allowed address that
   accepts the connection (none: the run fails with the reason);
2. read the identification string; an SSH-1-only server ends the scan there (nothing is
   sent to it), any other sends this scanner's identification and reads the server's
   KEXINIT (:mod:`cyberorigen.plugins.ssh.protocol`), then the connection is closed;
3. connect again to the same address and let paramiko complete a key exchange and send one
   "none" authentication request (:mod:`cyberorigen.plugins.ssh.auth`).

Findings are yielded as soon as what they judge is known. A failure of step 3 that is not
the network's (no algorithm in common with paramiko, the server closing the exchange) leaves
``ssh.password_auth`` (and the RSA part of ``ssh.weak_host_key``) not examined, with the
reason; a refused or lost connection is an error.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.plugin_api import Finding, ScanContext, Scanner, ScanScope
from cyberorigen.plugins.ssh import analysis
from cyberorigen.plugins.ssh.auth import ProbeFailed, probe
from cyberorigen.plugins.ssh.checks import CHECKS
from cyberorigen.plugins.ssh.protocol import KexInit, SshProtocolError, exchange

DEFAULT_PORT = 22
DEFAULT_USERNAME = "cyberorigen-scan"

#: The checks judged from SSH-2 only (everything but the identification string).
SSH2_CHECKS = (
    "ssh.weak_kex",
    "ssh.weak_ciphers",
    "ssh.weak_macs",
    "ssh.weak_host_key",
    "ssh.password_auth",
)


class SshScanError(Exception):
    """The scan could not be done; the message says why."""


class SshUnreachable(SshScanError, ConnectionError):
    """The host does not resolve, or no allowed address accepts a TCP connection."""


# --- options ----------------------------------------------------------------------------------


class SshOptionsSchema(ma.Schema):
    """Options of the ``ssh`` scanner."""

    port = fields.Integer(
        strict=True,
        load_default=None,
        allow_none=True,
        validate=validate.Range(min=1, max=65535),
        metadata={
            "description": f"TCP port of the SSH service (default {DEFAULT_PORT}), for a target "
            "that names none: a host:port target or a discovered service is scanned on its "
            "own port."
        },
    )
    timeout = fields.Float(
        load_default=10.0,
        validate=validate.Range(min=1, max=120),
        metadata={
            "description": "Seconds allowed for each of the scanner's two connections, 1-120 "
            "(default 10); never beyond the scanner's own deadline."
        },
    )
    username = fields.String(
        load_default=DEFAULT_USERNAME,
        validate=validate.Regexp(
            r"^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}$",
            error="expected a user name of 1-64 letters, digits, '.', '_' or '-'",
        ),
        metadata={
            "description": "User named in the 'none' authentication request whose refusal "
            f"lists the accepted methods (default {DEFAULT_USERNAME!r}, a user that should "
            "not exist). No password or key is ever sent."
        },
    )


# --- helpers ----------------------------------------------------------------------------------


def _location(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _resolve(scope: ScanScope, host: str, port: int) -> list[str]:
    """The addresses of ``host`` the scope allows (IPv4 first); OutOfScope propagates."""
    try:
        addresses = scope.addresses(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise SshUnreachable(f"cannot resolve {host}: {exc}") from None
    return sorted(addresses, key=lambda address: ":" in address)


def _connect(address: str, port: int, timeout: float) -> socket.socket:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((address, port))
    except BaseException:
        sock.close()
        raise
    return sock


def _budget(ctx: ScanContext, timeout: float, what: str) -> float:
    budget = min(timeout, ctx.seconds_left())
    if budget <= 0:
        raise TimeoutError(f"no time left to {what}")
    return budget


# --- the scanner ------------------------------------------------------------------------------


class SshScanner(Scanner):
    """Protocol version, algorithms, host key and authentication methods of an SSH server."""

    name = "ssh"
    title = "SSH server configuration"
    version = "1.0.0"
    target_kinds = ("hostname", "ip")
    #: The service protocols this scanner examines.
    services = ("ssh",)
    checks = CHECKS
    options_schema = SshOptionsSchema
    timeout = 120.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        options = SshOptionsSchema().load(ctx.options)
        ctx.check_cancelled()
        host = ctx.target.host.strip("[]")
        if not host:
            raise SshScanError(f"no host in target {ctx.target.value!r}")
        port = ctx.target.port or options["port"] or DEFAULT_PORT
        location = _location(host, port)
        timeout = float(options["timeout"])

        ctx.progress(0, f"connecting to {location}")
        address, sock = self._first_connection(ctx, host, port, timeout)
        seen = location if address == host else f"{location} ({address})"
        try:
            deadline = time.monotonic() + _budget(ctx, timeout, f"read {location}")
            identification, kexinit = exchange(sock, deadline, seen)
        except (SshProtocolError, TimeoutError):
            raise
        except OSError as exc:  # reset, unreachable...
            raise SshUnreachable(f"{seen}: {exc.strerror or exc}") from None
        finally:
            sock.close()

        ctx.observed(f"{seen} answered {identification.line}")
        for observation in analysis.judge_identification(identification):
            yield self._finding(observation, location)
        if kexinit is None:
            if identification.speaks_ssh1:
                ctx.not_examined(
                    SSH2_CHECKS,
                    f"{seen} speaks SSH-1 only ({identification.line}): its SSH-2 algorithms, "
                    "host key and authentication methods cannot be examined",
                )
                ctx.progress(100, "done")
                return
            raise SshProtocolError(
                f"{seen} announces SSH protocol {identification.protocol}, which this scanner "
                f"does not speak: {identification.line}"
            )

        ctx.observed(
            f"{seen} sent its KEXINIT: {len(analysis.real(kexinit.kex_algorithms))} key "
            "exchange methods, "
            f"{len(kexinit.ciphers)} ciphers, {len(kexinit.macs)} MACs, host key algorithms "
            f"{', '.join(kexinit.server_host_key_algorithms) or 'none'}"
        )
        for observation in analysis.judge_kexinit(kexinit):
            yield self._finding(observation, location)

        ctx.check_cancelled()
        ctx.progress(50, f"asking {location} for its host key and authentication methods")
        yield from self._second_connection(
            ctx, kexinit, address, port, seen, location, timeout, options["username"]
        )
        ctx.progress(100, "done")

    def _first_connection(
        self, ctx: ScanContext, host: str, port: int, timeout: float
    ) -> tuple[str, socket.socket]:
        reasons = []
        for address in _resolve(ctx.scope, host, port):
            ctx.check_cancelled()
            budget = _budget(ctx, timeout, f"connect to {_location(host, port)}")
            try:
                return address, _connect(address, port, budget)
            except OSError as exc:
                reasons.append(f"{address}: {exc.strerror or exc}")
        raise SshUnreachable(
            f"cannot connect to {host} port {port}: {'; '.join(reasons) or 'no address'}"
        )

    def _second_connection(
        self,
        ctx: ScanContext,
        kexinit: KexInit,
        address: str,
        port: int,
        seen: str,
        location: str,
        timeout: float,
        username: str,
    ) -> Iterator[Finding]:
        budget = _budget(ctx, timeout, f"ask {location} for its authentication methods")
        try:
            sock = _connect(address, port, budget)
        except OSError as exc:
            raise SshUnreachable(
                f"{seen} accepted a first connection but not a second: {exc.strerror or exc}"
            ) from None
        rsa_offered = analysis.offers_rsa(kexinit)
        try:
            result = probe(sock, username, budget, prefer_rsa=rsa_offered)
        except ProbeFailed as exc:
            ctx.check_cancelled()
            if ctx.seconds_left() <= 0:
                raise TimeoutError(f"the deadline came while asking {seen}: {exc}") from None
            yield from self._host_key(ctx, kexinit, None, rsa_offered, seen, location, str(exc))
            ctx.not_examined(
                ("ssh.password_auth",),
                f"{seen}: its authentication methods could not be learnt ({exc})",
            )
            return

        key = f"{result.host_key_type} host key" + (
            f", {result.rsa_bits} bits" if result.rsa_bits else ""
        )
        if result.none_accepted:
            outcome = f"accepted user {username} without authentication"
        else:
            methods = ", ".join(result.methods) or "none"
            outcome = f"listed the authentication methods {methods} for user {username}"
        ctx.observed(
            f"{seen} completed a key exchange ({key}, cipher {result.cipher}) and {outcome}"
        )
        yield from self._host_key(
            ctx,
            kexinit,
            result.rsa_bits,
            rsa_offered,
            seen,
            location,
            f"the key exchange chose {result.host_key_type}",
        )
        if result.none_accepted:
            ctx.not_examined(
                ("ssh.password_auth",),
                f"{seen} let user {username} in without any authentication, so it listed no "
                "methods",
            )
            return
        observation = analysis.judge_auth_methods(result.methods, username)
        if observation:
            yield self._finding(observation, location)

    def _host_key(
        self,
        ctx: ScanContext,
        kexinit: KexInit,
        rsa_bits: int | None,
        rsa_offered: bool,
        seen: str,
        location: str,
        why_unknown: str,
    ) -> Iterator[Finding]:
        observation = analysis.judge_host_keys(kexinit, rsa_bits)
        if observation:
            yield self._finding(observation, location)
        elif rsa_offered and rsa_bits is None:
            ctx.not_examined(
                ("ssh.weak_host_key",),
                f"{seen} offers an RSA host key whose size could not be read ({why_unknown})",
            )

    def _finding(self, observation: analysis.Observation, location: str) -> Finding:
        extra = {"severity": observation.severity} if observation.severity else {}
        return self.finding(observation.check_id, location, observation.evidence, **extra)
