"""The ``robots`` scanner: what a site's ``/robots.txt`` gives away.

It makes one GET request. ``Disallow`` lines are public: anyone can read them, and a line such
as ``Disallow: /backup/`` points straight at what the site owner wanted to keep out of sight.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import marshmallow as ma
from cyberorigen.plugin_api import Check, Finding, ScanContext, Scanner, Severity

try:
    import ssl
except ImportError:  # Python built without OpenSSL: http only (the plugin reports it)
    ssl = None

#: Read at most this much of the file (the size Google's crawler reads, too).
MAX_BYTES = 500 * 1024
USER_AGENT = "CyberOrigen-robots/0.1 (example plugin)"

#: Path segments that suggest something not meant for the public. A keyword must stand
#: between separators, digits allowed after it (``/admin/``, ``/site-backup2024.zip``,
#: ``/.git``), not inside a word (``/badminton`` does not match).
SENSITIVE = re.compile(
    r"""(?:^|[/_.\-])(?P<keyword>
        admin\w*|administrator|phpmyadmin|manager|management|console|
        backups?|bak|old|dump|archive|
        private|secrets?|internal|confidential|hidden|
        \.git|\.svn|\.hg|\.env|\.htaccess|\.htpasswd|\.ds_store|
        config|configuration|conf|settings|
        db|database|sql|
        logs?|tmp|temp|
        staging|dev|debug|test|
        install|setup|cgi-bin
    )(?=\d*(?:$|[/_.\-?*$]))""",
    re.IGNORECASE | re.VERBOSE,
)

_LOCATION = "the robots.txt URL requested, e.g. 'http://host:80/robots.txt'"

DISALLOWED_PATHS_DISCLOSED = Check(
    id="robots.disallowed_paths_disclosed",
    title="robots.txt names sensitive-looking paths",
    severity=Severity.INFO,
    description=(
        "Fetches /robots.txt and reads its Disallow lines. Fires when one or more of them "
        "names a path that looks sensitive (admin, backup, private, .git, config, logs and "
        "similar path segments). The evidence lists each such line with its number and the "
        "keyword that matched."
    ),
    remediation=(
        "robots.txt is public and only a request to well-behaved crawlers: it hides nothing. "
        "Protect the listed paths with authentication or remove them from the public server, "
        "then drop them from robots.txt. To keep pages out of search results, use "
        "'X-Robots-Tag: noindex' or authentication instead of naming them here."
    ),
    references=(
        "https://www.rfc-editor.org/rfc/rfc9309",
        "https://owasp.org/www-project-web-security-testing-guide/latest/"
        "4-Web_Application_Security_Testing/01-Information_Gathering/"
        "03-Review_Webserver_Metafiles_for_Information_Leakage",
    ),
    fingerprint=(
        f"check id, target host, location ({_LOCATION}); the entries listed may change "
        "from scan to scan without making it a new finding"
    ),
    # A built-in common control: what this check sees is part of a hardened web baseline.
    controls=("ctrl_secure_web_configuration",),
)

MISSING = Check(
    id="robots.missing",
    title="No robots.txt",
    severity=Severity.INFO,
    description=(
        "Fires when /robots.txt answers 404 or 410, or answers 200 with an HTML page (a "
        "'soft 404'). Crawlers then treat every path as allowed."
    ),
    remediation=(
        "Nothing is wrong in itself. Add a robots.txt if you want to steer crawlers, but do "
        "not list in it anything you want to keep private."
    ),
    references=("https://www.rfc-editor.org/rfc/rfc9309#section-2.3.1.3",),
    fingerprint=f"check id, target host, location ({_LOCATION})",
)


class RobotsOptions(ma.Schema):
    """Options of the ``robots`` scanner (``{"robots": {...}}`` in a scan's options).

    ``port`` and ``scheme`` apply to hostname and IP targets; a URL target's own scheme and
    port are used as they are. ``port`` defaults to 80, or to 443 when ``scheme`` is https.
    """

    port = ma.fields.Integer(load_default=80, validate=ma.validate.Range(min=1, max=65535))
    scheme = ma.fields.String(load_default="http", validate=ma.validate.OneOf(["http", "https"]))
    timeout = ma.fields.Float(
        load_default=10.0,
        validate=ma.validate.Range(min=0, min_inclusive=False, max=300),
        metadata={"description": "Seconds to wait for the server (capped by the deadline)."},
    )
    verify_tls = ma.fields.Boolean(
        load_default=True,
        metadata={"description": "Verify the certificate of an https server."},
    )

    @ma.pre_load
    def _https_port(self, data: Any, **_: Any) -> Any:
        if isinstance(data, Mapping) and "port" not in data and data.get("scheme") == "https":
            return {**data, "port": 443}
        return data


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects on the target's own host only (http -> https is fine); a redirect
    elsewhere is not followed, so the scan never leaves its target."""

    max_redirections = 5

    def __init__(self, host: str) -> None:
        super().__init__()
        self.host = host.lower()

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if (urlsplit(newurl).hostname or "").lower() != self.host:
            return None  # urllib then raises HTTPError with the 3xx status
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def robots_url(ctx: ScanContext, options: Mapping[str, Any]) -> str:
    """Where the target's robots.txt is: always the root of the origin, port written out."""
    target = ctx.target
    if target.kind == "url":
        scheme = target.scheme or "http"
        port = target.port or (443 if scheme == "https" else 80)
    else:
        scheme, port = options["scheme"], options["port"]
    host = f"[{target.host}]" if ":" in target.host else target.host
    return f"{scheme}://{host}:{port}/robots.txt"


def fetch(url: str, timeout: float, verify_tls: bool) -> Answer:
    """GET ``url``. An HTTP error status is an answer; no answer at all raises."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"{url}: only http and https are fetched")
    handlers: list[urllib.request.BaseHandler] = [_SameHostRedirects(urlsplit(url).hostname or "")]
    if ssl is not None:
        context = ssl.create_default_context()
        if not verify_tls:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        handlers.append(urllib.request.HTTPSHandler(context=context))
    elif url.startswith("https:"):
        raise ConnectionError(f"cannot fetch {url}: this Python has no ssl module")
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            return Answer(
                response.status, response.headers.get_content_type(), response.read(MAX_BYTES)
            )
    except urllib.error.HTTPError as exc:
        with exc:
            return Answer(exc.code, exc.headers.get_content_type() if exc.headers else "", b"")
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise TimeoutError(f"{url}: no answer within {timeout:g} s") from exc
        if ssl is not None and isinstance(reason, ssl.SSLCertVerificationError):
            raise ConnectionError(
                f"{url}: TLS certificate not verified ({reason.verify_message}); "
                "set the robots option verify_tls to false to scan it anyway"
            ) from exc
        raise ConnectionError(f"cannot fetch {url}: {reason}") from exc
    except TimeoutError as exc:  # connected, then the server went quiet
        raise TimeoutError(f"{url}: no answer within {timeout:g} s") from exc


def looks_like_html(answer: Answer) -> bool:
    start = answer.body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html"))


def sensitive_disallows(text: str) -> list[dict[str, Any]]:
    """The Disallow entries of ``text`` that look sensitive, each once, in file order."""
    entries: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        field, sep, value = line.partition(":")
        if not sep or field.strip().lower() != "disallow":
            continue
        path = value.strip()
        match = SENSITIVE.search(path)
        if path and match and path not in seen:
            seen.add(path)
            entries.append({"line": number, "path": path, "matched": match["keyword"].lower()})
    return entries


class RobotsScanner(Scanner):
    name = "robots"
    title = "robots.txt disclosure"
    version = "0.1.0"
    target_kinds = ("hostname", "ip", "url")
    checks = (DISALLOWED_PATHS_DISCLOSED, MISSING)
    options_schema = RobotsOptions
    timeout = 60.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        # Loaded again here: the options the core hands over are complete only when the scan
        # named this scanner in its options (the schema is idempotent on its own output).
        options = RobotsOptions().load(dict(ctx.options))
        url = robots_url(ctx, options)
        ctx.check_cancelled()
        timeout = min(options["timeout"], ctx.seconds_left())
        if timeout <= 0:
            raise TimeoutError(f"no time left to fetch {url}")
        ctx.progress(10, f"GET {url}")
        answer = fetch(url, timeout, options["verify_tls"])
        ctx.check_cancelled()
        ctx.progress(80, "reading robots.txt")
        evidence: dict[str, Any] = {"url": url, "status": answer.status}
        if answer.status in (404, 410):
            yield self.finding(MISSING.id, url, evidence)
        elif answer.status == 200 and looks_like_html(answer):
            evidence["note"] = "answered with an HTML page (a soft 404)"
            yield self.finding(MISSING.id, url, evidence)
        elif answer.status == 200:
            entries = sensitive_disallows(answer.body.decode("utf-8", errors="replace"))
            if entries:
                evidence["entries"] = entries
                if len(answer.body) >= MAX_BYTES:
                    evidence["truncated_at_bytes"] = MAX_BYTES
                yield self.finding(DISALLOWED_PATHS_DISCLOSED.id, url, evidence)
        elif answer.status >= 500:
            raise ConnectionError(f"{url} answered {answer.status}: robots.txt not checked")
        ctx.observed(f"GET {url} answered {answer.status}")  # what the checks were judged on
        # Any other status (401, 403, a redirect off the host): there is nothing to read, so
        # nothing is disclosed and nothing is missing.
        ctx.progress(100, "done")
