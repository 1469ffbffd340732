"""One HTTP response as the checks see it, and the URL helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass
class Response:
    url: str
    status: int
    headers: urllib3.HTTPHeaderDict
    body: str
    #: The body's bytes as received (up to the read limit), for checks of binary content.
    data: bytes = field(default=b"", repr=False)

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

    @property
    def origin(self) -> str:
        """``scheme://netloc`` of the response's URL, as written in it."""
        return "{}://{}".format(*urlsplit(self.url)[:2])


def origin_key(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or DEFAULT_PORTS.get(scheme)
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port
