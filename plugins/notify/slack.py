"""The ``slack`` transport: the event as a Slack incoming-webhook message (``text`` plus
Block Kit ``blocks``), POSTed through the appliance's network guard. Slack does not check
signatures, so none are sent."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import marshmallow as ma

from cyberorigen.plugin_api import Delivery, PermanentError, Sent, Transport
from cyberorigen.plugin_api.net import post

USER_AGENT = "CyberOrigen-Webhooks/1"
#: Slack limits a section's text to 3000 characters and a header's to 150.
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
#: How many top-level fields the generic fallback lists.
FALLBACK_FIELDS = 10


class SlackConfigSchema(ma.Schema):
    channel = ma.fields.String(validate=ma.validate.Length(min=1, max=80))
    username = ma.fields.String(validate=ma.validate.Length(min=1, max=80))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def facts(event_type: str, data: Mapping[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """A one-line summary of the event and its key facts as ``(label, value)`` pairs."""
    if event_type.startswith("scan."):
        target = _value(data.get("target", "?"))
        status = _value(data.get("status", event_type.split(".", 1)[1]))
        found = data.get("vulnerabilities_found")
        summary = f"Scan of {target}: {status}"
        pairs = [("Target", target), ("Status", status)]
        if found is not None:
            summary += f", {found} vulnerabilities found"
            pairs.append(("Vulnerabilities found", _value(found)))
        if data.get("scan_id"):
            pairs.append(("Scan", _value(data["scan_id"])))
        return summary, pairs
    if event_type == "vulnerability.found":
        severity = _value(data.get("severity", "?"))
        title = _value(data.get("title", "?"))
        target = _value(data.get("target", "?"))
        pairs = [("Severity", severity), ("Title", title), ("Target", target)]
        if data.get("location"):
            pairs.append(("Location", _value(data["location"])))
        return f"{severity.upper()} vulnerability on {target}: {title}", pairs
    if event_type == "control.status_changed":
        name = _value(data.get("name") or data.get("control_id") or "?")
        previous = _value(data.get("previous_status") or "none")
        status = _value(data.get("status", "?"))
        change = f"{previous} → {status}"
        pairs = [("Control", name), ("Status", change)]
        if data.get("reason"):
            pairs.append(("Reason", _value(data["reason"])))
        return f"Control {name}: {change}", pairs
    pairs = [(str(key), _value(value)) for key, value in list(data.items())[:FALLBACK_FIELDS]]
    return f"CyberOrigen event {event_type}", pairs


def message(delivery: Delivery) -> dict[str, Any]:
    """The Slack message for ``delivery``."""
    payload = delivery.payload
    data = payload.get("data") or {}
    if not isinstance(data, Mapping):
        data = {"data": data}
    summary, pairs = facts(delivery.event_type, data)
    summary = _one_line(summary)
    lines = "\n".join(f"*{label}:* {_one_line(value)}" for label, value in pairs)
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": _clip(delivery.event_type, HEADER_LIMIT)},
        },
        {"type": "section", "text": {"type": "mrkdwn", "text": _clip(summary, SECTION_LIMIT)}},
    ]
    if lines:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": _clip(lines, SECTION_LIMIT)}}
        )
    blocks.append(
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": _clip(
                        f"Event {delivery.id} at {payload.get('created_at', '?')}", SECTION_LIMIT
                    ),
                }
            ],
        }
    )
    body: dict[str, Any] = {"text": _clip(summary, SECTION_LIMIT), "blocks": blocks}
    for key in ("channel", "username"):
        if delivery.config.get(key):
            body[key] = delivery.config[key]
    return body


class SlackTransport(Transport):
    name = "slack"
    uses_url = True
    url_is_credential = True  # whoever has the incoming-webhook URL may post to the channel
    config_schema = SlackConfigSchema

    def check_url(self, url: str) -> str | None:
        try:
            parts = urlsplit(url)
        except ValueError:
            return "not a valid URL"
        if parts.scheme != "https":
            return "a Slack webhook URL must use https"
        if not parts.hostname:
            return "the URL has no host"
        return None

    def send(self, delivery: Delivery) -> Sent:
        if not delivery.url:
            raise PermanentError("the webhook has no url")
        problem = self.check_url(delivery.url)
        if problem:
            raise PermanentError(problem)
        body = json.dumps(message(delivery), ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT}
        return post(delivery.network, delivery.url, body, headers)
