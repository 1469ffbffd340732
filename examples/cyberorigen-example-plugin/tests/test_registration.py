"""The plugin as the appliance loads it: through its entry point, checked by the registry."""

from __future__ import annotations

from importlib.metadata import EntryPoint, PackageNotFoundError, distribution

import pytest
from cyberorigen.plugin_api import ENTRY_POINT_GROUP, Framework, Scanner, Transport
from cyberorigen.plugin_api.framework_data import DataFramework
from cyberorigen.plugin_registry import build_registry

from cyberorigen_example import framework as framework_module

POINT = EntryPoint(name="example", value="cyberorigen_example.plugin", group=ENTRY_POINT_GROUP)
#: The built-in control library: the example framework maps its controls, and a framework
#: mapping a control no loaded plugin provides makes its plugin failed.
CONTROLS = EntryPoint(
    name="controls", value="cyberorigen.plugins.controls", group=ENTRY_POINT_GROUP
)


def test_the_registry_loads_the_plugin():
    registry = build_registry(points=[CONTROLS, POINT])

    record = registry.record("example")
    assert record.status == "loaded", record.reason
    assert record.reason is None
    assert record.api == "~=1.3"
    assert record.scanners == ["robots"]
    assert record.frameworks == ["example-baseline"]
    assert record.transports == ["file"]
    assert record.hooks == [
        "cyberorigen_environment_problems",
        "cyberorigen_frameworks",
        "cyberorigen_scanners",
        "cyberorigen_transports",
    ]
    assert record.problems == []
    assert isinstance(registry.scanners["robots"], Scanner)
    assert isinstance(registry.frameworks["example-baseline"], Framework)
    assert isinstance(registry.transports["file"], Transport)


def test_broken_framework_data_makes_the_plugin_failed(monkeypatch):
    def broken(package):
        return DataFramework(
            {"id": "example-baseline"}, source="cyberorigen_example/data/catalogue.json"
        )

    monkeypatch.setattr(framework_module, "framework_from_package", broken)

    registry = build_registry(points=[CONTROLS, POINT])

    record = registry.record("example")
    assert record.status == "failed"
    assert record.reason.startswith("cyberorigen_frameworks raised ValueError: ")
    assert "'version' is missing or empty" in record.reason
    assert registry.scanners == {} and registry.frameworks == {} and registry.transports == {}


def test_a_disabled_plugin_is_blocked():
    registry = build_registry(disabled=["example"], points=[CONTROLS, POINT])

    assert registry.record("example").status == "blocked"
    assert registry.scanners == {}


def test_the_installed_distribution_declares_the_entry_point():
    try:
        dist = distribution("cyberorigen-example-plugin")
    except PackageNotFoundError:
        pytest.skip("the example plugin is not installed in this environment")

    points = [point for point in dist.entry_points if point.group == ENTRY_POINT_GROUP]
    assert [(point.name, point.value) for point in points] == [
        ("example", "cyberorigen_example.plugin")
    ]
