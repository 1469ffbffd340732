"""The two things read off the wire in clear: the server's identification string and its
KEXINIT message (RFC 4253 sections 4.2, 6 and 7.1).

An SSH server sends ``SSH-protoversion-softwareversion [SP comments] CR LF`` when a client
connects, possibly after other lines of text. Once it has the client's identification it
sends its first binary packet (``uint32 packet_length, byte padding_length, payload,
padding``; no MAC and no encryption yet), whose payload is ``SSH_MSG_KEXINIT``: a byte 20, a
16-byte cookie, ten name-lists (``uint32`` length then comma-separated US-ASCII names) and a
boolean and a ``uint32`` that are not needed here. Nothing else of the protocol is spoken:
the connection is closed after the KEXINIT.

:func:`parse_identification` and :func:`parse_kexinit` are pure functions of bytes;
:func:`read_identification` and :func:`read_kexinit` read them from a connected socket
within a deadline.
"""

from __future__ import annotations

import re
import socket
import struct
import time
from dataclasses import dataclass

#: What this scanner says it is, sent after the server's identification.
CLIENT_IDENTIFICATION = b"SSH-2.0-CyberOrigen_ssh_scanner\r\n"

#: Most bytes read before the identification line (the RFC lets servers send other lines).
MAX_PREAMBLE = 16 * 1024
#: Longest identification line accepted (RFC 4253: 255 characters with CR LF; a few
#: servers send more, so this is lenient).
MAX_LINE = 1024
#: Largest first packet accepted (RFC 4253 section 6.1 asks every implementation to handle
#: 35000 bytes; OpenSSH's KEXINIT is about 1.5 KB).
MAX_PACKET = 256 * 1024

SSH_MSG_DISCONNECT = 1
SSH_MSG_IGNORE = 2
SSH_MSG_UNIMPLEMENTED = 3
SSH_MSG_DEBUG = 4
SSH_MSG_KEXINIT = 20

#: The ten name-lists of KEXINIT, in order.
NAME_LISTS = (
    "kex_algorithms",
    "server_host_key_algorithms",
    "encryption_client_to_server",
    "encryption_server_to_client",
    "mac_client_to_server",
    "mac_server_to_client",
    "compression_client_to_server",
    "compression_server_to_client",
    "languages_client_to_server",
    "languages_server_to_client",
)

_PRINTABLE = re.compile(r"[^\x20-\x7e]")


class SshProtocolError(Exception):
    """The server did not speak SSH as RFC 4253 describes; the message says what it sent."""


class SshClosed(SshProtocolError, ConnectionError):
    """The server closed the connection (or sent SSH_MSG_DISCONNECT) before it was done."""


@dataclass(frozen=True)
class Identification:
    """The server's identification string, split as RFC 4253 section 4.2 writes it."""

    line: str
    protocol: str
    software: str
    comments: str

    @property
    def speaks_ssh1(self) -> bool:
        """SSH-1.x: "1.99" means both protocol versions, any other 1.x means SSH-1 only."""
        return self.protocol.startswith("1.")

    @property
    def speaks_ssh2(self) -> bool:
        return self.protocol in ("2.0", "1.99")


@dataclass(frozen=True)
class KexInit:
    """The name-lists of the server's SSH_MSG_KEXINIT."""

    kex_algorithms: tuple[str, ...]
    server_host_key_algorithms: tuple[str, ...]
    encryption_client_to_server: tuple[str, ...]
    encryption_server_to_client: tuple[str, ...]
    mac_client_to_server: tuple[str, ...]
    mac_server_to_client: tuple[str, ...]
    compression_client_to_server: tuple[str, ...]
    compression_server_to_client: tuple[str, ...]
    languages_client_to_server: tuple[str, ...]
    languages_server_to_client: tuple[str, ...]
    first_kex_packet_follows: bool

    @property
    def ciphers(self) -> tuple[str, ...]:
        """The encryption algorithms of both directions, in order, each once."""
        return _union(self.encryption_client_to_server, self.encryption_server_to_client)

    @property
    def macs(self) -> tuple[str, ...]:
        return _union(self.mac_client_to_server, self.mac_server_to_client)

    @property
    def compression(self) -> tuple[str, ...]:
        return _union(self.compression_client_to_server, self.compression_server_to_client)


def _union(*lists: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for names in lists for name in names))


def printable(text: str, limit: int = 512) -> str:
    """``text`` with control characters replaced, cut to ``limit`` characters: safe to show."""
    return _PRINTABLE.sub("?", text)[:limit]


# --- pure parsing -----------------------------------------------------------------------------


def parse_identification(line: bytes) -> Identification:
    """Split one identification line (with or without its CR LF). Raises
    :class:`SshProtocolError` when it does not start with ``SSH-`` and a protocol version."""
    text = line.rstrip(b"\r\n").decode("latin-1")
    if not text.startswith("SSH-"):
        raise SshProtocolError(f"not an SSH identification string: {printable(text, 120)!r}")
    protocol, dash, rest = text[4:].partition("-")
    if not dash or not re.fullmatch(r"\d+\.\d+", protocol):
        raise SshProtocolError(f"malformed SSH identification string: {printable(text, 120)!r}")
    software, _, comments = rest.partition(" ")
    return Identification(printable(text), protocol, printable(software), printable(comments))


def parse_kexinit(payload: bytes) -> KexInit:
    """Parse the payload of an SSH_MSG_KEXINIT packet (message number first). Raises
    :class:`SshProtocolError` when it is something else or is truncated."""
    if not payload or payload[0] != SSH_MSG_KEXINIT:
        raise SshProtocolError(
            f"expected SSH_MSG_KEXINIT (20), got message {payload[0] if payload else 'none'}"
        )
    offset = 1 + 16  # message number, cookie
    if len(payload) < offset:
        raise SshProtocolError("truncated KEXINIT: no cookie")
    lists: list[tuple[str, ...]] = []
    for field_name in NAME_LISTS:
        if len(payload) < offset + 4:
            raise SshProtocolError(f"truncated KEXINIT: no {field_name}")
        (length,) = struct.unpack_from(">I", payload, offset)
        offset += 4
        raw = payload[offset : offset + length]
        if len(raw) != length:
            raise SshProtocolError(f"truncated KEXINIT in {field_name}")
        offset += length
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError:
            raise SshProtocolError(f"KEXINIT {field_name} is not US-ASCII") from None
        lists.append(tuple(printable(name, 128) for name in text.split(",") if name))
    follows = bool(payload[offset]) if len(payload) > offset else False
    return KexInit(*lists, first_kex_packet_follows=follows)


def parse_packet(data: bytes) -> tuple[bytes, int]:
    """The payload of the unencrypted binary packet at the start of ``data`` and the number of
    bytes the packet takes; raises :class:`SshProtocolError` when it is malformed, or
    ``IndexError`` when ``data`` does not hold the whole packet yet."""
    if len(data) < 5:
        raise IndexError("need more data")
    (length,) = struct.unpack_from(">I", data, 0)
    if length < 5 or length > MAX_PACKET:
        raise SshProtocolError(f"implausible packet length {length}: not an SSH-2 packet")
    if len(data) < 4 + length:
        raise IndexError("need more data")
    padding = data[4]
    if padding < 4 or padding >= length:
        raise SshProtocolError(f"implausible padding length {padding} in a {length}-byte packet")
    return bytes(data[5 : 4 + length - padding]), 4 + length


# --- reading from a socket --------------------------------------------------------------------


class _Reader:
    """Buffered reads from a socket, each bounded by one overall deadline."""

    def __init__(self, sock: socket.socket, deadline: float, what: str) -> None:
        self.sock = sock
        self.deadline = deadline
        self.what = what
        self.buffer = bytearray()

    def fill(self, waiting_for: str) -> None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"{self.what} sent no {waiting_for} in time")
        self.sock.settimeout(left)
        try:
            chunk = self.sock.recv(65536)
        except TimeoutError:
            raise TimeoutError(f"{self.what} sent no {waiting_for} in time") from None
        if not chunk:
            raise SshClosed(f"{self.what} closed the connection before sending its {waiting_for}")
        self.buffer.extend(chunk)


def read_identification(reader: _Reader) -> Identification:
    """Read lines until one starts with ``SSH-`` and return it parsed."""
    consumed = 0
    while True:
        end = reader.buffer.find(b"\n")
        if end < 0:
            if len(reader.buffer) > MAX_LINE or consumed + len(reader.buffer) > MAX_PREAMBLE:
                start = printable(bytes(reader.buffer[:80]).decode("latin-1"))
                raise SshProtocolError(
                    f"{reader.what} sent {consumed + len(reader.buffer)} bytes without an SSH "
                    f"identification line: {start!r}"
                )
            reader.fill("SSH identification string")
            continue
        line = bytes(reader.buffer[: end + 1])
        del reader.buffer[: end + 1]
        consumed += len(line)
        if line.startswith(b"SSH-"):
            return parse_identification(line)
        if consumed > MAX_PREAMBLE:
            raise SshProtocolError(
                f"{reader.what} sent {consumed} bytes of text without an SSH identification line"
            )


def read_kexinit(reader: _Reader) -> KexInit:
    """Read binary packets until the KEXINIT (skipping IGNORE, DEBUG and UNIMPLEMENTED)."""
    for _ in range(16):
        while True:
            try:
                payload, size = parse_packet(reader.buffer)
            except IndexError:
                reader.fill("KEXINIT")
                continue
            del reader.buffer[:size]
            break
        kind = payload[0] if payload else -1
        if kind in (SSH_MSG_IGNORE, SSH_MSG_DEBUG, SSH_MSG_UNIMPLEMENTED):
            continue
        if kind == SSH_MSG_DISCONNECT:
            raise SshClosed(f"{reader.what} disconnected: {_disconnect_reason(payload)}")
        return parse_kexinit(payload)
    raise SshProtocolError(f"{reader.what} sent 16 packets without a KEXINIT")


def _disconnect_reason(payload: bytes) -> str:
    try:
        code, length = struct.unpack_from(">II", payload, 1)
        text = payload[9 : 9 + length].decode("utf-8", "replace")
    except struct.error:
        return "no reason given"
    return f"{printable(text, 200)} (code {code})"


def exchange(
    sock: socket.socket, deadline: float, what: str
) -> tuple[Identification, KexInit | None]:
    """On a freshly connected socket: read the server's identification and, when it speaks
    SSH-2, send this scanner's and read the server's KEXINIT (None for an SSH-1-only server,
    to which nothing is sent)."""
    reader = _Reader(sock, deadline, what)
    identification = read_identification(reader)
    if not identification.speaks_ssh2:
        return identification, None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError(f"no time left to send {what} an identification string")
    sock.settimeout(left)
    sock.sendall(CLIENT_IDENTIFICATION)
    return identification, read_kexinit(reader)
