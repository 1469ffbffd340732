"""Webhooks end to end, against real HTTP receivers on 127.0.0.1 that check the Standard
Webhooks signatures with their own code: delivery, retries, redelivery, disabling, the SSRF
guard, secret rotation, and secrets kept out of responses and logs."""

from __future__ import annotations

import base64
import io
import json
import logging
import socket
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from rq import Queue, SimpleWorker
from rq.serializers import JSONSerializer
from support.servers import HttpServer, QuietHandler
from support.webhooks import verify

from cyberorigen.appliance import appliance_of
from cyberorigen.db import database
from cyberorigen.db.models import OutboxEvent, Webhook, WebhookDelivery, utcnow
from cyberorigen.events import example_payload
from cyberorigen.services.outbox import record_event
from cyberorigen.webhooks.dispatch import dispatch_once

LOOPBACK = {"webhooks.allowed_networks": "127.0.0.0/8"}


class Receiver(HttpServer):
    """Records each POST; answers with the next (status, headers) of ``answers`` (the last one
    repeats)."""

    def __init__(self, answers=((200, {}),), port: int = 0) -> None:
        self.requests: list[tuple[dict, bytes]] = []
        self.answers = list(answers)
        outer = self

        class Handler(QuietHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                status, extra = outer.answers[min(len(outer.requests), len(outer.answers)) - 1]
                self.reply(status, b'{"ok": true}', extra)

        super().__init__(Handler, port=port)
        self.url = f"http://127.0.0.1:{self.port}/hook"

    def bodies(self) -> list[dict]:
        return [json.loads(body) for _, body in self.requests]


@pytest.fixture
def receivers():
    made: list[Receiver] = []

    def make(*answers, port: int = 0) -> Receiver:
        receiver = Receiver(answers or ((200, {}),), port)
        made.append(receiver)
        return receiver

    yield make
    for receiver in made:
        receiver.close()


@pytest.fixture
def hooks(make_app, make_account, unique_address):
    """An appliance on Redis whose webhook receivers may be on loopback; ``pump()`` runs the
    dispatcher once and then the queued deliveries, in this process."""
    app = make_app(
        **LOOPBACK,
        **{"webhooks.retry_delays": "1,1,1", "webhooks.disable_after_failures": 2},
    )
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    analyst = make_account(role="analyst")
    state = appliance_of(app)

    def pump(due_now: bool = True) -> None:
        database.connect(reuse_if_open=True)
        if due_now:  # make waiting retries due now, instead of sleeping through the backoff
            WebhookDelivery.update(next_attempt_at=utcnow()).where(
                WebhookDelivery.status == "pending"
            ).execute()
        dispatch_once(
            state.jobs.enqueue_delivery,
            state.catalogue,
            state.settings.webhooks.lease_seconds,
            per_job=8,  # several deliveries of one webhook per job, as the dispatcher does
        )
        SimpleWorker(
            [state.settings.webhooks.queue], connection=state.redis, serializer=JSONSerializer
        ).work(burst=True)

    def subscribe(url: str, events=("scan.completed",), **extra) -> dict:
        response = client.post(
            "/api/v1/webhooks",
            json={"url": url, "events": list(events), **extra},
            headers=analyst.headers,
        )
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return app, client, analyst, pump, subscribe


def _event(analyst_org_public_id: str, event_type: str, payload: dict) -> OutboxEvent:
    from cyberorigen.db.models import Organization

    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == analyst_org_public_id)
    with database.atomic():  # the fields a test does not care about get example values
        return record_event(org.id, event_type, example_payload(event_type, **payload))


def _deliveries(client, analyst, webhook_id: str) -> list[dict]:
    return client.get(
        f"/api/v1/webhooks/{webhook_id}/deliveries", headers=analyst.headers
    ).get_json()["items"]


def test_a_completed_scan_reaches_the_receiver_as_a_verifiable_signed_delivery(
    hooks, receivers, with_plugins
):
    app, client, analyst, pump, subscribe = hooks
    receiver = receivers()
    webhook = subscribe(receiver.url)
    secret = webhook["secret"]
    assert secret.startswith("whsec_")
    created = client.post(
        "/api/v1/scans",
        json={
            "target": "127.0.0.1",
            "scan_type": "network",
            "options": {"ports": {"ports": [receiver.port], "use_nmap": False}},
        },
        headers=analyst.headers,
    )
    assert created.status_code == 201
    state = appliance_of(app)
    SimpleWorker(
        [state.settings.scan_queue], connection=state.redis, serializer=JSONSerializer
    ).work(burst=True)

    pump()

    assert len(receiver.requests) == 1
    headers, body = receiver.requests[0]
    assert verify(secret, headers, body)
    assert not verify("whsec_" + base64.b64encode(b"x" * 32).decode(), headers, body)
    message = json.loads(body)
    assert set(message) == {"id", "type", "created_at", "data"}
    assert message["type"] == "scan.completed"
    assert message["id"].startswith("evt_") and headers["webhook-id"] == message["id"]
    assert message["data"]["scan_id"] == created.get_json()["id"]
    assert message["data"]["status"] == "completed"
    log = _deliveries(client, analyst, webhook["id"])
    assert [(d["status"], d["attempts"], d["last_status_code"]) for d in log] == [
        ("delivered", 1, 200)
    ]
    assert log[0]["event_id"] == message["id"] and log[0]["latency_ms"] >= 0
    assert log[0]["response_excerpt"] == '{"ok": true}'


def test_a_receiver_that_is_down_then_up_gets_the_event_with_the_same_id(hooks, receivers):
    app, client, analyst, pump, subscribe = hooks
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    webhook = subscribe(f"http://127.0.0.1:{port}/hook", events=["vulnerability.found"])
    event = _event(analyst.org_id, "vulnerability.found", {"severity": "high", "title": "x"})

    pump()
    log = _deliveries(client, analyst, webhook["id"])
    assert [(d["status"], d["attempts"]) for d in log] == [("pending", 1)]
    assert "connection" in log[0]["last_error"]
    assert log[0]["next_attempt_at"] is not None

    receiver = receivers(port=port)
    pump()

    assert [json.loads(body)["id"] for _, body in receiver.requests] == [event.public_id]
    assert receiver.requests[0][0]["webhook-id"] == event.public_id
    detail = client.get(
        f"/api/v1/webhooks/{webhook['id']}/deliveries/{log[0]['id']}", headers=analyst.headers
    ).get_json()
    assert detail["status"] == "delivered" and detail["attempts"] == 2
    assert [item["status_code"] for item in detail["history"]] == [None, 200]


def test_server_errors_are_retried_honouring_retry_after_then_given_up(hooks, receivers):
    app, client, analyst, pump, subscribe = hooks
    receiver = receivers((503, {"Retry-After": "120"}), (500, {}))
    webhook = subscribe(receiver.url, events=["*"])
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_x", "target": "example.com"})

    before = utcnow()
    pump()
    database.connect(reuse_if_open=True)
    row = WebhookDelivery.get(WebhookDelivery.webhook == Webhook.get(public_id=webhook["id"]))
    assert row.status == "pending" and row.last_status_code == 503
    assert row.next_attempt_at >= before + timedelta(seconds=119)  # Retry-After beats 1 s

    for _ in range(3):
        pump()
    row = WebhookDelivery.get_by_id(row.id)
    assert (row.status, row.attempts) == ("failed", 4)  # 1 + the 3 retries of the schedule
    assert len(receiver.requests) == 4
    assert len({headers["webhook-id"] for headers, _ in receiver.requests}) == 1


def test_410_disables_the_webhook_and_says_so(hooks, receivers):
    app, client, analyst, pump, subscribe = hooks
    gone = receivers((410, {}))
    watcher = receivers()
    webhook = subscribe(gone.url, events=["scan.started"])
    subscribe(watcher.url, events=["webhook.disabled"])
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_y"})

    pump()
    pump()  # the webhook.disabled event goes out on the next round

    body = client.get(f"/api/v1/webhooks/{webhook['id']}", headers=analyst.headers).get_json()
    assert body["active"] is False
    assert "410" in body["disabled_reason"]
    assert [(m["type"], m["data"]["webhook_id"]) for m in watcher.bodies()] == [
        ("webhook.disabled", webhook["id"])
    ]
    assert _deliveries(client, analyst, webhook["id"])[0]["status"] == "failed"
    refused = client.post(f"/api/v1/webhooks/{webhook['id']}/test", headers=analyst.headers)
    assert refused.status_code == 409
    again = client.patch(
        f"/api/v1/webhooks/{webhook['id']}", json={"active": True}, headers=analyst.headers
    ).get_json()
    assert again["active"] is True and again["disabled_reason"] is None


def test_failing_deliveries_in_a_row_disable_the_webhook(hooks, receivers):
    app, client, analyst, pump, subscribe = hooks
    refusing = receivers((400, {}))
    webhook = subscribe(refusing.url, events=["scan.started"])

    _event(analyst.org_id, "scan.started", {"scan_id": "scan_1"})
    pump()
    assert client.get(f"/api/v1/webhooks/{webhook['id']}", headers=analyst.headers).get_json()[
        "active"
    ]
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_2"})
    pump()

    body = client.get(f"/api/v1/webhooks/{webhook['id']}", headers=analyst.headers).get_json()
    assert len(refusing.requests) == 2  # a 400 is not retried
    assert body["active"] is False and body["consecutive_failures"] == 2
    assert "2 deliveries in a row failed" in body["disabled_reason"]


def test_a_redirect_is_not_followed(hooks, receivers):
    app, client, analyst, pump, subscribe = hooks
    target = receivers()
    redirecting = receivers((302, {"Location": target.url}))
    webhook = subscribe(redirecting.url, events=["scan.started"])
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_z"})

    pump()

    assert len(redirecting.requests) == 1 and target.requests == []
    log = _deliveries(client, analyst, webhook["id"])
    assert (log[0]["status"], log[0]["last_status_code"]) == ("failed", 302)
    assert "redirect" in log[0]["last_error"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://[::1]/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706433/hook",
        "http://0177.0.0.1/hook",
        "http://localhost:8080/hook",
        "http://10.1.2.3/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://[::7f00:1]/hook",
        "http://[64:ff9b::7f00:1]/hook",
        "http://[2002:7f00:1::]/hook",
    ],
)
def test_internal_addresses_are_refused_unless_allowed(make_app, make_account, unique_address, url):
    strict = make_app()
    client = strict.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    analyst = make_account(role="analyst")

    refused = client.post(
        "/api/v1/webhooks", json={"url": url, "events": ["scan.completed"]}, headers=analyst.headers
    )

    assert refused.status_code == 422, refused.get_json()
    assert refused.get_json()["field"] == "url"
    assert "refused" in refused.get_json()["detail"]
    lenient = make_app(
        **{"webhooks.allowed_networks": "127.0.0.0/8,::1/128,169.254.0.0/16,10.0.0.0/8"}
    ).test_client()
    lenient.environ_base["REMOTE_ADDR"] = unique_address()
    allowed = lenient.post(
        "/api/v1/webhooks", json={"url": url, "events": ["scan.completed"]}, headers=analyst.headers
    )
    assert allowed.status_code == 201, allowed.get_json()


def test_the_address_is_checked_again_when_sending(hooks, receivers, make_app, unique_address):
    """Saved while loopback was allowed; at send time it no longer is (as when a name starts
    resolving to an internal address): nothing reaches the receiver."""
    app, client, analyst, pump, subscribe = hooks
    receiver = receivers()
    webhook = subscribe(receiver.url, events=["scan.started"])
    strict = make_app(**{"webhooks.queue": appliance_of(app).settings.webhooks.queue})
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_r"})

    state = appliance_of(strict)
    database.connect(reuse_if_open=True)
    dispatch_once(state.jobs.enqueue_delivery, state.catalogue, 60)
    SimpleWorker(
        [state.settings.webhooks.queue], connection=state.redis, serializer=JSONSerializer
    ).work(burst=True)

    assert receiver.requests == []
    log = _deliveries(client, analyst, webhook["id"])
    assert log[0]["status"] == "failed" and "refused" in log[0]["last_error"]


def test_rotation_signs_with_both_secrets_during_the_overlap(hooks, receivers):
    app, client, analyst, pump, subscribe = hooks
    receiver = receivers()
    webhook = subscribe(receiver.url, events=["scan.started"], secret="first-secret-0123456789")

    rotated = client.post(
        f"/api/v1/webhooks/{webhook['id']}/rotate-secret", json={}, headers=analyst.headers
    )
    new_secret = rotated.get_json()["secret"]
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_a"})
    pump()

    headers, body = receiver.requests[0]
    assert len(headers["webhook-signature"].split()) == 2
    assert verify(new_secret, headers, body)
    assert verify("first-secret-0123456789", headers, body)

    database.connect(reuse_if_open=True)
    Webhook.update(previous_secret_until=utcnow() - timedelta(seconds=1)).where(
        Webhook.public_id == webhook["id"]
    ).execute()
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_b"})
    pump()
    headers, body = receiver.requests[1]
    assert len(headers["webhook-signature"].split()) == 1
    assert verify(new_secret, headers, body)
    assert not verify("first-secret-0123456789", headers, body)


def test_the_secret_appears_in_no_response_and_no_log_line(hooks, receivers, caplog):
    app, client, analyst, pump, subscribe = hooks
    secret = "s3cr3t-that-must-never-leak-4711"
    receiver = receivers((500, {}), (200, {}))
    caplog.set_level(logging.DEBUG)

    created = client.post(
        "/api/v1/webhooks",
        json={"url": receiver.url, "events": ["scan.started"], "secret": secret},
        headers=analyst.headers,
    )
    webhook_id = created.get_json()["id"]
    responses = [
        created,
        client.get("/api/v1/webhooks", headers=analyst.headers),
        client.get(f"/api/v1/webhooks/{webhook_id}", headers=analyst.headers),
        client.patch(
            f"/api/v1/webhooks/{webhook_id}", json={"events": ["*"]}, headers=analyst.headers
        ),
    ]
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_s"})
    pump()
    pump()
    responses.append(
        client.get(f"/api/v1/webhooks/{webhook_id}/deliveries", headers=analyst.headers)
    )

    assert len(receiver.requests) == 2
    for response in responses:
        assert secret not in response.get_data(as_text=True)
    assert all(secret not in record.getMessage() for record in caplog.records)
    database.connect(reuse_if_open=True)
    stored = Webhook.get(Webhook.public_id == webhook_id)
    assert secret not in stored.secret_encrypted


def test_redelivery_and_test_pings(hooks, receivers):
    app, client, analyst, pump, subscribe = hooks
    receiver = receivers()
    webhook = subscribe(receiver.url, events=["scan.started"])
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_p"})
    pump()
    first = _deliveries(client, analyst, webhook["id"])[0]

    again = client.post(
        f"/api/v1/webhooks/{webhook['id']}/deliveries/{first['id']}/redeliver",
        headers=analyst.headers,
    )
    ping = client.post(f"/api/v1/webhooks/{webhook['id']}/test", headers=analyst.headers)
    pump()

    assert again.status_code == 202 and again.get_json()["redelivery_of"] == first["id"]
    assert ping.status_code == 202 and ping.get_json()["event_type"] == "ping"
    bodies = receiver.bodies()
    assert [m["type"] for m in bodies] == ["scan.started", "scan.started", "ping"]
    assert bodies[0]["id"] == bodies[1]["id"]  # the same webhook-id
    log = _deliveries(client, analyst, webhook["id"])
    assert {d["status"] for d in log} == {"delivered"} and len(log) == 3


def test_events_and_filters_are_validated_and_applied(hooks, receivers):
    app, client, analyst, pump, subscribe = hooks
    unknown = client.post(
        "/api/v1/webhooks",
        json={"url": "http://127.0.0.1:9/x", "events": ["scan.exploded"]},
        headers=analyst.headers,
    )
    bad_transport = client.post(
        "/api/v1/webhooks",
        json={"url": "http://127.0.0.1:9/x", "events": ["*"], "transport": "pigeon"},
        headers=analyst.headers,
    )
    bad_filter = client.post(
        "/api/v1/webhooks",
        json={
            "url": "http://127.0.0.1:9/x",
            "events": ["*"],
            "filters": {"min_severity": "urgent"},
        },
        headers=analyst.headers,
    )
    assert unknown.status_code == 422 and unknown.get_json()["field"] == "events"
    assert bad_transport.status_code == 422 and bad_transport.get_json()["field"] == "transport"
    assert bad_filter.status_code == 422
    assert bad_filter.get_json()["field"] == "filters.min_severity"

    receiver = receivers()
    subscribe(
        receiver.url,
        events=["vulnerability.found"],
        filters={"min_severity": "high", "targets": ["example.com"]},
    )
    _event(analyst.org_id, "vulnerability.found", {"severity": "low", "target": "example.com"})
    _event(analyst.org_id, "vulnerability.found", {"severity": "high", "target": "other.org"})
    _event(
        analyst.org_id, "vulnerability.found", {"severity": "critical", "target": "a.example.com"}
    )
    _event(analyst.org_id, "scan.started", {"scan_id": "scan_q"})
    pump()

    assert [(m["data"]["severity"], m["data"]["target"]) for m in receiver.bodies()] == [
        ("critical", "a.example.com")
    ]


def test_every_event_type_is_published_in_the_openapi_document(client):
    spec = client.get("/openapi.json").get_json()
    names = set(spec["components"]["schemas"])
    for name in (
        "WebhookEventScanStarted",
        "WebhookEventScanCompleted",
        "WebhookEventScanFailed",
        "WebhookEventVulnerabilityFound",
        "WebhookEventFindingStatusChanged",
        "WebhookEventControlStatusChanged",
        "WebhookEventEvidenceExpiring",
        "WebhookEventWebhookDisabled",
    ):
        assert name in names
        assert set(spec["components"]["schemas"][name]["properties"]) == {
            "id",
            "type",
            "created_at",
            "data",
        }


class HangingOnce(Receiver):
    """The first request hangs (until released); later ones get 200."""

    def __init__(self) -> None:
        self.hanging = threading.Event()
        self.release = threading.Event()
        super().__init__(((200, {}),))
        handler = self.server.RequestHandlerClass
        original = handler.do_POST
        outer = self

        def do_post(this):
            if not outer.hanging.is_set():
                outer.hanging.set()
                this.rfile.read(int(this.headers.get("Content-Length", 0)))
                outer.requests.append(({k.lower(): v for k, v in this.headers.items()}, b""))
                outer.release.wait(30)
                return
            original(this)

        handler.do_POST = do_post

    def close(self) -> None:
        self.release.set()
        super().close()


def test_a_worker_killed_mid_delivery_still_delivers_the_event(
    make_app, make_account, cli_env, kill_hard, worker_processes
):
    queue = f"cyberorigen-test-webhooks-{int(time.time() * 1000)}"
    overrides = {**LOOPBACK, "webhooks.queue": queue, "webhooks.lease_seconds": 3}
    app = make_app(**overrides)
    client = app.test_client()
    analyst = make_account(role="analyst")
    receiver = HangingOnce()
    env = dict(
        cli_env,
        CYBERORIGEN_WEBHOOKS_ALLOWED_NETWORKS="127.0.0.0/8",
        CYBERORIGEN_WEBHOOKS_QUEUE=queue,
        CYBERORIGEN_SCANS_QUEUE=appliance_of(app).settings.scan_queue,
        CYBERORIGEN_WEBHOOKS_LEASE_SECONDS="3",
    )

    def worker():
        return worker_processes(env)

    state = appliance_of(app)

    def dispatch():
        database.connect(reuse_if_open=True)
        return dispatch_once(state.jobs.enqueue_delivery, state.catalogue, 3)

    try:
        created = client.post(
            "/api/v1/webhooks",
            json={"url": receiver.url, "events": ["scan.started"]},
            headers=analyst.headers,
        ).get_json()
        event = _event(analyst.org_id, "scan.started", {"scan_id": "scan_k"})
        first = worker()
        assert dispatch() == (1, 1)
        assert receiver.hanging.wait(30), "the first worker never reached the receiver"
        kill_hard(first)  # the worker and its work horse, mid-delivery
        second = worker()

        deadline = time.monotonic() + 60
        delivered = []
        while time.monotonic() < deadline and not delivered:
            dispatch()  # re-claims the delivery once the dead worker's lease has run out
            time.sleep(0.5)
            delivered = [
                d for d in _deliveries(client, analyst, created["id"]) if d["status"] == "delivered"
            ]
        assert delivered, _deliveries(client, analyst, created["id"])
        assert second.poll() is None
        ids = [headers["webhook-id"] for headers, _ in receiver.requests]
        assert ids == [event.public_id, event.public_id]
        assert verify(created["secret"], *receiver.requests[1])
    finally:
        receiver.close()


def test_other_transports_are_chosen_and_validated_by_their_config(hooks, make_app):
    app, client, analyst, pump, subscribe = hooks
    post = lambda body: client.post("/api/v1/webhooks", json=body, headers=analyst.headers)  # noqa: E731

    no_recipients = post({"transport": "email", "events": ["*"], "config": {}})
    with_url = post(
        {
            "transport": "email",
            "url": "https://x.example/",
            "events": ["*"],
            "config": {"recipients": ["sec@example.com"]},
        }
    )
    bad_protocol = post(
        {"transport": "syslog", "events": ["*"], "config": {"host": "127.0.0.1", "protocol": "x"}}
    )
    email = post(
        {"transport": "email", "events": ["*"], "config": {"recipients": ["sec@example.com"]}}
    )

    assert no_recipients.status_code == 422
    assert no_recipients.get_json()["field"] == "config.recipients"
    assert with_url.status_code == 422 and with_url.get_json()["field"] == "url"
    assert bad_protocol.status_code == 422
    assert bad_protocol.get_json()["field"] == "config.protocol"
    assert email.status_code == 201
    assert (email.get_json()["transport"], email.get_json()["url"]) == ("email", None)

    strict = make_app().test_client()
    strict.environ_base["REMOTE_ADDR"] = "10.250.0.1"
    refused = strict.post(
        "/api/v1/webhooks",
        json={"transport": "syslog", "events": ["*"], "config": {"host": "127.0.0.1"}},
        headers=analyst.headers,
    )
    assert refused.status_code == 422 and refused.get_json()["field"] == "config.host"


def test_a_syslog_webhook_delivers_through_the_pipeline(hooks):
    app, client, analyst, pump, subscribe = hooks
    sink = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sink.bind(("127.0.0.1", 0))
    sink.settimeout(10)
    try:
        created = client.post(
            "/api/v1/webhooks",
            json={
                "transport": "syslog",
                "events": ["vulnerability.found"],
                "config": {"host": "127.0.0.1", "port": sink.getsockname()[1]},
            },
            headers=analyst.headers,
        )
        assert created.status_code == 201, created.get_json()
        event = _event(
            analyst.org_id, "vulnerability.found", {"severity": "critical", "title": "Telnet"}
        )
        pump()
        datagram = sink.recv(65535).decode()
    finally:
        sink.close()

    assert datagram.startswith("<130>1 ")  # local0 (16) * 8 + critical (2)
    assert f'eventId="{event.public_id}"' in datagram
    assert json.loads(datagram[datagram.index("{") :])["data"]["title"] == "Telnet"
    assert _deliveries(client, analyst, created.get_json()["id"])[0]["status"] == "delivered"


def test_evidence_about_to_expire_is_announced_once(hooks, make_account):
    app, client, analyst, pump, subscribe = hooks
    auditor_headers = analyst.headers  # analysts may add evidence (auditor and above)
    reviewer = make_account(role="auditor")
    soon = (utcnow() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    later = (utcnow() + timedelta(days=60)).strftime("%Y-%m-%dT%H:%M:%SZ")
    url = "/api/v1/controls/ctrl_access_control_policy/evidence"
    expiring = client.post(
        url,
        json={"kind": "note", "note": "Signed policy", "effective_until": soon},
        headers=auditor_headers,
    ).get_json()
    other = client.post(
        url,
        json={"kind": "note", "note": "Other", "effective_until": later},
        headers=auditor_headers,
    ).get_json()
    for item in (expiring, other):  # only accepted evidence counts, and so can stop counting
        accepted = client.post(
            f"{url}/{item['id']}/review", json={"decision": "accept"}, headers=reviewer.headers
        )
        assert accepted.status_code == 200, accepted.get_json()
    client.post(  # awaiting review: it does not count, so its end is not announced
        url,
        json={"kind": "note", "note": "Unreviewed", "effective_until": soon},
        headers=auditor_headers,
    )
    from cyberorigen.webhooks.dispatch import notify_expiring_evidence

    catalogue = appliance_of(app).catalogue
    database.connect(reuse_if_open=True)
    assert notify_expiring_evidence(catalogue) == 1
    assert notify_expiring_evidence(catalogue) == 0
    event = OutboxEvent.get(OutboxEvent.type == "evidence.expiring")
    assert event.payload["evidence_id"] == expiring["id"]
    assert event.payload["control_name"] == "Access Control Policy"
    assert event.payload["expires_at"] == soon


def test_a_delivery_whose_job_redis_lost_is_handed_out_again(
    make_app, make_account, unique_address, receivers
):
    from rq import Queue

    app = make_app(**LOOPBACK, **{"webhooks.lease_seconds": 1})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    analyst = make_account(role="analyst")
    receiver = receivers()
    client.post(
        "/api/v1/webhooks",
        json={"url": receiver.url, "events": ["scan.started"]},
        headers=analyst.headers,
    )
    event = _event(analyst.org_id, "scan.started", {"scan_id": "scan_lost"})
    state = appliance_of(app)
    queue = Queue(state.settings.webhooks.queue, connection=state.redis)

    def dispatch():
        database.connect(reuse_if_open=True)
        return dispatch_once(state.jobs.enqueue_delivery, state.catalogue, 1)

    assert dispatch() == (1, 1)
    queue.empty()  # as if Redis had restarted without its data
    assert dispatch() == (0, 0)  # still leased: not handed out twice at once
    time.sleep(2.1)  # timestamps are whole seconds: the 1 s lease is surely over
    assert dispatch() == (0, 1)
    SimpleWorker([queue.name], connection=state.redis, serializer=JSONSerializer).work(burst=True)

    assert [headers["webhook-id"] for headers, _ in receiver.requests] == [event.public_id]


def test_old_finished_deliveries_and_their_events_are_purged(hooks, receivers):
    from cyberorigen.webhooks.dispatch import purge_old

    app, client, analyst, pump, subscribe = hooks
    ok = receivers()
    down = receivers((500, {}))
    subscribe(ok.url, events=["scan.started"])
    failing = subscribe(down.url, events=["scan.failed"])
    delivered = _event(analyst.org_id, "scan.started", {"scan_id": "scan_old"})
    pending = _event(analyst.org_id, "scan.failed", {"scan_id": "scan_pending"})
    fresh = _event(analyst.org_id, "scan.started", {"scan_id": "scan_new"})
    pump(due_now=False)
    database.connect(reuse_if_open=True)
    old = utcnow() - timedelta(days=40)
    for event in (delivered, pending):
        OutboxEvent.update(created_at=old).where(OutboxEvent.id == event.id).execute()
        WebhookDelivery.update(created_at=old).where(WebhookDelivery.event == event.id).execute()

    assert purge_old(30) == (1, 1)

    remaining = {row.public_id for row in OutboxEvent.select()}
    assert delivered.public_id not in remaining
    assert {pending.public_id, fresh.public_id} <= remaining  # one still pending, one recent
    assert _deliveries(client, analyst, failing["id"])[0]["status"] == "pending"


def test_deliveries_of_one_webhook_share_a_job_and_each_is_logged(hooks, receivers):
    app, client, analyst, pump, subscribe = hooks
    receiver = receivers()
    webhook = subscribe(receiver.url, events=["scan.started"])
    events = [_event(analyst.org_id, "scan.started", {"scan_id": f"scan_{n}"}) for n in range(5)]
    state = appliance_of(app)
    queue = Queue(state.settings.webhooks.queue, connection=state.redis)

    database.connect(reuse_if_open=True)
    assert dispatch_once(state.jobs.enqueue_delivery, state.catalogue, 60, 4) == (
        5,
        5,
    )
    assert queue.count == 2  # 4 + 1
    SimpleWorker([queue.name], connection=state.redis, serializer=JSONSerializer).work(burst=True)

    assert sorted(m["id"] for m in receiver.bodies()) == sorted(e.public_id for e in events)
    log = _deliveries(client, analyst, webhook["id"])
    assert [d["status"] for d in log] == ["delivered"] * 5


def test_a_batched_subscription_gets_one_delivery_per_scan_with_every_new_finding(hooks, receivers):
    """``scan.findings`` is vulnerability.found batched per scan: a web scan of a bare site
    announces several findings; the per-finding subscription gets one delivery each, the
    batched one a single delivery listing them all; a second scan, which finds nothing new,
    sends neither."""
    app, client, analyst, pump, subscribe = hooks
    each, batched = receivers(), receivers()
    subscribe(each.url, events=["vulnerability.found"])
    subscribe(batched.url, events=["scan.findings"])
    site = receivers()  # a plain site: answers every request, sets no security header
    state = appliance_of(app)

    def scan() -> str:
        created = client.post(
            "/api/v1/scans",
            json={"target": f"http://127.0.0.1:{site.port}/", "scan_type": "web"},
            headers=analyst.headers,
        )
        assert created.status_code == 201, created.get_json()
        SimpleWorker(
            [state.settings.scan_queue], connection=state.redis, serializer=JSONSerializer
        ).work(burst=True)
        pump()
        return created.get_json()["id"]

    scan_id = scan()
    singles = [body["data"] for body in each.bodies()]
    assert len(singles) >= 3, singles
    assert {item["scan_id"] for item in singles} == {scan_id}
    (message,) = batched.bodies()
    assert message["type"] == "scan.findings"
    data = message["data"]
    assert (data["scan_id"], data["status"], data["truncated"]) == (scan_id, "completed", False)
    assert data["count"] == len(singles) == len(data["findings"])
    assert sorted(item["finding_id"] for item in data["findings"]) == sorted(
        item["finding_id"] for item in singles
    )
    ranks = ["info", "low", "medium", "high", "critical"]
    assert data["severity"] == max((item["severity"] for item in singles), key=ranks.index)

    scan()  # the same findings again: nothing new, nothing sent
    assert len(each.requests) == len(singles) and len(batched.requests) == 1


class SlowReceiver(Receiver):
    """Takes ``seconds`` to answer each POST; ``on_first`` runs while it holds the first."""

    def __init__(self, seconds: float, on_first=None) -> None:
        super().__init__()
        handler = self.server.RequestHandlerClass
        answer = handler.do_POST

        def slow(handler_self):
            if on_first is not None and not self.requests:
                on_first()
            time.sleep(seconds)
            answer(handler_self)

        handler.do_POST = slow


def _slow_hooks(make_app, make_account, unique_address, lease_seconds: int):
    app = make_app(**LOOPBACK, **{"webhooks.lease_seconds": lease_seconds})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    analyst = make_account(role="analyst")
    state = appliance_of(app)

    def pump() -> None:
        database.connect(reuse_if_open=True)
        dispatch_once(state.jobs.enqueue_delivery, state.catalogue, lease_seconds, 50)
        SimpleWorker(
            [state.settings.webhooks.queue], connection=state.redis, serializer=JSONSerializer
        ).work(burst=True)

    def subscribe(url: str) -> dict:
        response = client.post(
            "/api/v1/webhooks",
            json={"url": url, "events": ["scan.started"]},
            headers=analyst.headers,
        )
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return client, analyst, pump, subscribe


def test_a_job_out_of_time_hands_the_rest_back_for_the_next_round(
    make_app, make_account, unique_address
):
    """Lease 31 s and 5 + 10 s timeouts leave a job 1 s to start attempts in: to a receiver
    that takes 0.6 s, it makes two and releases the other three, which the next round
    delivers; nothing is sent twice."""
    client, analyst, pump, subscribe = _slow_hooks(make_app, make_account, unique_address, 31)
    receiver = SlowReceiver(0.6)
    try:
        webhook = subscribe(receiver.url)
        events = [_event(analyst.org_id, "scan.started", {"scan_id": f"s{n}"}) for n in range(5)]

        pump()
        log = _deliveries(client, analyst, webhook["id"])
        assert sorted(item["status"] for item in log) == ["delivered"] * 2 + ["pending"] * 3
        database.connect(reuse_if_open=True)
        assert (
            WebhookDelivery.select()
            .where(WebhookDelivery.lease_token.is_null(False))
            .where(WebhookDelivery.status == "pending")
            .count()
            == 0
        )  # handed back, not left leased
        while len(receiver.requests) < 5:
            pump()
        assert sorted(m["id"] for m in receiver.bodies()) == sorted(e.public_id for e in events)
        log = _deliveries(client, analyst, webhook["id"])
        assert [item["status"] for item in log] == ["delivered"] * 5
        assert all(item["attempts"] == 1 for item in log)
    finally:
        receiver.close()


def test_a_webhook_disabled_during_a_job_gets_no_more_of_its_attempts(
    make_app, make_account, unique_address
):
    """The job reads its webhook again when its copy is over a second old: disabled while
    the receiver holds the first delivery, the others stay pending, unsent."""
    client, analyst, pump, subscribe = _slow_hooks(make_app, make_account, unique_address, 120)
    made: dict[str, str] = {}

    def disable_it() -> None:
        database.connect(reuse_if_open=True)
        Webhook.update(active=False).where(Webhook.public_id == made["id"]).execute()

    receiver = SlowReceiver(1.2, on_first=disable_it)
    try:
        webhook = made = subscribe(receiver.url)
        for n in range(3):
            _event(analyst.org_id, "scan.started", {"scan_id": f"s{n}"})

        pump()
        assert len(receiver.requests) == 1
        log = _deliveries(client, analyst, webhook["id"])
        assert sorted(item["status"] for item in log) == ["delivered", "pending", "pending"]
    finally:
        receiver.close()


def test_two_dispatchers_at_once_make_each_delivery_once(hooks, receivers):
    """Dispatchers fanning out the same events at the same moment each claim a share (one
    UPDATE ... RETURNING a batch): every event gets one delivery to the webhook, none two."""
    from cyberorigen.webhooks.dispatch import fan_out

    app, client, analyst, pump, subscribe = hooks
    webhook = subscribe(receivers().url, events=["scan.started"])
    events = [_event(analyst.org_id, "scan.started", {"scan_id": f"s{n}"}) for n in range(300)]
    catalogue = appliance_of(app).catalogue
    created: list[int] = []
    start = threading.Barrier(2)

    def dispatcher() -> None:
        database.connect(reuse_if_open=True)
        try:
            start.wait()
            while made := fan_out(catalogue, batch=50):
                created.append(made)
        finally:
            database.close()

    threads = [threading.Thread(target=dispatcher) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    database.connect(reuse_if_open=True)
    row = Webhook.get(Webhook.public_id == webhook["id"])
    made = [
        item.event_id for item in WebhookDelivery.select().where(WebhookDelivery.webhook == row)
    ]
    assert sorted(made) == sorted(event.id for event in events)
    assert sum(created) == len(events)


def test_a_webhook_deleted_during_a_job_ends_it_quietly(make_app, make_account, unique_address):
    """Deleted while the receiver holds its first delivery: the job sends nothing more and
    ends without an error (its other deliveries went with the webhook)."""
    from rq.registry import FailedJobRegistry

    client, analyst, pump, subscribe = _slow_hooks(make_app, make_account, unique_address, 120)
    made: dict[str, str] = {}

    def delete_it() -> None:
        database.connect(reuse_if_open=True)
        Webhook.delete().where(Webhook.public_id == made["id"]).execute()

    receiver = SlowReceiver(1.2, on_first=delete_it)
    try:
        made = subscribe(receiver.url)
        for n in range(3):
            _event(analyst.org_id, "scan.started", {"scan_id": f"s{n}"})

        pump()
        assert len(receiver.requests) == 1
        database.connect(reuse_if_open=True)
        assert (
            WebhookDelivery.select().join(Webhook).where(Webhook.public_id == made["id"]).count()
            == 0
        )
        state = appliance_of(client.application)
        failed = FailedJobRegistry(state.settings.webhooks.queue, connection=state.redis)
        assert failed.count == 0
    finally:
        receiver.close()


def test_delivered_outcomes_wait_to_be_recorded_only_while_sends_are_quick(
    make_app, make_account, unique_address
):
    """A job records its delivered attempts a few at a time, but never keeps one unrecorded
    through another slow send: to a receiver that takes 0.3 s, each delivery is recorded
    before the next is sent (a crash would resend at most the one in flight)."""
    client, analyst, pump, subscribe = _slow_hooks(make_app, make_account, unique_address, 120)
    receiver = SlowReceiver(0.3)
    seen: list[list[str]] = []
    try:
        webhook = subscribe(receiver.url)
        database.connect(reuse_if_open=True)
        row = Webhook.get(Webhook.public_id == webhook["id"])
        handler = receiver.server.RequestHandlerClass
        answer = handler.do_POST

        def watched(handler_self) -> None:  # what is recorded when each request arrives
            database.connect(reuse_if_open=True)
            deliveries = WebhookDelivery.select().where(WebhookDelivery.webhook == row)
            seen.append(sorted(item.status for item in deliveries))
            answer(handler_self)

        handler.do_POST = watched
        for n in range(3):
            _event(analyst.org_id, "scan.started", {"scan_id": f"s{n}"})
        pump()
        assert seen == [
            ["pending", "pending", "pending"],
            ["delivered", "pending", "pending"],
            ["delivered", "delivered", "pending"],
        ]
        log = _deliveries(client, analyst, webhook["id"])
        assert [item["status"] for item in log] == ["delivered"] * 3
    finally:
        receiver.close()


def test_an_import_reaches_webhooks_like_a_scan(hooks, receivers):
    """A SARIF import's findings and completion go out as signed deliveries, filtered as a
    scan's are: vulnerability.found per new finding, scan.completed with scan_type import."""
    app, client, analyst, pump, subscribe = hooks
    receiver = receivers()
    subscribe(receiver.url, events=("vulnerability.found", "scan.completed"))
    sarif = Path(__file__).parent / "data" / "imports" / "semgrep.sarif"
    answer = client.post(
        "/api/v1/imports",
        data={"file": (io.BytesIO(sarif.read_bytes()), "semgrep.sarif"), "target": "example.com"},
        headers=analyst.headers,
        content_type="multipart/form-data",
    )
    assert answer.status_code == 201, answer.get_json()
    pump()
    bodies = receiver.bodies()
    kinds = sorted(body["type"] for body in bodies)
    assert kinds == ["scan.completed", "vulnerability.found", "vulnerability.found"], kinds
    completed = next(body for body in bodies if body["type"] == "scan.completed")
    assert completed["data"]["scan_type"] == "import"
    assert completed["data"]["scan_id"] == answer.get_json()["scan"]["id"]
    found = [body["data"] for body in bodies if body["type"] == "vulnerability.found"]
    assert {item["check_id"] for item in found} == {"sarif.result"}
    assert {item["target"] for item in found} == {"example.com"}
