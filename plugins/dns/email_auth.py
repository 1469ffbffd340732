"""SPF and DMARC record analysis: parsing, the SPF lookup count and the DMARC policy."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import dns.exception

from cyberorigen.plugins.dns.checks import SPF_LOOKUP_LIMIT
from cyberorigen.plugins.dns.client import DnsClient, txt_strings

#: SPF terms that cost a DNS lookup (RFC 7208 section 4.6.4).
SPF_LOOKUP_TERMS = frozenset({"include", "a", "mx", "ptr", "exists", "redirect"})
#: At most this many SPF records are fetched while following include:/redirect=.
SPF_MAX_FETCHES = 30


def is_spf(record: str) -> bool:
    lowered = record.lower()
    return lowered == "v=spf1" or lowered.startswith("v=spf1 ")


@dataclass
class SpfWalk:
    lookups: int = 0
    fetched: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    chain: dict[str, str] = field(default_factory=dict)


def _spf_terms(record: str) -> list[tuple[str, str, str]]:
    """(qualifier, name, argument) of each term after 'v=spf1'; modifiers keep their '='."""
    terms = []
    for raw in record.split()[1:]:
        qualifier = raw[0] if raw[0] in "+-~?" else "+"
        body = raw[1:] if raw[0] in "+-~?" else raw
        match = re.match(r"^([a-z0-9_.-]+)(=|:|/)?(.*)$", body, re.IGNORECASE)
        if not match:
            continue
        name, sep, rest = match.group(1).lower(), match.group(2) or "", match.group(3)
        if sep == "=":
            terms.append(("", name + "=", rest))
        else:
            terms.append((qualifier, name, rest if sep == ":" else ""))
    return terms


def walk_spf(client: DnsClient, domain: str, record: str, walk: SpfWalk, depth: int = 0) -> None:
    """Count DNS-querying terms of ``record`` and of what it includes/redirects to."""
    walk.chain[domain] = record
    terms = _spf_terms(record)
    has_all = any(name == "all" for _, name, _ in terms)
    follow: list[str] = []
    for _, name, argument in terms:
        key = name.rstrip("=")
        if key not in SPF_LOOKUP_TERMS or (key == "redirect" and has_all):
            continue
        walk.lookups += 1
        if key in ("include", "redirect") and argument:
            follow.append(argument)
    for target in follow:
        if walk.lookups > SPF_LOOKUP_LIMIT or depth >= 10:
            return
        if "%" in target:
            walk.problems.append(f"{target}: macro not expanded, not followed")
            continue
        target = target.rstrip(".").lower()
        if target in walk.chain or len(walk.fetched) >= SPF_MAX_FETCHES:
            continue
        walk.fetched.append(target)
        try:
            result = client.lookup(target, "TXT")
        except dns.exception.DNSException:
            walk.problems.append(f"{target}: not a domain name")
            continue
        records = [text for text in txt_strings(result) if is_spf(text)]
        if len(records) != 1:
            walk.problems.append(f"{target}: {len(records)} SPF records ({result.status})")
            continue
        walk_spf(client, target, records[0], walk, depth + 1)


def spf_all(record: str) -> str | None:
    """The qualifier of the record's 'all' term ('+', '-', '~', '?'), or None."""
    for qualifier, name, _ in _spf_terms(record):
        if name == "all":
            return qualifier
    return None


def effective_all(walk: SpfWalk, domain: str, depth: int = 0) -> str | None:
    """The 'all' qualifier that ends the evaluation of ``domain``'s record, following
    redirect= (whose target's record replaces the rest of the evaluation)."""
    record = walk.chain.get(domain)
    if record is None or depth > 10:
        return None
    qualifier = spf_all(record)
    if qualifier is not None:
        return qualifier
    for _, name, argument in _spf_terms(record):
        if name == "redirect=":
            return effective_all(walk, argument.rstrip(".").lower(), depth + 1)
    return None


def dmarc_tags(record: str) -> dict[str, str]:
    tags = {}
    for part in record.split(";"):
        key, sep, value = part.partition("=")
        if sep:
            tags[key.strip().lower()] = value.strip()
    return tags


def is_dmarc(record: str) -> bool:
    return re.match(r"^v\s*=\s*DMARC1\s*(;|$)", record, re.IGNORECASE) is not None


def dmarc_problems(tags: Mapping[str, str], domain: str, own: bool) -> list[str]:
    """Why a DMARC record with these tags does not protect ``domain``'s mail; ``own`` is
    False when the record is a parent domain's (its ``sp=`` then applies to ``domain``)."""
    problems = []
    policy = tags.get("p", "").lower() if own else (tags.get("sp") or tags.get("p", ""))
    policy = policy.lower()
    if policy in ("", "none"):
        problems.append(f"policy for {domain} is '{policy or 'missing'}' (no action)")
    if tags.get("sp", "").lower() == "none" and own:
        problems.append("sp=none: subdomains are not protected")
    pct = tags.get("pct", "100")
    try:
        if int(pct) < 100:
            problems.append(f"pct={pct}: the policy applies to part of the mail only")
    except ValueError:
        problems.append(f"pct={pct!r} is not a number")
    return problems
