"""The same-origin crawl: pages linked from the pages already fetched, breadth first."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from urllib.parse import SplitResult, quote, urljoin, urlsplit

from cyberorigen.plugin_api import ScanContext
from cyberorigen.plugins.http.page import base_url, parse_page
from cyberorigen.plugins.http.response import Response, origin_key

MAX_CRAWL_DEPTH = 3
MAX_CRAWL_PAGES = 200
#: Seconds kept free beyond a request's own timeout, so that the crawl never overruns the
#: scanner's deadline.
DEADLINE_MARGIN = 1.0
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"
_MAX_PATH = 2048

#: GET a path with its same-origin redirects; None when it failed.
Fetch = Callable[[str], list[Response] | None]


def time_for_request(ctx: ScanContext, per_request: float) -> bool:
    """Whether one more request, waiting its full timeout, ends before the deadline."""
    return ctx.seconds_left() > per_request + DEADLINE_MARGIN


def _request_path(parts: SplitResult) -> str:
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    return path + (f"?{quote(parts.query, safe=_QUERY_SAFE)}" if parts.query else "")


def link_paths(response: Response) -> list[str]:
    """The paths (with query) of the page's <a href> links to its own origin, in page order."""
    if not response.is_document:
        return []
    page = parse_page(response)
    base = base_url(response, page)
    own = origin_key(response.url)
    paths: list[str] = []
    for href in page.links:
        try:
            url = urljoin(base, href)
            parts = urlsplit(url)
            same_origin = parts.scheme.lower() in ("http", "https") and origin_key(url) == own
        except ValueError:  # a malformed URL (an unclosed IPv6 bracket...)
            continue
        path = _request_path(parts)
        if same_origin and len(path) <= _MAX_PATH and path not in paths:
            paths.append(path)
    return paths


def crawl(
    ctx: ScanContext,
    fetch: Fetch,
    seeds: Sequence[list[Response]],
    depth: int,
    max_pages: int,
    per_request: float,
) -> Iterator[list[Response]]:
    """Fetch the same-origin pages linked from the last response of each chain of ``seeds``,
    down to ``depth`` links away and at most ``max_pages`` of them; yield each chain."""
    seen = {_request_path(urlsplit(hop.url)) for chain in seeds for hop in chain}
    frontier = [chain[-1] for chain in seeds]
    fetched = 0
    for _level in range(depth):
        next_frontier: list[Response] = []
        for page in frontier:
            for path in link_paths(page):
                if path in seen:
                    continue
                seen.add(path)
                if fetched >= max_pages:
                    ctx.observed(f"crawl stopped after {fetched} pages (crawl_max_pages)")
                    return
                if not time_for_request(ctx, per_request):
                    ctx.observed(f"crawl stopped after {fetched} pages: the deadline is near")
                    return
                ctx.check_cancelled()
                chain = fetch(path)
                fetched += 1
                if chain is None:
                    ctx.observed(f"crawl stopped: GET {path} failed")
                    return
                ctx.observed(f"GET {chain[0].url} answered {chain[0].status}")
                seen.update(_request_path(urlsplit(hop.url)) for hop in chain)
                next_frontier.append(chain[-1])
                yield chain
        frontier = next_frontier
