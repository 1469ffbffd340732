"""The DNS and e-mail security scanners (``dns`` and ``smtp``), built on dnspython.

Every DNS question goes to the server given as ``resolver`` (on ``port``), or to the system's
resolvers; a ``resolver`` the scan's scope does not allow (``ctx.scope``) is never asked. MX
and name server hosts are contacted only when the scope allows their addresses; the others
are reported as ``smtp.mx_out_of_scope`` / ``dns.ns_out_of_scope`` (informational).

A question that times out is not an answer: if the first question of a scan times out the
scan fails at once ("resolver unreachable"); a later timeout makes the check that
needed the answer inconclusive, the other checks still run, and the scan then fails with the
list of inconclusive checks (findings already yielded are kept).
"""

from __future__ import annotations

import re
import smtplib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import dns.dnssec
import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.resolver
import dns.rrset
import dns.xfr
import dns.zone
import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.plugin_api import Finding, NotApplicable, ScanContext, Scanner
from cyberorigen.plugin_api.options import ResolverAddress
from cyberorigen.plugin_api.scope import OutOfScope
from cyberorigen.plugins.dns.checks import DNS_CHECKS, SMTP_CHECKS, SPF_LOOKUP_LIMIT

#: SPF terms that cost a DNS lookup (RFC 7208 section 4.6.4).
SPF_LOOKUP_TERMS = frozenset({"include", "a", "mx", "ptr", "exists", "redirect"})
#: At most this many SPF records are fetched while following include:/redirect=.
SPF_MAX_FETCHES = 30
#: At most this many MX hosts are connected to.
MAX_MX_HOSTS = 10
#: At most this many CNAMEs of a transferred zone are followed.
MAX_ZONE_CNAMES = 50
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$", re.IGNORECASE)


class DnsScanError(Exception):
    """The scan could not be done; the message says why."""


class ResolverUnreachable(DnsScanError, ConnectionError):
    """The resolver did not answer the first question of the scan."""


class Inconclusive(DnsScanError):
    """One check could not be concluded (a DNS question timed out or was answered with an
    error); the other checks go on and the scan then fails with :class:`ScanIncomplete`."""


class DnsTimeout(Inconclusive, TimeoutError):
    """One DNS question timed out."""


class ScanIncomplete(DnsScanError):
    """Some checks could not be concluded; the message lists them."""


class NoMxReachable(DnsScanError, ConnectionError):
    """Not one MX host could be checked for STARTTLS."""


# --- options ----------------------------------------------------------------------------------


def _validate_label(value: str) -> None:
    if not all(_LABEL.match(part) for part in value.split(".")) or len(value) > 200:
        raise ma.ValidationError("a relative host name such as www or mail.eu")


class DnsOptionsSchema(ma.Schema):
    """Options of the ``dns`` and ``smtp`` scanners (both take the same ones)."""

    resolver = ResolverAddress(
        load_default=None,
        metadata={
            "description": "IP address of the resolver or authoritative server to ask: in the "
            "organization's scope, or allowed by the operator (scope.allowed_resolvers). "
            "Default: the system's resolvers."
        },
    )
    port = fields.Integer(
        strict=True,
        load_default=53,
        validate=validate.Range(min=1, max=65535),
        metadata={"description": "DNS port of the resolver and of the name servers (53)."},
    )
    timeout = fields.Float(
        load_default=5.0,
        validate=validate.Range(min=0.2, max=60),
        metadata={"description": "Seconds allowed per DNS question or SMTP exchange (5)."},
    )
    smtp_port = fields.Integer(
        strict=True,
        load_default=25,
        validate=validate.Range(min=1, max=65535),
        metadata={"description": "Port on which MX hosts are asked for STARTTLS (25)."},
    )
    subdomains = fields.List(
        fields.String(validate=_validate_label),
        load_default=lambda: ["www"],
        validate=validate.Length(max=50),
        metadata={
            "description": "Names under the domain also examined for dangling CNAMEs "
            "(default ['www'])."
        },
    )


# --- DNS client ---------------------------------------------------------------------------------


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
            return Lookup(name, rdtype, "error", detail=_short(exc))
        except (dns.resolver.LifetimeTimeout, dns.exception.Timeout) as exc:
            if not self.answered:
                raise ResolverUnreachable(
                    f"DNS resolver {self.server} (port {self.port}) did not answer "
                    f"{name} {rdtype.name} within {lifetime:.1f}s"
                ) from exc
            raise DnsTimeout(f"{name} {rdtype.name}: no answer within {lifetime:.1f}s") from exc
        except dns.exception.DNSException as exc:
            self.answered = True
            return Lookup(name, rdtype, "error", detail=_short(exc))
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


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def _txt_strings(result: Lookup) -> list[str]:
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


def _text(name: dns.name.Name) -> str:
    return name.to_text(omit_final_dot=True)


# --- SPF and DMARC ------------------------------------------------------------------------------


def is_spf(record: str) -> bool:
    lowered = record.lower()
    return lowered == "v=spf1" or lowered.startswith("v=spf1 ")


@dataclass
class SpfWalk:
    lookups: int = 0
    fetched: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    chain: dict[str, str] = field(default_factory=dict)


def _spf_terms(record: str) -> list[tuple[str, str, str]]:
    """(qualifier, name, argument) of each term after 'v=spf1'; modifiers keep their '='."""
    terms = []
    for raw in record.split()[1:]:
        qualifier = raw[0] if raw[0] in "+-~?" else "+"
        body = raw[1:] if raw[0] in "+-~?" else raw
        match = re.match(r"^([a-z0-9_.-]+)(=|:|/)?(.*)$", body, re.IGNORECASE)
        if not match:
            continue
        name, sep, rest = match.group(1).lower(), match.group(2) or "", match.group(3)
        if sep == "=":
            terms.append(("", name + "=", rest))
        else:
            terms.append((qualifier, name, rest if sep == ":" else ""))
    return terms


def walk_spf(client: DnsClient, domain: str, record: str, walk: SpfWalk, depth: int = 0) -> None:
    """Count DNS-querying terms of ``record`` and of what it includes/redirects to."""
    walk.chain[domain] = record
    terms = _spf_terms(record)
    has_all = any(name == "all" for _, name, _ in terms)
    follow: list[str] = []
    for _, name, argument in terms:
        key = name.rstrip("=")
        if key not in SPF_LOOKUP_TERMS or (key == "redirect" and has_all):
            continue
        walk.lookups += 1
        if key in ("include", "redirect") and argument:
            follow.append(argument)
    for target in follow:
        if walk.lookups > SPF_LOOKUP_LIMIT or depth >= 10:
            return
        if "%" in target:
            walk.problems.append(f"{target}: macro not expanded, not followed")
            continue
        target = target.rstrip(".").lower()
        if target in walk.chain or len(walk.fetched) >= SPF_MAX_FETCHES:
            continue
        walk.fetched.append(target)
        try:
            result = client.lookup(target, "TXT")
        except dns.exception.DNSException:
            walk.problems.append(f"{target}: not a domain name")
            continue
        records = [text for text in _txt_strings(result) if is_spf(text)]
        if len(records) != 1:
            walk.problems.append(f"{target}: {len(records)} SPF records ({result.status})")
            continue
        walk_spf(client, target, records[0], walk, depth + 1)


def spf_all(record: str) -> str | None:
    """The qualifier of the record's 'all' term ('+', '-', '~', '?'), or None."""
    for qualifier, name, _ in _spf_terms(record):
        if name == "all":
            return qualifier
    return None


def effective_all(walk: SpfWalk, domain: str, depth: int = 0) -> str | None:
    """The 'all' qualifier that ends the evaluation of ``domain``'s record, following
    redirect= (whose target's record replaces the rest of the evaluation)."""
    record = walk.chain.get(domain)
    if record is None or depth > 10:
        return None
    qualifier = spf_all(record)
    if qualifier is not None:
        return qualifier
    for _, name, argument in _spf_terms(record):
        if name == "redirect=":
            return effective_all(walk, argument.rstrip(".").lower(), depth + 1)
    return None


def dmarc_tags(record: str) -> dict[str, str]:
    tags = {}
    for part in record.split(";"):
        key, sep, value = part.partition("=")
        if sep:
            tags[key.strip().lower()] = value.strip()
    return tags


def is_dmarc(record: str) -> bool:
    return re.match(r"^v\s*=\s*DMARC1\s*(;|$)", record, re.IGNORECASE) is not None


# --- the scanners ------------------------------------------------------------------------------


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
            ctx.progress(index * 100 // len(steps), f"{step} {_text(domain)}")
            try:
                yield from method(ctx, state)
            except ResolverUnreachable:
                raise
            except Inconclusive as exc:
                incomplete.append(f"{step}: {exc}")
        ctx.progress(100, "done")
        if incomplete:
            raise ScanIncomplete(
                f"checks of {_text(domain)} not concluded (DNS errors or timeouts): "
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
                f"DNS server {client.server} answered SOA {_text(domain)} with an error: "
                f"{result.detail}"
            )
        if result.status == "nxdomain":
            raise DnsScanError(f"{_text(domain)} does not exist (NXDOMAIN)")
        ctx.observed(
            f"DNS server {client.server} answered SOA {_text(domain)}"
            + (f": zone {_text(zone)}" if zone is not None else f" ({result.status})")
        )
        return iter(())

    def _mail(self, ctx: ScanContext, state: dict[str, Any]) -> Iterator[Finding]:
        client: DnsClient = state["client"]
        domain: dns.name.Name = state["domain"]
        name = _text(domain)
        mx = client.lookup(domain, "MX")
        mx_hosts = [
            f"{rdata.preference} {_text(rdata.exchange)}"
            for rdata in mx.rrset or ()
            if rdata.exchange != dns.name.root
        ]
        txt = client.lookup(domain, "TXT")
        if "error" in (mx.status, txt.status):
            raise Inconclusive(f"MX/TXT of {name}: {mx.detail or txt.detail}")
        strings = _txt_strings(txt)
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
            records = [text for text in _txt_strings(result) if is_dmarc(text)]
            seen[_text(where)] = _txt_strings(result)
            if records:
                break
            if len(current) <= 3:  # stop below the top-level domain (labels incl. root)
                records = []
                break
            current = current.parent()
        if len(records) != 1:
            note = "no v=DMARC1 record" if not records else f"{len(records)} DMARC records"
            yield self.finding(
                "dns.dmarc_missing", _text(first), {**mail, "looked_up": seen, "problem": note}
            )
            return
        tags = dmarc_tags(records[0])
        problems = []
        own = current == domain
        policy = tags.get("p", "").lower() if own else (tags.get("sp") or tags.get("p", ""))
        policy = policy.lower()
        if policy in ("", "none"):
            problems.append(f"policy for {_text(domain)} is '{policy or 'missing'}' (no action)")
        if tags.get("sp", "").lower() == "none" and own:
            problems.append("sp=none: subdomains are not protected")
        pct = tags.get("pct", "100")
        try:
            if int(pct) < 100:
                problems.append(f"pct={pct}: the policy applies to part of the mail only")
        except ValueError:
            problems.append(f"pct={pct!r} is not a number")
        if problems:
            yield self.finding(
                "dns.dmarc_p_none",
                _text(dns.name.from_text("_dmarc", current)),
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
            looked[_text(current)] = result.status + (
                f" ({result.detail})" if result.detail else ""
            )
            if current == domain and result.status == "error":
                raise Inconclusive(f"CAA {current}: {result.detail}")
            current = current.parent()
        yield self.finding("dns.caa_missing", _text(domain), {"caa_looked_up": looked})

    def _dnssec(self, ctx: ScanContext, state: dict[str, Any]) -> Iterator[Finding]:
        client: DnsClient = state["client"]
        zone: dns.name.Name | None = state.get("zone")
        if zone is None:
            raise Inconclusive(f"no SOA found for {_text(state['domain'])}")
        dnskey = client.lookup(zone, "DNSKEY")
        soa = client.lookup(zone, "SOA")
        evidence: dict[str, Any] = {"zone": _text(zone), "dnskey": dnskey.texts()}
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
            yield self.finding("dns.dnssec_unsigned", _text(zone), evidence)

    def _axfr(self, ctx: ScanContext, state: dict[str, Any]) -> Iterator[Finding]:
        client: DnsClient = state["client"]
        zone: dns.name.Name | None = state.get("zone")
        if zone is None:
            return
        servers: dict[str, str] = {}
        ns = client.lookup(zone, "NS")
        for rdata in ns.rrset or ():
            host = _text(rdata.target)
            for address in client.addresses(rdata.target):
                why = ctx.scope.refusal(host, address)
                if why is None:
                    servers.setdefault(address, host)
                else:
                    yield self.finding(
                        "dns.ns_out_of_scope",
                        f"{host} ({address})",
                        {
                            "zone": _text(zone),
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
            ctx.progress(70, f"axfr {_text(zone)} @ {host} ({address})")
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
                outcomes[f"{host} ({address})"] = f"timed out: {_short(exc)}"
                continue
            except (OSError, EOFError, dns.exception.DNSException) as exc:
                outcomes[f"{host} ({address})"] = f"refused: {_short(exc)}"
                continue
            records = sum(len(rdataset) for node in transferred.values() for rdataset in node)
            outcomes[f"{host} ({address})"] = f"transferred {records} records"
            state["transferred"] = transferred
            yield self.finding(
                "dns.axfr_open",
                f"{_text(zone)} @ {host}",
                {
                    "server": host,
                    "address": address,
                    "port": client.port,
                    "records": records,
                    "names": sorted(_text(name) for name in transferred)[:20],
                },
            )
        if servers and timed_out == len(servers):
            raise Inconclusive(f"AXFR of {_text(zone)}: every name server timed out ({outcomes})")

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
                    _text(name),
                    {"cname": f"{_text(name)} CNAME {_text(target)}", "target": "NXDOMAIN"},
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


class SmtpScanner(Scanner):
    """STARTTLS on each MX host of a domain (the ``smtp.*`` check of the DNS plugin)."""

    name = "smtp"
    title = "Mail server transport security (STARTTLS on MX hosts)"
    version = "1.0"
    target_kinds = ("hostname", "url")
    checks = SMTP_CHECKS
    options_schema = DnsOptionsSchema
    timeout = 180.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        domain = target_domain(ctx)
        client = DnsClient(ctx)
        ctx.progress(0, f"MX {_text(domain)}")
        mx = client.lookup(domain, "MX")
        if mx.status == "error":
            raise DnsScanError(f"MX {_text(domain)}: {mx.detail}")
        if mx.status == "nxdomain":
            raise DnsScanError(
                f"{_text(domain)} does not exist (NXDOMAIN from {client.server}): "
                f"no mail server could be looked up"
            )
        hosts = sorted(
            (rdata for rdata in mx.rrset or () if rdata.exchange != dns.name.root),
            key=lambda rdata: (rdata.preference, rdata.exchange),
        )[:MAX_MX_HOSTS]
        if not hosts:
            raise NotApplicable(_no_mail_servers(_text(domain), mx))
        port = int(ctx.options.get("smtp_port") or 25)
        failures: dict[str, str] = {}
        not_contacted: list[str] = []
        checked = 0
        for index, rdata in enumerate(hosts):
            host = _text(rdata.exchange)
            ctx.check_cancelled()
            ctx.progress(10 + index * 90 // len(hosts), f"EHLO {host}:{port}")
            try:
                addresses = client.addresses(rdata.exchange)
            except DnsTimeout as exc:
                failures[host] = f"address lookup: {exc}"
                continue
            if not addresses:
                failures[host] = "no A/AAAA record"
                continue
            try:
                addresses = ctx.scope.allowed(host, addresses)
            except OutOfScope as exc:
                not_contacted.append(host)
                yield self.finding(
                    "smtp.mx_out_of_scope",
                    host,
                    {"mx": host, "addresses": addresses, "reason": str(exc)},
                )
                continue
            outcome = None
            for address in addresses:
                try:
                    outcome = ehlo(address, port, client.budget())
                    break
                except (OSError, smtplib.SMTPException) as exc:
                    failures[f"{host} ({address})"] = _short(exc)
            if outcome is None:
                continue
            checked += 1
            code, answer, starttls = outcome
            ctx.observed(
                f"MX {host} ({address}:{port}) answered EHLO with {code}, STARTTLS "
                + ("offered" if starttls else "not offered")
            )
            if not starttls:
                yield self.finding(
                    "smtp.starttls_missing",
                    f"{host}:{port}",
                    {
                        "mx": host,
                        "address": address,
                        "ehlo_code": code,
                        "ehlo": answer,
                        "unreachable_mx": dict(failures),
                    },
                )
        ctx.progress(100, "done")
        if not checked:
            skipped = (
                f"; outside the scope, not contacted: {not_contacted}" if not_contacted else ""
            )
            raise NoMxReachable(
                f"no MX host of {_text(domain)} could be checked on port {port}: {failures}"
                + skipped
            )


def _no_mail_servers(domain: str, mx: Lookup) -> str:
    """Why a domain that exists has no mail server to examine."""
    if mx.rrset is not None:  # only the null MX "0 ." (RFC 7505)
        return f"no mail servers: {domain} publishes a null MX, it accepts no mail"
    return f"no mail servers: {domain} has no MX record"


def ehlo(address: str, port: int, timeout: float) -> tuple[int, list[str], bool]:
    """(EHLO reply code, reply lines, STARTTLS offered) of the SMTP server at address:port."""
    with smtplib.SMTP(timeout=timeout, local_hostname="cyberorigen.invalid") as client:
        client.connect(address, port)
        code, message = client.ehlo()
        lines = message.decode("utf-8", "replace").splitlines()
        if code != 250:
            raise smtplib.SMTPResponseException(code, message)
        return code, lines, client.has_extn("starttls")


__all__: Sequence[str] = (
    "DnsOptionsSchema",
    "DnsScanError",
    "DnsScanner",
    "NoMxReachable",
    "ResolverUnreachable",
    "ScanIncomplete",
    "SmtpScanner",
)
