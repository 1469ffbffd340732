"""The known-vulnerability scanner: the versions of a host's discovered services against a
local vulnerability feed (:mod:`cyberorigen.plugins.vulns.feed`). It contacts nothing.

A host-level scanner (``services`` empty, ``discovers`` False): on a scan it runs on each
host after discovery and judges ``ctx.host_services``, every service discovery found there.
List it after the discovery scanner (``ports``) in the scan's profile.

Steps:

1. load the feed once (option ``feed``, else the bundled example feed); a missing or
   malformed feed raises :class:`~cyberorigen.plugins.vulns.feed.FeedError`, recorded as the
   run's error;
2. identify each service: discovery's ``product`` and ``version`` when both are set, else
   what its banner announces (:func:`~cyberorigen.plugins.vulns.versions.parse_banner`);
   a service with no product and version, or a version that cannot be compared, is left out;
   none left: ``NotApplicable``;
3. compare each identified service with the feed's advisories for its product, and say so
   (``ctx.observed``); yield one ``vulns.known_vulnerability`` finding per advisory whose
   affected versions contain the service's version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import marshmallow as ma
from marshmallow import fields
from packaging.version import Version

from cyberorigen.plugin_api import Finding, NotApplicable, ScanContext, Scanner, Service
from cyberorigen.plugins.vulns.checks import CHECKS, KNOWN_VULNERABILITY
from cyberorigen.plugins.vulns.feed import Advisory, Feed, FeedError, Range, load_feed
from cyberorigen.plugins.vulns.versions import (
    display_name,
    distribution,
    parse_banner,
    parse_version,
    product_key,
    upstream_version,
)

CHECK_ID = KNOWN_VULNERABILITY.id

BACKPORT_CAVEAT = (
    "Matched by upstream version only: distributions backport security fixes without "
    "changing the upstream version, so a distribution's package of this version may already "
    "be fixed. Check the package version against the distribution's security tracker."
)


def _valid_feed(value: str | None) -> None:
    if value is None:
        return
    try:
        load_feed(value)
    except FeedError as exc:
        raise ma.ValidationError(str(exc)) from None


class VulnsOptionsSchema(ma.Schema):
    """Options of the ``vulns`` scanner."""

    feed = fields.String(
        load_default=None,
        allow_none=True,
        validate=_valid_feed,
        metadata={
            "description": "Absolute path, on the appliance, of the vulnerability feed (a JSON "
            "file of advisories, format 1: see the vulns plugin's README), in one of the "
            "operator's feed folders (environment CYBERORIGEN_VULNS_FEED_DIRS; default "
            "/var/lib/cyberorigen/feeds and /etc/cyberorigen/feeds). It must exist and "
            "parse when the scan is created, on the API's machine, and again when the scan "
            "runs, on the worker's. Default: the small example feed bundled with the "
            "appliance."
        },
    )


@dataclass(frozen=True)
class Identified:
    """A service, the product and version it announces, and how that was learnt."""

    service: Service
    product: str
    version: str  # as announced: "9.2p1 Debian-2+deb12u3"
    upstream: str  # as compared: "9.2p1"
    key: Version
    source: str  # "discovery" or "banner"

    @property
    def shown(self) -> str:
        seen = f"{self.service.address} {self.product} {self.version}"
        return seen if self.version == self.upstream else f"{seen} (compared as {self.upstream})"


def identify(service: Service) -> tuple[str, str, str] | None:
    """``(product, version, source)`` of a service: discovery's fields, else its banner's."""
    if service.product.strip() and service.version.strip():
        return service.product.strip(), service.version.strip(), "discovery"
    found = parse_banner(service.banner)
    if found is None:
        return None
    return found.product, found.version, "banner"


def _location(service: Service) -> str:
    return service.address


class VulnsScanner(Scanner):
    """Known vulnerabilities of the host's services, by product and version."""

    name = "vulns"
    title = "Known vulnerabilities by product version"
    version = "1.0.0"
    checks = CHECKS
    options_schema = VulnsOptionsSchema
    timeout = 120.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        host = ctx.target.host
        ctx.check_cancelled()
        ctx.progress(0, "loading the vulnerability feed")
        feed = load_feed(ctx.options.get("feed"))

        services = list(ctx.host_services)
        reason = f"no service with a product and version was discovered on {host}"
        if not services:
            raise NotApplicable(reason)
        identified, left_out = self._identify(services)
        if not identified:
            raise NotApplicable(f"{reason}: {'; '.join(left_out)}")

        for done, item in enumerate(identified):
            ctx.check_cancelled()
            ctx.progress(10 + 90 * done // len(identified), f"comparing {item.shown}")
            yield from self._compare(ctx, feed, item)
        ctx.progress(100, "done")

    # --- steps --------------------------------------------------------------------------------

    def _identify(self, services: list[Service]) -> tuple[list[Identified], list[str]]:
        identified: list[Identified] = []
        left_out: list[str] = []
        seen: set[tuple[str, str, str]] = set()
        for service in services:
            named = service.protocol or "unidentified service"
            found = identify(service)
            if found is None:
                left_out.append(f"{service.address} ({named}) announces no product and version")
                continue
            product, version, source = found
            upstream, key = upstream_version(version), parse_version(version)
            if upstream is None or key is None:
                left_out.append(
                    f"{service.address} {product} {version!r}: the version cannot be compared"
                )
                continue
            if (service.address, product_key(product), upstream) in seen:
                continue
            seen.add((service.address, product_key(product), upstream))
            identified.append(Identified(service, product, version, upstream, key, source))
        return identified, left_out

    def _compare(self, ctx: ScanContext, feed: Feed, item: Identified) -> Iterator[Finding]:
        advisories = feed.for_product(item.product)
        packaged_by = distribution(f"{item.version} {item.service.banner}")
        matches: list[tuple[Advisory, Range]] = []
        not_applied: list[str] = []
        for advisory in advisories:
            affected = advisory.matching_range(item.key)
            if affected is None:
                continue
            if advisory.distributions and packaged_by not in advisory.distributions:
                not_applied.append(advisory.id)
                continue
            matches.append((advisory, affected))

        product = advisories[0].product if advisories else product_key(item.product)
        said = f"{item.shown}: compared with {len(advisories)} advisories for {product}"
        if not_applied:
            said += f"; {', '.join(not_applied)} not applied: " + (
                "it concerns only other distributions' packages"
                if packaged_by
                else "it concerns only some distributions' packages and the service does "
                "not say which distribution built it"
            )
        ctx.observed(said)
        for advisory, affected in matches:
            yield self._finding(ctx, feed, item, advisory, affected, packaged_by)

    def _finding(
        self,
        ctx: ScanContext,
        feed: Feed,
        item: Identified,
        advisory: Advisory,
        affected: Range,
        packaged_by: str | None,
    ) -> Finding:
        location = _location(item.service)
        caveat = BACKPORT_CAVEAT
        if packaged_by:
            caveat = f"The service names a {display_name(packaged_by)} package. {caveat}"
        evidence = {
            "product": item.product,
            "version": item.version,
            "compared_version": item.upstream,
            "identified_from": item.source,
            "protocol": item.service.protocol,
            "advisory": advisory.id,
            "feed_product": advisory.product,
            "affected": affected.text(),
            "fixed": affected.fixed,
            "severity_from": advisory.severity_from,
            "cvss": advisory.cvss,
            "summary": advisory.summary,
            "references": list(advisory.references),
            "distribution": packaged_by,
            "caveat": caveat,
            "feed": feed.name,
            "feed_generated": feed.generated,
        }
        if advisory.distributions:
            evidence["distributions"] = list(advisory.distributions)
        if item.source == "banner":
            evidence["banner"] = item.service.banner[:200]
        material = "\x1f".join((CHECK_ID, ctx.target.host, location, advisory.id))
        return self.finding(
            CHECK_ID,
            location,
            evidence,
            title=f"Known vulnerability {advisory.id} in {item.product} {item.upstream}",
            severity=advisory.severity,
            cvss_vector=advisory.cvss_vector,
            fingerprint=hashlib.sha256(material.encode("utf-8")).hexdigest(),
        )
