"""The built-in TCP connect scanner (used when nmap is missing or use_nmap is false) and the
active probes that both paths run against open ports.

Everything here is asyncio: ``concurrency`` workers take ports from a shared queue, so no more
than that many connections are ever in flight. After a connect succeeds the worker reads what
the service says first (up to BANNER_LIMIT bytes); on a port where HTTP is usual, or when the
service stays silent, it sends a minimal ``HEAD / HTTP/1.0`` and reads the answer instead.

A TCP "self-connect" (connecting to a free port of the local machine in the ephemeral range
can pick that same port as the source, and the socket then connects to itself) is recognised
by equal local and remote addresses and counted as closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import socket
import ssl
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509

from cyberorigen.plugins.ports import snmp
from cyberorigen.plugins.ports.checks import HTTP_PORTS
from cyberorigen.plugins.ports.model import PortResult

BANNER_LIMIT = 256
HEAD_REQUEST = b"HEAD / HTTP/1.0\r\n\r\n"
HTTP_BODY_LIMIT = 64 * 1024
SocketFactory = Callable[[int], socket.socket]


@dataclass
class Control:
    """The scan's deadline, cancellation and progress, as the async code sees them."""

    seconds_left: Callable[[], float]
    cancelled: Callable[[], bool] = lambda: False
    progress: Callable[[int, int], None] = lambda done, total: None
    stopped: str = ""  # "cancelled" or "deadline" once the scan had to stop early

    def should_stop(self) -> bool:
        if not self.stopped:
            if self.cancelled():
                self.stopped = "cancelled"
            elif self.seconds_left() <= 0.05:
                self.stopped = "deadline"
        return bool(self.stopped)


@dataclass
class ConnectScanStats:
    peak_in_flight: int = 0
    in_flight: int = 0
    self_connects: int = 0
    states: dict[str, int] = field(default_factory=dict)


def is_self_connect(sock: socket.socket) -> bool:
    try:
        return sock.getsockname()[:2] == sock.getpeername()[:2]
    except OSError:
        return False


async def _read_some(reader: asyncio.StreamReader, timeout: float) -> bytes:
    """Up to BANNER_LIMIT bytes: waits ``timeout`` for the first, then a little for more."""
    data = b""
    wait = timeout
    while len(data) < BANNER_LIMIT:
        try:
            chunk = await asyncio.wait_for(reader.read(BANNER_LIMIT - len(data)), wait)
        except (TimeoutError, OSError):
            break
        if not chunk:
            break
        data += chunk
        wait = min(0.1, timeout)
    return data


async def _close(writer: asyncio.StreamWriter) -> None:
    writer.close()
    with contextlib.suppress(OSError, TimeoutError):
        await asyncio.wait_for(writer.wait_closed(), 1)


async def scan_port(
    host: str,
    port: int,
    family: int,
    timeout: float,
    banner_timeout: float,
    sock_factory: SocketFactory | None = None,
    stats: ConnectScanStats | None = None,
) -> PortResult:
    """Connect to one TCP port and grab its banner."""
    sock = sock_factory(family) if sock_factory else socket.socket(family, socket.SOCK_STREAM)
    sock.setblocking(False)
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(loop.sock_connect(sock, (host, port)), timeout)
    except TimeoutError:
        sock.close()
        return PortResult(port, state="filtered", reason="timeout")
    except ConnectionRefusedError:
        sock.close()
        return PortResult(port, state="closed", reason="conn-refused")
    except OSError as exc:
        sock.close()
        return PortResult(port, state="filtered", reason=exc.strerror or type(exc).__name__)
    except BaseException:
        sock.close()
        raise
    if is_self_connect(sock):
        sock.close()
        if stats is not None:
            stats.self_connects += 1
        return PortResult(port, state="closed", reason="self-connect")
    result = PortResult(port, state="open", reason="connected")
    try:
        reader, writer = await asyncio.open_connection(sock=sock)
    except OSError:
        sock.close()
        return result
    try:
        if port in HTTP_PORTS:
            writer.write(HEAD_REQUEST)
            await writer.drain()
        result.banner = await _read_some(reader, banner_timeout)
        if not result.banner and port not in HTTP_PORTS and not reader.at_eof():
            writer.write(HEAD_REQUEST)
            await writer.drain()
            result.banner = await _read_some(reader, banner_timeout)
    except OSError:
        pass
    finally:
        await _close(writer)
    return result


async def connect_scan(
    host: str,
    ports: Iterable[int],
    family: int,
    timeout: float,
    banner_timeout: float,
    concurrency: int,
    control: Control,
    sock_factory: SocketFactory | None = None,
    stats: ConnectScanStats | None = None,
) -> list[PortResult]:
    """Scan ``ports``; stops taking new ports when the control says to stop (cancelled or
    out of time) and returns what was scanned."""
    todo = list(ports)
    total = len(todo)
    queue = iter(todo)
    results: list[PortResult] = []
    stats = stats if stats is not None else ConnectScanStats()
    last_report = 0.0

    async def watch() -> None:
        while not control.should_stop():
            await asyncio.sleep(0.1)

    async def worker() -> None:
        nonlocal last_report
        for port in queue:
            if control.stopped:
                return
            left = control.seconds_left()
            stats.in_flight += 1
            stats.peak_in_flight = max(stats.peak_in_flight, stats.in_flight)
            try:
                result = await scan_port(
                    host,
                    port,
                    family,
                    max(0.05, min(timeout, left)),
                    max(0.05, min(banner_timeout, left)),
                    sock_factory,
                    stats,
                )
            finally:
                stats.in_flight -= 1
            results.append(result)
            stats.states[result.state] = stats.states.get(result.state, 0) + 1
            now = time.monotonic()
            if now - last_report >= 0.25 or len(results) == total:
                last_report = now
                control.progress(len(results), total)

    watcher = asyncio.ensure_future(watch())
    try:
        await asyncio.gather(*(worker() for _ in range(max(1, min(concurrency, total or 1)))))
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
    results.sort(key=lambda item: item.port)
    return results


# --- probes -------------------------------------------------------------------------------


async def _open(
    host: str, port: int, timeout: float, tls: bool = False
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    context = None
    if tls:
        # Probing, not trusting: the management APIs use self-signed certificates.
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return await asyncio.wait_for(
        asyncio.open_connection(host, port, ssl=context),
        timeout,
    )


def certificate_summary(der: bytes | None) -> dict[str, Any]:
    """Subject, issuer, expiry and names of a DER certificate (empty when it cannot be read):
    what the inventory shows; judging the certificate is the tls scanner's job."""
    if not der:
        return {}
    try:
        certificate = x509.load_der_x509_certificate(der)
    except ValueError:
        return {}
    try:
        names = certificate.extensions.get_extension_for_class(
            x509.SubjectAlternativeName
        ).value.get_values_for_type(x509.DNSName)
    except (x509.ExtensionNotFound, ValueError):
        names = []
    return {
        "subject": certificate.subject.rfc4514_string()[:300],
        "issuer": certificate.issuer.rfc4514_string()[:300],
        "not_after": certificate.not_valid_after_utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "names": list(names)[:20],
    }


async def tls_probe(host: str, port: int, timeout: float) -> dict[str, Any] | None:
    """Whether ``port`` completes a TLS handshake (any certificate): the protocol version,
    the certificate's summary, and ``http``: whether a ``HEAD /`` inside it is answered by an
    HTTP status line (the first bytes are enough: a server that keeps the connection open is
    not waited for). None when it does not speak TLS."""
    try:
        reader, writer = await _open(host, port, timeout, tls=True)
    except (OSError, TimeoutError, ssl.SSLError):
        return None
    try:
        ssl_object = writer.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
        version = ssl_object.version() if ssl_object else None
        first = b""
        with contextlib.suppress(OSError, ssl.SSLError, TimeoutError):
            writer.write(HEAD_REQUEST)
            await writer.drain()
            first = await asyncio.wait_for(reader.read(64), timeout)
        return {
            "version": version or "",
            "certificate": certificate_summary(der),
            "http": first.startswith(b"HTTP/"),
        }
    finally:
        await _close(writer)


async def _read_line(reader: asyncio.StreamReader, timeout: float) -> bytes:
    try:
        return await asyncio.wait_for(reader.readline(), timeout)
    except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError):
        return b""


async def _read_ftp_reply(reader: asyncio.StreamReader, timeout: float) -> str:
    """One FTP reply, multi-line ones ("220-...", ..., "220 ...") included; "" if none.
    SMTP replies have the same shape, and are read with it too."""
    first = await _read_line(reader, timeout)
    lines = [first]
    if re.match(rb"\d{3}-", first):
        code = first[:3]
        for _ in range(50):
            line = await _read_line(reader, timeout)
            lines.append(line)
            if not line or line.startswith(code + b" "):
                break
    return b"".join(lines).decode("latin-1", "replace").strip()


async def _dialogue(
    host: str,
    port: int,
    timeout: float,
    talk: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[dict[str, Any]]],
) -> dict[str, Any]:
    """Open a plaintext connection, let ``talk(reader, writer)`` hold the conversation and
    give the answer, close it: a connection refused or broken is the answer's ``error``."""
    try:
        reader, writer = await _open(host, port, timeout)
    except (OSError, TimeoutError) as exc:
        return {"error": f"cannot connect: {exc or type(exc).__name__}"}
    try:
        return await talk(reader, writer)
    except OSError as exc:
        return {"error": str(exc) or type(exc).__name__}
    finally:
        await _close(writer)


async def ftp_auth_tls(host: str, port: int, timeout: float) -> dict[str, Any]:
    """Greets, asks for AUTH TLS (RFC 4217) before logging in, and reads the reply."""

    async def talk(reader, writer) -> dict[str, Any]:
        greeting = await _read_ftp_reply(reader, timeout)
        if not greeting.startswith("220"):
            return {"greeting": greeting[:200], "error": "no 220 greeting"}
        writer.write(b"AUTH TLS\r\n")
        await writer.drain()
        reply = await _read_ftp_reply(reader, timeout)
        if not reply:
            return {"greeting": greeting[:200], "error": "no reply to AUTH TLS"}
        if not reply.startswith("234"):
            with contextlib.suppress(OSError):
                writer.write(b"QUIT\r\n")
                await writer.drain()
        return {
            "greeting": greeting[:200],
            "auth_tls_reply": reply[:200],
            "tls": reply.startswith("234"),
        }

    return await _dialogue(host, port, timeout, talk)


#: The anonymous-FTP convention (RFC 1635): the user name, and an e-mail-like password.
FTP_ANONYMOUS_USER = "anonymous"
FTP_ANONYMOUS_PASSWORD = "anonymous@"
#: At most this many lines are read of one multi-line answer (CAPA, CAPABILITY).
MAX_ANSWER_LINES = 100


async def _send(writer: asyncio.StreamWriter, line: str) -> None:
    writer.write(line.encode("ascii") + b"\r\n")
    await writer.drain()


async def _command(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, line: str, timeout: float
) -> str:
    """Sends one FTP or SMTP command and reads its (possibly multi-line) numbered reply."""
    await _send(writer, line)
    return await _read_ftp_reply(reader, timeout)


async def _quit(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, line: str, timeout: float
) -> str:
    """Says goodbye (QUIT, LOGOUT) and reads the first line of the answer, if any."""
    try:
        await _send(writer, line)
        return (await _read_line(reader, timeout)).decode("latin-1", "replace").strip()[:200]
    except OSError:
        return ""


async def ftp_anonymous_login(host: str, port: int, timeout: float) -> dict[str, Any]:
    """Greets, logs in as ``USER anonymous`` / ``PASS anonymous@`` (the password only when
    the server asks for one with 331) and logs out with QUIT. ``login`` is True when the
    server accepted the login (230); nothing else is sent."""

    async def talk(reader, writer) -> dict[str, Any]:
        greeting = await _read_ftp_reply(reader, timeout)
        if not greeting.startswith("220"):
            return {"greeting": greeting[:200], "error": "no 220 greeting"}
        answer: dict[str, Any] = {"greeting": greeting[:200]}
        user_reply = await _command(reader, writer, f"USER {FTP_ANONYMOUS_USER}", timeout)
        answer["user_reply"] = user_reply[:200]
        login = user_reply.startswith("230")
        if user_reply.startswith("331"):
            pass_reply = await _command(reader, writer, f"PASS {FTP_ANONYMOUS_PASSWORD}", timeout)
            answer["pass_reply"] = pass_reply[:200]
            login = pass_reply.startswith("230")
        answer["quit_reply"] = await _quit(reader, writer, "QUIT", timeout)
        answer["login"] = login
        return answer

    return await _dialogue(host, port, timeout, talk)


async def pop3_capabilities(host: str, port: int, timeout: float) -> dict[str, Any]:
    """Greets, asks ``CAPA`` (RFC 2449) before any STLS or login, and says QUIT.
    ``capabilities`` are the lines of the answer (``USER``, ``SASL PLAIN LOGIN``, ``STLS``)."""

    async def talk(reader, writer) -> dict[str, Any]:
        greeting = (await _read_line(reader, timeout)).decode("latin-1", "replace").strip()
        if not greeting.startswith("+OK"):
            return {"greeting": greeting[:200], "error": "no +OK greeting"}
        await _send(writer, "CAPA")
        first = (await _read_line(reader, timeout)).decode("latin-1", "replace").strip()
        capabilities: list[str] = []
        if first.startswith("+OK"):
            for _ in range(MAX_ANSWER_LINES):
                line = await _read_line(reader, timeout)
                text = line.decode("latin-1", "replace").strip()
                if not line or text == ".":
                    break
                capabilities.append(text[:200])
        return {
            "greeting": greeting[:200],
            "capa_reply": first[:200],
            "capabilities": capabilities,
            "quit_reply": await _quit(reader, writer, "QUIT", timeout),
        }

    return await _dialogue(host, port, timeout, talk)


async def imap_capabilities(host: str, port: int, timeout: float) -> dict[str, Any]:
    """Greets, asks ``CAPABILITY`` (RFC 9051, 3501) before any STARTTLS or login, and says
    LOGOUT. ``capabilities`` are the words of the untagged answer (``IMAP4rev1``,
    ``STARTTLS``, ``LOGINDISABLED``, ``AUTH=PLAIN``...)."""

    async def talk(reader, writer) -> dict[str, Any]:
        greeting = (await _read_line(reader, timeout)).decode("latin-1", "replace").strip()
        if not greeting.upper().startswith("* OK"):
            return {"greeting": greeting[:200], "error": "no * OK greeting"}
        await _send(writer, "c1 CAPABILITY")
        capabilities: list[str] = []
        tagged = ""
        for _ in range(MAX_ANSWER_LINES):
            line = await _read_line(reader, timeout)
            if not line:
                break
            text = line.decode("latin-1", "replace").strip()
            if text.upper().startswith("* CAPABILITY "):
                capabilities.extend(word[:64] for word in text.split()[2:200])
            elif text.lower().startswith("c1 "):
                tagged = text
                break
        return {
            "greeting": greeting[:200],
            "capability_reply": tagged[:200],
            "capabilities": capabilities,
            "logout_reply": await _quit(reader, writer, "c2 LOGOUT", timeout),
        }

    return await _dialogue(host, port, timeout, talk)


def _address_literal(sockname: Any) -> str:
    """The EHLO argument for a client without a name: its address literal (RFC 5321 4.1.3)."""
    address = str(sockname[0]) if sockname else "127.0.0.1"
    return f"[IPv6:{address}]" if ":" in address else f"[{address}]"


async def smtp_relay(
    host: str, port: int, timeout: float, sender: str, recipient: str
) -> dict[str, Any]:
    """Asks an SMTP server to take mail from ``sender`` to ``recipient`` (addresses of
    domains it does not serve): EHLO with the scanner's address literal (HELO if refused),
    MAIL FROM, RCPT TO, then RSET and QUIT. It never sends DATA, so no message is ever sent.
    ``accepted`` is True when RCPT was answered 250 or 251; ``dialogue`` holds each command
    and its reply."""
    try:
        reader, writer = await _open(host, port, timeout)
    except (OSError, TimeoutError) as exc:
        return {"error": f"cannot connect: {exc or type(exc).__name__}"}
    dialogue: list[dict[str, str]] = []
    helo = _address_literal(writer.get_extra_info("sockname"))

    async def say(line: str) -> str:
        reply = await _command(reader, writer, line, timeout)
        dialogue.append({"sent": line, "reply": reply[:300]})
        return reply

    try:
        greeting = await _read_ftp_reply(reader, timeout)
        answer: dict[str, Any] = {"greeting": greeting[:200], "dialogue": dialogue}
        if not greeting.startswith("220"):
            answer["error"] = "no 220 greeting"
            return answer
        hello = await say(f"EHLO {helo}")
        if not hello.startswith("250"):
            hello = await say(f"HELO {helo}")
        accepted = False
        if hello.startswith("250"):
            mail = await say(f"MAIL FROM:<{sender}>")
            if mail.startswith("250"):
                rcpt = await say(f"RCPT TO:<{recipient}>")
                accepted = rcpt[:3] in ("250", "251")
            await say("RSET")
        quit_reply = await _quit(reader, writer, "QUIT", timeout)
        dialogue.append({"sent": "QUIT", "reply": quit_reply})
        answer["accepted"] = accepted
        return answer
    except OSError as exc:
        return {"error": str(exc) or type(exc).__name__, "dialogue": dialogue}
    finally:
        await _close(writer)


async def redis_ping(host: str, port: int, timeout: float) -> dict[str, Any]:
    """Sends PING in RESP; +PONG means no authentication is required."""
    try:
        reader, writer = await _open(host, port, timeout)
    except (OSError, TimeoutError) as exc:
        return {"error": f"cannot connect: {exc or type(exc).__name__}"}
    try:
        writer.write(b"*1\r\n$4\r\nPING\r\n")
        await writer.drain()
        reply = (await _read_line(reader, timeout)).decode("latin-1", "replace").strip()
    except OSError as exc:
        return {"error": str(exc) or type(exc).__name__}
    finally:
        await _close(writer)
    if reply.startswith("+PONG"):
        return {"reply": reply, "redis": True, "authentication": "none"}
    upper = reply.upper()
    if reply.startswith("-") and ("NOAUTH" in upper or "AUTH" in upper or "DENIED" in upper):
        return {"reply": reply[:200], "redis": True, "authentication": "required"}
    return {"reply": reply[:200], "redis": False}


@dataclass
class HttpAnswer:
    status: int
    headers: dict[str, str]
    body: bytes
    tls: bool

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None


async def http_get(
    host: str, port: int, path: str, timeout: float, tls: bool = False
) -> HttpAnswer | None:
    """A plain GET (HTTP/1.0, no credentials); None when nothing HTTP answered."""
    return await http_request(host, port, "GET", path, timeout, tls)


async def http_request(
    host: str,
    port: int,
    method: str,
    path: str,
    timeout: float,
    tls: bool = False,
    body: bytes | None = None,
) -> HttpAnswer | None:
    """One HTTP/1.0 request without credentials (``body`` sent as JSON); None when nothing
    HTTP answered."""
    try:
        reader, writer = await _open(host, port, timeout, tls)
    except (OSError, TimeoutError, ssl.SSLError):
        return None
    authority = f"[{host}]" if ":" in host else host
    request = (
        f"{method} {path} HTTP/1.0\r\nHost: {authority}:{port}\r\n"
        "User-Agent: CyberOrigen-ports-scanner\r\nAccept: application/json\r\n"
        "Connection: close\r\n"
    )
    if body is not None:
        request += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    data = b""
    try:
        writer.write(request.encode("ascii") + b"\r\n" + (body or b""))
        await writer.drain()
        deadline = time.monotonic() + timeout
        while len(data) < HTTP_BODY_LIMIT:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                chunk = await asyncio.wait_for(reader.read(16384), left)
            except TimeoutError:
                break
            if not chunk:
                break
            data += chunk
    except (OSError, ssl.SSLError):
        pass
    finally:
        await _close(writer)
    head, _, content = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    match = re.match(r"HTTP/\d(?:\.\d)? (\d{3})", lines[0]) if lines else None
    if not match:
        return None
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return HttpAnswer(int(match.group(1)), headers, content, tls)


async def snmp_get(
    host: str, port: int, community: str, timeout: float, family: int = socket.AF_INET
) -> snmp.SnmpMessage | None:
    """An SNMPv2c get of sysDescr; the agent's GetResponse, or None when it stays silent."""
    loop = asyncio.get_running_loop()
    sock = socket.socket(family, socket.SOCK_DGRAM)
    sock.setblocking(False)
    request_id = int.from_bytes(os.urandom(3), "big")
    try:
        sock.connect((host, port))
        await loop.sock_sendall(sock, snmp.get_request(community, request_id))
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                data = await asyncio.wait_for(loop.sock_recv(sock, 65535), left)
            except TimeoutError:
                return None
            try:
                message = snmp.parse_message(data)
            except snmp.BerError:
                continue
            if message.pdu_type == snmp.GET_RESPONSE and message.request_id == request_id:
                return message
        return None
    except OSError:  # ICMP port unreachable shows up as ConnectionRefusedError
        return None
    finally:
        sock.close()
