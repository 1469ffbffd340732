"""The example-baseline framework: its packaged data, and how bad data is refused."""

from __future__ import annotations

import copy
import json
from importlib.resources import files

import pytest
from cyberorigen.plugin_api import Framework, Requirement

from cyberorigen_example.framework import DATA_FILE, ExampleBaseline, parse_framework


def walk(requirements):
    for requirement in requirements:
        yield requirement
        yield from walk(requirement.children)


@pytest.fixture
def data() -> dict:
    text = files("cyberorigen_example").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def test_the_packaged_framework_loads():
    framework = ExampleBaseline()

    assert isinstance(framework, Framework)
    assert framework.id == "example-baseline"
    assert framework.version == "1.0"
    assert framework.title == "Example Web Baseline"
    assert framework.publisher == "CyberOrigen example plugin"
    assert framework.licence_note
    assert framework.aliases == ("example",)
    requirements = list(walk(framework.requirements()))
    assert all(isinstance(item, Requirement) for item in requirements)
    assert [item.id for item in framework.requirements()] == ["EWB-1", "EWB-2", "EWB-3"]
    assert framework.requirements()[0].children[0] == Requirement(
        "EWB-1.1", "Serve every page over HTTPS with a trusted certificate"
    )


def test_every_mapping_points_to_a_requirement():
    framework = ExampleBaseline()
    ids = {item.id for item in walk(framework.requirements())}

    mappings = framework.mappings()

    assert set(mappings) == {"IC-CRY-TRANSIT", "IC-CFG-WEB"}
    assert {target for targets in mappings.values() for target in targets} <= ids
    assert "EWB-3.1" in mappings["IC-CFG-WEB"]


def break_duplicate(data):
    data["requirements"][1]["children"][0]["id"] = "EWB-1.1"


def break_mapping(data):
    data["mappings"]["IC-CFG-WEB"].append("EWB-9")


def break_title(data):
    del data["requirements"][2]["children"][0]["title"]


def break_id(data):
    data["requirements"][0]["id"] = " "


def break_field(data):
    data["publisher"] = ""


def break_requirements(data):
    data["requirements"] = []


def break_mapping_shape(data):
    data["mappings"]["IC-DNS"] = "EWB-1"


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (break_duplicate, "requirement id 'EWB-1.1' appears more than once"),
        (break_mapping, "mapping 'IC-CFG-WEB' points to requirement 'EWB-9'"),
        (break_title, "requirement 'EWB-3.1' has no title"),
        (break_id, "requirement 0 has no id"),
        (break_field, "'publisher' is missing or empty"),
        (break_requirements, "'requirements' must be a non-empty list"),
        (break_mapping_shape, "mapping 'IC-DNS' must be a list of requirement ids"),
    ],
)
def test_broken_data_is_refused_with_a_clear_message(data, damage, message):
    broken = copy.deepcopy(data)
    damage(broken)

    with pytest.raises(ValueError, match="^broken.json: ") as raised:
        ExampleBaseline(broken, source="broken.json")
    assert message in str(raised.value)


def test_the_unbroken_copy_is_accepted(data):
    assert parse_framework(data, "copy.json")["id"] == "example-baseline"
