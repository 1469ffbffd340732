"""The HTTP security-headers scanner: fetches the target's pages over HTTPS and plaintext HTTP
and judges their transport, headers, cookies and HTML.

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
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import marshmallow as ma
import urllib3
from marshmallow import fields, validate
from urllib3.exceptions import HTTPError, InsecureRequestWarning, ReadTimeoutError

from cyberorigen.plugin_api import Finding, ScanContext, Scanner
from cyberorigen.plugin_api.options import validate_ca_pem
from cyberorigen.plugins.http.checks import CHECKS, HSTS_MIN_MAX_AGE

#: The Origin sent with every request, to see whether CORS lets any site read the answer.
PROBE_ORIGIN = "https://evil.example"
#: How much of a body is read and parsed; the rest of a large page is ignored.
BODY_LIMIT = 512 * 1024
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_PORTS = {"http": 80, "https": 443}
SECURITY_TXT_PATH = "/.well-known/security.txt"


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


@dataclass
class Response:
    url: str
    status: int
    headers: urllib3.HTTPHeaderDict
    body: str

    @property
    def is_https(self) -> bool:
        return self.url.startswith("https://")

    @property
    def is_redirect(self) -> bool:
        return self.status in REDIRECT_STATUSES

    @property
    def location(self) -> str | None:
        value = self.headers.get("Location")
        return urljoin(self.url, value.strip()) if value else None

    @property
    def is_html(self) -> bool:
        content_type = self.headers.get("Content-Type")
        if content_type is None:
            return self.body.lstrip()[:14].lower().startswith(("<!doctype html", "<html"))
        media = content_type.split(";")[0].strip().lower()
        return media in ("text/html", "application/xhtml+xml")

    @property
    def is_document(self) -> bool:
        """An HTML page a browser would render (document-level checks apply)."""
        return self.is_html and not self.is_redirect


def _origin_key(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or DEFAULT_PORTS.get(scheme)
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port


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
            if target is None or _origin_key(target) != _origin_key(endpoint.origin):
                break
            parts = urlsplit(target)
            next_path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            if any(response.url == endpoint.url(next_path) for response in chain):
                break
            chain.append(self.get(endpoint, next_path))
        return chain


# --- what a page says -------------------------------------------------------------------------


class PageParser(HTMLParser):
    """Collects what the HTML checks need: resource URLs, meta policies, title and first h1."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.scripts: list[tuple[str, bool]] = []
        self.active: list[tuple[str, str]] = []
        self.meta_csp: list[str] = []
        self.meta_referrer: list[str] = []
        self.title = ""
        self.h1 = ""
        self._capture: str | None = None
        self._h1_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes: dict[str, str] = {}
        for name, value in attrs:
            attributes.setdefault(name, value or "")
        src = attributes.get("src", "").strip()
        if tag == "base" and self.base is None and attributes.get("href"):
            self.base = attributes["href"].strip()
        elif tag == "script" and src:
            self.scripts.append((src, bool(attributes.get("integrity", "").strip())))
            self.active.append((tag, src))
        elif tag == "link" and "stylesheet" in attributes.get("rel", "").lower().split():
            if attributes.get("href", "").strip():
                self.active.append((tag, attributes["href"].strip()))
        elif tag in ("iframe", "frame", "embed") and src:
            self.active.append((tag, src))
        elif tag == "object" and attributes.get("data", "").strip():
            self.active.append((tag, attributes["data"].strip()))
        elif tag == "meta":
            equiv = attributes.get("http-equiv", "").strip().lower()
            if equiv == "content-security-policy" and attributes.get("content"):
                self.meta_csp.append(attributes["content"])
            if attributes.get("name", "").strip().lower() == "referrer":
                self.meta_referrer.append(attributes.get("content", ""))
        elif tag == "title" and not self.title:
            self._capture = "title"
        elif tag == "h1" and not self._h1_done:
            self._capture = "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag == self._capture:
            if tag == "h1":
                self._h1_done = True
            self._capture = None

    def handle_data(self, data: str) -> None:
        if self._capture == "title":
            self.title += data
        elif self._capture == "h1":
            self.h1 += data


def parse_page(response: Response) -> PageParser:
    parser = PageParser()
    try:
        parser.feed(response.body)
        parser.close()
    except AssertionError:  # html.parser gives up on some malformed markup
        pass
    return parser


Policy = dict[str, list[str]]


def parse_csp(values: Sequence[str]) -> list[Policy]:
    """Each header value may hold several comma-separated policies, all enforced."""
    policies: list[Policy] = []
    for value in values:
        for text in value.split(","):
            policy: Policy = {}
            for directive in text.split(";"):
                tokens = directive.split()
                if tokens:
                    policy.setdefault(tokens[0].lower(), [token.lower() for token in tokens[1:]])
            if policy:
                policies.append(policy)
    return policies


_WILDCARD_SOURCES = frozenset({"*", "http:", "https:", "data:", "blob:", "filesystem:"})
_WILDCARD_HOSTS = frozenset({"http://*", "https://*", "*:*"})
_HASH_OR_NONCE = ("'nonce-", "'sha256-", "'sha384-", "'sha512-")


def script_issues(policy: Policy) -> set[str] | None:
    """What the policy lets scripts do unsafely; None when it does not restrict scripts."""
    if "script-src" in policy:
        tokens = policy["script-src"]
    elif "default-src" in policy:
        tokens = policy["default-src"]
    else:
        return None
    nonce_or_hash = any(token.startswith(_HASH_OR_NONCE) for token in tokens)
    strict_dynamic = "'strict-dynamic'" in tokens and nonce_or_hash
    issues: set[str] = set()
    if "'unsafe-inline'" in tokens and not nonce_or_hash:
        issues.add("'unsafe-inline'")
    if "'unsafe-eval'" in tokens:
        issues.add("'unsafe-eval'")
    if not strict_dynamic and any(
        token in _WILDCARD_SOURCES or token in _WILDCARD_HOSTS for token in tokens
    ):
        issues.add("wildcard source")
    return issues


def combined_script_issues(policies: Sequence[Policy]) -> list[str]:
    """A script must pass every policy, so an issue counts only if no policy prevents it."""
    judged = [script_issues(policy) for policy in policies]
    restricting = [issues for issues in judged if issues is not None]
    if not restricting:
        return ["no script-src or default-src: scripts are not restricted"]
    return sorted(set.intersection(*restricting))


def frames_restricted(policies: Sequence[Policy]) -> bool:
    for policy in policies:
        sources = policy.get("frame-ancestors")
        if sources is not None and not any(
            token in _WILDCARD_SOURCES or token in _WILDCARD_HOSTS for token in sources
        ):
            return True
    return False


REFERRER_POLICIES = frozenset(
    {
        "no-referrer",
        "no-referrer-when-downgrade",
        "same-origin",
        "origin",
        "strict-origin",
        "origin-when-cross-origin",
        "strict-origin-when-cross-origin",
        "unsafe-url",
    }
)
UNSAFE_REFERRER_POLICIES = frozenset(
    {"unsafe-url", "origin", "origin-when-cross-origin", "no-referrer-when-downgrade"}
)
_LEGACY_META_REFERRER = {
    "never": "no-referrer",
    "default": "strict-origin-when-cross-origin",
    "always": "unsafe-url",
    "origin-when-crossorigin": "origin-when-cross-origin",
}


def referrer_policy(header: str | None, meta: Sequence[str]) -> str | None:
    """The policy a browser applies: a <meta> overrides the header; in a comma-separated
    header the last known token wins."""
    policy = None
    for token in (header or "").split(","):
        token = token.strip().lower()
        if token in REFERRER_POLICIES:
            policy = token
    for content in meta:
        token = content.strip().lower()
        token = _LEGACY_META_REFERRER.get(token, token)
        if token in REFERRER_POLICIES:
            policy = token
    return policy


def hsts_max_age(value: str) -> int | None:
    for directive in value.split(";"):
        name, _, argument = directive.partition("=")
        if name.strip().lower() == "max-age":
            argument = argument.strip().strip('"')
            return int(argument) if argument.isdigit() else None
    return None


_VERSION = re.compile(r"(?:^|[\s/(v_-])\d+(?:\.\d+)+")
BANNER_HEADERS = ("Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version")
_DIRECTORY_INDEX = re.compile(r"^\s*(?:index of|directory listing for)\s*/", re.IGNORECASE)
_SESSION_NAME = re.compile(
    r"sess|(?:^|[^a-z])sid(?:$|[^a-z])|auth|token|jwt|login|logged|remember|sso|saml|oidc",
    re.IGNORECASE,
)
_ANTI_CSRF_NAME = re.compile(r"csrf|xsrf", re.IGNORECASE)
_CONTACT_FIELD = re.compile(r"^\s*contact\s*:\s*\S", re.IGNORECASE | re.MULTILINE)


@dataclass
class SetCookie:
    name: str
    value: str
    attributes: dict[str, str] = field(default_factory=dict)
    raw_attributes: str = ""

    @classmethod
    def parse(cls, line: str) -> SetCookie | None:
        pair, _, rest = line.partition(";")
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            return None
        attributes: dict[str, str] = {}
        for item in rest.split(";"):
            key, _, argument = item.partition("=")
            if key.strip():
                attributes[key.strip().lower()] = argument.strip()
        return cls(name.strip(), value.strip(), attributes, rest)

    def redacted(self) -> str:
        """The Set-Cookie line with its value hidden: findings must not store session tokens."""
        value = f"<redacted, {len(self.value)} characters>" if self.value else ""
        return f"{self.name}={value}" + (f";{self.raw_attributes}" if self.raw_attributes else "")

    @property
    def deleted(self) -> bool:
        if "max-age" in self.attributes:
            argument = self.attributes["max-age"]
            return argument.lstrip("-").isdigit() and int(argument) <= 0
        if "expires" in self.attributes:
            try:
                expires = parsedate_to_datetime(self.attributes["expires"])
            except (TypeError, ValueError, IndexError):
                return False
            if expires.tzinfo is None:
                expires = expires.replace(tzinfo=UTC)
            return expires < datetime.now(UTC)
        return False

    @property
    def session_like(self) -> bool:
        name = re.sub(r"^__(?:host|secure)-", "", self.name, flags=re.IGNORECASE)
        return bool(_SESSION_NAME.search(name)) and not _ANTI_CSRF_NAME.search(name)

    def path_for(self, request_url: str) -> str:
        path = self.attributes.get("path", "")
        if path.startswith("/"):
            return path
        request_path = urlsplit(request_url).path or "/"
        if request_path.count("/") <= 1:
            return "/"
        return request_path[: request_path.rindex("/")]


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
                    yield from emit(self._redirect_findings(http_chain))
                for response in http_chain:
                    yield from emit(self._response_findings(response))
            content = https_chain if has_https else http_chain
            assert content is not None
            for response in content:
                yield from emit(self._response_findings(response))
            yield from emit(self._page_findings(content[-1]))

        ctx.check_cancelled()
        endpoint = plan.https if has_https else plan.http
        yield from emit(self._security_txt_findings(client.fetch(endpoint, SECURITY_TXT_PATH)))

    # --- per check group ------------------------------------------------------------------

    def _redirect_findings(self, chain: list[Response]) -> list[Finding]:
        last = chain[-1]
        if last.is_redirect and last.location and last.location.startswith("https://"):
            return []
        hops = [
            {"url": response.url, "status": response.status, "location": response.location}
            for response in chain
        ]
        evidence = {
            "status": last.status,
            "location": last.headers.get("Location", "absent"),
            "responses": hops,
        }
        return [self.finding("http.no_https_redirect", chain[0].url, evidence)]

    def _response_findings(self, response: Response) -> list[Finding]:
        """Cookies and version banners: judged on every response, redirects included."""
        findings: list[Finding] = []
        origin = "{}://{}".format(*urlsplit(response.url)[:2])
        for header in BANNER_HEADERS:
            value = response.headers.get(header)
            if value and _VERSION.search(value):
                findings.append(
                    self.finding(
                        "http.server_banner_version",
                        f"{origin} header {header}",
                        {"header": header, "value": value, "url": response.url},
                    )
                )
        for line in response.headers.getlist("Set-Cookie"):
            cookie = SetCookie.parse(line)
            if cookie is None or cookie.deleted:
                continue
            location = f"{origin}{cookie.path_for(response.url)} cookie {cookie.name}"
            evidence = {"cookie": cookie.name, "set_cookie": cookie.redacted(), "url": response.url}
            attributes = cookie.attributes
            if response.is_https and "secure" not in attributes:
                findings.append(self.finding("http.cookie_missing_secure", location, evidence))
            if cookie.session_like and "httponly" not in attributes:
                findings.append(self.finding("http.cookie_missing_httponly", location, evidence))
            if attributes.get("samesite", "").lower() not in ("strict", "lax", "none"):
                findings.append(self.finding("http.cookie_missing_samesite", location, evidence))
        return findings

    def _page_findings(self, response: Response) -> list[Finding]:
        """Headers and HTML of the page a browser ends up on."""
        findings: list[Finding] = []
        url, headers = response.url, response.headers

        def add(check_id: str, evidence: Mapping[str, Any]) -> None:
            findings.append(self.finding(check_id, url, evidence))

        if response.is_https:
            values = headers.getlist("Strict-Transport-Security")
            max_age = hsts_max_age(values[0]) if values else None
            if max_age is None:
                add(
                    "http.hsts_missing",
                    {
                        "header": "Strict-Transport-Security",
                        "value": values[0] if values else "absent",
                    },
                )
            elif max_age < HSTS_MIN_MAX_AGE:
                add(
                    "http.hsts_short_max_age",
                    {"value": values[0], "max_age": max_age, "minimum": HSTS_MIN_MAX_AGE},
                )

        nosniff = headers.get("X-Content-Type-Options")
        if (nosniff or "").split(",")[0].strip().lower() != "nosniff":
            add(
                "http.xcto_missing",
                {"header": "X-Content-Type-Options", "value": nosniff or "absent"},
            )

        allowed = headers.get("Access-Control-Allow-Origin")
        credentials = headers.get("Access-Control-Allow-Credentials")
        if allowed is not None and (
            allowed.strip() == PROBE_ORIGIN
            or (allowed.strip() == "*" and (credentials or "").strip().lower() == "true")
        ):
            add(
                "http.cors_permissive",
                {
                    "request_origin": PROBE_ORIGIN,
                    "access_control_allow_origin": allowed,
                    "access_control_allow_credentials": credentials or "absent",
                },
            )

        if not response.is_document:
            return findings
        page = parse_page(response)
        header_csp = headers.getlist("Content-Security-Policy")
        header_policies = parse_csp(header_csp)
        policies = header_policies + parse_csp(page.meta_csp)
        if not policies:
            add(
                "http.csp_missing",
                {
                    "header": "Content-Security-Policy",
                    "value": "absent",
                    "report_only": headers.get("Content-Security-Policy-Report-Only", "absent"),
                },
            )
        else:
            issues = combined_script_issues(policies)
            if issues:
                add(
                    "http.csp_unsafe",
                    {"policies": [*header_csp, *page.meta_csp], "issues": issues},
                )

        frame_options = headers.get("X-Frame-Options")
        frame_values = {item.strip().lower() for item in (frame_options or "").split(",")}
        frame_ok = bool(frame_options) and frame_values <= {"deny", "sameorigin"}
        if not frame_ok and not frames_restricted(header_policies):
            add(
                "http.clickjacking_unprotected",
                {
                    "x_frame_options": frame_options or "absent",
                    "csp_frame_ancestors": "absent",
                },
            )

        referrer_header = headers.get("Referrer-Policy")
        policy = referrer_policy(referrer_header, page.meta_referrer)
        if policy is None or policy in UNSAFE_REFERRER_POLICIES:
            add(
                "http.referrer_policy_unsafe",
                {
                    "header": "Referrer-Policy",
                    "value": referrer_header or "absent",
                    "meta": page.meta_referrer,
                    "effective_policy": policy or "absent",
                },
            )

        base = urljoin(url, page.base) if page.base else url
        upgrades = any("upgrade-insecure-requests" in item for item in policies)
        if response.is_https and not upgrades:
            insecure = [
                {"element": tag, "url": urljoin(base, src)}
                for tag, src in page.active
                if urljoin(base, src).lower().startswith("http://")
            ]
            if insecure:
                add("http.mixed_content", {"insecure_resources": insecure})

        page_origin = _origin_key(url)
        unprotected = []
        for src, has_integrity in page.scripts:
            resolved = urljoin(base, src)
            key = _origin_key(resolved)
            if key[0] in DEFAULT_PORTS and key != page_origin and not has_integrity:
                unprotected.append(resolved)
        if unprotected:
            add("http.sri_missing_external_scripts", {"scripts": unprotected})

        heading = page.title.strip() or page.h1.strip()
        if response.status == 200 and (
            _DIRECTORY_INDEX.search(page.title)
            or _DIRECTORY_INDEX.search(page.h1)
            or "[To Parent Directory]" in response.body
        ):
            add("http.directory_listing", {"status": response.status, "title": heading})
        return findings

    def _security_txt_findings(self, chain: list[Response]) -> list[Finding]:
        last = chain[-1]
        if last.status == 200 and _CONTACT_FIELD.search(last.body):
            return []
        if last.status != 200:
            problem = f"status {last.status}"
            if last.is_redirect:
                problem += f" redirecting to {last.location} (not followed)"
        else:
            problem = "no Contact: field"
        evidence = {"status": last.status, "url": last.url, "problem": problem}
        return [self.finding("http.security_txt_missing", chain[0].url, evidence)]


def _try(
    client: HttpClient, endpoint: Endpoint, path: str
) -> tuple[list[Response] | None, FetchError | None]:
    try:
        return client.fetch(endpoint, path), None
    except FetchError as error:
        return None, error
