"""The example-baseline framework: its packaged data, how bad data is refused, and how the
registry links its mappings to the appliance's common controls."""

from __future__ import annotations

import copy
import json
from importlib.metadata import EntryPoint
from importlib.resources import files

import pytest
from cyberorigen.plugin_api import (
    ENTRY_POINT_GROUP,
    ControlMapping,
    Framework,
    Requirement,
)
from cyberorigen.plugin_api.framework_data import (
    DataFramework,
    parse_catalogue,
    parse_mappings,
)
from cyberorigen.plugin_registry import build_registry

from cyberorigen_example import framework as framework_module
from cyberorigen_example.framework import example_baseline

EXAMPLE = EntryPoint(name="example", value="cyberorigen_example.plugin", group=ENTRY_POINT_GROUP)
#: The appliance's built-in control library, which the example's mappings refer to.
CONTROLS = EntryPoint(
    name="controls", value="cyberorigen.plugins.controls", group=ENTRY_POINT_GROUP
)


def packaged(name: str) -> dict:
    text = files("cyberorigen_example").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return json.loads(text)


@pytest.fixture
def catalogue() -> dict:
    return packaged("catalogue.json")


@pytest.fixture
def mappings() -> dict:
    return packaged("mappings.json")


def test_the_packaged_framework_loads():
    framework = example_baseline()

    assert isinstance(framework, Framework)
    assert framework.id == "example-baseline"
    assert framework.version == "1.0"
    assert framework.title == "Example Web Baseline"
    assert framework.display_name == "Example Baseline"
    assert framework.publisher == "CyberOrigen example plugin"
    assert framework.licence_note
    assert framework.aliases == ("example",)

    requirements = framework.requirements()
    assert all(isinstance(item, Requirement) for item in requirements)
    assert [item.id for item in requirements] == [
        "EWB-1", "EWB-1.1", "EWB-1.2", "EWB-2", "EWB-2.1", "EWB-2.2", "EWB-3", "EWB-3.1",
    ]  # fmt: skip
    groups = [item for item in requirements if not item.assessed]
    assert [item.id for item in groups] == ["EWB-1", "EWB-2", "EWB-3"]
    assert all(item.level == "group" and item.parent is None for item in groups)
    first = requirements[1]
    assert (first.id, first.parent, first.level, first.assessed) == (
        "EWB-1.1",
        "EWB-1",
        "requirement",
        True,
    )
    assert first.title == "Serve every page over HTTPS with a trusted certificate"
    assert requirements[-1].attributes == {"tested_by": "the robots scanner of this plugin"}


def test_every_mapping_points_to_an_assessed_requirement():
    framework = example_baseline()
    assessed = {item.id for item in framework.requirements() if item.assessed}

    mappings = framework.mappings()

    assert mappings and all(isinstance(link, ControlMapping) for link in mappings)
    assert {link.requirement for link in mappings} == assessed  # every requirement is covered
    assert all(link.control.startswith("ctrl_") for link in mappings)
    assert (
        ControlMapping("ctrl_secure_web_configuration", "EWB-3.1", "intersect", "partial")
        in mappings
    )


def test_the_robots_check_tests_a_control_the_framework_maps():
    from cyberorigen_example.robots import DISALLOWED_PATHS_DISCLOSED

    mapped = {link.control for link in example_baseline().mappings()}
    assert set(DISALLOWED_PATHS_DISCLOSED.controls) <= mapped


# --- bad data -----------------------------------------------------------------------------------


def duplicate_id(catalogue):
    catalogue["requirements"][4]["id"] = "EWB-1.1"


def parent_not_before(catalogue):
    catalogue["requirements"][1]["parent"] = "EWB-2"


def missing_display_name(catalogue):
    del catalogue["display_name"]


def no_requirements(catalogue):
    catalogue["requirements"] = []


def unassessed_levels(catalogue):
    catalogue["assessed_levels"] = ["control"]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (duplicate_id, "requirement id 'EWB-1.1' appears more than once"),
        (parent_not_before, "requirement 'EWB-1.1': parent 'EWB-2' is not listed before it"),
        (missing_display_name, "'display_name' is missing or empty"),
        (no_requirements, "'requirements' must be a non-empty list"),
        (unassessed_levels, "assessed level 'control' has no requirement"),
    ],
)
def test_a_broken_catalogue_is_refused_with_a_clear_message(catalogue, damage, message):
    broken = copy.deepcopy(catalogue)
    damage(broken)

    with pytest.raises(ValueError, match="^catalogue.json: ") as raised:
        parse_catalogue(broken, "catalogue.json")
    assert message in str(raised.value)


def unknown_requirement(mappings):
    mappings["mappings"][0]["requirement"] = "EWB-9"


def grouping(mappings):
    mappings["mappings"][0]["requirement"] = "EWB-1"


def equal_but_partial(mappings):
    mappings["mappings"][2].update(relationship="equal", coverage="partial")


def subset_but_full(mappings):
    mappings["mappings"][3].update(relationship="subset", coverage="full")


def not_a_control(mappings):
    mappings["mappings"][0]["control"] = "IC-CRY-TRANSIT"


def twice(mappings):
    mappings["mappings"].append(dict(mappings["mappings"][0]))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (unknown_requirement, "the framework has no requirement 'EWB-9'"),
        (grouping, "'EWB-1' is a grouping, not an assessed requirement"),
        (equal_but_partial, "relationship equal cannot have partial coverage"),
        (subset_but_full, "relationship subset cannot have full coverage"),
        (not_a_control, "'IC-CRY-TRANSIT' is not a control id"),
        (twice, "mapping ctrl_encryption_in_transit -> EWB-1.1 appears more than once"),
    ],
)
def test_broken_mappings_are_refused_with_a_clear_message(catalogue, mappings, damage, message):
    requirements = parse_catalogue(catalogue)["requirements"]
    broken = copy.deepcopy(mappings)
    damage(broken)

    with pytest.raises(ValueError, match="^mappings.json: ") as raised:
        parse_mappings(broken, requirements, "mappings.json")
    assert message in str(raised.value)

    # DataFramework checks both files the same way when it is built.
    with pytest.raises(ValueError, match="^mappings.json: "):
        DataFramework(catalogue, broken, "catalogue.json", "mappings.json")


def test_the_unbroken_copies_are_accepted(catalogue, mappings):
    framework = DataFramework(catalogue, mappings, "catalogue.json", "mappings.json")

    assert framework.id == "example-baseline"
    assert len(framework.mappings()) == len(mappings["mappings"])


# --- in the registry ----------------------------------------------------------------------------


def test_the_registry_loads_the_framework_and_links_its_controls():
    registry = build_registry(points=[CONTROLS, EXAMPLE])

    record = registry.record("example")
    assert record.status == "loaded", record.reason
    assert record.frameworks == ["example-baseline"]
    assert record.problems == []  # the robots check's control exists, too
    framework = registry.frameworks["example-baseline"]
    assert framework.display_name == "Example Baseline"
    assert {link.control for link in framework.mappings()} <= set(registry.controls)


def test_without_the_control_library_the_plugin_fails():
    registry = build_registry(points=[EXAMPLE])

    record = registry.record("example")
    assert record.status == "failed"
    assert "framework example-baseline maps control 'ctrl_" in record.reason
    assert "which no loaded plugin provides" in record.reason
    assert registry.frameworks == {} and registry.scanners == {}


def test_a_mapping_to_an_unknown_control_makes_the_plugin_failed(monkeypatch, catalogue):
    links = {
        "mappings": [
            {
                "control": "ctrl_does_not_exist",
                "requirement": "EWB-1.1",
                "relationship": "intersect",
                "coverage": "partial",
            }
        ]
    }
    monkeypatch.setattr(
        framework_module, "framework_from_package", lambda package: DataFramework(catalogue, links)
    )

    registry = build_registry(points=[CONTROLS, EXAMPLE])

    record = registry.record("example")
    assert record.status == "failed"
    assert "maps control 'ctrl_does_not_exist', which no loaded plugin provides" in record.reason
    assert registry.record("controls").status == "loaded"
