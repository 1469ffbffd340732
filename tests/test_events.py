"""One table of event types (cyberorigen.events): every payload the outbox writes is checked
against it, and the OpenAPI document and docs/webhooks.md publish exactly it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyberorigen.events import EVENTS, InvalidEventPayload, check_payload, docs_table
from cyberorigen.services.outbox import record_event

DOCS = Path(__file__).resolve().parent.parent / "docs" / "webhooks.md"

SCAN = {
    "scan_id": "scan_1",
    "target": "example.com",
    "scan_type": "full",
    "status": "completed",
    "vulnerabilities_found": 2,
    "frameworks": ["soc2"],
    "error": None,
}


def test_docs_webhooks_shows_the_event_table_as_generated():
    assert docs_table() in DOCS.read_text(encoding="utf-8"), (
        "docs/webhooks.md's event table differs from cyberorigen.events: paste the output of "
        "`python -c 'from cyberorigen.events import docs_table; print(docs_table())'`"
    )


def test_the_openapi_document_publishes_each_event_with_its_fields(client):
    components = client.get("/openapi.json").get_json()["components"]["schemas"]
    for event in EVENTS:
        name = "WebhookEvent" + "".join(
            part.title() for part in event.name.replace(".", "_").split("_")
        )
        assert name in components, name
        data = components[name]["properties"]["data"]
        if "$ref" in data:
            data = components[data["$ref"].rsplit("/", 1)[-1]]
        fields = {field.data_key or key for key, field in event.data().fields.items()}
        assert set(data["properties"]) == fields, event.name


def test_a_payload_matching_its_schema_is_accepted():
    check_payload("scan.completed", SCAN)


@pytest.mark.parametrize(
    ("event_type", "payload", "problem"),
    [
        ("scan.exploded", SCAN, "unknown event type"),
        ("scan.completed", {k: v for k, v in SCAN.items() if k != "target"}, "missing target"),
        ("scan.completed", {**SCAN, "secret": "x"}, "secret"),
        ("scan.completed", {**SCAN, "vulnerabilities_found": "many"}, "vulnerabilities_found"),
        ("scan.completed", {**SCAN, "target": None}, "target"),
    ],
    ids=["unknown-type", "missing-field", "extra-field", "wrong-type", "null"],
)
def test_a_payload_that_breaks_its_schema_is_refused(event_type, payload, problem):
    with pytest.raises(InvalidEventPayload, match=problem):
        check_payload(event_type, payload)


def test_the_outbox_writes_no_event_whose_payload_breaks_its_schema(make_account):
    from cyberorigen.db.models import Organization, OutboxEvent

    make_account(role="admin")
    organization = Organization.get()
    with pytest.raises(InvalidEventPayload):
        record_event(organization.id, "scan.completed", {**SCAN, "status": 3})
    assert OutboxEvent.select().count() == 0
    record_event(organization.id, "scan.completed", SCAN)
    assert OutboxEvent.select().count() == 1
