"""The local vulnerability feed: a JSON file of advisories, read and checked as a whole.

Format (``format`` 1)::

    {"format": 1,
     "generated": "2025-01-15",
     "advisories": [
       {"id": "CVE-2024-6387",
        "product": "openssh",
        "aliases": ["OpenSSH"],
        "affected": [{"introduced": "8.5p1", "fixed": "9.8p1"}],
        "severity": "high",
        "cvss": 8.1,
        "cvss_vector": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "summary": "One line in your own words.",
        "references": ["https://..."],
        "distributions": ["debian"]}]}

- ``format`` must be 1; ``generated`` (optional) is free text, shown in the evidence.
- ``id`` (required): the advisory's id, a CVE id or any other; unique per product.
- ``product`` (required) and ``aliases`` (optional): the names a service may announce for
  the product, compared case-insensitively with runs of spaces and ``_`` as one space
  (``OpenSSH``, nmap's ``Apache httpd``...).
- ``affected`` (required, non-empty): version ranges. Each range has ``introduced`` (the
  first affected version, inclusive; ``"0"`` or absent: every release before the end) and
  at most one end: ``fixed`` (the first fixed version, exclusive) or ``last_affected`` (the
  last affected version, inclusive); neither: every release from ``introduced`` on. A
  version is affected when it is in any range. Versions are compared as
  :mod:`cyberorigen.plugins.vulns.versions` normalises them, and each must parse.
- ``severity`` (``critical``, ``high``, ``medium``, ``low``) and ``cvss`` (the CVSS base
  score, 0-10): at least one. The finding's severity is ``severity`` when given, else the
  score's band: 9.0 and above critical, 7.0 high, 4.0 medium, below low. ``cvss_vector``
  (optional) is passed on to the finding.
- ``summary`` (required): one line; ``references`` (optional): URLs.
- ``distributions`` (optional): the advisory concerns only these distributions' packages
  (``debian``, ``ubuntu``, ``rhel``, ...; see ``versions.distribution``), not the upstream
  release: it applies only to a service whose version or banner names one of them.

Other keys of an advisory are ignored; an unknown key in a range is an error (a misspelt
``fixed`` would make the range open-ended).
"""

from __future__ import annotations

import json
import math
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from packaging.version import Version

from cyberorigen.plugin_api import Severity
from cyberorigen.plugins.vulns.versions import parse_version, product_key

FORMAT = 1
#: Largest feed file read, in bytes.
MAX_BYTES = 64 * 1024 * 1024
BUNDLED = "data/example-feed.json"
BUNDLED_NAME = "the bundled example feed (cyberorigen.plugins.vulns/data/example-feed.json)"
SEVERITIES = ("critical", "high", "medium", "low")
_RANGE_KEYS = {"introduced", "fixed", "last_affected"}


class FeedError(ValueError):
    """The feed cannot be used; the message names the file and the problem."""


def severity_of_score(score: float) -> Severity:
    """The CVSS base score's band: 9.0+ critical, 7.0+ high, 4.0+ medium, else low."""
    if score >= 9.0:
        return Severity.CRITICAL
    if score >= 7.0:
        return Severity.HIGH
    if score >= 4.0:
        return Severity.MEDIUM
    return Severity.LOW


@dataclass(frozen=True)
class Range:
    """Affected versions: ``introduced <= v``, and ``v < fixed`` or ``v <= last_affected``."""

    introduced: str = "0"
    fixed: str | None = None
    last_affected: str | None = None

    def contains(self, version: Version) -> bool:
        if self.introduced != "0" and version < _version(self.introduced):
            return False
        if self.fixed is not None:
            return version < _version(self.fixed)
        if self.last_affected is not None:
            return version <= _version(self.last_affected)
        return True

    def text(self) -> str:
        """``>= 8.5p1, < 9.8p1``, ``<= 1.3.6``, ``= 2.3.4``, ``all versions``."""
        if self.last_affected is not None and self.last_affected == self.introduced:
            return f"= {self.introduced}"
        parts = [f">= {self.introduced}"] if self.introduced != "0" else []
        if self.fixed is not None:
            parts.append(f"< {self.fixed}")
        elif self.last_affected is not None:
            parts.append(f"<= {self.last_affected}")
        return ", ".join(parts) or "all versions"


def _version(text: str) -> Version:
    parsed = parse_version(text)
    if parsed is None:  # pragma: no cover - checked when the feed is loaded
        raise FeedError(f"version {text!r} cannot be compared")
    return parsed


@dataclass(frozen=True)
class Advisory:
    id: str
    product: str
    aliases: tuple[str, ...]
    affected: tuple[Range, ...]
    summary: str
    severity: Severity
    cvss: float | None = None
    cvss_vector: str | None = None
    references: tuple[str, ...] = ()
    distributions: tuple[str, ...] = ()
    #: Where ``severity`` comes from: ``"severity"`` (the advisory's own field) or ``"cvss"``.
    severity_from: str = "severity"

    def names(self) -> set[str]:
        return {product_key(name) for name in (self.product, *self.aliases)}

    def matching_range(self, version: Version) -> Range | None:
        """The first range containing ``version``, or None."""
        return next((item for item in self.affected if item.contains(version)), None)


@dataclass(frozen=True)
class Feed:
    name: str
    generated: str
    advisories: tuple[Advisory, ...]
    #: Product name (as compared) to the advisories naming it, in feed order.
    index: Mapping[str, tuple[Advisory, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, name: str, generated: str, advisories: tuple[Advisory, ...]) -> Feed:
        index: dict[str, list[Advisory]] = {}
        for advisory in advisories:
            for key in sorted(advisory.names()):
                index.setdefault(key, []).append(advisory)
        frozen = {key: tuple(items) for key, items in index.items()}
        return cls(name, generated, advisories, frozen)

    def for_product(self, product: str) -> list[Advisory]:
        """The advisories whose product or an alias is ``product`` (case-insensitive)."""
        return list(self.index.get(product_key(product), ()))


# --- reading ----------------------------------------------------------------------------------


#: The operator's folders that feeds are read from (``os.pathsep``-separated).
FEED_DIRS_VARIABLE = "CYBERORIGEN_VULNS_FEED_DIRS"
DEFAULT_FEED_DIRS = ("/var/lib/cyberorigen/feeds", "/etc/cyberorigen/feeds")


def feed_dirs() -> tuple[str, ...]:
    """Where a scan's ``feed`` option may point: the operator's folders, so that whoever may
    create scans cannot make the appliance read (or tell apart) any other file."""
    configured = os.environ.get(FEED_DIRS_VARIABLE, "")
    dirs = [item for item in configured.split(os.pathsep) if item] or list(DEFAULT_FEED_DIRS)
    return tuple(os.path.realpath(item) for item in dirs)


def load_feed(path: str | None = None) -> Feed:
    """The feed in the file ``path`` (absolute, in one of :func:`feed_dirs`), or the bundled
    example feed for None; raises :class:`FeedError` saying what is wrong."""
    if path is None:
        text = files("cyberorigen.plugins.vulns").joinpath(BUNDLED).read_text(encoding="utf-8")
        return parse_feed(text, BUNDLED_NAME)
    name = f"vulnerability feed {path}"
    if not os.path.isabs(path):
        raise FeedError(f"{name}: expected an absolute path")
    resolved = os.path.realpath(path)
    if not any(os.path.commonpath([resolved, folder]) == folder for folder in feed_dirs()):
        raise FeedError(
            f"{name}: feeds are read only from the operator's folders "
            f"({', '.join(feed_dirs())}; environment {FEED_DIRS_VARIABLE})"
        )
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            raise FeedError(f"{name}: not a regular file")
        if status.st_size > MAX_BYTES:
            raise FeedError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise FeedError(f"{name}: no such file") from None
    except PermissionError:
        raise FeedError(f"{name}: permission denied") from None
    except UnicodeDecodeError:
        raise FeedError(f"{name}: not UTF-8 text") from None
    except OSError as exc:
        raise FeedError(f"{name}: cannot be read: {exc.strerror or exc}") from None
    return parse_feed(text, name)


def parse_feed(text: str, name: str = "vulnerability feed") -> Feed:
    """Check the feed's JSON ``text`` and return it; ``name`` prefixes every error."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedError(f"{name}: not valid JSON: {exc}") from None
    if not isinstance(data, Mapping):
        raise FeedError(f"{name}: expected a JSON object with 'format' and 'advisories'")
    if data.get("format") != FORMAT:
        raise FeedError(
            f"{name}: 'format' is {data.get('format')!r}; this scanner reads format {FORMAT}"
        )
    generated = data.get("generated", "")
    if not isinstance(generated, str):
        raise FeedError(f"{name}: 'generated' must be a string")
    items = data.get("advisories")
    if not isinstance(items, list):
        raise FeedError(f"{name}: 'advisories' must be a list")
    advisories: list[Advisory] = []
    seen: set[tuple[str, str]] = set()
    for index, item in enumerate(items):
        advisory = _advisory(item, f"{name}: advisories[{index}]")
        key = (advisory.id, product_key(advisory.product))
        if key in seen:
            raise FeedError(
                f"{name}: advisories[{index}]: {advisory.id} for {advisory.product} is listed twice"
            )
        seen.add(key)
        advisories.append(advisory)
    return Feed.of(name, generated, tuple(advisories))


def _text(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise FeedError(f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _texts(item: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(entry, str) and entry.strip() for entry in value
    ):
        raise FeedError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(entry.strip() for entry in value)


def _advisory(item: Any, where: str) -> Advisory:
    if not isinstance(item, Mapping):
        raise FeedError(f"{where}: expected an object")
    advisory_id = _text(item, "id", where)
    where = f"{where} ({advisory_id})"
    product = _text(item, "product", where)
    affected = item.get("affected")
    if not isinstance(affected, list) or not affected:
        raise FeedError(f"{where}: 'affected' must be a non-empty list of version ranges")
    ranges = tuple(
        _range(entry, f"{where}: affected[{index}]") for index, entry in enumerate(affected)
    )
    severity, cvss, severity_from = _severity(item, where)
    vector = item.get("cvss_vector")
    if vector is not None and (not isinstance(vector, str) or not vector.startswith("CVSS:")):
        raise FeedError(f"{where}: 'cvss_vector' must be a CVSS vector string (CVSS:3.1/...)")
    return Advisory(
        id=advisory_id,
        product=product,
        aliases=_texts(item, "aliases", where),
        affected=ranges,
        summary=_text(item, "summary", where),
        severity=severity,
        cvss=cvss,
        cvss_vector=vector,
        references=_texts(item, "references", where),
        distributions=tuple(name.lower() for name in _texts(item, "distributions", where)),
        severity_from=severity_from,
    )


def _severity(item: Mapping[str, Any], where: str) -> tuple[Severity, float | None, str]:
    cvss = item.get("cvss")
    if cvss is not None:
        if isinstance(cvss, bool) or not isinstance(cvss, int | float) or not math.isfinite(cvss):
            raise FeedError(f"{where}: 'cvss' must be a number from 0 to 10")
        if not 0 <= cvss <= 10:
            raise FeedError(f"{where}: 'cvss' must be a number from 0 to 10")
        cvss = float(cvss)
    severity = item.get("severity")
    if severity is None:
        if cvss is None:
            raise FeedError(f"{where}: give 'severity' or 'cvss' (or both)")
        return severity_of_score(cvss), cvss, "cvss"
    if not isinstance(severity, str) or severity.lower() not in SEVERITIES:
        raise FeedError(f"{where}: 'severity' must be one of {', '.join(SEVERITIES)}")
    return Severity(severity.lower()), cvss, "severity"


def _range(entry: Any, where: str) -> Range:
    if not isinstance(entry, Mapping):
        raise FeedError(f"{where}: expected an object with 'introduced' and 'fixed'")
    unknown = set(entry) - _RANGE_KEYS
    if unknown:
        raise FeedError(
            f"{where}: unknown key {', '.join(sorted(map(repr, unknown)))} "
            f"(a range has {', '.join(sorted(_RANGE_KEYS))})"
        )
    if "fixed" in entry and "last_affected" in entry:
        raise FeedError(f"{where}: give 'fixed' or 'last_affected', not both")
    values: dict[str, str] = {}
    for key in _RANGE_KEYS & set(entry):
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            raise FeedError(f"{where}: {key!r} must be a version string")
        value = value.strip()
        if not (key == "introduced" and value == "0") and parse_version(value) is None:
            raise FeedError(f"{where}: {key} {value!r} is not a version that can be compared")
        values[key] = value
    result = Range(
        introduced=values.get("introduced", "0"),
        fixed=values.get("fixed"),
        last_affected=values.get("last_affected"),
    )
    end = result.fixed or result.last_affected
    if result.introduced != "0" and end is not None:
        start, stop = _version(result.introduced), _version(end)
        if stop < start or (result.fixed is not None and stop == start):
            raise FeedError(f"{where}: the range {result.text()} contains no version")
    return result
