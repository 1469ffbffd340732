"""What the discovery step (nmap or the built-in connect scan) learns about one port."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PortResult:
    port: int
    protocol: str = "tcp"
    #: open, closed, filtered (nmap also says open|filtered, closed|filtered, unfiltered).
    state: str = "open"
    #: Why nmap/the connect scan decided on the state (syn-ack, conn-refused, timeout...).
    reason: str = ""
    #: nmap's service name, product, version and extra info (empty in a connect scan).
    nmap_service: str = ""
    nmap_method: str = ""
    product: str = ""
    version: str = ""
    extrainfo: str = ""
    tunnel: str = ""
    #: What the service sent first (or answered to a minimal HEAD), at most BANNER_LIMIT bytes.
    banner: bytes = b""
    #: Our name for the service (see checks.normalise_nmap_service, scanner.identify).
    service: str | None = None
    #: How ``service`` was decided: nmap, banner, probe, option or port.
    service_source: str = ""
    #: What the active probes found (ftp_auth_tls, redis, docker, kubelet, ...).
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    def banner_text(self, limit: int = 256) -> str:
        """The banner as printable text (non-printable bytes escaped)."""
        text = self.banner[:limit].decode("latin-1")
        return "".join(
            ch if 32 <= ord(ch) < 127 or ch in "\r\n\t" else f"\\x{ord(ch):02x}" for ch in text
        )

    @property
    def version_text(self) -> str:
        return " ".join(part for part in (self.product, self.version, self.extrainfo) if part)
