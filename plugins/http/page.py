"""What the HTML of a page says: its resources, links, meta policies, title and first heading."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

from cyberorigen.plugins.http.response import Response


class PageParser(HTMLParser):
    """Collects what the HTML checks need: resource URLs, link targets (<a href>), meta
    policies, title and first h1."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.scripts: list[tuple[str, bool]] = []
        self.active: list[tuple[str, str]] = []
        self.links: list[str] = []
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
        elif tag == "a" and attributes.get("href", "").strip():
            self.links.append(attributes["href"].strip())
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


def base_url(response: Response, page: PageParser) -> str:
    """The URL the page's relative links resolve against (its <base href>, else its own)."""
    return urljoin(response.url, page.base) if page.base else response.url
