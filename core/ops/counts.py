"""What the appliance holds, counted across organizations for the operator's /metrics."""

from __future__ import annotations

from peewee import fn

from cyberorigen.db.models import Scan, WebhookDelivery


def scans_by_status() -> list[tuple[str, int]]:
    return list(Scan.select(Scan.status, fn.COUNT(Scan.id)).group_by(Scan.status).tuples())


def deliveries_by_status() -> list[tuple[str, int]]:
    return list(
        WebhookDelivery.select(WebhookDelivery.status, fn.COUNT(WebhookDelivery.id))
        .group_by(WebhookDelivery.status)
        .tuples()
    )
