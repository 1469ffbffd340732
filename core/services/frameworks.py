"""Which compliance framework ids a scan may name.

The installed framework plugins' ids and aliases, plus the five frameworks the built-in
compliance plugins will provide (accepted by id already, so that the API reference's example
``"frameworks": ["soc2", "pci-dss"]`` works at every step; they are assessed once installed).
"""

from __future__ import annotations

from cyberorigen.plugin_registry import PluginRegistry

PLANNED_FRAMEWORKS = ("soc2", "pci-dss", "iso27001", "nist-csf", "hipaa")


def known_framework_ids(registry: PluginRegistry) -> set[str]:
    known = set(PLANNED_FRAMEWORKS)
    for framework in registry.frameworks.values():
        known.add(framework.id)
        known.update(framework.aliases)
    return known
