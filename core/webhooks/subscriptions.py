"""Webhook subscriptions. Delivery (signing, retries, transports) is the webhook pipeline's job.

The secret is write-only: it is stored encrypted and never returned, except once when the
appliance generated it because none was given.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from cyberorigen.db import database
from cyberorigen.db.models import Webhook
from cyberorigen.errors import NotFound
from cyberorigen.services.outbox import EVENT_TYPES as DOMAIN_EVENT_TYPES
from cyberorigen.services.secret_box import SecretBox

#: What a webhook may subscribe to: every domain event, the webhook's own events, or all.
EVENT_TYPES = (
    *DOMAIN_EVENT_TYPES,
    "control.status_changed",
    "evidence.expiring",
    "webhook.disabled",
    "*",
)

GENERATED_SECRET_PREFIX = "whsec_"


def generate_secret() -> str:
    return GENERATED_SECRET_PREFIX + secrets.token_urlsafe(32)


def create_webhook(
    box: SecretBox, org_id: int, user_id: int | None, url: str, events: Sequence[str], secret: str
) -> Webhook:
    with database.atomic():
        return Webhook.create(
            organization=org_id,
            created_by=user_id,
            url=url,
            events=list(dict.fromkeys(events)),
            secret_encrypted=box.seal(secret),
        )


def webhooks_query(org_id: int):
    return Webhook.select().where(Webhook.organization == org_id)


def get_webhook(org_id: int, public_id: str) -> Webhook:
    webhook = Webhook.get_or_none(
        (Webhook.public_id == public_id) & (Webhook.organization == org_id)
    )
    if webhook is None:
        raise NotFound("webhook")
    return webhook
