"""The information-disclosure checks: software versions in headers and directory listings."""

from __future__ import annotations

import re

from cyberorigen.plugin_api import Finding, Scanner
from cyberorigen.plugins.http.page import PageParser
from cyberorigen.plugins.http.response import Response

_VERSION = re.compile(r"(?:^|[\s/(v_-])\d+(?:\.\d+)+")
BANNER_HEADERS = ("Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version")
_DIRECTORY_INDEX = re.compile(r"^\s*(?:index of|directory listing for)\s*/", re.IGNORECASE)


def banner_findings(scanner: Scanner, response: Response) -> list[Finding]:
    """A version number in a header that names the server's software."""
    findings: list[Finding] = []
    for header in BANNER_HEADERS:
        value = response.headers.get(header)
        if value and _VERSION.search(value):
            findings.append(
                scanner.finding(
                    "http.server_banner_version",
                    f"{response.origin} header {header}",
                    {"header": header, "value": value, "url": response.url},
                )
            )
    return findings


def directory_listing_findings(
    scanner: Scanner, response: Response, page: PageParser
) -> list[Finding]:
    """A page that is a web server's generated index of a directory."""
    heading = page.title.strip() or page.h1.strip()
    if response.status == 200 and (
        _DIRECTORY_INDEX.search(page.title)
        or _DIRECTORY_INDEX.search(page.h1)
        or "[To Parent Directory]" in response.body
    ):
        evidence = {"status": response.status, "title": heading}
        return [scanner.finding("http.directory_listing", response.url, evidence)]
    return []
