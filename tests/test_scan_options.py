"""Scan options: each scanner's schema fills the defaults, the profile's options come next,
and what the request sends wins."""

from __future__ import annotations

import pytest

from cyberorigen.settings import SettingsError, load_settings


def post_scan(client, account, **body):
    response = client.post("/api/v1/scans", json=body, headers=account.headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["options"]


def test_the_quick_profile_scans_the_100_most_common_ports(client, make_account):
    analyst = make_account(role="analyst")

    quick = post_scan(client, analyst, target="example.com", scan_type="quick")
    network = post_scan(client, analyst, target="example.com", scan_type="network")
    mine = post_scan(
        client, analyst, target="example.com", scan_type="quick", options={"ports": {"top": 5}}
    )

    assert quick["ports"]["top"] == 100 and quick["ports"]["ports"] is None
    assert network["ports"]["top"] == 1000
    assert mine["ports"]["top"] == 5
    assert quick["http"]["timeout"] == 10.0  # a scanner's own default


def test_profile_options_must_be_tables_of_tables(tmp_path):
    with pytest.raises(SettingsError) as caught:
        load_settings(
            env={
                "CYBERORIGEN_SECRET_KEY": "k" * 40,
                "CYBERORIGEN_INSTANCE_DIR": str(tmp_path),
                "CYBERORIGEN_SCANS_PROFILE_OPTIONS": '{"quick": {"ports": 100}}',
            }
        )

    assert caught.value.key == "scans.profile_options"
