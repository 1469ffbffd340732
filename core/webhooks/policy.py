"""The network policy deliveries go through, from the settings."""

from __future__ import annotations

from cyberorigen.plugin_api.net import NetworkPolicy, parse_networks
from cyberorigen.settings import Settings


def network_policy(settings: Settings) -> NetworkPolicy:
    webhooks = settings.webhooks
    return NetworkPolicy(
        allowed_networks=parse_networks(webhooks.allowed_networks),
        connect_timeout=float(webhooks.connect_timeout),
        read_timeout=float(webhooks.read_timeout),
        ca_file=webhooks.ca_file,
    )
