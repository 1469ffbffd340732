"""The compliance catalogue: every control, framework, mapping and check-to-control link the
loaded plugins provide, indexed for the status rules, the reports and the API.

Built once per process, with the plugin registry (plugins load once per process), and held by
the appliance (``Appliance.catalogue``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from cyberorigen.plugin_api.interfaces import Check, Control, ControlMapping, Framework, Requirement
from cyberorigen.plugin_registry import PluginRegistry


@dataclass(frozen=True)
class Link:
    """A control's mapping to one requirement of one framework."""

    framework: Framework
    requirement: Requirement
    mapping: ControlMapping


@dataclass
class Catalogue:
    controls: dict[str, Control]
    frameworks: dict[str, Framework]
    #: Every framework id and alias -> the framework id.
    names: dict[str, str]
    requirements: dict[str, dict[str, Requirement]]
    links_by_control: dict[str, list[Link]] = field(default_factory=dict)
    links_by_requirement: dict[tuple[str, str], list[Link]] = field(default_factory=dict)
    #: Control id -> the checks (of loaded scanners and importers) that test it.
    checks_by_control: dict[str, list[Check]] = field(default_factory=dict)
    #: Check id -> the controls it tests (only controls that exist).
    controls_by_check: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def framework(self, name: str) -> Framework | None:
        """The framework with this id or alias."""
        framework_id = self.names.get(name)
        return self.frameworks.get(framework_id) if framework_id else None

    def display_names(self, control_id: str) -> list[str]:
        """The short names of the frameworks a control maps to, in framework-id order."""
        ids = sorted({link.framework.id for link in self.links_by_control.get(control_id, [])})
        return [self.frameworks[item].display_name or item for item in ids]

    def assessed(self, framework: Framework) -> list[Requirement]:
        return [item for item in framework.requirements() if item.assessed]

    def frameworks_mapping(self, control_id: str) -> set[str]:
        return {link.framework.id for link in self.links_by_control.get(control_id, [])}

    def links(self, framework_id: str, requirement_id: str) -> Sequence[Link]:
        return self.links_by_requirement.get((framework_id, requirement_id), ())


def build_catalogue(registry: PluginRegistry) -> Catalogue:
    """Index what the registry's loaded plugins provide (the registry has already refused
    frameworks that map unknown controls)."""
    catalogue = Catalogue(
        controls=dict(sorted(registry.controls.items())),
        frameworks=dict(sorted(registry.frameworks.items())),
        names={},
        requirements={},
    )
    by_control: dict[str, list[Link]] = defaultdict(list)
    by_requirement: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for framework in catalogue.frameworks.values():
        for name in (framework.id, *framework.aliases):
            catalogue.names[name] = framework.id
        index = {item.id: item for item in framework.requirements()}
        catalogue.requirements[framework.id] = index
        for mapping in framework.mappings():
            link = Link(framework, index[mapping.requirement], mapping)
            by_control[mapping.control].append(link)
            by_requirement[(framework.id, mapping.requirement)].append(link)
    catalogue.links_by_control = dict(by_control)
    catalogue.links_by_requirement = dict(by_requirement)
    checks: dict[str, list[Check]] = defaultdict(list)
    finders = [*registry.scanners.items(), *registry.importers.items()]
    for _, finder in sorted(finders, key=lambda item: item[0]):
        for check in finder.checks:
            known = tuple(item for item in check.controls if item in catalogue.controls)
            if known:
                catalogue.controls_by_check[check.id] = known
            for control in known:
                checks[control].append(check)
    catalogue.checks_by_control = dict(checks)
    return catalogue
