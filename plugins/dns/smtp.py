"""The ``smtp`` scanner: STARTTLS on each in-scope MX host of a domain, and on every SMTP
service discovery found (any port, any host of the scan), built on smtplib."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator

import dns.name

from cyberorigen.plugin_api import Finding, NotApplicable, ScanContext, Scanner
from cyberorigen.plugin_api.scope import OutOfScope
from cyberorigen.plugins.dns.checks import SMTP_CHECKS
from cyberorigen.plugins.dns.client import (
    DnsClient,
    Lookup,
    name_text,
    short_error,
    target_domain,
)
from cyberorigen.plugins.dns.errors import (
    DnsScanError,
    DnsTimeout,
    NoMxReachable,
    SmtpUnreachable,
)
from cyberorigen.plugins.dns.options import DnsOptionsSchema

#: At most this many MX hosts are connected to.
MAX_MX_HOSTS = 10


class SmtpScanner(Scanner):
    """STARTTLS on each MX host of a domain, and on every SMTP service discovery found (the
    ``smtp.*`` checks of the DNS plugin)."""

    name = "smtp"
    title = "Mail server transport security (STARTTLS on MX hosts and SMTP services)"
    version = "1.1"
    target_kinds = ("hostname", "ip", "url")
    services = ("smtp",)
    examines_target = True  # a domain's MX hosts, besides the SMTP services found on it
    checks = SMTP_CHECKS
    options_schema = DnsOptionsSchema
    timeout = 180.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        if ctx.service is not None:
            yield from self._examine_service(ctx)
            return
        if ctx.target.kind == "ip":
            raise NotApplicable(
                "an IP address has no MX record: smtp examines the SMTP services that "
                "discovery finds on it"
            )
        domain = target_domain(ctx)
        client = DnsClient(ctx)
        ctx.progress(0, f"MX {name_text(domain)}")
        mx = client.lookup(domain, "MX")
        if mx.status == "error":
            raise DnsScanError(f"MX {name_text(domain)}: {mx.detail}")
        if mx.status == "nxdomain":
            raise DnsScanError(
                f"{name_text(domain)} does not exist (NXDOMAIN from {client.server}): "
                f"no mail server could be looked up"
            )
        hosts = sorted(
            (rdata for rdata in mx.rrset or () if rdata.exchange != dns.name.root),
            key=lambda rdata: (rdata.preference, rdata.exchange),
        )[:MAX_MX_HOSTS]
        if not hosts:
            raise NotApplicable(_no_mail_servers(name_text(domain), mx))
        port = int(ctx.options.get("smtp_port") or 25)
        failures: dict[str, str] = {}
        not_contacted: list[str] = []
        checked = 0
        for index, rdata in enumerate(hosts):
            host = name_text(rdata.exchange)
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
                    failures[f"{host} ({address})"] = short_error(exc)
            if outcome is None:
                continue
            checked += 1
            yield from self._judge(
                ctx,
                f"MX {host} ({address}:{port})",
                f"{host}:{port}",
                outcome,
                {"mx": host, "address": address, "unreachable_mx": dict(failures)},
            )
        ctx.progress(100, "done")
        if not checked:
            skipped = (
                f"; outside the scope, not contacted: {not_contacted}" if not_contacted else ""
            )
            raise NoMxReachable(
                f"no MX host of {name_text(domain)} could be checked on port {port}: {failures}"
                + skipped
            )

    def _examine_service(self, ctx: ScanContext) -> Iterator[Finding]:
        """EHLO to an SMTP service discovery found: is STARTTLS offered?"""
        host, port = ctx.target.host.strip("[]"), ctx.target.port or ctx.service.port
        where = f"{host}:{port}" if ":" not in host else f"[{host}]:{port}"
        ctx.progress(0, f"EHLO {where}")
        timeout = max(1.0, min(float(ctx.options.get("timeout") or 10), ctx.seconds_left()))
        try:
            outcome = ehlo(host, port, timeout)
        except (OSError, smtplib.SMTPException) as exc:
            raise SmtpUnreachable(f"{where}: {short_error(exc)}") from None
        yield from self._judge(
            ctx, f"SMTP service {where}", where, outcome, {"service": where, "address": host}
        )
        ctx.progress(100, "done")

    def _judge(
        self,
        ctx: ScanContext,
        said: str,
        location: str,
        outcome: tuple[int, list[str], bool],
        evidence: dict,
    ) -> Iterator[Finding]:
        """What one server's EHLO answer says: observed, and a finding without STARTTLS."""
        code, answer, starttls = outcome
        offered = "offered" if starttls else "not offered"
        ctx.observed(f"{said} answered EHLO with {code}, STARTTLS {offered}")
        if not starttls:
            yield self.finding(
                "smtp.starttls_missing", location, {**evidence, "ehlo_code": code, "ehlo": answer}
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
