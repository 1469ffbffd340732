"""Content-Security-Policy parsing and judgement: script sources and frame-ancestors."""

from __future__ import annotations

from collections.abc import Sequence

Policy = dict[str, list[str]]


def parse_csp(values: Sequence[str]) -> list[Policy]:
    """Each header value may hold several comma-separated policies, all enforced."""
    policies: list[Policy] = []
    for value in values:
        for text in value.split(","):
            policy: Policy = {}
            for directive in text.split(";"):
                tokens = directive.split()
                if tokens:
                    policy.setdefault(tokens[0].lower(), [token.lower() for token in tokens[1:]])
            if policy:
                policies.append(policy)
    return policies


_WILDCARD_SOURCES = frozenset({"*", "http:", "https:", "data:", "blob:", "filesystem:"})
_WILDCARD_HOSTS = frozenset({"http://*", "https://*", "*:*"})
_HASH_OR_NONCE = ("'nonce-", "'sha256-", "'sha384-", "'sha512-")


def script_issues(policy: Policy) -> set[str] | None:
    """What the policy lets scripts do unsafely; None when it does not restrict scripts."""
    if "script-src" in policy:
        tokens = policy["script-src"]
    elif "default-src" in policy:
        tokens = policy["default-src"]
    else:
        return None
    nonce_or_hash = any(token.startswith(_HASH_OR_NONCE) for token in tokens)
    strict_dynamic = "'strict-dynamic'" in tokens and nonce_or_hash
    issues: set[str] = set()
    if "'unsafe-inline'" in tokens and not nonce_or_hash:
        issues.add("'unsafe-inline'")
    if "'unsafe-eval'" in tokens:
        issues.add("'unsafe-eval'")
    if not strict_dynamic and any(
        token in _WILDCARD_SOURCES or token in _WILDCARD_HOSTS for token in tokens
    ):
        issues.add("wildcard source")
    return issues


def combined_script_issues(policies: Sequence[Policy]) -> list[str]:
    """A script must pass every policy, so an issue counts only if no policy prevents it."""
    judged = [script_issues(policy) for policy in policies]
    restricting = [issues for issues in judged if issues is not None]
    if not restricting:
        return ["no script-src or default-src: scripts are not restricted"]
    return sorted(set.intersection(*restricting))


def frames_restricted(policies: Sequence[Policy]) -> bool:
    for policy in policies:
        sources = policy.get("frame-ancestors")
        if sources is not None and not any(
            token in _WILDCARD_SOURCES or token in _WILDCARD_HOSTS for token in sources
        ):
            return True
    return False
