"""The second look at an SSH server, through paramiko: a full key exchange (preferring an
RSA host key, to learn its size) and one "none" authentication request, whose refusal lists
the methods the server accepts (RFC 4252 section 5.2). No credential is ever sent.

paramiko is given a socket this scanner connected itself, to an address the scan's scope
allows; it never resolves or connects on its own.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

#: RSA host key algorithms paramiko can verify, strongest first.
RSA_KEY_TYPES = ("rsa-sha2-512", "rsa-sha2-256")


class ProbeFailed(Exception):
    """paramiko could not complete the key exchange or the authentication request (no
    algorithm in common, the server closed the connection, a timeout); the message says
    why."""


@dataclass(frozen=True)
class AuthProbe:
    """What the second connection learnt."""

    #: The methods listed by the refusal of "none" (empty when "none" was accepted).
    methods: tuple[str, ...]
    #: Whether the server let the user in without any authentication.
    none_accepted: bool
    #: The host key algorithm negotiated (``rsa-sha2-512``, ``ssh-ed25519``...).
    host_key_type: str
    #: The size of the host key in bits when it is an RSA key, else None.
    rsa_bits: int | None
    #: The cipher negotiated (server to client), for the observation.
    cipher: str


def probe(sock: socket.socket, username: str, timeout: float, prefer_rsa: bool) -> AuthProbe:
    """Run the probe on ``sock`` (connected, nothing read yet) and close it."""
    import paramiko

    transport = paramiko.Transport(sock)
    try:
        transport.banner_timeout = timeout
        transport.handshake_timeout = timeout
        transport.auth_timeout = timeout
        if prefer_rsa:
            options = transport.get_security_options()
            keys = list(options.key_types)
            options.key_types = [
                *(key for key in RSA_KEY_TYPES if key in keys),
                *(key for key in keys if key not in RSA_KEY_TYPES),
            ]
        try:
            transport.start_client(timeout=timeout)
        except (paramiko.SSHException, EOFError, OSError) as exc:
            raise ProbeFailed(f"key exchange failed: {_reason(exc)}") from None
        key = transport.get_remote_server_key()
        rsa_bits = key.get_bits() if key.get_name() == "ssh-rsa" else None
        host_key_type = transport.host_key_type or key.get_name()
        cipher = getattr(transport, "remote_cipher", "") or ""
        try:
            allowed = transport.auth_none(username)
        except paramiko.BadAuthenticationType as exc:
            return AuthProbe(tuple(exc.allowed_types), False, host_key_type, rsa_bits, cipher)
        except (paramiko.SSHException, EOFError, OSError) as exc:
            raise ProbeFailed(f"the 'none' authentication request failed: {_reason(exc)}") from None
        return AuthProbe(tuple(allowed or ()), True, host_key_type, rsa_bits, cipher)
    finally:
        transport.close()  # does nothing when the transport never became active
        sock.close()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
