"""The checks of what a page loads: mixed content and Subresource Integrity."""

from __future__ import annotations

from urllib.parse import urljoin

from cyberorigen.plugin_api import Finding, Scanner
from cyberorigen.plugins.http.csp import parse_csp
from cyberorigen.plugins.http.page import PageParser, base_url
from cyberorigen.plugins.http.response import DEFAULT_PORTS, Response, origin_key


def mixed_content_findings(scanner: Scanner, response: Response, page: PageParser) -> list[Finding]:
    """Active resources over http:// on an HTTPS page, unless a CSP upgrades them."""
    header_csp = response.headers.getlist("Content-Security-Policy")
    policies = parse_csp(header_csp) + parse_csp(page.meta_csp)
    upgrades = any("upgrade-insecure-requests" in item for item in policies)
    if not response.is_https or upgrades:
        return []
    base = base_url(response, page)
    insecure = [
        {"element": tag, "url": urljoin(base, src)}
        for tag, src in page.active
        if urljoin(base, src).lower().startswith("http://")
    ]
    if not insecure:
        return []
    return [scanner.finding("http.mixed_content", response.url, {"insecure_resources": insecure})]


def sri_findings(scanner: Scanner, response: Response, page: PageParser) -> list[Finding]:
    """Scripts from other origins loaded without an integrity attribute."""
    base = base_url(response, page)
    page_origin = origin_key(response.url)
    unprotected = []
    for src, has_integrity in page.scripts:
        resolved = urljoin(base, src)
        key = origin_key(resolved)
        if key[0] in DEFAULT_PORTS and key != page_origin and not has_integrity:
            unprotected.append(resolved)
    if not unprotected:
        return []
    return [
        scanner.finding("http.sri_missing_external_scripts", response.url, {"scripts": unprotected})
    ]
