"""What may be scanned: a hostname, an IPv4/IPv6 address, or an http(s) URL."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def is_hostname(value: str) -> bool:
    name = value.rstrip(".")
    if not name or len(name) > 253:
        return False
    labels = name.split(".")
    return all(_LABEL.match(label) for label in labels) and not labels[-1].isdigit()


def is_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def normalize_target(raw: str) -> str:
    """The canonical form of a scan target; ValueError says why one is refused."""
    value = raw.strip()
    if not value:
        raise ValueError("must not be empty")
    if "://" in value:
        parts = urlsplit(value)
        if parts.scheme.lower() not in ("http", "https"):
            raise ValueError("a URL target must use http or https")
        host = parts.hostname or ""
        try:
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError:
            raise ValueError("the URL has an invalid port") from None
        if not (is_hostname(host) or is_ip_address(host)):
            raise ValueError("the URL has no valid host name or address")
        return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()
    candidate = value.strip("[]").lower()
    if is_ip_address(candidate):
        return str(ipaddress.ip_address(candidate))
    if is_hostname(candidate):
        return candidate.rstrip(".")
    raise ValueError("must be a hostname, an IPv4/IPv6 address or an http(s) URL")
