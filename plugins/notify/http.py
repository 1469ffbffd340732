"""The ``http`` transport (the default): the event as JSON, POSTed and signed the Standard
Webhooks way, through the appliance's network guard."""

from __future__ import annotations

import json
import time

from cyberorigen.plugin_api import Delivery, PermanentError, Sent, Transport
from cyberorigen.plugin_api.net import post
from cyberorigen.plugin_api.signing import signature_headers

USER_AGENT = "CyberOrigen-Webhooks/1"


def json_body(delivery: Delivery) -> bytes:
    return json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()


class HttpTransport(Transport):
    name = "http"
    uses_url = True

    def send(self, delivery: Delivery) -> Sent:
        if not delivery.url:
            raise PermanentError("the webhook has no url")
        if not delivery.secrets:
            raise PermanentError("the webhook has no signing secret")
        body = json_body(delivery)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            **signature_headers(delivery.secrets, delivery.id, int(time.time()), body),
        }
        return post(delivery.network, delivery.url, body, headers)
