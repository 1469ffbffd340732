"""The DNS security scanner (``dns``), built on dnspython.

Every DNS question goes to the server given as ``resolver`` (on ``port``), or to the system's
resolvers; a ``resolver`` the scan's scope does not allow (``ctx.scope``) is never asked. Name
server hosts are contacted only when the scope allows their addresses; the others are reported
as ``dns.ns_out_of_scope`` (informational). The ``smtp`` scanner, which shares the DNS client
and the options, is in :mod:`cyberorigen.plugins.dns.smtp`; SPF and DMARC records are judged
by :mod:`cyberorigen.plugins.dns.email_auth`.

A question that times out is not an answer: if the first question of a scan times out the
scan fails at once ("resolver unreachable"); a later timeout makes the check that
needed the answer inconclusive, the other checks still run, and the scan then fails with the
list of inconclusive checks (findings already yielded are kept).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import dns.dnssec
import dns.exception
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset
import dns.xfr
import dns.zone

from cyberorigen.plugin_api import Finding, ScanContext, Scanner
from cyberorigen.plugins.dns.checks import DNS_CHECKS, SPF_LOOKUP_LIMIT
from cyberorigen.plugins.dns.client import (
    DnsClient,
    name_text,
    short_error,
    target_domain,
    txt_strings,
)
from cyberorigen.plugins.dns.email_auth import (
    SpfWalk,
    dmarc_problems,
    dmarc_tags,
    effective_all,
    is_dmarc,
    is_spf,
    walk_spf,
)
from cyberorigen.plugins.dns.errors import (
    DnsScanError,
    Inconclusive,
    ResolverUnreachable,
    ScanIncomplete,
)
from cyberorigen.plugins.dns.options import DnsOptionsSchema

#: At most this many CNAMEs of a transferred zone are followed.
MAX_ZONE_CNAMES = 50


def environment_problems() -> list[str]:
    """What this machine lacks: dnspython validates DNSSEC signatures only with a recent
    enough ``cryptography`` (dnspython 2.7 needs 43, 2.8 needs 45, 2.9 needs 50)."""
    try:
        import dns._features

        if dns._features.have("dnssec"):
            return []
    except Exception:  # noqa: BLE001, S110 - a best-effort probe; must never raise
        pass
    return [
        "dnspython cannot validate DNSSEC signatures (cryptography missing or too old for "
        "this dnspython): dns.dnssec_unsigned only checks that DNSKEY and RRSIG are present"
    ]


class DnsScanner(Scanner):
    """SPF, DMARC, CAA, DNSSEC, zone transfer and dangling CNAME checks of one domain."""

    name = "dns"
    title = "DNS and e-mail security"
    version = "1.0"
    target_kinds = ("hostname", "url")
    checks = DNS_CHECKS
    options_schema = DnsOptionsSchema
    timeout = 180.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        domain = target_domain(ctx)
        client = DnsClient(ctx)
        incomplete: list[str] = []
        steps = (
            ("zone", self._zone),
            ("mail", self._mail),
            ("caa", self._caa),
            ("dnssec", self._dnssec),
            ("axfr", self._axfr),
            ("cname", self._cnames),
        )
        state: dict[str, Any] = {"domain": domain, "client": client}
        for index, (step, method) in enumerate(steps):
            ctx.check_cancelled()
            ctx.progress(index * 100 // len(steps), f"{step} {name_text(domain)}")
            try:
                yield from method(ctx, state)
            except ResolverUnreachable:
                raise
            except Inconclusive as exc:
                incomplete.append(f"{step}: {exc}")
        ctx.progress(100, "done")
        if incomplete:
            raise ScanIncomplete(
                f"checks of {name_text(domain)} not concluded (DNS errors or timeouts): "
                + "; ".join(incomplete)
            )

    # The zone: its apex (from the SOA) is needed by DNSSEC and AXFR.
    def _zone(self, ctx: ScanContext, state: dict[str, Any]) -> Iterator[Finding]:
        client: DnsClient = state["client"]
        domain: dns.name.Name = state["domain"]
        result = client.lookup(domain, "SOA")
        zone = None
        if result.status == "ok" and result.rrset is not None:
            zone = result.rrset.name
        elif result.response is not None:
            for rrset in result.response.authority:
                if rrset.rdtype == dns.rdatatype.SOA:
                    zone = rrset.name
        state["zone"] = zone
        state["domain_status"] = result.status
        if result.status == "error":
            raise DnsScanError(
                f"DNS server {client.server} answered SOA {name_text(domain)} with an error: "
                f"{result.detail}"
            )
        if result.status == "nxdomain":
            raise DnsScanError(f"{name_text(domain)} does not exist (NXDOMAIN)")
        ctx.observed(
            f"DNS server {client.server} answered SOA {name_text(domain)}"
            + (f": zone {name_text(zone)}" if zone is not None else f" ({result.status})")
        )
        return iter(())

    def _mail(self, ctx: ScanContext, state: dict[str, Any]) -> Iterator[Finding]:
        client: DnsClient = state["client"]
        domain: dns.name.Name = state["domain"]
        name = name_text(domain)
        mx = client.lookup(domain, "MX")
        mx_hosts = [
            f"{rdata.preference} {name_text(rdata.exchange)}"
            for rdata in mx.rrset or ()
            if rdata.exchange != dns.name.root
        ]
        txt = client.lookup(domain, "TXT")
        if "error" in (mx.status, txt.status):
            raise Inconclusive(f"MX/TXT of {name}: {mx.detail or txt.detail}")
        strings = txt_strings(txt)
        spf = [text for text in strings if is_spf(text)]
        if not mx_hosts and not spf:
            ctx.not_examined(
                (check.id for check in DNS_CHECKS if check.id.startswith(("dns.spf", "dns.dmarc"))),
                f"{name} is not a mail domain (no MX and no SPF record): SPF and DMARC do not "
                "apply",
            )
            return
        evidence = {"mx": mx_hosts, "txt": strings}
        if not spf:
            yield self.finding("dns.spf_missing", name, evidence)
        else:
            problems: list[str] = []
            walk = SpfWalk()
            if len(spf) > 1:
                problems.append(f"{len(spf)} SPF records (permerror)")
            else:
                walk_spf(client, name, spf[0], walk)
                qualifier = effective_all(walk, name)
                if qualifier in ("+", "?"):
                    problems.append(f"policy ends in '{qualifier}all'")
                if walk.lookups > SPF_LOOKUP_LIMIT:
                    problems.append(f"{walk.lookups} DNS-querying terms (limit {SPF_LOOKUP_LIMIT})")
            if problems:
                yield self.finding(
                    "dns.spf_permissive",
                    name,
                    {
                        "spf": spf,
                        "problems": problems,
                        "dns_lookups": walk.lookups,
                        "followed": walk.chain,
                        "notes": walk.problems,
                    },
                )
        yield from self._dmarc(client, domain, evidence)

    def _dmarc(
        self, client: DnsClient, domain: dns.name.Name, mail: dict[str, Any]
    ) -> Iterator[Finding]:
        first = dns.name.from_text("_dmarc", domain)
        seen: dict[str, list[str]] = {}
        current = domain
        while True:
            where = dns.name.from_text("_dmarc", current)
            result = client.lookup(where, "TXT")
            if result.status == "error":
                raise Inconclusive(f"TXT {where}: {result.detail}")
            records = [text for text in txt_strings(result) if is_dmarc(text)]
            seen[name_text(where)] = txt_strings(result)
            if records:
                break
            if len(current) <= 3:  # stop below the top-level domain (labels incl. root)
                records = []
                break
            current = current.parent()
        if len(records) != 1:
            note = "no v=DMARC1 record" if not records else f"{len(records)} DMARC records"
            yield self.finding(
                "dns.dmarc_missing", name_text(first), {**mail, "looked_up": seen, "problem": note}
            )
            return
        tags = dmarc_tags(records[0])
        problems = dmarc_problems(tags, name_text(domain), own=current == domain)
        if problems:
            yield self.finding(
                "dns.dmarc_p_none",
                name_text(dns.name.from_text("_dmarc", current)),
                {"dmarc": records[0], "tags": tags, "problems": problems},
            )

    def _caa(self, ctx: ScanContext, state: dict[str, Any]) -> Iterator[Finding]:
        client: DnsClient = state["client"]
        domain: dns.name.Name = state["domain"]
        looked: dict[str, str] = {}
        current = domain
        while len(current) >= 3:  # the domain and its parents, never the TLD alone
            result = client.lookup(current, "CAA")
            if result.status == "ok":
                return  # a CAA record set governs issuance for the domain
            looked[name_text(current)] = result.status + (
                f" ({result.detail})" if result.detail else ""
            )
            if current == domain and result.status == "error":
                raise Inconclusive(f"CAA {current}: {result.detail}")
            current = current.parent()
        yield self.finding("dns.caa_missing", name_text(domain), {"caa_looked_up": looked})

    def _dnssec(self, ctx: ScanContext, state: dict[str, Any]) -> Iterator[Finding]:
        client: DnsClient = state["client"]
        zone: dns.name.Name | None = state.get("zone")
        if zone is None:
            raise Inconclusive(f"no SOA found for {name_text(state['domain'])}")
        dnskey = client.lookup(zone, "DNSKEY")
        soa = client.lookup(zone, "SOA")
        evidence: dict[str, Any] = {"zone": name_text(zone), "dnskey": dnskey.texts()}
        problem = None
        if dnskey.rrset is None:
            problem = "no DNSKEY record at the zone apex"
        else:
            sigs = _rrsig_for(soa.response, zone, dns.rdatatype.SOA)
            evidence["soa_rrsig"] = [rdata.to_text() for rdata in sigs or ()]
            if soa.rrset is None or sigs is None:
                problem = "the SOA was answered without an RRSIG (DO bit set)"
            else:
                try:
                    dns.dnssec.validate(soa.rrset, sigs, {zone: dnskey.rrset})
                except dns.dnssec.ValidationFailure as exc:
                    problem = f"the SOA's RRSIG does not validate: {exc}"
                except ImportError:
                    # dnspython without a recent enough 'cryptography': presence only.
                    evidence["note"] = "signature present, not validated (no cryptography)"
        if problem:
            evidence["problem"] = problem
            yield self.finding("dns.dnssec_unsigned", name_text(zone), evidence)

    def _axfr(self, ctx: ScanContext, state: dict[str, Any]) -> Iterator[Finding]:
        client: DnsClient = state["client"]
        zone: dns.name.Name | None = state.get("zone")
        if zone is None:
            return
        servers: dict[str, str] = {}
        ns = client.lookup(zone, "NS")
        for rdata in ns.rrset or ():
            host = name_text(rdata.target)
            for address in client.addresses(rdata.target):
                why = ctx.scope.refusal(host, address)
                if why is None:
                    servers.setdefault(address, host)
                else:
                    yield self.finding(
                        "dns.ns_out_of_scope",
                        f"{host} ({address})",
                        {
                            "zone": name_text(zone),
                            "name_server": host,
                            "address": address,
                            "reason": f"{why}: not contacted",
                        },
                    )
        resolver = ctx.options.get("resolver")
        if resolver and resolver not in servers:
            servers[resolver] = resolver
        outcomes: dict[str, str] = {}
        timed_out = 0
        for address, host in servers.items():
            lifetime = client.budget()
            ctx.progress(70, f"axfr {name_text(zone)} @ {host} ({address})")
            try:
                transferred = dns.zone.from_xfr(
                    dns.query.xfr(
                        address,
                        zone,
                        port=client.port,
                        timeout=lifetime,
                        lifetime=lifetime,
                        relativize=False,
                    ),
                    relativize=False,
                )
            except dns.xfr.TransferError as exc:
                outcomes[f"{host} ({address})"] = f"refused: {dns.rcode.to_text(exc.rcode)}"
                continue
            except (dns.exception.Timeout, TimeoutError) as exc:
                timed_out += 1
                outcomes[f"{host} ({address})"] = f"timed out: {short_error(exc)}"
                continue
            except (OSError, EOFError, dns.exception.DNSException) as exc:
                outcomes[f"{host} ({address})"] = f"refused: {short_error(exc)}"
                continue
            records = sum(len(rdataset) for node in transferred.values() for rdataset in node)
            outcomes[f"{host} ({address})"] = f"transferred {records} records"
            state["transferred"] = transferred
            yield self.finding(
                "dns.axfr_open",
                f"{name_text(zone)} @ {host}",
                {
                    "server": host,
                    "address": address,
                    "port": client.port,
                    "records": records,
                    "names": sorted(name_text(name) for name in transferred)[:20],
                },
            )
        if servers and timed_out == len(servers):
            raise Inconclusive(
                f"AXFR of {name_text(zone)}: every name server timed out ({outcomes})"
            )

    def _cnames(self, ctx: ScanContext, state: dict[str, Any]) -> Iterator[Finding]:
        client: DnsClient = state["client"]
        domain: dns.name.Name = state["domain"]
        names = [domain] + [
            dns.name.from_text(label, domain) for label in ctx.options.get("subdomains") or ()
        ]
        transferred = state.get("transferred")
        if transferred is not None:
            for name, node in transferred.items():
                if node.get_rdataset(dns.rdataclass.IN, dns.rdatatype.CNAME) is not None:
                    names.append(name)
        seen: set[dns.name.Name] = set()
        for name in names[: MAX_ZONE_CNAMES + 10]:
            if name in seen:
                continue
            seen.add(name)
            result = client.lookup(name, "CNAME")
            if result.rrset is None or result.rrset.name != name:
                continue
            target = result.rrset[0].target
            resolved = client.lookup(target, "A")
            if resolved.status == "nxdomain":
                yield self.finding(
                    "dns.dangling_cname",
                    name_text(name),
                    {"cname": f"{name_text(name)} CNAME {name_text(target)}", "target": "NXDOMAIN"},
                )


def _rrsig_for(
    response: dns.message.Message | None, name: dns.name.Name, covers: int
) -> dns.rrset.RRset | None:
    if response is None:
        return None
    for rrset in response.answer:
        if rrset.rdtype == dns.rdatatype.RRSIG and rrset.covers == covers and rrset.name == name:
            return rrset
    return None


__all__: Sequence[str] = ("DnsScanError", "DnsScanner", "environment_problems")
