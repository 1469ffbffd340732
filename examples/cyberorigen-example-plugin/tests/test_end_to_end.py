"""The plugin in a whole appliance (``TestAppliance``): listed as loaded beside the built-in
plugins, its scanner run by a real scan through the API, its framework assessed by that scan,
its transport delivering the scan's webhook event."""

from __future__ import annotations

import json

import pytest
from cyberorigen.plugin_api.testing import TestAppliance

from cyberorigen_example import plugin

ROBOTS = "User-agent: *\nDisallow: /admin/\nDisallow: /search\n"


@pytest.fixture
def appliance(tmp_path):
    with TestAppliance(plugin, directory=tmp_path) as appliance:
        yield appliance


def test_the_plugin_is_loaded_beside_the_built_in_plugins(appliance):
    response = appliance.client.get("/api/v1/plugins")

    plugins = {item["name"]: item for item in response.get_json()["items"]}
    example = plugins["example"]
    assert example["status"] == "loaded", example["reason"]
    assert example["problems"] == []
    assert example["scanners"] == ["robots"]
    assert example["frameworks"] == ["example-baseline"]
    assert plugins["controls"]["status"] == "loaded"  # the controls the framework maps


def test_a_scan_runs_the_scanner_and_assesses_the_framework(appliance, site):
    site.serve("/robots.txt", 200, ROBOTS)

    scan = appliance.run_scan(
        "127.0.0.1", "robots", options={"robots": {"port": site.port}}, frameworks=["example"]
    )

    assert scan["status"] == "completed", scan
    assert [(run["scanner"], run["status"]) for run in scan["scanners"]] == [
        ("robots", "completed")
    ]
    (finding,) = scan["findings"]
    assert finding["check_id"] == "robots.disallowed_paths_disclosed"
    assert [entry["path"] for entry in finding["evidence"]["entries"]] == ["/admin/"]
    summary = scan["compliance"]["example-baseline"]
    assert summary["requested_as"] == "example"
    assert summary["requirements_touched"] >= 1
    report = appliance.client.get("/api/v1/frameworks/example/report").get_json()
    requirements = {item["id"]: item for item in report["requirements"]}
    assert "robots.disallowed_paths_disclosed" in requirements["EWB-3.1"]["automated_checks"]


def test_the_file_transport_delivers_the_scan_event(appliance, site, tmp_path):
    journal = tmp_path / "events.jsonl"
    created = appliance.client.post(
        "/api/v1/webhooks",
        json={"transport": "file", "events": ["scan.completed"], "config": {"path": str(journal)}},
    )
    assert created.status_code == 201, created.get_json()
    site.serve("/robots.txt", 404)

    scan = appliance.run_scan("127.0.0.1", "robots", options={"robots": {"port": site.port}})
    appliance.deliver_events()

    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    assert [(line["event_type"], line["payload"]["data"]["scan_id"]) for line in lines] == [
        ("scan.completed", scan["id"])
    ]
