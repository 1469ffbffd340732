"""The example plugin distribution, installed with pip as its users would (`make test` does
`pip install ./examples/cyberorigen-example-plugin`), is discovered, its scanner runs and its
framework is served with a report like the built-in ones."""

from __future__ import annotations

import json

import pytest
from support.servers import HttpServer, QuietHandler

from cyberorigen.appliance import appliance_of


@pytest.fixture
def site_with_robots():
    class Handler(QuietHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            body = b"User-agent: *\nDisallow: /admin/\nDisallow: /backup/\n"
            status = 200 if self.path == "/robots.txt" else 404
            self.reply(status, body, {"Content-Type": "text/plain"})

    server = HttpServer(Handler)
    yield server.port
    server.close()


def test_the_installed_example_plugin_is_listed_and_its_scanner_runs(
    make_app, make_account, unique_address, site_with_robots
):
    app = make_app(redis=False, **{"scans.profiles": {"quick": ["http"], "web": ["robots"]}})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    admin = make_account(role="admin")

    plugins = client.get("/api/v1/plugins", headers=admin.headers).get_json()["items"]
    example = next(item for item in plugins if item["name"] == "example")
    assert example["status"] == "loaded"
    assert example["distribution"] == "cyberorigen-example-plugin"
    assert example["scanners"] == ["robots"]
    assert example["frameworks"] == ["example-baseline"]
    assert example["transports"] == ["file"]

    created = client.post(
        "/api/v1/scans",
        json={
            "target": "127.0.0.1",
            "scan_type": "web",
            "options": {"robots": {"port": site_with_robots}},
        },
        headers=admin.headers,
    )
    assert created.status_code == 201, created.get_json()
    appliance_of(app).jobs.shutdown()
    scan = client.get(f"/api/v1/scans/{created.get_json()['id']}", headers=admin.headers)
    assert scan.get_json()["status"] == "completed", scan.get_json()
    findings = client.get(
        "/api/v1/findings?check_id=robots.disallowed_paths_disclosed", headers=admin.headers
    ).get_json()["items"]
    assert len(findings) == 1
    assert "/admin/" in str(findings[0]["evidence"])


def test_the_example_framework_is_listed_and_reported(client, make_account):
    viewer = make_account(role="viewer")

    body = client.get("/api/v1/frameworks", headers=viewer.headers).get_json()
    frameworks = {item["id"]: item for item in body["items"]}
    assert body["total"] == len(body["items"])
    example = frameworks["example-baseline"]
    assert example["version"] == "1.0"
    assert example["title"] == "Example Web Baseline"
    assert example["display_name"] == "Example Baseline"
    assert example["publisher"] == "CyberOrigen example plugin"
    assert example["licence_note"]
    assert example["aliases"] == ["example"]
    assert example["counts"]["requirements"] == 5
    assert example["counts"]["by_level"] == {"group": 3, "requirement": 5}
    assert example["counts"]["mapped_requirements"] == 5
    # The built-in controls it maps (registry-level: an unknown one would fail the plugin).
    assert example["counts"]["controls"] == 4
    by_alias = client.get("/api/v1/frameworks/example", headers=viewer.headers)
    assert by_alias.status_code == 200 and by_alias.get_json()["id"] == "example-baseline"

    response = client.get("/api/v1/frameworks/example-baseline/report", headers=viewer.headers)
    assert response.status_code == 200, response.get_json()
    report = response.get_json()
    assert report["framework"]["id"] == "example-baseline"
    summary = report["summary"]
    assert summary["requirements"] == len(report["requirements"]) == 5
    assert summary["readiness"]["applicable"] + summary["not_applicable"] == 5
    assert summary["readiness"]["compliant"] == [
        item["status"] for item in report["requirements"]
    ].count("compliant")
    assert "technical_posture" in summary
    assert summary["automation_coverage"]["requirements"] == 5
    requirements = {item["id"]: item for item in report["requirements"]}
    assert set(requirements) == {"EWB-1.1", "EWB-1.2", "EWB-2.1", "EWB-2.2", "EWB-3.1"}
    robots = requirements["EWB-3.1"]
    assert robots["parent"] == "EWB-3"
    assert [control["id"] for control in robots["controls"]] == ["ctrl_secure_web_configuration"]
    # The plugin's own check tests that control, so it counts as automated for EWB-3.1.
    assert "robots.disallowed_paths_disclosed" in robots["automated_checks"]


def test_the_example_file_transport_delivers_through_the_webhook_pipeline(
    app, client, make_account, tmp_path
):
    from rq import SimpleWorker
    from rq.serializers import JSONSerializer

    from cyberorigen.db import database
    from cyberorigen.db.models import Organization
    from cyberorigen.events import example_payload
    from cyberorigen.services.outbox import record_event
    from cyberorigen.webhooks.dispatch import dispatch_once

    analyst = make_account(role="analyst")
    journal = tmp_path / "events.jsonl"
    relative = client.post(
        "/api/v1/webhooks",
        json={"transport": "file", "events": ["*"], "config": {"path": "events.jsonl"}},
        headers=analyst.headers,
    )
    created = client.post(
        "/api/v1/webhooks",
        json={"transport": "file", "events": ["scan.started"], "config": {"path": str(journal)}},
        headers=analyst.headers,
    )
    assert relative.status_code == 422 and relative.get_json()["field"] == "config.path"
    assert created.status_code == 201, created.get_json()

    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == analyst.org_id)
    with database.atomic():
        event = record_event(
            org.id,
            "scan.started",
            example_payload("scan.started", scan_id="scan_file", target="x.org"),
        )
    state = appliance_of(app)
    dispatch_once(state.jobs.enqueue_delivery, state.catalogue, 60)
    SimpleWorker(
        [state.settings.webhooks.queue], connection=state.redis, serializer=JSONSerializer
    ).work(burst=True)

    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    assert [(line["id"], line["event_type"]) for line in lines] == [
        (event.public_id, "scan.started")
    ]
    assert lines[0]["payload"]["data"]["scan_id"] == "scan_file"
