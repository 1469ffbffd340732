"""A scan's target, parsed once: each kind of item, lists, and what is refused."""

from __future__ import annotations

import pytest

from cyberorigen.plugin_api.interfaces import Target
from cyberorigen.services.targets import parse_targets

ACCEPTED = [
    ("Example.COM.", "example.com", ["example.com"]),
    ("192.0.2.7", "192.0.2.7", ["192.0.2.7"]),
    ("2001:DB8::1", "2001:db8::1", ["2001:db8::1"]),
    ("https://Example.com:8443/app?x=1", "https://example.com:8443/app?x=1", None),
    ("example.com:8443", "example.com:8443", ["example.com:8443"]),
    ("[2001:db8::1]:22", "[2001:db8::1]:22", ["[2001:db8::1]:22"]),
    ("10.0.0.5/30", "10.0.0.4/30", ["10.0.0.5", "10.0.0.6"]),  # without network, broadcast
    ("10.0.0.8/31", "10.0.0.8/31", ["10.0.0.8", "10.0.0.9"]),  # a /31 is two hosts
    ("10.0.0.10-10.0.0.12", "10.0.0.10-10.0.0.12", ["10.0.0.10", "10.0.0.11", "10.0.0.12"]),
    (
        "a.example, 192.0.2.1,192.0.2.1 ,b.example:25",
        "a.example, 192.0.2.1, b.example:25",
        ["a.example", "192.0.2.1", "b.example:25"],
    ),
]


@pytest.mark.parametrize(("raw", "text", "units"), ACCEPTED)
def test_accepted_targets_normalize_and_expand(raw, text, units):
    targets = parse_targets(raw)

    assert targets.text == text
    if units is not None:
        assert [unit.value for unit in targets.units()] == units


def test_a_list_counts_its_addresses_and_expands_each_once():
    targets = parse_targets("10.0.0.0/28, 10.0.0.3, 10.0.0.20-10.0.0.21")

    assert targets.address_count() == 16 + 1 + 2
    values = [unit.value for unit in targets.units()]
    assert len(values) == len(set(values)) == 14 + 2  # 10.0.0.3 is in the /28 already


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("", "must not be empty"),
        (" , ", "must not be empty"),
        ("ftp://example.com", "http or https"),
        ("10.0.0.0/33", "not a valid CIDR network"),
        ("10.0.0.9-10.0.0.1", "lower address to the higher"),
        ("10.0.0.1-2001:db8::1", "are IPv4, or both IPv6"),
        ("example.com:70000", "a port is 1-65535"),
        ("exa mple..com", "must be a hostname"),
    ],
)
def test_refused_targets_say_why(raw, why):
    with pytest.raises(ValueError, match=why):
        parse_targets(raw)


@pytest.mark.parametrize(
    ("value", "kind", "host", "port"),
    [
        ("example.com:8080", "hostname", "example.com", 8080),
        ("192.0.2.1:25", "ip", "192.0.2.1", 25),
        ("[2001:db8::1]:443", "ip", "2001:db8::1", 443),
        ("2001:db8::1", "ip", "2001:db8::1", None),
        ("example.com", "hostname", "example.com", None),
    ],
)
def test_a_plugin_target_carries_the_port_of_a_service(value, kind, host, port):
    target = Target.parse(value)

    assert (target.kind, target.host, target.port) == (kind, host, port)


def test_items_are_separated_by_commas_and_a_space_is_no_separator():
    assert [item.text for item in parse_targets(" 10.0.0.1 ,10.0.0.2,  ").items] == [
        "10.0.0.1",
        "10.0.0.2",
    ]
    with pytest.raises(ValueError):
        parse_targets("not a host")
    with pytest.raises(ValueError):
        parse_targets("10.0.0.1 10.0.0.2")
