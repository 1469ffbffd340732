"""Discovering plugins, checking them, and freezing what they provide into a registry.

Built-in and third-party plugins alike are entry points of the ``cyberorigen.plugins`` group.
Each is loaded on its own: one that fails to import, supports another plugin-API version,
implements a hook that does not exist, or provides a duplicate name is recorded with its
status and reason and skipped. The appliance always starts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType
from typing import Any, Protocol

import pluggy
from packaging.specifiers import InvalidSpecifier, SpecifierSet

from cyberorigen.plugin_api import API_VERSION, ENTRY_POINT_GROUP, hookspecs
from cyberorigen.plugin_api.framework_data import CONTROL_ID
from cyberorigen.plugin_api.interfaces import Control, Framework, Importer, Scanner, Transport

log = logging.getLogger("cyberorigen.plugins")

#: Registration hook -> (interface, the attribute that names an object, registry field).
_PROVIDERS: dict[str, tuple[type, str, str]] = {
    "cyberorigen_scanners": (Scanner, "name", "scanners"),
    "cyberorigen_importers": (Importer, "name", "importers"),
    "cyberorigen_controls": (Control, "id", "controls"),
    "cyberorigen_frameworks": (Framework, "id", "frameworks"),
    "cyberorigen_transports": (Transport, "name", "transports"),
}


@dataclass
class PluginRecord:
    """What ``GET /api/v1/plugins`` and ``cyberorigen plugins list`` show of one plugin."""

    name: str
    distribution: str | None
    version: str | None
    status: str = "loaded"  # loaded | blocked | incompatible | failed
    reason: str | None = None
    api: str | None = None
    hooks: list[str] = field(default_factory=list)
    scanners: list[str] = field(default_factory=list)
    importers: list[str] = field(default_factory=list)
    controls: list[str] = field(default_factory=list)
    frameworks: list[str] = field(default_factory=list)
    transports: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: Problems found when the plugins were loaded (they stay; the environment's are asked
    #: again by ``refresh_problems``).
    load_problems: list[str] = field(default_factory=list, repr=False)


class PluginError(Exception):
    """A plugin is unusable; the message says why (status ``failed``)."""


class IncompatiblePlugin(PluginError):
    """A plugin written for another version of the plugin API (status ``incompatible``)."""


def call_each(
    manager: pluggy.PluginManager,
    hook: str,
    plugin: str | None = None,
    trace: bool = False,
    **kwargs: Any,
):
    """Call ``hook`` of every plugin (or of ``plugin`` only), one at a time, so that one
    plugin's exception is attributed to it and does not keep the others from running. Yields
    ``(plugin name, result, exception)``; each call is logged when tracing is on. A hook
    implementation gets only the arguments it names, as pluggy would pass them."""
    for impl in getattr(manager.hook, hook).get_hookimpls():
        if plugin is not None and impl.plugin_name != plugin:
            continue
        arguments = {name: kwargs[name] for name in impl.argnames if name in kwargs}
        if trace:
            log.info("hook: %s.%s(%s)", impl.plugin_name, hook, ", ".join(arguments))
        try:
            yield impl.plugin_name, impl.function(**arguments), None
        except Exception as exc:  # noqa: BLE001 - attributed to the plugin by the caller
            yield impl.plugin_name, None, exc


@dataclass
class PluginRegistry:
    manager: pluggy.PluginManager
    records: list[PluginRecord]
    scanners: dict[str, Scanner]
    frameworks: dict[str, Framework]
    transports: dict[str, Transport]
    controls: dict[str, Control] = field(default_factory=dict)
    trace: bool = False
    importers: dict[str, Importer] = field(default_factory=dict)

    def call_each(self, hook: str, **kwargs: Any):
        return call_each(self.manager, hook, trace=self.trace, **kwargs)

    def record(self, name: str) -> PluginRecord | None:
        return next((item for item in self.records if item.name == name), None)

    def refresh_problems(self) -> None:
        """Ask loaded plugins again what their environment lacks."""
        for record in self.records:
            if record.status == "loaded":
                record.problems = record.load_problems + _environment_problems(
                    self.manager, record.name, self.trace
                )


def _distribution(point: PluginPoint) -> tuple[str | None, str | None]:
    dist = getattr(point, "dist", None)
    if dist is None:
        return None, None
    return dist.metadata["Name"], dist.version


def _check_api(plugin: Any) -> str:
    declared = getattr(plugin, "PLUGIN_API", None)
    if not isinstance(declared, str):
        raise IncompatiblePlugin('declares no PLUGIN_API (for example PLUGIN_API = "~=1.0")')
    try:
        supported = SpecifierSet(declared)
    except InvalidSpecifier:
        raise IncompatiblePlugin(f"PLUGIN_API {declared!r} is not a version range") from None
    if API_VERSION not in supported:
        raise IncompatiblePlugin(
            f"supports plugin API {declared}, but this appliance provides {API_VERSION}"
        )
    return declared


def _environment_problems(
    manager: pluggy.PluginManager, name: str, trace: bool = False
) -> list[str]:
    problems: list[str] = []
    for _, returned, error in call_each(
        manager, "cyberorigen_environment_problems", name, trace=trace
    ):
        if error is not None:
            problems.append(f"environment check failed: {error}")
        else:
            problems.extend(str(item) for item in returned or ())
    return problems


def _check_scanner(scanner: Scanner | Importer) -> None:
    """A scanner's or an importer's name and checks."""
    kind = "importer" if isinstance(scanner, Importer) else "scanner"
    if not scanner.name.isidentifier():
        raise PluginError(f"{kind} name {scanner.name!r} is not an identifier (like http_headers)")
    ids = [check.id for check in scanner.checks]
    if len(ids) != len(set(ids)):
        raise PluginError(f"{kind} {scanner.name} declares a check id twice")
    for check in scanner.checks:
        if not check.id.startswith(scanner.name + "."):
            raise PluginError(f"check id {check.id!r} must start with {scanner.name + '.'!r}")
        for control in check.controls:
            if not CONTROL_ID.match(control):
                raise PluginError(f"check {check.id} names {control!r}, which is not a control id")


def _framework_names(frameworks: Iterable[Framework]) -> dict[str, str]:
    """Every id and alias of ``frameworks`` -> the framework id it names."""
    names: dict[str, str] = {}
    for framework in frameworks:
        for name in (framework.id, *framework.aliases):
            if names.setdefault(name, framework.id) != framework.id:
                raise PluginError(f"framework name {name!r} is used by two frameworks")
    return names


def _provided(
    manager: pluggy.PluginManager, name: str, trace: bool = False
) -> dict[str, dict[str, Any]]:
    """Call the registration hooks of plugin ``name`` alone and check what they return."""
    provided: dict[str, dict[str, Any]] = {}
    for hook_name, (interface, key, slot) in _PROVIDERS.items():
        objects: dict[str, Any] = {}
        for _, returned, error in call_each(manager, hook_name, name, trace=trace):
            if error is not None:
                raise PluginError(f"{hook_name} raised {type(error).__name__}: {error}")
            for item in returned or ():
                if not isinstance(item, interface):
                    raise PluginError(f"{hook_name} returned {item!r}, not a {interface.__name__}")
                identifier = getattr(item, key, "")
                if not identifier:
                    raise PluginError(f"{hook_name}: a {interface.__name__} without {key}")
                if identifier in objects:
                    raise PluginError(f"{hook_name} returns {identifier!r} twice")
                if isinstance(item, Scanner | Importer):
                    _check_scanner(item)
                objects[identifier] = item
        provided[slot] = objects
    return provided


BUILT_IN_PACKAGE = "cyberorigen.plugins."


class PluginPoint(Protocol):
    """What the registry needs of an entry point: ``importlib.metadata.EntryPoint`` has it."""

    name: str

    def load(self) -> Any: ...


@dataclass(frozen=True)
class GivenPlugin:
    """A plugin handed over as an object (a module, in a test) rather than found as an entry
    point: it "loads" to itself. Named after the installed entry point that names its module,
    when there is one (so it shows with its distribution), otherwise after the module."""

    plugin: Any
    name: str
    dist: Any = None

    def load(self) -> Any:
        return self.plugin


def installed_points() -> list[EntryPoint]:
    """The entry points of the ``cyberorigen.plugins`` group in this environment."""
    return list(entry_points(group=ENTRY_POINT_GROUP))


def builtin_points() -> list[EntryPoint]:
    """The entry points of the appliance's own plugins (the control library, the built-in
    scanners, frameworks and transports)."""
    return [point for point in installed_points() if point.value.startswith(BUILT_IN_PACKAGE)]


def as_point(plugin: Any) -> PluginPoint:
    """An entry point (or any object with ``name`` and ``load()``) as it is; a plugin module
    or object wrapped in a :class:`GivenPlugin`."""
    if not isinstance(plugin, ModuleType) and hasattr(plugin, "load") and hasattr(plugin, "name"):
        return plugin
    module = getattr(plugin, "__name__", type(plugin).__name__)
    installed = next((point for point in installed_points() if point.value == module), None)
    if installed is None:
        return GivenPlugin(plugin, module)
    return GivenPlugin(plugin, installed.name, getattr(installed, "dist", None))


def build_registry(
    disabled: Iterable[str] = (),
    trace: bool = False,
    points: Iterable[PluginPoint] | None = None,
    with_builtins: bool = False,
    extra: Iterable[Any] = (),
) -> PluginRegistry:
    """Load every plugin of the entry-point group (or ``points``) and freeze the result.

    ``with_builtins`` adds the appliance's built-in plugins (the control library, the
    scanners and frameworks of ``cyberorigen.plugins``) to ``points``, as they are beside a
    plugin once it is installed: what a plugin author's test needs when a framework maps
    built-in controls. ``extra`` adds plugins (entry points, or plugin modules and objects:
    see :func:`as_point`); one named like a plugin found otherwise takes its place."""
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    blocked = set(disabled)
    records: list[PluginRecord] = []
    registry = PluginRegistry(manager, records, {}, {}, {}, {}, trace)
    found: list[PluginPoint] = installed_points() if points is None else list(points)
    if points is not None and with_builtins:
        given = {point.name for point in found}
        found += [point for point in builtin_points() if point.name not in given]
    added = [as_point(item) for item in extra]
    replaced = {point.name for point in added}
    found = [point for point in found if point.name not in replaced] + added
    for point in sorted(found, key=lambda item: item.name):
        distribution, version = _distribution(point)
        record = PluginRecord(point.name, distribution, version)
        records.append(record)
        if point.name in blocked:
            record.status, record.reason = "blocked", "disabled by the plugins.disabled setting"
            continue
        try:
            _load_one(registry, point, record)
        except PluginError as exc:
            record.status = "incompatible" if isinstance(exc, IncompatiblePlugin) else "failed"
            record.reason = str(exc)
            log.warning("plugin %s %s: %s", point.name, record.status, exc)
    _check_control_links(registry)
    return registry


def _check_control_links(registry: PluginRegistry) -> None:
    """Once every plugin is in: a framework mapping a control that no plugin provides makes
    its plugin ``failed``; a check naming an unknown control is a problem of its plugin (the
    check still runs, it just tests no control)."""
    for record in registry.records:
        if record.status != "loaded":
            continue
        for framework_id in record.frameworks:
            framework = registry.frameworks[framework_id]
            unknown = sorted(
                {link.control for link in framework.mappings()} - set(registry.controls)
            )
            if unknown:
                _reject(
                    registry,
                    record,
                    f"framework {framework_id} maps control {unknown[0]!r}, which no loaded "
                    "plugin provides",
                )
                break
        unknown_controls = sorted(
            {
                control
                for finder in (
                    [registry.scanners[name] for name in record.scanners]
                    + [registry.importers[name] for name in record.importers]
                    if record.status == "loaded"
                    else ()
                )
                for check in finder.checks
                for control in check.controls
                if control not in registry.controls
            }
        )
        if unknown_controls:
            problem = (
                "its checks test controls no loaded plugin provides, so they count for no "
                f"framework: {', '.join(unknown_controls)} (is the controls plugin disabled?)"
            )
            record.load_problems.append(problem)
            record.problems.append(problem)


def _reject(registry: PluginRegistry, record: PluginRecord, reason: str) -> None:
    """Take back everything a loaded plugin provided and record it as failed."""
    for slot in ("scanners", "importers", "controls", "frameworks", "transports"):
        for name in getattr(record, slot):
            getattr(registry, slot).pop(name, None)
        setattr(record, slot, [])
    registry.manager.unregister(name=record.name)
    record.status, record.reason, record.hooks = "failed", reason, []
    log.warning("plugin %s failed: %s", record.name, reason)


def _load_one(registry: PluginRegistry, point: PluginPoint, record: PluginRecord) -> None:
    manager = registry.manager
    try:
        plugin = point.load()
    except Exception as exc:  # noqa: BLE001 - any import error makes the plugin failed
        raise PluginError(f"cannot be imported: {type(exc).__name__}: {exc}") from None
    record.api = _check_api(plugin)
    try:
        manager.register(plugin, name=point.name)
    except (ValueError, pluggy.PluginValidationError) as exc:
        raise PluginError(f"cannot be registered: {exc}") from None
    try:
        manager.check_pending()
        provided = _provided(manager, point.name, registry.trace)
        for slot, objects in provided.items():
            taken = getattr(registry, slot)
            clash = sorted(set(objects) & set(taken))
            if clash:
                raise PluginError(f"{slot[:-1]} name {clash[0]!r} is already provided")
        # Findings name their scanner or importer: the two share one namespace.
        finders = (*provided["scanners"], *provided["importers"])
        clash = sorted(set(finders) & (set(registry.scanners) | set(registry.importers)))
        if clash or len(set(finders)) != len(finders):
            name = clash[0] if clash else next(n for n in finders if finders.count(n) > 1)
            raise PluginError(f"the name {name!r} is taken by another scanner or importer")
        _framework_names([*registry.frameworks.values(), *provided["frameworks"].values()])
    except (PluginError, pluggy.PluginValidationError) as exc:
        manager.unregister(name=point.name)
        if isinstance(exc, pluggy.PluginValidationError):
            raise PluginError(f"implements an unknown hook: {exc}") from None
        raise
    for slot, objects in provided.items():
        getattr(registry, slot).update(objects)
        setattr(record, slot, sorted(objects))
    record.hooks = sorted(caller.name for caller in manager.get_hookcallers(plugin) or ())
    record.problems = _environment_problems(manager, point.name, registry.trace)
