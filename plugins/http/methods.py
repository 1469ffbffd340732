"""The risky-method checks: TRACE echoing requests, and PUT or DELETE offered by OPTIONS."""

from __future__ import annotations

import secrets

from cyberorigen.plugin_api import Finding, Scanner
from cyberorigen.plugins.http.response import Response

#: The path whose methods are asked about.
METHODS_PATH = "/"
#: Sent with TRACE, with a random value: seeing it in the body proves the request was echoed.
TRACE_HEADER = "X-CyberOrigen-Trace"
RISKY_METHODS = frozenset({"PUT", "DELETE"})


def trace_token() -> str:
    return secrets.token_hex(12)


def trace_findings(scanner: Scanner, response: Response, token: str) -> list[Finding]:
    """A 200 answer to TRACE whose body holds the header that was sent."""
    if response.status != 200 or token not in response.body:
        return []
    evidence = {
        "url": response.url,
        "status": response.status,
        "content_type": response.headers.get("Content-Type", "absent"),
        "echoed_header": f"{TRACE_HEADER}: {token}",
    }
    return [scanner.finding("http.trace_enabled", response.url, evidence)]


def allow_findings(scanner: Scanner, response: Response) -> list[Finding]:
    """PUT or DELETE in the Allow header of the answer to OPTIONS."""
    allow = ", ".join(response.headers.getlist("Allow"))
    offered = {method.strip().upper() for method in allow.split(",") if method.strip()}
    risky = sorted(offered & RISKY_METHODS)
    if not risky:
        return []
    evidence = {"url": response.url, "status": response.status, "allow": allow, "risky": risky}
    return [scanner.finding("http.put_delete_allowed", response.url, evidence)]
