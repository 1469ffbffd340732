"""Set-Cookie parsing and the cookie attribute checks (Secure, HttpOnly, SameSite)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from cyberorigen.plugin_api import Finding, Scanner
from cyberorigen.plugins.http.response import Response

_SESSION_NAME = re.compile(
    r"sess|(?:^|[^a-z])sid(?:$|[^a-z])|auth|token|jwt|login|logged|remember|sso|saml|oidc",
    re.IGNORECASE,
)
_ANTI_CSRF_NAME = re.compile(r"csrf|xsrf", re.IGNORECASE)


@dataclass
class SetCookie:
    name: str
    value: str
    attributes: dict[str, str] = field(default_factory=dict)
    raw_attributes: str = ""

    @classmethod
    def parse(cls, line: str) -> SetCookie | None:
        pair, _, rest = line.partition(";")
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            return None
        attributes: dict[str, str] = {}
        for item in rest.split(";"):
            key, _, argument = item.partition("=")
            if key.strip():
                attributes[key.strip().lower()] = argument.strip()
        return cls(name.strip(), value.strip(), attributes, rest)

    def redacted(self) -> str:
        """The Set-Cookie line with its value hidden: findings must not store session tokens."""
        value = f"<redacted, {len(self.value)} characters>" if self.value else ""
        return f"{self.name}={value}" + (f";{self.raw_attributes}" if self.raw_attributes else "")

    @property
    def deleted(self) -> bool:
        if "max-age" in self.attributes:
            argument = self.attributes["max-age"]
            return argument.lstrip("-").isdigit() and int(argument) <= 0
        if "expires" in self.attributes:
            try:
                expires = parsedate_to_datetime(self.attributes["expires"])
            except (TypeError, ValueError, IndexError):
                return False
            if expires.tzinfo is None:
                expires = expires.replace(tzinfo=UTC)
            return expires < datetime.now(UTC)
        return False

    @property
    def session_like(self) -> bool:
        name = re.sub(r"^__(?:host|secure)-", "", self.name, flags=re.IGNORECASE)
        return bool(_SESSION_NAME.search(name)) and not _ANTI_CSRF_NAME.search(name)

    def path_for(self, request_url: str) -> str:
        path = self.attributes.get("path", "")
        if path.startswith("/"):
            return path
        request_path = urlsplit(request_url).path or "/"
        if request_path.count("/") <= 1:
            return "/"
        return request_path[: request_path.rindex("/")]


def cookie_findings(scanner: Scanner, response: Response) -> list[Finding]:
    """The attributes of every cookie the response sets (deleted cookies are skipped)."""
    findings: list[Finding] = []
    for line in response.headers.getlist("Set-Cookie"):
        cookie = SetCookie.parse(line)
        if cookie is None or cookie.deleted:
            continue
        location = f"{response.origin}{cookie.path_for(response.url)} cookie {cookie.name}"
        evidence = {"cookie": cookie.name, "set_cookie": cookie.redacted(), "url": response.url}
        attributes = cookie.attributes
        if response.is_https and "secure" not in attributes:
            findings.append(scanner.finding("http.cookie_missing_secure", location, evidence))
        if cookie.session_like and "httponly" not in attributes:
            findings.append(scanner.finding("http.cookie_missing_httponly", location, evidence))
        if attributes.get("samesite", "").lower() not in ("strict", "lax", "none"):
            findings.append(scanner.finding("http.cookie_missing_samesite", location, evidence))
    return findings
