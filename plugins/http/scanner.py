"""The HTTP security-headers scanner: fetches the target's pages over HTTPS and plaintext HTTP
and judges their transport, headers, cookies and HTML.

The judging is done by one module per family of checks: :mod:`.transport`, :mod:`.headers`,
:mod:`.cookies`, :mod:`.subresources`, :mod:`.disclosure` and :mod:`.security_txt`.

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
from collections.abc import Iterator
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
from cyberorigen.plugins.http.checks import CHECKS
from cyberorigen.plugins.http.cookies import cookie_findings
from cyberorigen.plugins.http.disclosure import banner_findings, directory_listing_findings
from cyberorigen.plugins.http.headers import (
    PROBE_ORIGIN,
    clickjacking_findings,
    cors_findings,
    csp_findings,
    nosniff_findings,
    referrer_policy_findings,
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

    def __init__(self, url: str, reason: str, connected: bool, certificate: bool) -> None:
        super().__init__(f"GET {url} failed: {reason}")
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
        load_default=True,
        metadata={
            "description": "Verify the HTTPS certificate and host name (default true). When a "
            "certificate does not verify, the scan fails with an error unless this is false; "
            "certificate problems themselves are the TLS scanner's business."
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
        self.ctx.check_cancelled()
        url = endpoint.url(path)
        left = self.ctx.seconds_left()
        if left <= 0:
            raise TimeoutError(f"the http scanner ran out of time before GET {url}")
        seconds = min(self.per_request, left)
        headers = {
            "Host": urlsplit(endpoint.origin).netloc,
            "User-Agent": self.user_agent,
            "Origin": PROBE_ORIGIN,
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
        }
        try:
            pool = self._pool(endpoint)
        except socket.gaierror as exc:
            self.done += 1
            raise FetchError(url, "cannot resolve the host name", False, False) from exc
        try:
            with _insecure_warnings_ignored() if not self.verify else nullcontext():
                raw = pool.urlopen(
                    "GET",
                    path,
                    headers=headers,
                    redirect=False,
                    retries=False,
                    assert_same_host=False,
                    preload_content=False,
                    timeout=urllib3.Timeout(connect=seconds, read=seconds),
                )
            try:
                data = raw.read(BODY_LIMIT)
            finally:
                raw.close()
                raw.release_conn()
        except (HTTPError, OSError) as exc:
            reason, connected, certificate = _reason(exc)
            raise FetchError(url, reason, connected, certificate) from exc
        finally:
            self.done += 1
            self.ctx.progress(min(99, self.done * 100 // self.total), f"GET {url}")
        content_type = raw.headers.get("Content-Type")
        try:
            body = data.decode(_charset(content_type), errors="replace")
        except LookupError:
            body = data.decode("utf-8", errors="replace")
        return Response(url, raw.status, raw.headers, body)

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
    https: Endpoint
    http: Endpoint
    paths: tuple[str, ...]


def plan_for(ctx: ScanContext) -> Plan:
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
    version = "1.0.0"
    target_kinds = ("hostname", "ip", "url")
    checks = CHECKS
    options_schema = HttpOptionsSchema
    timeout = 60.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        plan = plan_for(ctx)
        client = HttpClient(
            ctx, f"CyberOrigen-http-scanner/{self.version}", 2 * len(plan.paths) + 1
        )
        ctx.progress(0, "connecting")
        try:
            yield from self._scan(ctx, plan, client)
        finally:
            client.close()
        ctx.progress(100, "done")

    def _scan(self, ctx: ScanContext, plan: Plan, client: HttpClient) -> Iterator[Finding]:
        emitted: set[tuple[str, str]] = set()

        def emit(findings: list[Finding]) -> Iterator[Finding]:
            for finding in findings:
                if (finding.check_id, finding.location) not in emitted:
                    emitted.add((finding.check_id, finding.location))
                    yield finding

        first = plan.paths[0]
        https_chain, https_error = _try(client, plan.https, first)
        http_chain, http_error = _try(client, plan.http, first)
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
                f"cannot connect to {plan.https.describe()}: {https_error.reason}; "
                f"cannot connect to {plan.http.describe()}: {http_error.reason}"
            )
        for chain in (https_chain, http_chain):
            if chain:
                ctx.observed(f"GET {chain[0].url} answered {chain[0].status}")
        has_https = https_error is None
        # When plaintext HTTP did not answer on the first path it is not asked again.
        has_http = http_error is None
        if not has_https:
            assert http_chain is not None and https_error is not None
            yield from emit(
                [
                    self.finding(
                        "http.no_https",
                        plan.http.url(first),
                        {
                            "https_url": plan.https.url(first),
                            "https_error": https_error.reason,
                            "http_url": plan.http.url(first),
                            "http_status": http_chain[0].status,
                        },
                    )
                ]
            )

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
            for response in content:
                yield from emit(self._response_findings(response))
            yield from emit(self._page_findings(content[-1]))

        ctx.check_cancelled()
        endpoint = plan.https if has_https else plan.http
        yield from emit(security_txt_findings(self, client.fetch(endpoint, SECURITY_TXT_PATH)))

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


def _try(
    client: HttpClient, endpoint: Endpoint, path: str
) -> tuple[list[Response] | None, FetchError | None]:
    try:
        return client.fetch(endpoint, path), None
    except FetchError as error:
        return None, error
