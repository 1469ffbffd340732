"""Every address a scanner contacts is in the organization's scope (or a resolver the operator
allows): a resolver option outside the scope is refused when the scan is created and never
asked when the scan runs; an MX host outside the scope gets no connection."""

from __future__ import annotations

import contextlib

import pytest

from cyberorigen.appliance import appliance_of
from cyberorigen.db import database
from cyberorigen.db.models import Organization
from cyberorigen.services.scans import create_scan
from tests.support.dns_server import RecordingDns, RecordingListener

OUTSIDE_RESOLVER = "127.0.0.53"  # loopback may be scanned in the tests, but this is not in scope
OUTSIDE_MX = "127.0.0.54"
SCOPE = ("scoped.test", "127.0.0.1")


@pytest.fixture
def started():
    """``started(server)`` -> the server, closed at the end of the test."""
    with contextlib.ExitStack() as stack:
        yield lambda item: stack.enter_context(contextlib.closing(item))


@pytest.fixture
def appliance(make_app, make_account, unique_address):
    """An embedded appliance (scans run in-process) and an analyst whose scope is
    scoped.test and 127.0.0.1."""

    def make(**settings):
        app = make_app(redis=False, **settings)
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = unique_address()
        analyst = make_account(role="analyst", org="Scoped", scope=SCOPE)

        def finished(scan_id: str) -> tuple[dict, list[dict]]:
            appliance_of(app).jobs.shutdown()  # wait for the in-process run
            scan = client.get(f"/api/v1/scans/{scan_id}", headers=analyst.headers).get_json()
            findings = client.get(
                f"/api/v1/scans/{scan_id}/findings?per_page=100", headers=analyst.headers
            ).get_json()["items"]
            return scan, findings

        return app, client, analyst, finished

    return make


def _runs(scan: dict) -> dict[str, dict]:
    return {run["scanner"]: run for run in scan["scanners"]}


@pytest.mark.parametrize("scanner", ["dns", "smtp"])
def test_a_resolver_outside_the_scope_is_refused_when_the_scan_is_created(
    appliance, started, scanner
):
    outside = started(RecordingDns(OUTSIDE_RESOLVER, {("scoped.test.", "MX"): ["10 mx.test."]}))
    app, client, analyst, _ = appliance()

    refused = client.post(
        "/api/v1/scans",
        json={
            "target": "scoped.test",
            "scan_type": "dns",
            "options": {scanner: {"resolver": OUTSIDE_RESOLVER, "port": outside.port}},
        },
        headers=analyst.headers,
    )

    body = refused.get_json()
    assert refused.status_code == 422, body
    assert body["error_code"] == "VALIDATION_ERROR"
    assert body["field"] == f"options.{scanner}.resolver"
    assert "scope" in body["detail"] and list(body["errors"]) == [f"options.{scanner}.resolver"]
    assert outside.queries == []


def test_a_resolver_the_operator_allows_may_be_named(appliance, started):
    outside = started(RecordingDns(OUTSIDE_RESOLVER, {("scoped.test.", "MX"): ["0 ."]}))
    app, client, analyst, finished = appliance(**{"scope.allowed_resolvers": ["127.0.0.53/32"]})

    created = client.post(
        "/api/v1/scans",
        json={
            "target": "scoped.test",
            "scan_type": "dns",
            "options": {"smtp": {"resolver": OUTSIDE_RESOLVER, "port": outside.port}},
        },
        headers=analyst.headers,
    )

    assert created.status_code == 201, created.get_json()
    finished(created.get_json()["id"])
    assert ("scoped.test.", "MX") in outside.queries


def test_a_resolver_outside_the_scope_is_never_asked_when_the_scan_runs(appliance, started):
    """A scan recorded while the resolver was in scope (a rescan or a schedule after the
    scope changed) runs under the scope as it is now."""
    outside = started(
        RecordingDns(
            OUTSIDE_RESOLVER,
            {("scoped.test.", "MX"): ["10 mx.test."], ("mx.test.", "A"): [OUTSIDE_MX]},
        )
    )
    app, client, analyst, finished = appliance()
    options = {"resolver": OUTSIDE_RESOLVER, "port": outside.port, "timeout": 1}
    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == analyst.org_id)
    scan = create_scan(org.id, None, "scoped.test", "dns", [], {"dns": options, "smtp": options})
    appliance_of(app).jobs.enqueue_scan(scan)

    result, findings = finished(scan.public_id)

    assert outside.queries == []
    runs = _runs(result)
    for name in ("dns", "smtp"):
        assert runs[name]["status"] == "failed", runs[name]
        assert "not asked" in runs[name]["error"] and "scope" in runs[name]["error"]
        assert "did not answer" not in runs[name]["error"]


def test_an_mx_host_outside_the_scope_gets_no_connection(appliance, started):
    inside_mx = started(RecordingListener("127.0.0.1"))
    # The out-of-scope MX listens on the same port: only the scope keeps the scanner away.
    outside_mx = started(RecordingListener(OUTSIDE_MX, inside_mx.port))
    resolver = started(
        RecordingDns(
            "127.0.0.1",
            {
                ("scoped.test.", "MX"): ["10 mx.elsewhere.test.", "20 mx.scoped.test."],
                ("mx.elsewhere.test.", "A"): [OUTSIDE_MX],
                ("mx.scoped.test.", "A"): ["127.0.0.1"],
            },
        )
    )
    app, client, analyst, finished = appliance()
    options = {"resolver": "127.0.0.1", "port": resolver.port, "timeout": 2}

    created = client.post(
        "/api/v1/scans",
        json={
            "target": "scoped.test",
            "scan_type": "dns",
            "options": {
                "dns": options,
                "smtp": {**options, "smtp_port": inside_mx.port},
            },
        },
        headers=analyst.headers,
    )
    assert created.status_code == 201, created.get_json()
    scan, findings = finished(created.get_json()["id"])

    assert outside_mx.connections == []
    assert len(inside_mx.connections) >= 1  # the in-scope MX host was examined
    noted = [item for item in findings if item["check_id"] == "smtp.mx_out_of_scope"]
    assert [item["location"] for item in noted] == ["mx.elsewhere.test"]
    assert noted[0]["severity"] == "info"
    assert "not contacted" in noted[0]["evidence"]["reason"]


def test_a_scanner_that_ignores_the_scope_still_cannot_leave_it(
    with_plugins, make_app, make_account, unique_address, started
):
    """The worker checks every connection of the scanner's thread: a plugin that connects
    without asking ``ctx.scope`` reaches what is in scope and nothing else."""
    inside = started(RecordingListener("127.0.0.1"))
    outside = started(RecordingListener(OUTSIDE_MX, inside.port))
    with_plugins("wanderer")
    app = make_app(redis=False, **{"scans.profiles": {"wander": ["wander"]}})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    analyst = make_account(role="analyst", org="Scoped", scope=SCOPE)
    urls = [f"http://127.0.0.1:{inside.port}/", f"http://{OUTSIDE_MX}:{inside.port}/"]

    created = client.post(
        "/api/v1/scans",
        json={"target": "127.0.0.1", "scan_type": "wander", "options": {"wander": {"urls": urls}}},
        headers=analyst.headers,
    )
    assert created.status_code == 201, created.get_json()
    appliance_of(app).jobs.shutdown()
    scan = client.get(f"/api/v1/scans/{created.get_json()['id']}", headers=analyst.headers)

    assert outside.connections == []
    assert len(inside.connections) == 1
    run = _runs(scan.get_json())["wander"]
    assert run["status"] == "failed" and run["findings_count"] == 1
    assert "OutOfScope" in run["error"] and "not contacted" in run["error"]
