"""The operator scope policy of the tests: the shipped one, except that loopback may be scanned
(every test server listens there). Tests of the policy itself set their own."""

from __future__ import annotations

from cyberorigen.settings import DEFAULT_FORBIDDEN_NETWORKS, ScopeSettings

TEST_FORBIDDEN_NETWORKS = tuple(
    network for network in DEFAULT_FORBIDDEN_NETWORKS if network not in ("127.0.0.0/8", "::1/128")
)
TEST_SCOPE_POLICY = ScopeSettings(forbidden_networks=TEST_FORBIDDEN_NETWORKS)
