"""Each check on each thing a scan examined ends passed, failed or inconclusive, with why.

Real servers on 127.0.0.1: an HTTP server that sets no security headers (its header checks
fail, the others pass, the HTTPS-only ones are not examined), a closed port (nothing
observed: every check inconclusive, ``unreachable``), and a scan cancelled before it ran.
``GET /api/v1/scans/{id}/checks`` lists the outcomes; the scan's ``coverage`` counts them.
"""

from __future__ import annotations

import pytest
from support.embedded import EmbeddedScans
from support.servers import HttpServer, QuietHandler

from cyberorigen.db import database
from cyberorigen.db.models import CheckOutcome, ScannerRun
from cyberorigen.plugins.http.scanner import HttpScanner
from cyberorigen.services.check_outcomes import CheckTally, record_run_outcomes

PROFILES = {"web": ["http"], "blind": ["blind"]}


class Bare(QuietHandler):
    """A page with no security header and a session cookie without flags."""

    def do_GET(self) -> None:
        self.reply(200, b"<html><body>hello</body></html>", {"Set-Cookie": "session=abc"})

    do_HEAD = do_GET


@pytest.fixture
def appliance(with_plugins, make_app, make_account, unique_address):
    with_plugins("blind")
    analyst = make_account(role="analyst")
    return EmbeddedScans(make_app, analyst, unique_address, **{"scans.profiles": PROFILES})


@pytest.fixture
def bare_site():
    server = HttpServer(Bare)
    yield server
    server.close()


def _outcomes(scans, scan_id: str, query: str = "") -> list[dict]:
    page = scans.get(f"/api/v1/scans/{scan_id}/checks?per_page=100{query}")
    assert page["total"] == len(page["items"]), page
    return page["items"]


def test_a_web_scan_says_how_every_check_ended_and_coverage_counts_them(appliance, bare_site):
    result = appliance.scan(
        {"target": f"http://127.0.0.1:{bare_site.port}/", "scan_type": "web", "options": {}}
    )
    assert result["status"] == "completed", result
    outcomes = _outcomes(appliance, result["id"])
    by_check = {item["check_id"]: item for item in outcomes}
    # One outcome per check of the http scanner, on the one thing it examined.
    assert set(by_check) == {check.id for check in HttpScanner().checks}
    assert len(outcomes) == len(by_check)
    assert {item["scanner"] for item in outcomes} == {"http"}

    failed = {key for key, item in by_check.items() if item["outcome"] == "failed"}
    findings = appliance.get(f"/api/v1/scans/{result['id']}/findings?per_page=100")["items"]
    failing = {item["check_id"] for item in findings if item["severity"] != "info"}
    assert failed == failing and failed, (failed, failing)
    for key in failed:
        assert by_check[key]["findings"] >= 1 and by_check[key]["reason"] is None
    # The missing headers are failures; what it observed absent is a pass.
    assert {"http.csp_missing", "http.clickjacking_unprotected"} <= failed, by_check
    passed = [item for item in outcomes if item["outcome"] == "passed"]
    assert passed and all(item["reason"] is None for item in passed)
    # What the scanner said it did not examine is inconclusive, with its words.
    run = next(item for item in result["scanners"] if item["scanner"] == "http")
    for key, why in run["not_examined"].items():
        assert by_check[key]["outcome"] == "inconclusive", by_check[key]
        assert (by_check[key]["reason"], by_check[key]["detail"]) == ("not_examined", why)
    assert run["not_examined"], "an http:// site: its HTTPS-only checks are not examined"

    counts = {
        outcome: sum(item["outcome"] == outcome for item in outcomes)
        for outcome in ("passed", "failed", "inconclusive")
    }
    coverage = result["coverage"]
    assert {key: coverage[f"checks_{key}"] for key in counts} == counts

    only_failed = _outcomes(appliance, result["id"], "&outcome=failed")
    assert {item["check_id"] for item in only_failed} == failed
    assert _outcomes(appliance, result["id"], "&scanner=ports") == []


def test_an_unreachable_target_leaves_every_check_inconclusive(appliance, free_port):
    result = appliance.scan(
        {"target": "127.0.0.1", "scan_type": "blind", "options": {"blind": {"port": free_port()}}}
    )
    assert result["status"] == "failed", result
    (outcome,) = _outcomes(appliance, result["id"])
    assert outcome["check_id"] == "blind.plaintext_service"
    assert (outcome["outcome"], outcome["reason"]) == ("inconclusive", "unreachable")
    assert outcome["detail"].startswith("observed nothing"), outcome
    assert result["coverage"]["checks_passed"] == 0
    assert result["coverage"]["checks_inconclusive"] == 1


def test_a_bad_filter_is_a_422_in_the_contract_format(appliance, free_port):
    result = appliance.scan(
        {"target": "127.0.0.1", "scan_type": "blind", "options": {"blind": {"port": free_port()}}}
    )
    response = appliance.answer(
        f"/api/v1/scans/{result['id']}/checks?outcome=maybe", appliance._account
    )
    assert response.status_code == 422
    body = response.get_json()
    assert (body["error_code"], body["field"]) == ("VALIDATION_ERROR", "outcome"), body
    missing = appliance.answer("/api/v1/scans/scan_0000000000000000/checks", appliance._account)
    assert missing.status_code == 404


def test_a_rerun_replaces_its_outcomes_and_a_timeout_is_inconclusive(appliance, free_port):
    """A run re-run after its worker died records its checks once; a run that timed out
    records each of them inconclusive with the runner's words."""
    result = appliance.scan(
        {"target": "127.0.0.1", "scan_type": "blind", "options": {"blind": {"port": free_port()}}}
    )
    database.connect(reuse_if_open=True)
    run = ScannerRun.get(ScannerRun.scanner == "blind")
    checks = HttpScanner().checks[:3]
    run.status, run.error, run.not_examined = "completed", None, {}
    tally = CheckTally()
    tally.add(checks[0].id, "high")
    tally.add(checks[1].id, "info")
    record_run_outcomes(run, checks, tally)
    run.status, run.error = "timed_out", "stopped after its 60 s timeout"
    record_run_outcomes(run, checks, tally)
    rows = list(CheckOutcome.select().where(CheckOutcome.run == run).order_by(CheckOutcome.id))
    assert [(row.outcome, row.reason) for row in rows] == [("inconclusive", "timed_out")] * 3
    assert {row.detail for row in rows} == {"stopped after its 60 s timeout"}
    assert [row.findings for row in rows] == [1, 1, 0]
    run.status = "completed"
    record_run_outcomes(run, checks, tally)
    rows = list(CheckOutcome.select().where(CheckOutcome.run == run).order_by(CheckOutcome.id))
    assert [(row.outcome, row.detail) for row in rows] == [
        ("failed", None),
        ("passed", "1 informational finding(s)"),
        ("passed", None),
    ]
    assert appliance.get(f"/api/v1/scans/{result['id']}")["coverage"]["checks_failed"] == 1
