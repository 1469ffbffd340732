"""The HTTP security-headers scanner: fetches the target's pages over HTTPS and plaintext HTTP
and judges their transport, headers, cookies and HTML, the methods it offers and the files it
exposes.

The judging is done by one module per family of checks: :mod:`.transport`, :mod:`.headers`,
:mod:`.cookies`, :mod:`.subresources`, :mod:`.disclosure`, :mod:`.security_txt`,
:mod:`.methods` and :mod:`.exposure`; :mod:`.crawl` finds the pages linked from those
examined, for the directory-listing and exposed-file checks.

Requests go out one at a time through urllib3 with automatic redirects and retries off:
redirects within the same origin are followed by hand (up to five hops) so that the redirect
check sees every 30x, and everything else is judged on what the server itself answered.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
import warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import marshmallow as ma
import urllib3
from marshmallow import fields, validate
from urllib3.exceptions import HTTPError, InsecureRequestWarning, ReadTimeoutError

from cyberorigen.plugin_api import Finding, ScanContext, Scanner
from cyberorigen.plugin_api.options import validate_ca_pem
from cyberorigen.plugins.http.checks import CHECKS, MAX_PROBED_SUBDIRECTORIES
from cyberorigen.plugins.http.cookies import cookie_findings
from cyberorigen.plugins.http.crawl import (
    MAX_CRAWL_DEPTH,
    MAX_CRAWL_PAGES,
    crawl,
    time_for_request,
)
from cyberorigen.plugins.http.disclosure import banner_findings, directory_listing_findings
from cyberorigen.plugins.http.exposure import (
    EXPOSURE_CHECK_IDS,
    PROBE_BODY_LIMIT,
    PROBES,
    probe_directories,
    probe_directory,
)
from cyberorigen.plugins.http.headers import (
    PROBE_ORIGIN,
    clickjacking_findings,
    cors_findings,
    csp_findings,
    nosniff_findings,
    referrer_policy_findings,
)
from cyberorigen.plugins.http.methods import (
    METHODS_PATH,
    TRACE_HEADER,
    allow_findings,
    trace_findings,
    trace_token,
)
from cyberorigen.plugins.http.page import parse_page
from cyberorigen.plugins.http.response import DEFAULT_PORTS, Response, origin_key
from cyberorigen.plugins.http.security_txt import SECURITY_TXT_PATH, security_txt_findings
from cyberorigen.plugins.http.subresources import mixed_content_findings, sri_findings
from cyberorigen.plugins.http.transport import hsts_findings, redirect_findings

#: How much of a body is read and parsed; the rest of a large page is ignored.
BODY_LIMIT = 512 * 1024
MAX_REDIRECTS = 5


class HttpScanError(Exception):
    """The scan could not be done; the message says why."""


class TargetUnreachable(HttpScanError, ConnectionError):
    """Neither HTTPS nor plaintext HTTP answered."""


class CertificateNotTrusted(HttpScanError):
    """The HTTPS certificate did not verify against the system CAs and ``trust_store``."""


class FetchError(HttpScanError):
    """One request failed. ``connected`` is True when the server accepted the connection
    (and the TLS handshake) but then did not answer."""

    def __init__(
        self, url: str, reason: str, connected: bool, certificate: bool, method: str = "GET"
    ) -> None:
        super().__init__(f"{method} {url} failed: {reason}")
        self.url = url
        self.reason = reason
        self.connected = connected
        self.certificate = certificate


# --- options ----------------------------------------------------------------------------------


def _validate_path(value: str) -> None:
    if not value.startswith("/") or value.startswith("//"):
        raise ma.ValidationError("a path starts with a single '/', e.g. /login")
    if len(value) > 2048 or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ma.ValidationError("a path has at most 2048 characters and no spaces or controls")


def _port_field(description: str) -> fields.Integer:
    return fields.Integer(
        strict=True,
        load_default=None,
        validate=validate.Range(min=1, max=65535),
        metadata={"description": description},
    )


class HttpOptionsSchema(ma.Schema):
    """Options of the ``http`` scanner. Every scan tries both HTTPS and plaintext HTTP: the
    target's own scheme is https for hostname and IP targets, and the URL's scheme for URL
    targets."""

    port = _port_field(
        "Port of the target's own scheme (HTTPS for hostname and IP targets, the URL's scheme "
        "for URL targets). Default: the URL's port, else 443 for https and 80 for http. "
        "https_port and http_port take precedence over it."
    )
    https_port = _port_field(
        "Port where HTTPS is tried. Default: port (or the URL's port) when the target's "
        "scheme is https, else 443."
    )
    http_port = _port_field(
        "Port where plaintext HTTP is tried, for the redirect check and as the fallback when "
        "there is no HTTPS. Default: port (or the URL's port) when the target's scheme is "
        "http, else 80."
    )
    paths = fields.List(
        fields.String(validate=_validate_path),
        load_default=None,
        validate=validate.Length(min=1, max=20),
        metadata={
            "description": "Paths to examine, each fetched over HTTPS and HTTP. Default: the "
            "URL's path (and query) for a URL target, else ['/']."
        },
    )
    timeout = fields.Float(
        load_default=10.0,
        validate=validate.Range(min=1, max=120),
        metadata={
            "description": "Seconds allowed per request, 1-120 (default 10); never beyond "
            "the scanner's own deadline."
        },
    )
    trust_store = fields.String(
        load_default=None,
        validate=[validate.Length(max=1_000_000), validate_ca_pem],
        metadata={
            "description": "PEM text of extra CA certificates to trust for HTTPS, on top of "
            "the system's (for internal CAs and self-signed certificates)."
        },
    )
    verify_tls = fields.Boolean(
        load_default=False,
        metadata={
            "description": "Verify the HTTPS certificate and host name (default false: a site "
            "is examined whatever its certificate, whose problems the tls scanner reports). "
            "When true, a certificate that does not verify stops the scan with an error."
        },
    )
    crawl_depth = fields.Integer(
        strict=True,
        load_default=1,
        validate=validate.Range(min=0, max=MAX_CRAWL_DEPTH),
        metadata={
            "description": f"How many links away from the paths examined the scanner follows "
            f"same-origin <a href> links, 0-{MAX_CRAWL_DEPTH} (default 1; 0 crawls nothing). "
            "Crawled pages get the directory-listing check and, with probe_exposed_files, "
            "their directories are probed too. Never leaves the origin."
        },
    )
    crawl_max_pages = fields.Integer(
        strict=True,
        load_default=20,
        validate=validate.Range(min=1, max=MAX_CRAWL_PAGES),
        metadata={
            "description": f"The most pages the crawl fetches, 1-{MAX_CRAWL_PAGES} (default "
            "20). The crawl also stops when the scanner's deadline is near."
        },
    )
    probe_exposed_files = fields.Boolean(
        load_default=False,
        metadata={
            "description": "Run the exposed-file checks (default false): request "
            f"{len(PROBES)} well-known file paths (.git/HEAD, .env, backup.zip, db.sql...) and "
            "one random missing path to compare with, at the site's root and in up to "
            f"{MAX_PROBED_SUBDIRECTORIES} directories of the pages examined. Off by default "
            "because such requests look like an attack in the target's logs; when off, those "
            "checks are reported as not examined."
        },
    )


# --- fetching ---------------------------------------------------------------------------------


def _host_in_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@dataclass(frozen=True)
class Endpoint:
    scheme: str
    host: str
    port: int

    @property
    def origin(self) -> str:
        netloc = _host_in_url(self.host)
        if self.port != DEFAULT_PORTS[self.scheme]:
            netloc += f":{self.port}"
        return f"{self.scheme}://{netloc}"

    def url(self, path: str) -> str:
        return self.origin + path

    def describe(self) -> str:
        return f"{_host_in_url(self.host)}:{self.port} ({self.scheme.upper()})"


def _charset(content_type: str | None) -> str:
    match = re.search(r"charset=\"?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else "utf-8"


def _reason(exc: BaseException) -> tuple[str, bool, bool]:
    """(what went wrong in a few words, connected, certificate problem)."""
    if isinstance(exc, ReadTimeoutError):
        return "no answer (read timed out)", True, False
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    for item in seen:
        if isinstance(item, ssl.SSLCertVerificationError):
            return f"certificate verify failed: {item.verify_message}", False, True
    for item in seen:
        if isinstance(item, ssl.SSLError):
            return f"TLS handshake failed: {item.reason or item}", False, False
        if isinstance(item, urllib3.exceptions.NameResolutionError):
            return "cannot resolve the host name", False, False
        if isinstance(item, TimeoutError) or (
            isinstance(item, urllib3.exceptions.ConnectTimeoutError)
            and not isinstance(item, urllib3.exceptions.NewConnectionError)
        ):
            return "connection timed out", False, False
        if isinstance(item, OSError) and item.strerror:
            return item.strerror[:1].lower() + item.strerror[1:], False, False
    return str(exc) or type(exc).__name__, False, False


def _parse_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


@contextmanager
def _insecure_warnings_ignored() -> Iterator[None]:
    """verify_tls=false is the user's explicit choice: no warning per request."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InsecureRequestWarning)
        yield


class HttpClient:
    """One GET at a time, under the scan's deadline, cancellation and progress."""

    def __init__(self, ctx: ScanContext, user_agent: str, total_requests: int) -> None:
        self.ctx = ctx
        self.per_request = float(ctx.options.get("timeout") or 10.0)
        self.verify = bool(ctx.options.get("verify_tls", True))
        self.user_agent = user_agent
        self.total = max(total_requests, 1)
        self.done = 0
        self._ssl_context = self._make_ssl_context(ctx.options.get("trust_store"))
        self._pools: dict[Endpoint, urllib3.HTTPConnectionPool] = {}

    def _make_ssl_context(self, trust_store: str | None) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if trust_store:
            context.load_verify_locations(cadata=trust_store)
        if not self.verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context

    def _pool(self, endpoint: Endpoint) -> urllib3.HTTPConnectionPool:
        """A connection pool to the first address of the endpoint's host that the scan's
        scope allows (resolved once per scan; raises OutOfScope when none is allowed), with
        the host's name as TLS server name."""
        if endpoint not in self._pools:
            address = self.ctx.scope.addresses(endpoint.host, endpoint.port)[0]
            common: dict[str, Any] = {"maxsize": 1, "retries": False, "block": False}
            if endpoint.scheme == "https":
                named = _parse_ip(endpoint.host) is None
                self._pools[endpoint] = urllib3.HTTPSConnectionPool(
                    address,
                    endpoint.port,
                    ssl_context=self._ssl_context,
                    server_hostname=endpoint.host if named else None,
                    assert_hostname=(endpoint.host if self.verify else False),
                    **common,
                )
            else:
                self._pools[endpoint] = urllib3.HTTPConnectionPool(address, endpoint.port, **common)
        return self._pools[endpoint]

    def close(self) -> None:
        for pool in self._pools.values():
            pool.close()

    def get(self, endpoint: Endpoint, path: str) -> Response:
        return self.request("GET", endpoint, path)

    def request(
        self,
        method: str,
        endpoint: Endpoint,
        path: str,
        extra_headers: Mapping[str, str] | None = None,
        body_limit: int = BODY_LIMIT,
        decode_content: bool = True,
    ) -> Response:
        """One request; its body is read up to ``body_limit`` bytes, and decompressed as its
        Content-Encoding says unless ``decode_content`` is false."""
        self.ctx.check_cancelled()
        url = endpoint.url(path)
        left = self.ctx.seconds_left()
        if left <= 0:
            raise TimeoutError(f"the http scanner ran out of time before {method} {url}")
        seconds = min(self.per_request, left)
        headers = {
            "Host": urlsplit(endpoint.origin).netloc,
            "User-Agent": self.user_agent,
            "Origin": PROBE_ORIGIN,
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            **(extra_headers or {}),
        }
        try:
            pool = self._pool(endpoint)
        except socket.gaierror as exc:
            self.done += 1
            raise FetchError(url, "cannot resolve the host name", False, False, method) from exc
        try:
            with _insecure_warnings_ignored() if not self.verify else nullcontext():
                raw = pool.urlopen(
                    method,
                    path,
                    headers=headers,
                    redirect=False,
                    retries=False,
                    assert_same_host=False,
                    preload_content=False,
                    decode_content=decode_content,
                    timeout=urllib3.Timeout(connect=seconds, read=seconds),
                )
            try:
                data = raw.read(body_limit)
            finally:
                raw.close()
                raw.release_conn()
        except (HTTPError, OSError) as exc:
            reason, connected, certificate = _reason(exc)
            raise FetchError(url, reason, connected, certificate, method) from exc
        finally:
            self.done += 1
            self.ctx.progress(min(99, self.done * 100 // self.total), f"{method} {url}")
        content_type = raw.headers.get("Content-Type")
        try:
            body = data.decode(_charset(content_type), errors="replace")
        except LookupError:
            body = data.decode("utf-8", errors="replace")
        return Response(url, raw.status, raw.headers, body, data)

    def fetch(self, endpoint: Endpoint, path: str) -> list[Response]:
        """GET ``path``, following redirects that stay on ``endpoint``; every hop is kept."""
        chain = [self.get(endpoint, path)]
        while len(chain) <= MAX_REDIRECTS and chain[-1].is_redirect:
            target = chain[-1].location
            if target is None or origin_key(target) != origin_key(endpoint.origin):
                break
            parts = urlsplit(target)
            next_path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            if any(response.url == endpoint.url(next_path) for response in chain):
                break
            chain.append(self.get(endpoint, next_path))
        return chain


# --- the scanner ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """Where the scan looks: the HTTPS and the plaintext endpoint (one may be None when the
    run examines one discovered service), and the paths."""

    https: Endpoint | None
    http: Endpoint | None
    paths: tuple[str, ...]
    #: A plaintext service whose host also serves HTTPS: this run judges only how the
    #: plaintext side hands over to HTTPS (redirect, cookies, banners); the HTTPS service's
    #: own run judges the pages.
    handover_only: bool = False


def _https_sibling(ctx: ScanContext) -> int | None:
    """The port of an HTTPS service discovery found on the same host (443 first)."""
    ports = sorted(
        (service.port for service in ctx.host_services if service.protocol == "https"),
        key=lambda port: (port != 443, port),
    )
    return ports[0] if ports else None


def service_plan(ctx: ScanContext) -> Plan:
    """The plan of a run on one discovered web service."""
    service, host = ctx.service, ctx.target.host
    assert service is not None
    paths = tuple(ctx.options.get("paths") or ["/"])
    if service.protocol == "https" or service.tls:
        return Plan(Endpoint("https", host, service.port), None, paths)
    sibling = _https_sibling(ctx)
    https = Endpoint("https", host, sibling) if sibling else None
    return Plan(https, Endpoint("http", host, service.port), paths, handover_only=bool(https))


def plan_for(ctx: ScanContext) -> Plan:
    if ctx.service is not None:
        return service_plan(ctx)
    target, options = ctx.target, ctx.options
    scheme = "https"
    url_port: int | None = None
    paths: list[str] = list(options.get("paths") or [])
    if target.kind == "url":
        scheme = (target.scheme or "").lower()
        if scheme not in DEFAULT_PORTS:
            raise HttpScanError(f"the http scanner scans http:// and https:// URLs, not {scheme}:")
        parts = urlsplit(target.value)
        url_port = target.port
        if not paths:
            paths = [(parts.path or "/") + (f"?{parts.query}" if parts.query else "")]
    if not target.host:
        raise HttpScanError(f"no host in target {target.value!r}")
    own_port = options.get("port") or url_port
    https_port = options.get("https_port") or (own_port if scheme == "https" else None) or 443
    http_port = options.get("http_port") or (own_port if scheme == "http" else None) or 80
    return Plan(
        Endpoint("https", target.host, https_port),
        Endpoint("http", target.host, http_port),
        tuple(paths or ["/"]),
    )


class HttpScanner(Scanner):
    """Security headers, cookies, transport and page contents of a web server."""

    name = "http"
    title = "HTTP security headers"
    version = "1.1.0"
    target_kinds = ("hostname", "ip", "url")
    #: Every web service discovery finds, plaintext and HTTPS, whatever its port.
    services = ("http", "https")
    checks = CHECKS
    options_schema = HttpOptionsSchema
    timeout = 60.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        plan = plan_for(ctx)
        probes = len(PROBES) + 1 if ctx.options.get("probe_exposed_files") else 0
        client = HttpClient(
            ctx, f"CyberOrigen-http-scanner/{self.version}", 2 * len(plan.paths) + 3 + probes
        )
        ctx.progress(0, "connecting")
        try:
            yield from self._scan(ctx, plan, client)
        finally:
            client.close()
        ctx.progress(100, "done")

    def _scan(self, ctx: ScanContext, plan: Plan, client: HttpClient) -> Iterator[Finding]:
        emitted: set[tuple[str, str]] = set()

        def emit(findings: Iterable[Finding]) -> Iterator[Finding]:
            for finding in findings:
                if (finding.check_id, finding.location) not in emitted:
                    emitted.add((finding.check_id, finding.location))
                    yield finding

        first = plan.paths[0]
        https_chain, https_error = _try_planned(client, plan.https, first)
        http_chain, http_error = _try_planned(client, plan.http, first)
        if https_error is not None and https_error.certificate:
            raise CertificateNotTrusted(
                f"the HTTPS certificate of {plan.https.describe()} is not trusted "
                f"({https_error.reason}): add its CA to the trust_store option, or set "
                f"verify_tls to false"
            )
        if https_error is not None and https_error.connected:
            raise https_error
        if https_error is not None and http_error is not None:
            raise TargetUnreachable(
                "; ".join(
                    f"cannot connect to {endpoint.describe()}: {error.reason}"
                    for endpoint, error in ((plan.https, https_error), (plan.http, http_error))
                    if endpoint is not None
                )
            )
        for chain in (https_chain, http_chain):
            if chain:
                ctx.observed(f"GET {chain[0].url} answered {chain[0].status}")
        has_https = https_error is None
        # When plaintext HTTP did not answer on the first path it is not asked again.
        has_http = http_error is None
        if not has_https:
            assert http_chain is not None and https_error is not None and plan.http
            yield from emit(
                [
                    self.finding(
                        "http.no_https",
                        plan.http.url(first),
                        {
                            "https_url": plan.https.url(first) if plan.https else None,
                            "https_error": https_error.reason,
                            "http_url": plan.http.url(first),
                            "http_status": http_chain[0].status,
                        },
                    )
                ]
            )
        if plan.handover_only:
            assert http_chain is not None
            yield from emit(redirect_findings(self, http_chain))
            for response in http_chain:
                yield from emit(self._response_findings(response))
            ctx.not_examined(
                PAGE_CHECK_IDS,
                f"{plan.http.describe()} hands over to HTTPS on port {plan.https.port}: its "
                "pages are examined by the run on that service",
            )
            return

        examined: list[list[Response]] = []
        for index, path in enumerate(plan.paths):
            if index:
                ctx.check_cancelled()
                https_chain = client.fetch(plan.https, path) if has_https else None
                http_chain = None
                if has_http:
                    try:
                        http_chain = client.fetch(plan.http, path)
                    except FetchError:
                        if not has_https:
                            raise
                        # Plaintext stopped answering: no plaintext content to judge there.
            if http_chain is not None:
                if has_https:
                    yield from emit(redirect_findings(self, http_chain))
                for response in http_chain:
                    yield from emit(self._response_findings(response))
            content = https_chain if has_https else http_chain
            assert content is not None
            examined.append(content)
            for response in content:
                yield from emit(self._response_findings(response))
            yield from emit(self._page_findings(content[-1]))

        ctx.check_cancelled()
        endpoint = plan.https if has_https else plan.http
        yield from emit(security_txt_findings(self, client.fetch(endpoint, SECURITY_TXT_PATH)))
        yield from emit(self._method_findings(ctx, client, endpoint))

        probing = bool(ctx.options.get("probe_exposed_files"))
        if probing:
            yield from emit(self._exposure_findings(ctx, client, endpoint, "/", guarded=False))
        else:
            ctx.not_examined(
                EXPOSURE_CHECK_IDS, "the probe_exposed_files option is off: no file was probed"
            )
        pages = [chain[-1] for chain in examined]
        for chain in crawl(
            ctx,
            lambda path: _try(client, endpoint, path)[0],
            examined,
            int(ctx.options.get("crawl_depth", 1)),
            int(ctx.options.get("crawl_max_pages", 20)),
            client.per_request,
        ):
            pages.append(chain[-1])
            yield from emit(self._crawled_page_findings(chain[-1]))
        if probing:
            for directory in probe_directories(page.url for page in pages)[1:]:
                yield from emit(
                    self._exposure_findings(ctx, client, endpoint, directory, guarded=True)
                )

    # --- per check group ------------------------------------------------------------------

    def _response_findings(self, response: Response) -> list[Finding]:
        """Cookies and version banners: judged on every response, redirects included."""
        return [*banner_findings(self, response), *cookie_findings(self, response)]

    def _page_findings(self, response: Response) -> list[Finding]:
        """Headers and HTML of the page a browser ends up on."""
        findings = [
            *hsts_findings(self, response),
            *nosniff_findings(self, response),
            *cors_findings(self, response),
        ]
        if not response.is_document:
            return findings
        page = parse_page(response)
        return [
            *findings,
            *csp_findings(self, response, page),
            *clickjacking_findings(self, response),
            *referrer_policy_findings(self, response, page),
            *mixed_content_findings(self, response, page),
            *sri_findings(self, response, page),
            *directory_listing_findings(self, response, page),
        ]

    def _crawled_page_findings(self, response: Response) -> list[Finding]:
        """What a crawled page is judged on: whether it is a directory listing."""
        if not response.is_document:
            return []
        return directory_listing_findings(self, response, parse_page(response))

    def _method_findings(
        self, ctx: ScanContext, client: HttpClient, endpoint: Endpoint
    ) -> list[Finding]:
        """TRACE and OPTIONS on one path; the check of a request that fails is not examined."""
        findings: list[Finding] = []
        token = trace_token()
        for method, headers, check_id in (
            ("TRACE", {TRACE_HEADER: token}, "http.trace_enabled"),
            ("OPTIONS", {}, "http.put_delete_allowed"),
        ):
            try:
                response = client.request(method, endpoint, METHODS_PATH, headers)
            except FetchError as error:
                ctx.not_examined((check_id,), str(error))
                continue
            ctx.observed(f"{method} {response.url} answered {response.status}")
            if method == "TRACE":
                findings += trace_findings(self, response, token)
            else:
                findings += allow_findings(self, response)
        return findings

    def _exposure_findings(
        self,
        ctx: ScanContext,
        client: HttpClient,
        endpoint: Endpoint,
        directory: str,
        guarded: bool,
    ) -> Iterator[Finding]:
        """The exposed-file probes of one directory. They stop at the first failed request
        and, when ``guarded``, before a request that could overrun the deadline. When the
        root's probes stop, the exposed-file checks are not examined."""
        statuses: list[int] = []
        stopped: list[str] = []

        def get(path: str) -> Response | None:
            if guarded and not time_for_request(ctx, client.per_request):
                stopped.append("the deadline is near")
                return None
            try:
                response = client.request(
                    "GET", endpoint, path, body_limit=PROBE_BODY_LIMIT, decode_content=False
                )
            except FetchError as error:
                stopped.append(str(error))
                return None
            statuses.append(response.status)
            return response

        yield from probe_directory(self, get, directory)
        where = endpoint.url(directory)
        if statuses:
            answers = ", ".join(str(status) for status in sorted(set(statuses)))
            ctx.observed(f"probed {len(statuses)} file paths under {where}, answered {answers}")
        if stopped and not guarded:
            ctx.not_examined(EXPOSURE_CHECK_IDS, f"probes under {where} stopped: {stopped[0]}")
        elif stopped:
            ctx.observed(f"probes under {where} stopped: {stopped[0]}")


#: What a plaintext service's handover run judges; the HTTPS service's run judges the rest.
HANDOVER_CHECK_IDS = (
    "http.no_https",
    "http.no_https_redirect",
    "http.cookie_missing_secure",
    "http.cookie_missing_httponly",
    "http.cookie_missing_samesite",
    "http.server_banner_version",
)
PAGE_CHECK_IDS = tuple(check.id for check in CHECKS if check.id not in HANDOVER_CHECK_IDS)

#: Why an endpoint the plan has none of "failed": no such service was found on the host.
NOT_FOUND_REASON = "discovery found no HTTPS service on the host"


def _try_planned(
    client: HttpClient, endpoint: Endpoint | None, path: str
) -> tuple[list[Response] | None, FetchError | None]:
    if endpoint is None:
        return None, FetchError("(none)", NOT_FOUND_REASON, connected=False, certificate=False)
    return _try(client, endpoint, path)


def _try(
    client: HttpClient, endpoint: Endpoint, path: str
) -> tuple[list[Response] | None, FetchError | None]:
    try:
        return client.fetch(endpoint, path), None
    except FetchError as error:
        return None, error
