"""The HTTPS enforcement checks: the plaintext-to-HTTPS redirect and HSTS."""

from __future__ import annotations

from cyberorigen.plugin_api import Finding, Scanner
from cyberorigen.plugins.http.checks import HSTS_MIN_MAX_AGE
from cyberorigen.plugins.http.response import Response


def hsts_max_age(value: str) -> int | None:
    for directive in value.split(";"):
        name, _, argument = directive.partition("=")
        if name.strip().lower() == "max-age":
            argument = argument.strip().strip('"')
            return int(argument) if argument.isdigit() else None
    return None


def hsts_findings(scanner: Scanner, response: Response) -> list[Finding]:
    """Strict-Transport-Security of an HTTPS response (over plaintext it means nothing)."""
    if not response.is_https:
        return []
    values = response.headers.getlist("Strict-Transport-Security")
    max_age = hsts_max_age(values[0]) if values else None
    if max_age is None:
        evidence = {
            "header": "Strict-Transport-Security",
            "value": values[0] if values else "absent",
        }
        return [scanner.finding("http.hsts_missing", response.url, evidence)]
    if max_age < HSTS_MIN_MAX_AGE:
        evidence = {"value": values[0], "max_age": max_age, "minimum": HSTS_MIN_MAX_AGE}
        return [scanner.finding("http.hsts_short_max_age", response.url, evidence)]
    return []


def redirect_findings(scanner: Scanner, chain: list[Response]) -> list[Finding]:
    """Whether the plaintext answers of one path end in a redirect to HTTPS."""
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
    return [scanner.finding("http.no_https_redirect", chain[0].url, evidence)]
