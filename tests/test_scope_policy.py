"""What no organization may scan: the operator's scope policy, and the network guard's
reading of addresses that embed an IPv4 address."""

from __future__ import annotations

import ipaddress

import pytest

from cyberorigen.appliance import appliance_of
from cyberorigen.db import database
from cyberorigen.db.models import Organization, ScopeEntry
from cyberorigen.plugin_api.net import NetworkPolicy, parse_networks
from cyberorigen.settings import DEFAULT_FORBIDDEN_NETWORKS, load_settings
from tests.support.dns_server import RecordingListener

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


# --- the operator's scope policy ---------------------------------------------------------------

REFUSED_ENTRIES = [
    "0.0.0.0/0",
    "::/0",
    "10.0.0.0/8",  # wider than /16
    "2001:db8::/32",  # wider than /48
    "169.254.169.254",
    "fd00:ec2::254",
    "127.0.0.1",
    "::ffff:127.0.0.1",
    "::1",
    "0.0.0.0",  # noqa: S104 - a scope entry, not a bind address
    "::",
    "127.0.0.0/16",
    "169.254.0.0/24",
    "*.com",
    "com",
    "co.uk",
    "*.co.uk",
    "github.io",
    "2002:7f00:1::/48",  # the 6to4 network of 127.0.0.1
    "64:ff9b::/96",  # NAT64 of all of IPv4, loopback included
]
ACCEPTED_ENTRIES = ["10.1.0.0/16", "2001:db8:1::/48", "192.0.2.7", "example.co.uk", "*.beta.test"]


@pytest.fixture
def shipped_policy(make_app, make_account, unique_address):
    """An app with the shipped scope policy (the tests' own allows loopback) and its admin."""
    app = make_app(**{"scope.forbidden_networks": list(DEFAULT_FORBIDDEN_NETWORKS)})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    return app, client, make_account(role="admin", org="Policy", scope=("acme.test",))


@pytest.mark.parametrize("value", REFUSED_ENTRIES)
def test_scope_entries_the_operator_forbids_are_refused(shipped_policy, value):
    app, client, admin = shipped_policy

    refused = client.post("/api/v1/scope", json={"value": value}, headers=admin.headers)

    body = refused.get_json()
    assert refused.status_code == 422, body
    assert (body["error_code"], body["field"]) == ("VALIDATION_ERROR", "value")
    listed = client.get("/api/v1/scope", headers=admin.headers).get_json()["items"]
    assert [item["value"] for item in listed] == ["acme.test"]


def test_scope_entries_within_the_policy_are_accepted(shipped_policy):
    app, client, admin = shipped_policy

    for value in ACCEPTED_ENTRIES:
        added = client.post("/api/v1/scope", json={"value": value}, headers=admin.headers)
        assert added.status_code == 201, (value, added.get_json())


def test_the_widest_network_is_configurable(make_app, make_account, unique_address):
    app = make_app(**{"scope.widest_ipv4_prefix": 24, "scope.widest_ipv6_prefix": 64})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    admin = make_account(role="admin", org="Narrow", scope=())

    for value, status in (("10.1.0.0/16", 422), ("10.1.2.0/24", 201), ("2001:db8::/48", 422)):
        answer = client.post("/api/v1/scope", json={"value": value}, headers=admin.headers)
        assert answer.status_code == status, (value, answer.get_json())


def test_a_forbidden_address_already_in_scope_is_not_scanned(shipped_policy, make_account):
    """Entries from before the policy (or a stricter one) give no way around it: a target in
    a forbidden network is refused when the scan is asked for."""
    app, client, admin = shipped_policy
    analyst = make_account(role="analyst", org="Policy")
    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == admin.org_id)
    ScopeEntry.create(organization=org, value="127.0.0.1", kind="ip")

    refused = client.post(
        "/api/v1/scans",
        json={"target": "127.0.0.1", "scan_type": "web"},
        headers=analyst.headers,
    )

    assert refused.status_code == 403, refused.get_json()
    assert refused.get_json()["error_code"] == "TARGET_OUT_OF_SCOPE"
    assert "no organization may scan" in refused.get_json()["detail"]


def test_a_name_in_scope_resolving_into_a_forbidden_network_is_not_contacted(
    make_app, make_account, unique_address
):
    """DNS rebinding: ``localhost`` (in scope by an entry from before the policy) resolves
    to 127.0.0.1, where a listener records every connection: no scanner reaches it."""
    listener = RecordingListener("127.0.0.1")
    try:
        app = make_app(
            redis=False, **{"scope.forbidden_networks": list(DEFAULT_FORBIDDEN_NETWORKS)}
        )
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = unique_address()
        analyst = make_account(role="analyst", org="Rebind", scope=())
        database.connect(reuse_if_open=True)
        org = Organization.get(Organization.public_id == analyst.org_id)
        ScopeEntry.create(organization=org, value="localhost", kind="domain")
        port = listener.port
        options = {
            "http": {"https_port": port, "http_port": port, "timeout": 2},
            "tls": {"ports": [port]},
            "ports": {"ports": [port], "use_nmap": False},
        }

        created = client.post(
            "/api/v1/scans",
            json={"target": "localhost", "scan_type": "quick", "options": options},
            headers=analyst.headers,
        )
        assert created.status_code == 201, created.get_json()
        appliance_of(app).jobs.shutdown()
        scan = client.get(
            f"/api/v1/scans/{created.get_json()['id']}", headers=analyst.headers
        ).get_json()

        assert listener.connections == []
        assert scan["status"] == "failed"
        for run in scan["scanners"]:
            assert "no organization may scan" in run["error"], run
    finally:
        listener.close()


def test_the_shipped_policy_is_the_documented_default():
    shipped = load_settings({"secret_key": "s" * 40}, env={}).scope

    assert shipped.forbidden_networks == DEFAULT_FORBIDDEN_NETWORKS
    assert (shipped.widest_ipv4_prefix, shipped.widest_ipv6_prefix) == (16, 48)
    assert shipped.allowed_resolvers == ()
