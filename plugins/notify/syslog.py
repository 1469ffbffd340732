"""The ``syslog`` transport: the event as one RFC 5424 message, over UDP (one datagram) or TCP
(octet-counting framing, RFC 6587), to a collector the webhook names. That host is chosen by
a user, so it is reached through the network guard like any webhook URL."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import socket
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import marshmallow as ma

from cyberorigen.plugin_api import Delivery, PermanentError, Sent, TransientError, Transport

#: RFC 5424 section 6.2.1 facility codes, by their usual names.
FACILITIES = {
    "kern": 0,
    "user": 1,
    "mail": 2,
    "daemon": 3,
    "auth": 4,
    "syslog": 5,
    "lpr": 6,
    "news": 7,
    "uucp": 8,
    "cron": 9,
    "authpriv": 10,
    "ftp": 11,
    "ntp": 12,
    "audit": 13,
    "alert": 14,
    "clock": 15,
    **{f"local{number}": 16 + number for number in range(8)},
}

#: RFC 5424 severities for a finding's severity (``vulnerability.found``).
FINDING_SEVERITIES = {"critical": 2, "high": 3, "medium": 4, "low": 5, "info": 6}
#: Severities of other event types; any type not listed is informational (6).
EVENT_SEVERITIES = {"scan.failed": 3, "webhook.disabled": 4}
INFORMATIONAL = 6
#: A finding with a severity this transport does not know is reported as a warning.
UNKNOWN_FINDING_SEVERITY = 4

MAX_UDP_BYTES = 65000
SD_ID = "cyberorigen@32473"
NILVALUE = "-"

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOSTNAME_RE = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?")


def _validate_host(value: str) -> None:
    candidate = value[1:-1] if value.startswith("[") and value.endswith("]") else value
    try:
        ipaddress.ip_address(candidate)
        return
    except ValueError:
        pass
    if len(value) > 253 or not _HOSTNAME_RE.fullmatch(value):
        raise ma.ValidationError("not a host name or IP address")


class SyslogConfigSchema(ma.Schema):
    host = ma.fields.String(required=True, validate=_validate_host)
    port = ma.fields.Integer(load_default=514, validate=ma.validate.Range(min=1, max=65535))
    protocol = ma.fields.String(load_default="udp", validate=ma.validate.OneOf(["udp", "tcp"]))
    facility = ma.fields.String(
        load_default="local0", validate=ma.validate.OneOf(sorted(FACILITIES))
    )
    app_name = ma.fields.String(
        load_default="cyberorigen",
        validate=ma.validate.Regexp(
            r"\A[!-~]{1,48}\Z", error="1 to 48 printable ASCII characters without spaces"
        ),
    )


def _printable(value: str, limit: int) -> str:
    """``value`` reduced to printable US-ASCII without spaces (PRINTUSASCII), at most
    ``limit`` characters; the NILVALUE when nothing is left."""
    text = "".join(char for char in value if "!" <= char <= "~")[:limit]
    return text or NILVALUE


def escape_param(value: str) -> str:
    """An SD-PARAM value escaped as RFC 5424 section 6.3.3 requires."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("]", "\\]")


def severity_of(event_type: str, data: Mapping[str, Any]) -> int:
    if event_type == "vulnerability.found":
        level = str(data.get("severity", "")).lower()
        return FINDING_SEVERITIES.get(level, UNKNOWN_FINDING_SEVERITY)
    return EVENT_SEVERITIES.get(event_type, INFORMATIONAL)


def format_message(delivery: Delivery, now: datetime | None = None) -> bytes:
    """The RFC 5424 message for ``delivery``, UTF-8 encoded (MSG without a BOM)."""
    config = delivery.config
    payload = delivery.payload
    data = payload.get("data")
    severity = severity_of(delivery.event_type, data if isinstance(data, Mapping) else {})
    priority = FACILITIES[config.get("facility", "local0")] * 8 + severity
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    timestamp = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    try:
        hostname = _printable(socket.gethostname(), 255)
    except OSError:
        hostname = NILVALUE
    app_name = _printable(str(config.get("app_name", "cyberorigen")), 48)
    msgid = _printable(delivery.event_type, 32)
    structured = (
        f'[{SD_ID} eventId="{escape_param(delivery.id)}" '
        f'type="{escape_param(delivery.event_type)}"]'
    )
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False, default=str)
    header = f"<{priority}>1 {timestamp} {hostname} {app_name} {os.getpid()} {msgid} {structured}"
    return f"{header} {body}".encode()


class SyslogTransport(Transport):
    name = "syslog"
    uses_url = False
    config_schema = SyslogConfigSchema

    def destination(self, url, config):
        host = str(config.get("host") or "").strip().strip("[]")
        return (host, int(config.get("port", 514))) if host else None

    def send(self, delivery: Delivery) -> Sent:
        config = delivery.config
        host = str(config.get("host") or "").strip()
        if not host:
            raise PermanentError("the webhook has no syslog host")
        if host.startswith("[") and host.endswith("]"):
            host = host[1:-1]
        port = int(config.get("port", 514))
        protocol = config.get("protocol", "udp")
        if protocol not in ("udp", "tcp"):
            raise PermanentError(f"unknown syslog protocol {protocol}")
        message = format_message(delivery)
        if protocol == "udp" and len(message) > MAX_UDP_BYTES:
            raise PermanentError(
                f"the message is {len(message)} bytes, more than one UDP datagram may carry "
                f"({MAX_UDP_BYTES}); use protocol tcp"
            )
        policy = delivery.network
        addresses = policy.resolve(host, port)
        if protocol == "udp":
            return self._send_udp(policy, addresses[0], port, message)
        return self._send_tcp(policy, addresses, port, message)

    @staticmethod
    def _send_udp(policy: Any, address: Any, port: int, message: bytes) -> Sent:
        family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as sock:
                sock.settimeout(policy.connect_timeout)
                sock.sendto(message, (str(address), port))
        except OSError as exc:
            raise TransientError(f"cannot send to {address} port {port}/udp: {exc}") from None
        return Sent(None, f"{len(message)} bytes to {address}:{port}/udp")

    @staticmethod
    def _send_tcp(policy: Any, addresses: list, port: int, message: bytes) -> Sent:
        frame = f"{len(message)} ".encode() + message
        failure: OSError | None = None
        for address in addresses:
            try:
                sock = socket.create_connection(
                    (str(address), port), timeout=policy.connect_timeout
                )
            except OSError as exc:
                failure = exc
                continue
            try:
                with sock:
                    sock.settimeout(policy.read_timeout)
                    sock.sendall(frame)
            except OSError as exc:
                raise TransientError(
                    f"sending to {address} port {port}/tcp failed: {exc}"
                ) from None
            return Sent(None, f"{len(message)} bytes to {address}:{port}/tcp")
        raise TransientError(f"cannot connect to port {port}/tcp: {failure}")
