"""What no organization may scan: the operator's scope policy, and the network guard's
reading of addresses that embed an IPv4 address."""

from __future__ import annotations

import ipaddress

import pytest

from cyberorigen.plugin_api.net import NetworkPolicy, parse_networks

# --- embedded IPv4 spellings -------------------------------------------------------------------

EMBEDDING_INTERNAL = [
    ("::ffff:7f00:1", "loopback"),  # IPv4-mapped
    ("::7f00:1", "loopback"),  # IPv4-compatible
    ("64:ff9b::7f00:1", "loopback"),  # NAT64, well-known prefix
    ("64:ff9b::a9fe:a9fe", "metadata"),
    ("64:ff9b:1::a00:1", "private"),  # NAT64, local-use prefix
    ("2002:7f00:1::", "loopback"),  # 6to4
    ("2002:a9fe:a9fe::1", "metadata"),
    ("2002:a00:1::1", "private"),
    ("::a9fe:a9fe", "metadata"),
    # Teredo: server 65.54.227.120, client 127.0.0.1 (stored inverted)
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "reserved"),
]


@pytest.mark.parametrize(("spelling", "kind"), EMBEDDING_INTERNAL)
def test_addresses_embedding_an_internal_ipv4_address_are_refused(spelling, kind):
    why = NetworkPolicy().refusal(ipaddress.ip_address(spelling))

    assert why is not None and kind in why, why


@pytest.mark.parametrize(
    "spelling", ["64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8", "2606:4700::1111"]
)
def test_addresses_embedding_a_public_ipv4_address_pass(spelling):
    assert NetworkPolicy().refusal(ipaddress.ip_address(spelling)) is None


def test_an_allowed_network_also_allows_its_embedded_spellings():
    policy = NetworkPolicy(allowed_networks=parse_networks(["127.0.0.0/8"]))

    for spelling in ("::ffff:7f00:1", "::7f00:1", "64:ff9b::7f00:1", "2002:7f00:1::"):
        assert policy.refusal(ipaddress.ip_address(spelling)) is None, spelling
    assert policy.refusal(ipaddress.ip_address("2002:a9fe:a9fe::1")) is not None
