"""Plugin discovery: broken plugins are reported and skipped; the appliance always starts."""

from __future__ import annotations

import logging
import subprocess
import sys
from importlib.metadata import EntryPoint

import pytest

from cyberorigen.appliance import appliance_of
from cyberorigen.plugin_api import API_VERSION, ENTRY_POINT_GROUP
from cyberorigen.plugin_registry import build_registry


def plugin_list(client, account):
    response = client.get("/api/v1/plugins", headers=account.headers)
    assert response.status_code == 200, response.get_json()
    return {item["name"]: item for item in response.get_json()["items"]}


def test_broken_plugins_are_reported_and_the_appliance_still_starts(
    with_plugins, make_app, make_account, unique_address
):
    with_plugins("fixtures", "broken", "future", "typo", "needs-tool")
    app = make_app()
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    admin = make_account(role="admin")

    plugins = plugin_list(client, admin)

    assert plugins["fixtures"]["status"] == "loaded"
    assert plugins["fixtures"]["scanners"] == ["banner", "crashing", "slow", "stuck"]
    assert "cyberorigen_scanners" in plugins["fixtures"]["hooks"]
    assert plugins["broken"]["status"] == "failed"
    assert "cannot be imported" in plugins["broken"]["reason"]
    assert "not installed (test fixture)" in plugins["broken"]["reason"]
    assert plugins["future"]["status"] == "incompatible"
    assert "~=2.0" in plugins["future"]["reason"] and API_VERSION in plugins["future"]["reason"]
    assert plugins["typo"]["status"] == "failed"
    assert "cyberorigen_scaners" in plugins["typo"]["reason"]
    assert plugins["needs-tool"]["problems"] == [
        "frobnicator is not installed: install it for deeper checks"
    ]
    assert set(appliance_of(app).registry.scanners) >= {"banner", "slow"}
    assert client.get("/api/health").status_code == 200


def test_only_admins_list_plugins(client, make_account):
    analyst = make_account(role="analyst")

    response = client.get("/api/v1/plugins", headers=analyst.headers)

    assert response.status_code == 403


def test_a_disabled_plugin_is_blocked_and_provides_nothing(with_plugins, make_app):
    with_plugins("fixtures")

    app = make_app(**{"plugins.disabled": ["fixtures"]})

    registry = appliance_of(app).registry
    record = registry.record("fixtures")
    assert record.status == "blocked"
    assert "plugins.disabled" in record.reason
    assert "banner" not in registry.scanners


def test_a_duplicate_scanner_name_fails_the_second_plugin(with_plugins):
    with_plugins()  # puts the fixtures on sys.path
    points = [
        EntryPoint(name="a-fixtures", value="fixture_scanners", group=ENTRY_POINT_GROUP),
        EntryPoint(name="b-copycat", value="duplicate_banner", group=ENTRY_POINT_GROUP),
    ]

    registry = build_registry(points=points)

    assert registry.record("a-fixtures").status == "loaded"
    copycat = registry.record("b-copycat")
    assert copycat.status == "failed"
    assert "'banner' is already provided" in copycat.reason
    assert copycat.scanners == []
    assert registry.manager.get_plugin("b-copycat") is None


def test_trace_logs_every_hook_call(with_plugins, caplog):
    with_plugins()
    points = [EntryPoint(name="fixtures", value="fixture_scanners", group=ENTRY_POINT_GROUP)]

    with caplog.at_level(logging.INFO, logger="cyberorigen.plugins"):
        build_registry(points=points, trace=True)

    assert "hook: fixtures.cyberorigen_scanners()" in caplog.text
    assert "hook: fixtures.cyberorigen_environment_problems()" in caplog.text


def test_names_and_check_ids_are_checked_at_load(with_plugins, monkeypatch):
    with_plugins()
    import fixture_scanners

    monkeypatch.setattr(fixture_scanners.SlowScanner, "name", "not an identifier")
    points = [EntryPoint(name="fixtures", value="fixture_scanners", group=ENTRY_POINT_GROUP)]

    record = build_registry(points=points).record("fixtures")

    assert record.status == "failed"
    assert "is not an identifier" in record.reason


def test_lifecycle_hooks_hear_about_each_scan(with_plugins, make_app, make_account):
    with_plugins("fixtures", "recorder")
    import lifecycle_recorder

    lifecycle_recorder.CALLS.clear()
    app = make_app(redis=False, **{"scans.profiles": {"quick": ["crashing"]}})
    client = app.test_client()
    analyst = make_account(role="analyst")
    scan = client.post(
        "/api/v1/scans", json={"target": "127.0.0.1"}, headers=analyst.headers
    ).get_json()
    appliance_of(app).jobs.shutdown()  # wait for the embedded run to end

    assert [("started", scan["id"]), ("finished", None)] == lifecycle_recorder.CALLS


def test_the_testing_helper_passes_progress_and_cancellation(with_plugins):
    with_plugins()
    import fixture_scanners

    from cyberorigen.plugin_api import ScanCancelled
    from cyberorigen.plugin_api.testing import run_scanner

    steps = []
    with pytest.raises(ScanCancelled):
        run_scanner(
            fixture_scanners.SlowScanner(),
            "127.0.0.1",
            {"seconds": 5},
            report_progress=lambda percent, step: steps.append((percent, step)),
            is_cancelled=lambda: bool(steps),
        )
    assert steps == [(50, "waiting")]


def test_the_api_and_the_command_show_the_same_problems_and_the_command_fails_on_failed_plugins(
    make_app, make_account, unique_address, cli_env
):
    """With the control library disabled, the built-in scanners' checks test controls no
    plugin provides (a problem of each, found at load) and the frameworks that map them fail.
    ``GET /api/v1/plugins`` shows the load-time problem beside the environment's (it showed
    ``[]``), ``cyberorigen plugins list`` the same, and exits 1 because plugins failed."""
    app = make_app(**{"plugins.disabled": ["controls"]})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    plugins = plugin_list(client, make_account(role="admin"))
    listed = subprocess.run(
        [sys.executable, "-m", "cyberorigen.cli", "plugins", "list"],
        env=dict(cli_env, CYBERORIGEN_PLUGINS_DISABLED="controls"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    healthy = subprocess.run(
        [sys.executable, "-m", "cyberorigen.cli", "plugins", "list"],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    http_problems = plugins["http"]["problems"]
    assert any("controls no loaded plugin provides" in problem for problem in http_problems)
    assert plugins["soc2"]["status"] == "failed"
    for problem in http_problems:
        assert f"problem: {problem}" in listed.stdout
    assert listed.returncode == 1, listed.stdout + listed.stderr
    assert "could not be loaded" in listed.stdout and "soc2" in listed.stdout
    assert healthy.returncode == 0, healthy.stdout + healthy.stderr


def test_the_test_appliance_runs_a_plugin_beside_the_built_ins_end_to_end(
    with_plugins, banner_port, tmp_path
):
    """plugin_api.testing.TestAppliance: the author's plugin (a module) and the built-in
    plugins only, an admin on its client, a scan run through the API to its end."""
    with_plugins()
    import fixture_scanners

    from cyberorigen.db import database
    from cyberorigen.plugin_api.testing import TestAppliance

    outside = database.obj
    with TestAppliance(fixture_scanners, directory=tmp_path) as appliance:
        response = appliance.client.get("/api/v1/plugins")
        scan = appliance.run_scan("127.0.0.1", "banner", options={"banner": {"port": banner_port}})

    plugins = {item["name"]: item for item in response.get_json()["items"]}
    assert plugins["fixture_scanners"]["status"] == "loaded"
    assert plugins["http"]["status"] == plugins["controls"]["status"] == "loaded"
    assert "example" not in plugins  # an installed third-party plugin is left out
    assert scan["status"] == "completed", scan
    assert [finding["check_id"] for finding in scan["findings"]] == ["banner.service_seen"]
    assert "fixture-service ready" in scan["findings"][0]["evidence"]["banner"]
    assert database.obj is outside  # the test's own database again
