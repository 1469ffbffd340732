"""The browser-protection header checks: nosniff, CORS, CSP, framing and Referrer-Policy."""

from __future__ import annotations

from collections.abc import Sequence

from cyberorigen.plugin_api import Finding, Scanner
from cyberorigen.plugins.http.csp import combined_script_issues, frames_restricted, parse_csp
from cyberorigen.plugins.http.page import PageParser
from cyberorigen.plugins.http.response import Response

#: The Origin sent with every request, to see whether CORS lets any site read the answer.
PROBE_ORIGIN = "https://evil.example"

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


def nosniff_findings(scanner: Scanner, response: Response) -> list[Finding]:
    nosniff = response.headers.get("X-Content-Type-Options")
    if (nosniff or "").split(",")[0].strip().lower() == "nosniff":
        return []
    evidence = {"header": "X-Content-Type-Options", "value": nosniff or "absent"}
    return [scanner.finding("http.xcto_missing", response.url, evidence)]


def cors_findings(scanner: Scanner, response: Response) -> list[Finding]:
    allowed = response.headers.get("Access-Control-Allow-Origin")
    credentials = response.headers.get("Access-Control-Allow-Credentials")
    if allowed is None or not (
        allowed.strip() == PROBE_ORIGIN
        or (allowed.strip() == "*" and (credentials or "").strip().lower() == "true")
    ):
        return []
    evidence = {
        "request_origin": PROBE_ORIGIN,
        "access_control_allow_origin": allowed,
        "access_control_allow_credentials": credentials or "absent",
    }
    return [scanner.finding("http.cors_permissive", response.url, evidence)]


def csp_findings(scanner: Scanner, response: Response, page: PageParser) -> list[Finding]:
    headers = response.headers
    header_csp = headers.getlist("Content-Security-Policy")
    policies = parse_csp(header_csp) + parse_csp(page.meta_csp)
    if not policies:
        evidence = {
            "header": "Content-Security-Policy",
            "value": "absent",
            "report_only": headers.get("Content-Security-Policy-Report-Only", "absent"),
        }
        return [scanner.finding("http.csp_missing", response.url, evidence)]
    issues = combined_script_issues(policies)
    if not issues:
        return []
    evidence = {"policies": [*header_csp, *page.meta_csp], "issues": issues}
    return [scanner.finding("http.csp_unsafe", response.url, evidence)]


def clickjacking_findings(scanner: Scanner, response: Response) -> list[Finding]:
    """X-Frame-Options or a header CSP frame-ancestors (a <meta> one does not count)."""
    frame_options = response.headers.get("X-Frame-Options")
    frame_values = {item.strip().lower() for item in (frame_options or "").split(",")}
    frame_ok = bool(frame_options) and frame_values <= {"deny", "sameorigin"}
    header_policies = parse_csp(response.headers.getlist("Content-Security-Policy"))
    if frame_ok or frames_restricted(header_policies):
        return []
    evidence = {"x_frame_options": frame_options or "absent", "csp_frame_ancestors": "absent"}
    return [scanner.finding("http.clickjacking_unprotected", response.url, evidence)]


def referrer_policy_findings(
    scanner: Scanner, response: Response, page: PageParser
) -> list[Finding]:
    referrer_header = response.headers.get("Referrer-Policy")
    policy = referrer_policy(referrer_header, page.meta_referrer)
    if policy is not None and policy not in UNSAFE_REFERRER_POLICIES:
        return []
    evidence = {
        "header": "Referrer-Policy",
        "value": referrer_header or "absent",
        "meta": page.meta_referrer,
        "effective_policy": policy or "absent",
    }
    return [scanner.finding("http.referrer_policy_unsafe", response.url, evidence)]
