"""What plugins provide (scanners, importers, frameworks, transports) and what they are given.

Plugins never touch the database or Flask: a scanner receives a :class:`ScanContext` and
yields :class:`Finding` objects; the core stores them.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import marshmallow as ma


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """4 for critical down to 0 for info: for sorting and thresholds."""
        members = list(Severity)  # worst first
        return len(members) - 1 - members.index(self)


@dataclass(frozen=True)
class Check:
    """One thing a scanner can report. ``id`` is stable forever (``http.hsts-missing``)."""

    id: str
    title: str
    severity: Severity
    description: str
    remediation: str
    references: tuple[str, ...] = ()
    fingerprint: str = "check id, target host, location"
    #: The common controls this check tests (``ctrl_encryption_in_transit``).
    controls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """What a scanner observed. ``evidence`` holds what was seen (headers, banners, fields)."""

    check_id: str
    title: str
    severity: Severity
    location: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    remediation: str = ""
    references: tuple[str, ...] = ()
    cvss_vector: str | None = None
    fingerprint: str = ""

    def fingerprint_for(self, target: Target) -> str:
        """The identity of this finding across scans of the same target: the scanner's own
        ``fingerprint`` when it set one, else SHA-256 of check id, host and location."""
        if self.fingerprint:
            return self.fingerprint
        material = "\x1f".join((self.check_id, target.host, self.location))
        return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Target:
    """What one scanner run examines: ``kind`` is ``hostname``, ``ip`` or ``url``. ``port`` is
    set for a URL with a port, and for a service (``host:port``, ``[2001:db8::1]:8443``): a
    target given so, or a service the scan discovered (then ``ScanContext.service`` says what
    it is). A range or network target reaches scanners one address at a time."""

    value: str
    kind: str
    host: str
    port: int | None = None
    scheme: str | None = None

    @classmethod
    def parse(cls, value: str) -> Target:
        if "://" in value:
            parts = urlsplit(value)
            return cls(value, "url", parts.hostname or "", parts.port, parts.scheme)
        host, port = value, None
        if value.startswith("[") and "]:" in value:
            host, _, port_text = value[1:].partition("]:")
            port = int(port_text)
        elif value.count(":") == 1:
            host, _, port_text = value.partition(":")
            port = int(port_text) if port_text.isdigit() else None
            host = host if port is not None else value
        host = host.strip("[]")
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return cls(value, "hostname", host, port)
        return cls(value, "ip", host, port)


@dataclass(frozen=True)
class Service:
    """A service found on a host: what discovery (the ``ports`` scanner, or any scanner that
    reports one with :meth:`ScanContext.discovered`) learnt of one open port.

    ``protocol`` is the appliance's name for what speaks there (``http``, ``https``, ``ssh``,
    ``smtp``, ``ftp``, ``redis``, ``tls`` for TLS around something else...; empty when it
    could not be told); ``tls`` says the port speaks TLS, whatever runs inside."""

    host: str
    port: int
    protocol: str = ""
    transport: str = "tcp"
    tls: bool = False
    product: str = ""
    version: str = ""
    banner: str = ""
    #: For a TLS service: a summary of its certificate (``subject``, ``issuer``,
    #: ``not_after``, ``names``), as far as the discovery read it.
    certificate: Mapping[str, Any] = field(default_factory=dict)

    @property
    def address(self) -> str:
        """``host:port`` (``[2001:db8::1]:443``): how targets and locations name it."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def matches(self, wanted: Iterable[str]) -> bool:
        """Whether a scanner examining the protocols ``wanted`` examines this service
        (``tls`` matches every service that speaks TLS)."""
        wanted = set(wanted)
        return self.protocol in wanted or (self.tls and "tls" in wanted)


@dataclass(frozen=True)
class ScanSummary:
    """What lifecycle hooks learn about a scan."""

    id: str
    target: str
    scan_type: str
    status: str
    scanners: tuple[str, ...]
    findings: int


class ScanCancelled(Exception):
    """Raised by :meth:`ScanContext.check_cancelled` when the scan was cancelled."""


class NotApplicable(Exception):  # noqa: N818 - an outcome, not an error
    """Raised by a scanner's ``run`` when the target has nothing it examines (a domain that
    receives no mail, for a mail-server scanner); the message says why. The run is recorded as
    ``not_applicable``: none of its checks counts as passed, none as failed."""


class ScanContext:
    """Everything a running scanner may use. Created by the core for each scanner run.

    ``scope`` (a :class:`cyberorigen.plugin_api.scope.ScanScope`) says which addresses the
    scanner may contact: ask it before every connection and DNS question to a server named
    in the options, for the target and for every host discovered during the scan. The core
    always gives the organization's scope under the operator's policy; left out (a plugin
    author's own tests), anything may be contacted."""

    def __init__(
        self,
        target: Target,
        options: Mapping[str, Any],
        deadline: float,
        report_progress: Callable[[int, str], None] = lambda percent, step: None,
        is_cancelled: Callable[[], bool] = lambda: False,
        record_observation: Callable[[str], None] = lambda what: None,
        record_not_examined: Callable[[tuple[str, ...], str], None] = lambda checks, why: None,
        scope: Any = None,
        service: Service | None = None,
        host_services: Sequence[Service] = (),
        record_service: Callable[[Service], None] = lambda service: None,
    ) -> None:
        from cyberorigen.plugin_api.scope import ScanScope

        self.target = target
        #: The discovered service this run examines (its host and port are the target's), or
        #: None when the scanner examines the target itself.
        self.service = service
        #: Every service discovery found on the target's host (so that a scanner can relate
        #: a service to its siblings: a plaintext web server to the host's HTTPS one).
        self.host_services = tuple(host_services)
        self._record_service = record_service
        self.options = dict(options)
        self.deadline = deadline
        self.scope: ScanScope = scope if scope is not None else ScanScope.anything()
        self._report_progress = report_progress
        self._is_cancelled = is_cancelled
        self._record_observation = record_observation
        self._record_not_examined = record_not_examined

    def seconds_left(self) -> float:
        """Seconds until this scanner's deadline (its timeout); never negative."""
        return max(self.deadline - time.monotonic(), 0.0)

    def progress(self, percent: int, step: str = "") -> None:
        """Report this scanner's own progress, 0-100, and what it is doing now."""
        self._report_progress(max(0, min(100, int(percent))), step)

    def observed(self, what: str) -> None:
        """Say what this scanner saw of the target: an answer it received ("GET
        https://example.com/ answered 200", "mx1.example.com (192.0.2.25:25) answered EHLO").

        A check passes only when its scanner observed the target and found nothing wrong: a
        run that ends with no finding and no observation is recorded as ``failed`` ("observed
        nothing"), never as ``completed``. A finding is an observation too."""
        self._record_observation(str(what))

    def not_examined(self, check_ids: Iterable[str], reason: str) -> None:
        """Say that these of the scanner's checks were not examined on this target, and why
        ("example.com sends no mail: SPF and DMARC do not apply"): they count neither as
        passed nor as failed, and findings of them stay as they are."""
        self._record_not_examined(tuple(check_ids), str(reason))

    def discovered(self, service: Service) -> None:
        """Report a service found on the target's host (discovery scanners do): the scan
        runs every scanner that examines its protocol on it, and the appliance lists it in
        its asset inventory."""
        self._record_service(service)

    def cancelled(self) -> bool:
        return self._is_cancelled()

    def check_cancelled(self) -> None:
        """Raise :class:`ScanCancelled` if the scan was cancelled; call it between steps."""
        if self._is_cancelled():
            raise ScanCancelled()


class Scanner(ABC):
    """A scanner. Subclass it, set the class attributes, implement :meth:`run`."""

    #: Unique name, also the key of its options in a scan's ``options`` (``http``).
    name: str = ""
    title: str = ""
    version: str = "0"
    #: Which targets it scans: any of ``hostname``, ``ip``, ``url``.
    target_kinds: tuple[str, ...] = ("hostname", "ip", "url")
    #: The service protocols it examines (``("http", "https")``; ``"tls"`` is every service
    #: that speaks TLS). Empty: it examines each target (host, URL) itself, once. Otherwise
    #: it runs once on every matching service that discovery found, with ``ctx.service`` set
    #: and the target's port the service's; when no discovery ran for a target (no
    #: discovery scanner in the profile, or a URL or ``host:port`` target), once on the
    #: target as given.
    services: tuple[str, ...] = ()
    #: With ``services``: it also examines each target itself, once, before discovery's
    #: services (``smtp``: a domain's MX hosts, and every SMTP service found). Since 1.5.
    examines_target: bool = False
    #: It discovers services: it reports each one it finds on the target's host with
    #: :meth:`ScanContext.discovered`. A scan runs discovery scanners first on each host, and
    #: when one completed, the service scanners run on what it found.
    discovers: bool = False
    #: Every check it can report.
    checks: Sequence[Check] = ()
    #: Its options, validated before the scan is accepted (a marshmallow schema class).
    options_schema: type[ma.Schema] | None = None
    #: Seconds it may run before it is stopped and recorded as timed out.
    timeout: float = 300.0

    @abstractmethod
    def run(self, ctx: ScanContext) -> Iterable[Finding]:
        """Scan ``ctx.target`` and yield findings as they are made, and call
        :meth:`ScanContext.observed` for what was examined.

        Raise an exception when the scan could not be done (unreachable, refused): that is
        recorded as this scanner's error, never as a pass. Raise :class:`NotApplicable` when
        the target has nothing this scanner examines.
        """

    def check(self, check_id: str) -> Check:
        for item in self.checks:
            if item.id == check_id:
                return item
        raise KeyError(check_id)

    def finding(
        self, check_id: str, location: str, evidence: Mapping[str, Any], **extra: Any
    ) -> Finding:
        """A finding of one of this scanner's checks, with its title, severity, remediation
        and references filled in from the check."""
        check = self.check(check_id)
        return Finding(
            check_id=check.id,
            title=extra.pop("title", check.title),
            severity=extra.pop("severity", check.severity),
            location=location,
            evidence=dict(evidence),
            remediation=check.remediation,
            references=check.references,
            **extra,
        )


class InvalidImport(Exception):  # noqa: N818 - a verdict on a file, not a crash
    """Raised by :meth:`Importer.parse` when the file is not a valid file of its format; the
    message names what is wrong and where ("result 3: 'ruleId' is missing"). Nothing of the
    file is imported then."""


@dataclass(frozen=True)
class Imported:
    """One finding an importer read from a file, and what it was found on: ``target`` is a
    host name, IP address, ``host:port`` or URL (as a scan's targets are), or for results
    about code, the repository's URL."""

    target: str
    finding: Finding


@dataclass(frozen=True)
class ImportedTarget:
    """A target the file reports on whether or not it has findings there (an image Trivy
    scanned and found clean, a cloud account Prowler examined): the importer's open findings
    on it that the file no longer reports are resolved. Targets of yielded findings and
    services, and the ``target`` the user named, need no such item."""

    target: str


@dataclass(frozen=True)
class ImportedService:
    """A service an importer read from a file (an open port of an nmap run): listed in the
    asset inventory as discovery would list it. ``service.host`` must be an IP address."""

    service: Service
    #: The host name the file gives for the address, if any.
    name: str = ""


class Importer(ABC):
    """Reads the results of another tool (a SARIF file, a Trivy report...) into findings.

    The appliance stores what :meth:`parse` yields as a completed scan of type ``import``:
    its findings go through the same fingerprinting, lifecycle, asset linking, control
    mapping and events as a scanner's. Since plugin API 1.6."""

    #: Unique name (an identifier, like scanners' names; no scanner may have it): the
    #: ``format`` of ``POST /api/v1/imports`` and the ``scanner`` of its findings.
    name: str = ""
    #: What the format is, for people ("SARIF 2.1.0").
    title: str = ""
    version: str = "0"
    #: File name endings it reads (".sarif", ".json"): shown in ``GET /api/v1/imports/formats``.
    extensions: tuple[str, ...] = ()
    #: The checks its findings belong to (their ids start with ``name + "."``), each naming
    #: the controls it tests, as a scanner's do.
    checks: Sequence[Check] = ()
    #: What identifies one of its findings from one import to the next, in words ("rule id,
    #: file path, the result's partial fingerprint"): never a volatile field (a build number,
    #: an image tag, a timestamp, a line number where a rule id and a path suffice).
    fingerprint: str = ""
    #: Whether a file names what its findings are about (a Trivy report names its
    #: artifact); when False, ``POST /api/v1/imports`` needs a ``target``.
    names_targets: bool = True

    def detect(self, head: bytes) -> bool:
        """Whether a file starting with ``head`` (its first 64 KiB) looks like this format;
        used when the upload names no ``format``. Cheap and never raising."""
        return False

    @abstractmethod
    def parse(
        self, data: bytes, target: str | None
    ) -> Iterable[Imported | ImportedService | ImportedTarget]:
        """Yield what the file holds. ``target`` is what the user said the file is about
        (None if they said nothing): use it for results that name no host or repository.

        Raise :class:`InvalidImport` naming what is wrong when the file is not valid. XML
        must be read with ``defusedxml``. The appliance bounds the size of ``data`` and the
        number of items it takes."""

    def check(self, check_id: str) -> Check:
        for item in self.checks:
            if item.id == check_id:
                return item
        raise KeyError(check_id)

    def finding(
        self, check_id: str, location: str, evidence: Mapping[str, Any], **extra: Any
    ) -> Finding:
        """A finding of one of its checks, with the check's title, severity, remediation and
        references unless given in ``extra``; ``fingerprint`` should always be given."""
        check = self.check(check_id)
        return Finding(
            check_id=check.id,
            title=extra.pop("title", check.title),
            severity=extra.pop("severity", check.severity),
            location=location,
            evidence=dict(evidence),
            remediation=extra.pop("remediation", check.remediation),
            references=tuple(extra.pop("references", check.references)),
            **extra,
        )


def stable_fingerprint(importer: str, *parts: str) -> str:
    """A finding fingerprint from the importer's name and the stable fields that identify
    it: SHA-256 of them joined by a separator no field contains."""
    material = "\x1f".join((importer, *parts))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Control:
    """A common control (``ctrl_encryption_in_transit``): one thing an organization does that
    several frameworks ask for. Checks name the controls they test in ``Check.controls``;
    frameworks map controls to their requirements with :class:`ControlMapping`."""

    id: str
    name: str
    description: str
    #: The lowest severity of an open finding of one of its checks that makes the control
    #: ``not_implemented``.
    severity_threshold: Severity = Severity.LOW
    #: How many days evidence for it stays current.
    freshness_days: int = 90
    #: What documentary evidence covers the part that scans cannot see.
    evidence_guidance: str = ""


@dataclass(frozen=True)
class Requirement:
    """One item of a framework's catalogue (``CC6.7``, ``4.2.1``, ``A.8.24``), listed flat in
    document order with its ``parent``. ``assessed`` items get a status in reports; the others
    (groups such as ``CC6``) only give structure. ``attributes`` holds extra facts
    (applicability, required/addressable...)."""

    id: str
    title: str
    level: str
    parent: str | None = None
    text: str = ""
    assessed: bool = True
    attributes: Mapping[str, Any] = field(default_factory=dict)


#: How what a control asks relates to what a requirement asks.
RELATIONSHIPS = ("equal", "subset", "intersect")
#: Whether implementing the control satisfies all of the requirement or part of it.
COVERAGES = ("full", "partial")


@dataclass(frozen=True)
class ControlMapping:
    """A typed link from a control to a requirement of one framework.

    ``relationship``: ``equal`` (they ask for the same thing), ``subset`` (the control asks
    for part of what the requirement asks), ``intersect`` (they overlap). ``coverage``:
    ``full`` when the control alone satisfies the requirement, else ``partial``. ``equal``
    implies ``full`` and ``subset`` implies ``partial``.
    """

    control: str
    requirement: str
    relationship: str = "intersect"
    coverage: str = "partial"


class Framework(ABC):
    """A compliance framework: its catalogue of requirements and how controls map to it.

    ``id`` is versioned (``pci-dss-4.0.1``); ``aliases`` are other names a scan may use
    (``pci-dss``); ``display_name`` is the short name shown with controls (``PCI DSS``).
    Most frameworks are data: see :mod:`cyberorigen.plugin_api.framework_data`.
    """

    id: str = ""
    version: str = ""
    title: str = ""
    display_name: str = ""
    publisher: str = ""
    licence_note: str = ""
    aliases: tuple[str, ...] = ()

    @abstractmethod
    def requirements(self) -> Sequence[Requirement]:
        """Every item of the catalogue, parents before their children."""

    def mappings(self) -> Sequence[ControlMapping]:
        """How common controls map to this framework's assessed requirements."""
        return ()


class DeliveryError(Exception):
    """A delivery that did not succeed. ``status_code`` and ``response`` (the first bytes of the
    answer, as text) go to the delivery log when there was an answer."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        response: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.response = response
        #: Seconds the receiver asked to wait (``Retry-After``), honoured by the retry.
        self.retry_after = retry_after


class TransientError(DeliveryError):
    """Delivery failed but may succeed later (timeout, 5xx, 429): it will be retried."""


class PermanentError(DeliveryError):
    """Delivery can never succeed as configured (4xx, bad address): it is not retried."""


class EndpointGone(PermanentError):
    """The receiver says it is gone for good (HTTP 410): the webhook is disabled."""


@dataclass(frozen=True)
class Sent:
    """What a transport reports of a successful delivery (all optional)."""

    status_code: int | None = None
    response: str = ""


@dataclass(frozen=True)
class Delivery:
    """One event to deliver through a transport.

    ``id`` is the event's id (``evt_...``): the same on every attempt and redelivery, so that
    receivers can deduplicate. ``payload`` is the whole message, ``{"id", "type",
    "created_at", "data"}``. ``url`` is the webhook's URL (None for transports that take no
    URL); ``config`` its transport settings, already validated by the transport's
    ``config_schema``. ``secrets`` are the signing secrets, the current one first (two during
    a rotation's overlap). ``network`` (a :class:`cyberorigen.plugin_api.net.NetworkPolicy`)
    tells how to reach hosts safely: connect only through it.
    """

    id: str
    event_type: str
    payload: Mapping[str, Any]
    config: Mapping[str, Any]
    url: str | None = None
    secrets: tuple[str, ...] = ()
    attempt: int = 1
    network: Any = None
    #: Appliance settings transports may need: ``{"smtp": {"host", "port", "security",
    #: "username", "password", "sender", "ca_file"}}``.
    appliance: Mapping[str, Any] = field(default_factory=dict)


def masked_url(url: str, whole_path: bool) -> str:
    """``url`` without its credentials: its password masked, or with ``whole_path`` all but
    the origin (``https://hooks.slack.com/***``)."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    if whole_path:
        return f"{parts.scheme}://{host}/***"
    if parts.password is None:
        return url
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


class Transport(ABC):
    """A way to deliver notifications (HTTP, Slack, e-mail, syslog...)."""

    name: str = ""
    #: The webhook's transport settings, validated when the webhook is saved.
    config_schema: type[ma.Schema] | None = None

    #: Whether webhooks of this transport have a ``url`` (http, slack) or not (email, syslog).
    uses_url: bool = True

    #: Whether the URL itself is the credential (a Slack incoming-webhook URL: whoever has it
    #: may post). Such a URL is write-only, like a signing secret: the API shows only its
    #: origin. Any other URL is shown with a password in it masked.
    url_is_credential: bool = False

    @abstractmethod
    def send(self, delivery: Delivery) -> Sent | None:
        """Deliver it, or raise :class:`TransientError`, :class:`PermanentError` or
        :class:`EndpointGone`. Return a :class:`Sent` to log the receiver's answer."""

    def check_url(self, url: str) -> str | None:
        """Say what is wrong with ``url`` for this transport (None when it is fine)."""
        return None

    def shown_url(self, url: str) -> str:
        """The URL as the API shows it (see ``url_is_credential``)."""
        return masked_url(url, whole_path=self.url_is_credential)

    def destination(self, url: str | None, config: Mapping[str, Any]) -> tuple[str, int] | None:
        """The host and port a delivery will connect to, checked against the network guard
        when the webhook is saved (it is checked again at every delivery). Default: the URL's;
        None for a transport that only reaches servers of the appliance's own settings."""
        if not url:
            return None
        parts = urlsplit(url)
        return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
