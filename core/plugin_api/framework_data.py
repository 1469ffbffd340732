"""Frameworks and control libraries written as data files inside a plugin package.

A framework plugin ships ``data/catalogue.json`` (the requirement catalogue) and, usually,
``data/mappings.json`` (how common controls map to it); a control library ships a
``controls.json``. The files are checked when the hook is called, and a mistake (a duplicate
id, a parent that does not exist, a mapping to a requirement that is not assessed) raises
ValueError naming the file and the problem: the registry then records the plugin as
``failed`` instead of serving a framework with holes in it. docs/plugins.md describes the
formats.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Mapping, Sequence
from importlib.resources import files
from typing import Any

from cyberorigen.plugin_api.interfaces import (
    COVERAGES,
    RELATIONSHIPS,
    Control,
    ControlMapping,
    Framework,
    Requirement,
    Severity,
)

CONTROL_ID = re.compile(r"^ctrl_[a-z0-9]+(?:_[a-z0-9]+)*$")
FRAMEWORK_ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
_FRAMEWORK_TEXT = ("id", "version", "title", "display_name", "publisher", "licence_note")
_REQUIREMENT_KEYS = {"id", "parent", "level", "title", "text"}


class _Source:
    """A data file being read; ``fail`` raises ValueError prefixed with its name."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, message: str) -> None:
        raise ValueError(f"{self.name}: {message}")

    def text(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{where}: {key!r} is missing or empty")
        return value


def package_of(name: str) -> str:
    """``name`` when it names a package, else the package of the module it names: a plugin's
    hook may pass ``__name__`` from ``plugin.py`` as well as from ``__init__.py``
    (``importlib.resources.files`` accepts only packages on Python 3.11)."""
    module = importlib.import_module(name)
    if hasattr(module, "__path__"):
        return name
    return module.__package__ or name


def read_json(package: str, resource: str) -> tuple[Any, str]:
    """The parsed JSON of ``resource`` inside ``package`` (or the package of the module
    ``package`` names), and a name for it in messages."""
    package = package_of(package)
    name = f"{package}/{resource}"
    try:
        text = files(package).joinpath(resource).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        raise ValueError(f"{name}: no such file in the package") from None
    try:
        return json.loads(text), name
    except json.JSONDecodeError as exc:
        raise ValueError(f"{name}: not valid JSON: {exc}") from None


def parse_controls(data: Any, source: str = "<controls>") -> list[Control]:
    """Check a control library (``{"controls": [...]}``) and return its controls."""
    src = _Source(source)
    items = data.get("controls") if isinstance(data, Mapping) else None
    if not isinstance(items, list) or not items:
        src.fail("'controls' must be a non-empty list")
    controls: list[Control] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            src.fail(f"control {index} is not an object")
        ident = src.text(item, "id", f"control {index}")
        if not CONTROL_ID.match(ident):
            src.fail(f"control id {ident!r} must look like ctrl_encryption_in_transit")
        if ident in seen:
            src.fail(f"control id {ident!r} appears more than once")
        seen.add(ident)
        threshold = item.get("severity_threshold", "low")
        if threshold not in {level.value for level in Severity} - {"info"}:
            src.fail(f"{ident}: severity_threshold must be low, medium, high or critical")
        freshness = item.get("freshness_days", 90)
        if not isinstance(freshness, int) or isinstance(freshness, bool) or freshness < 1:
            src.fail(f"{ident}: freshness_days must be a positive whole number")
        controls.append(
            Control(
                id=ident,
                name=src.text(item, "name", ident),
                description=src.text(item, "description", ident),
                severity_threshold=Severity(threshold),
                freshness_days=freshness,
                evidence_guidance=src.text(item, "evidence_guidance", ident),
            )
        )
    return controls


def parse_catalogue(data: Any, source: str = "<catalogue>") -> dict[str, Any]:
    """Check a framework catalogue and return the attributes of a :class:`Framework`
    (``requirements`` as a tuple of :class:`Requirement`)."""
    src = _Source(source)
    if not isinstance(data, Mapping):
        src.fail("the top level is not an object")
    parsed: dict[str, Any] = {name: src.text(data, name, "framework") for name in _FRAMEWORK_TEXT}
    if not FRAMEWORK_ID.match(parsed["id"]):
        src.fail(f"framework id {parsed['id']!r} must be lower case, like pci-dss-4.0.1")
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(
        isinstance(alias, str) and FRAMEWORK_ID.match(alias) for alias in aliases
    ):
        src.fail("'aliases' must be a list of lower-case names")
    parsed["aliases"] = tuple(aliases)
    assessed_levels = data.get("assessed_levels")
    if not isinstance(assessed_levels, list) or not assessed_levels:
        src.fail("'assessed_levels' must list the levels that get a status")
    items = data.get("requirements")
    if not isinstance(items, list) or not items:
        src.fail("'requirements' must be a non-empty list")
    requirements: list[Requirement] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            src.fail(f"requirement {index} is not an object")
        ident = src.text(item, "id", f"requirement {index}")
        if ident in seen:
            src.fail(f"requirement id {ident!r} appears more than once")
        parent = item.get("parent")
        if parent is not None and parent not in seen:
            src.fail(f"requirement {ident!r}: parent {parent!r} is not listed before it")
        level = src.text(item, "level", ident)
        text = item.get("text") or ""
        if not isinstance(text, str):
            src.fail(f"requirement {ident!r}: 'text' must be a string")
        seen.add(ident)
        requirements.append(
            Requirement(
                id=ident,
                title=src.text(item, "title", ident),
                level=level,
                parent=parent,
                text=text,
                assessed=level in assessed_levels,
                attributes={k: v for k, v in item.items() if k not in _REQUIREMENT_KEYS},
            )
        )
    missing = set(assessed_levels) - {item.level for item in requirements}
    if missing:
        src.fail(f"assessed level {sorted(missing)[0]!r} has no requirement")
    parsed["requirements"] = tuple(requirements)
    return parsed


def parse_mappings(
    data: Any, requirements: Sequence[Requirement], source: str = "<mappings>"
) -> tuple[ControlMapping, ...]:
    """Check control mappings (``{"mappings": [...]}``) against a framework's requirements."""
    src = _Source(source)
    items = data.get("mappings") if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        src.fail("'mappings' must be a list")
    assessed = {item.id for item in requirements if item.assessed}
    known = {item.id for item in requirements}
    mappings: list[ControlMapping] = []
    pairs: set[tuple[str, str]] = set()
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            src.fail(f"mapping {index} is not an object")
        control = src.text(item, "control", f"mapping {index}")
        requirement = src.text(item, "requirement", f"mapping {index}")
        where = f"mapping {control} -> {requirement}"
        if not CONTROL_ID.match(control):
            src.fail(f"{where}: {control!r} is not a control id")
        if requirement not in known:
            src.fail(f"{where}: the framework has no requirement {requirement!r}")
        if requirement not in assessed:
            src.fail(f"{where}: {requirement!r} is a grouping, not an assessed requirement")
        relationship = item.get("relationship")
        coverage = item.get("coverage")
        if relationship not in RELATIONSHIPS:
            src.fail(f"{where}: relationship must be one of {', '.join(RELATIONSHIPS)}")
        if coverage not in COVERAGES:
            src.fail(f"{where}: coverage must be one of {', '.join(COVERAGES)}")
        if (relationship, coverage) in {("equal", "partial"), ("subset", "full")}:
            src.fail(f"{where}: relationship {relationship} cannot have {coverage} coverage")
        if (control, requirement) in pairs:
            src.fail(f"{where} appears more than once")
        pairs.add((control, requirement))
        mappings.append(ControlMapping(control, requirement, relationship, coverage))
    return tuple(mappings)


class DataFramework(Framework):
    """A framework whose catalogue and mappings are data (see :func:`framework_from_package`)."""

    def __init__(
        self,
        catalogue: Any,
        mappings: Any | None = None,
        source: str = "<catalogue>",
        mappings_source: str = "<mappings>",
    ) -> None:
        parsed = parse_catalogue(catalogue, source)
        for name in (*_FRAMEWORK_TEXT, "aliases"):
            setattr(self, name, parsed[name])
        self._requirements: tuple[Requirement, ...] = parsed["requirements"]
        self._mappings = (
            parse_mappings(mappings, self._requirements, mappings_source)
            if mappings is not None
            else ()
        )

    def requirements(self) -> Sequence[Requirement]:
        return self._requirements

    def mappings(self) -> Sequence[ControlMapping]:
        return self._mappings


def framework_from_package(package: str, directory: str = "data") -> DataFramework:
    """The framework in ``<directory>/catalogue.json`` of ``package`` (a package, or any module
    of it: ``__name__`` works from every module), with the mappings in
    ``<directory>/mappings.json`` when that file exists."""
    package = package_of(package)
    catalogue, source = read_json(package, f"{directory}/catalogue.json")
    mappings_file = files(package).joinpath(f"{directory}/mappings.json")
    mappings, mappings_source = (None, "")
    if mappings_file.is_file():
        mappings, mappings_source = read_json(package, f"{directory}/mappings.json")
    return DataFramework(catalogue, mappings, source, mappings_source)


def controls_from_package(package: str, resource: str = "data/controls.json") -> list[Control]:
    """The control library in ``resource`` of ``package``."""
    data, source = read_json(package, resource)
    return parse_controls(data, source)
