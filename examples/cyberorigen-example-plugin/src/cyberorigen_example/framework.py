"""The ``example-baseline`` framework, read from a JSON file shipped inside this package.

The file is checked when it is loaded: a mistake in it (a duplicate requirement id, a mapping
to a requirement that does not exist) raises ValueError naming the file and the problem. The
registry then records the plugin as ``failed`` with that message, instead of serving a
framework with holes in it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib.resources import files
from typing import Any

from cyberorigen.plugin_api import Framework, Requirement

DATA_FILE = "data/example_baseline.json"
_TEXT_FIELDS = ("id", "version", "title", "publisher", "licence_note")


def read_packaged(name: str = DATA_FILE) -> tuple[Any, str]:
    """The parsed JSON of a data file of this package, and a name for it in messages."""
    source = f"cyberorigen_example/{name}"
    resource = files("cyberorigen_example").joinpath(name)
    try:
        return json.loads(resource.read_text(encoding="utf-8")), source
    except json.JSONDecodeError as exc:
        raise ValueError(f"{source}: not valid JSON: {exc}") from None


def _requirement(item: Any, where: str, seen: set[str], source: str) -> Requirement:
    if not isinstance(item, Mapping):
        raise ValueError(f"{source}: {where} is not an object")
    ident, title = item.get("id"), item.get("title")
    if not isinstance(ident, str) or not ident.strip():
        raise ValueError(f"{source}: {where} has no id")
    if not isinstance(title, str) or not title.strip():
        raise ValueError(f"{source}: requirement {ident!r} has no title")
    if ident in seen:
        raise ValueError(f"{source}: requirement id {ident!r} appears more than once")
    seen.add(ident)
    children = item.get("children", [])
    if not isinstance(children, list):
        raise ValueError(f"{source}: the children of requirement {ident!r} are not a list")
    return Requirement(
        id=ident,
        title=title,
        children=tuple(
            _requirement(child, f"child {index} of {ident!r}", seen, source)
            for index, child in enumerate(children)
        ),
    )


def parse_framework(data: Any, source: str) -> dict[str, Any]:
    """Check the framework data and return it as the attributes of a :class:`Framework`
    (``requirements`` as :class:`Requirement` objects); ValueError says what is wrong."""
    if not isinstance(data, Mapping):
        raise ValueError(f"{source}: the top level is not an object")
    parsed: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{source}: {name!r} is missing or empty")
        parsed[name] = value
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise ValueError(f"{source}: 'aliases' must be a list of names")
    parsed["aliases"] = tuple(aliases)
    items = data.get("requirements")
    if not isinstance(items, list) or not items:
        raise ValueError(f"{source}: 'requirements' must be a non-empty list")
    seen: set[str] = set()
    parsed["requirements"] = tuple(
        _requirement(item, f"requirement {index}", seen, source) for index, item in enumerate(items)
    )
    mappings = data.get("mappings", {})
    if not isinstance(mappings, Mapping):
        raise ValueError(f"{source}: 'mappings' must map control ids to requirement ids")
    parsed["mappings"] = {}
    for control, targets in mappings.items():
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise ValueError(f"{source}: mapping {control!r} must be a list of requirement ids")
        unknown = [target for target in targets if target not in seen]
        if unknown:
            raise ValueError(
                f"{source}: mapping {control!r} points to requirement {unknown[0]!r}, "
                "which the framework does not define"
            )
        parsed["mappings"][control] = tuple(targets)
    return parsed


class ExampleBaseline(Framework):
    """A framework whose catalogue comes from data (by default the file in this package)."""

    def __init__(self, data: Any | None = None, source: str = "<data>") -> None:
        if data is None:
            data, source = read_packaged()
        parsed = parse_framework(data, source)
        self.id = parsed["id"]
        self.version = parsed["version"]
        self.title = parsed["title"]
        self.publisher = parsed["publisher"]
        self.licence_note = parsed["licence_note"]
        self.aliases = parsed["aliases"]
        self._requirements: tuple[Requirement, ...] = parsed["requirements"]
        self._mappings: dict[str, tuple[str, ...]] = parsed["mappings"]

    def requirements(self) -> Sequence[Requirement]:
        return self._requirements

    def mappings(self) -> Mapping[str, Sequence[str]]:
        return dict(self._mappings)
