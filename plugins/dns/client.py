"""The DNS client of the scanners: questions bounded by the scan's deadline, and name helpers."""

from __future__ import annotations

from dataclasses import dataclass

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rdatatype
import dns.resolver
import dns.rrset

from cyberorigen.plugin_api import ScanContext
from cyberorigen.plugins.dns.errors import DnsScanError, DnsTimeout, ResolverUnreachable


@dataclass
class Lookup:
    """One answer: ``status`` is ok, nodata, nxdomain or error (SERVFAIL, REFUSED...)."""

    name: dns.name.Name
    rdtype: dns.rdatatype.RdataType
    status: str
    rrset: dns.rrset.RRset | None = None
    response: dns.message.Message | None = None
    detail: str = ""

    def texts(self) -> list[str]:
        return [rdata.to_text() for rdata in self.rrset] if self.rrset is not None else []


class DnsClient:
    """Asks one set of name servers; every question is bounded by the scan's deadline."""

    def __init__(self, ctx: ScanContext) -> None:
        self.ctx = ctx
        options = ctx.options
        self.timeout = float(options.get("timeout") or 5.0)
        self.port = int(options.get("port") or 53)
        server = options.get("resolver")
        if server:
            ctx.scope.check_resolver(server)
            self.resolver = dns.resolver.Resolver(configure=False)
            self.resolver.nameservers = [server]
        else:
            self.resolver = dns.resolver.Resolver()
        self.resolver.port = self.port
        self.resolver.use_edns(0, dns.flags.DO, 1232)
        self.resolver.cache = None
        self.server = server or ", ".join(str(ns) for ns in self.resolver.nameservers)
        self.answered = False

    def budget(self) -> float:
        self.ctx.check_cancelled()
        left = self.ctx.seconds_left()
        if left <= 0:
            raise DnsTimeout("the scanner's time is up")
        return min(self.timeout, left)

    def lookup(self, name: dns.name.Name | str, rdtype: str | int) -> Lookup:
        if isinstance(name, str):
            name = dns.name.from_text(name)
        rdtype = dns.rdatatype.RdataType.make(rdtype)
        lifetime = self.budget()
        try:
            answer = self.resolver.resolve(
                name, rdtype, raise_on_no_answer=False, lifetime=lifetime, search=False
            )
        except dns.resolver.NXDOMAIN as exc:
            self.answered = True
            response = exc.responses().get(name) if hasattr(exc, "responses") else None
            return Lookup(name, rdtype, "nxdomain", response=response)
        except dns.resolver.NoNameservers as exc:
            self.answered = True
            return Lookup(name, rdtype, "error", detail=short_error(exc))
        except (dns.resolver.LifetimeTimeout, dns.exception.Timeout) as exc:
            if not self.answered:
                raise ResolverUnreachable(
                    f"DNS resolver {self.server} (port {self.port}) did not answer "
                    f"{name} {rdtype.name} within {lifetime:.1f}s"
                ) from exc
            raise DnsTimeout(f"{name} {rdtype.name}: no answer within {lifetime:.1f}s") from exc
        except dns.exception.DNSException as exc:
            self.answered = True
            return Lookup(name, rdtype, "error", detail=short_error(exc))
        self.answered = True
        if answer.rrset is None:
            return Lookup(name, rdtype, "nodata", response=answer.response)
        return Lookup(name, rdtype, "ok", rrset=answer.rrset, response=answer.response)

    def addresses(self, host: dns.name.Name) -> list[str]:
        found: list[str] = []
        for rdtype in ("A", "AAAA"):
            result = self.lookup(host, rdtype)
            found += [rdata.address for rdata in result.rrset or ()]
        return found


def short_error(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def txt_strings(result: Lookup) -> list[str]:
    """Each TXT record as one string (its character-strings concatenated, RFC 7208 3.3)."""
    return [b"".join(rdata.strings).decode("utf-8", "replace") for rdata in result.rrset or ()]


def target_domain(ctx: ScanContext) -> dns.name.Name:
    host = (ctx.target.host or "").strip().rstrip(".").lower()
    if not host or ":" in host or host.replace(".", "").isdigit():
        raise DnsScanError(f"{ctx.target.value!r} does not name a DNS domain")
    try:
        return dns.name.from_text(host)
    except dns.exception.DNSException as exc:
        raise DnsScanError(f"{host!r} is not a valid domain name: {exc}") from None


def name_text(name: dns.name.Name) -> str:
    return name.to_text(omit_final_dot=True)
