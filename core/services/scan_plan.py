"""Which scanner runs a scan is made of: a plan per target unit, discovery first.

A scan's target expands into units (hosts, URLs, ``host:port`` services; a network or range
one address at a time). On each unit the scanners of the profile that examine targets
themselves run once, the discovery scanners first (``Scanner.discovers``: the built-in
``ports``); then each scanner that examines services (``Scanner.services``) runs once on every
service the discovery found whose protocol it examines. Where no discovery ran for a unit (no
discovery scanner in the profile, or a URL or ``host:port`` unit, which says itself where to
look), a service scanner runs once on the unit as given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cyberorigen.plugin_api.interfaces import Scanner, Service, Target

#: Option names by which a request says itself which ports a scanner should examine: such a
#: scanner runs on the unit as asked, not on the services discovery found.
PORT_OPTIONS = ("port", "ports", "http_port", "https_port", "smtp_port")


@dataclass(frozen=True)
class PlannedRun:
    scanner: str
    #: What the run examines: the unit's value, or the discovered service's address.
    target: str
    service: Service | None = None
    #: Set when the run is decided without running (``not_applicable``), with the reason.
    outcome: tuple[str, str] | None = None


def host_level(profile: Sequence[str], scanners: Mapping[str, Scanner]) -> list[str]:
    """The profile's scanners that examine each unit itself, discovery scanners first (a
    scanner that is not installed stays, to be recorded as skipped)."""
    own = [
        name
        for name in profile
        if name not in scanners
        or not scanners[name].services
        or getattr(scanners[name], "examines_target", False)
    ]
    return sorted(own, key=lambda name: not getattr(scanners.get(name), "discovers", False))


def service_level(profile: Sequence[str], scanners: Mapping[str, Scanner]) -> list[str]:
    return [name for name in profile if name in scanners and scanners[name].services]


def unit_of(run, units_by_host: Mapping[str, str], scan_target: str) -> str:
    """The unit a scanner run belongs to: its target, or for a service run (its target is
    ``host:port`` of a unit's host) that host's unit in ``units_by_host``."""
    target = run.target or scan_target
    if run.service is not None:
        return units_by_host.get(Target.parse(target).host, target)
    return target


def discovery_applies(unit: Target) -> bool:
    """Whether discovery decides where the service scanners look on ``unit`` (a URL or a
    ``host:port`` says it itself)."""
    return unit.kind != "url" and unit.port is None


def with_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def service_target(unit: Target, service: Service) -> Target:
    """The target of a run on a discovered service: the unit's host (as scanned, so that a
    name is still the name), the service's port, and for web services the scheme."""
    scheme = {"http": "http", "https": "https"}.get(service.protocol)
    return Target(with_port(unit.host, service.port), unit.kind, unit.host, service.port, scheme)


def plan_service_runs(
    unit: Target,
    scanner: Scanner,
    discovered: Sequence[Service] | None,
    options: Mapping[str, object],
) -> list[PlannedRun]:
    """The runs of service scanner ``scanner`` on ``unit``: one per matching service when
    discovery ran (``discovered`` is what it found; None when none ran), else one on the
    unit itself."""
    # A scanner that also examines the unit itself has that run planned with the unit's (its
    # options' ports are for it); here only its runs on the services discovery found.
    on_target = getattr(scanner, "examines_target", False)
    explicit = not on_target and any(options.get(name) for name in PORT_OPTIONS)
    if discovered is None or explicit or not discovery_applies(unit):
        return [] if on_target else [PlannedRun(scanner.name, unit.value)]
    matching = [service for service in discovered if service.matches(scanner.services)]
    if not matching and on_target:
        return []
    if not matching:
        wanted = ", ".join(scanner.services)
        why = f"discovery found no {wanted} service on {unit.value}"
        return [PlannedRun(scanner.name, unit.value, outcome=("not_applicable", why))]
    return [
        PlannedRun(scanner.name, with_port(unit.host, service.port), service)
        for service in matching
    ]
