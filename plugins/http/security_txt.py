"""The security.txt check: a /.well-known/security.txt with a Contact: field."""

from __future__ import annotations

import re

from cyberorigen.plugin_api import Finding, Scanner
from cyberorigen.plugins.http.response import Response

SECURITY_TXT_PATH = "/.well-known/security.txt"
_CONTACT_FIELD = re.compile(r"^\s*contact\s*:\s*\S", re.IGNORECASE | re.MULTILINE)


def security_txt_findings(scanner: Scanner, chain: list[Response]) -> list[Finding]:
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
    return [scanner.finding("http.security_txt_missing", chain[0].url, evidence)]
