"""Naming the service on a port from what was observed: nmap's answer, the banner, the port."""

from __future__ import annotations

import re

from cyberorigen.plugins.ports.checks import (
    PORT_SERVICES,
    normalise_nmap_service,
    service_for_port,
)
from cyberorigen.plugins.ports.model import PortResult

_TELNET_COMMANDS = frozenset({0xFB, 0xFC, 0xFD, 0xFE})  # WILL, WON'T, DO, DON'T
_SMTP_PORTS = frozenset({25, 465, 587, 2525})
_RESP_STARTS = (b"+PONG", b"-NOAUTH", b"-DENIED", b"-ERR", b"-WRONGPASS")
#: What Go's net/http TLS servers (the Kubernetes API server, kubelets, etcd) answer to plain
#: HTTP such as the connect scan's HEAD: the port wants a TLS handshake.
_PLAIN_HTTP_TO_TLS = (b"client sent an http request to an https server",)


def identify_banner(banner: bytes, port: int = 0) -> str | None:
    """The service that sends ``banner`` first (or as its answer to a minimal HEAD request),
    or None when it says nothing recognisable."""
    if not banner:
        return None
    if banner[0] == 0xFF and len(banner) > 1 and banner[1] in _TELNET_COMMANDS:
        return "telnet"
    if banner.startswith(b"SSH-"):
        return "ssh"
    lowered = banner.lower()
    if banner.startswith(b"HTTP/"):
        if any(answer in lowered for answer in _PLAIN_HTTP_TO_TLS):
            return "ssl"
        if b"x-elastic-product: elasticsearch" in lowered:
            return "elasticsearch"
        if b"server: couchdb" in lowered:
            return "couchdb"
        if re.search(rb"\nserver: docker/", lowered):
            return "docker"
        return "http"
    if b"trying to access mongodb over http" in lowered:
        return "mongodb"
    if re.match(rb"220[ -]", banner):
        upper = banner.upper()
        if b"SMTP" in upper or b" MAIL" in upper or b"POSTFIX" in upper:
            return "smtp"
        if b"FTP" in upper:
            return "ftp"
        return "smtp" if port in _SMTP_PORTS else "ftp"
    if banner.startswith(_RESP_STARTS):
        return "redis"
    if banner.startswith(b"+OK"):
        return "pop3"
    if banner.startswith(b"* OK"):
        return "imap"
    if banner.startswith(b"RFB "):
        return "vnc"
    if _is_mysql_handshake(banner):
        return "mysql"
    if banner[:2] == b"\x15\x03":  # a TLS alert: the port wanted a TLS handshake
        return "ssl"
    return None


def _is_mysql_handshake(banner: bytes) -> bool:
    if len(banner) < 6 or banner[3] != 0:
        return False
    length = int.from_bytes(banner[:3], "little")
    if banner[4] == 0x0A:  # protocol version 10, then a NUL-terminated version string
        return 0 < length < 1024 and banner[5:6].isdigit()
    if banner[4] == 0xFF:  # an error packet instead of the handshake (host not allowed)
        return b"mysql" in banner.lower() or b"mariadb" in banner.lower()
    return False


def mysql_version(banner: bytes) -> str:
    if len(banner) > 5 and banner[4] == 0x0A:
        return banner[5:].split(b"\x00", 1)[0].decode("latin-1")[:64]
    return ""


def identify(result: PortResult, overrides: dict[int, str] | None = None) -> None:
    """Set ``result.service`` and ``service_source``: what nmap found by probing, else the
    banner, else the ``service_ports`` option, else the well-known port table, else nmap's
    own port-table guess."""
    if result.nmap_service and (result.nmap_method == "probed" or result.product):
        service = normalise_nmap_service(result.nmap_service, result.product)
        if service == "http" and result.tunnel == "ssl":
            service = "https"
        if service:
            result.service, result.service_source = service, "nmap"
            return
    service = identify_banner(result.banner, result.port)
    if service:
        result.service, result.service_source = service, "banner"
        return
    if overrides and result.port in overrides:
        result.service, result.service_source = overrides[result.port], "option"
        return
    if result.port in PORT_SERVICES:
        result.service, result.service_source = service_for_port(result.port), "port"
        return
    if result.nmap_service:
        service = normalise_nmap_service(result.nmap_service, result.product)
        if service:
            result.service, result.service_source = service, "nmap"
            return
    result.service, result.service_source = None, ""
