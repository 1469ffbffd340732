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


def test_an_unknown_option_is_refused_with_the_scanners_option_names(client, make_account):
    analyst = make_account(role="analyst")

    response = client.post(
        "/api/v1/scans",
        json={"target": "example.com", "scan_type": "web", "options": {"http": {"prot": 8443}}},
        headers=analyst.headers,
    )
    unknown_scanner = client.post(
        "/api/v1/scans",
        json={"target": "example.com", "scan_type": "web", "options": {"htp": {}}},
        headers=analyst.headers,
    )

    body = response.get_json()
    assert response.status_code == 422, body
    assert body["field"] == "options.http.prot"
    message = body["errors"]["options.http.prot"][0]
    assert message.startswith("unknown option of the http scanner; its options: ")
    assert "https_port" in message and "verify_tls" in message
    assert unknown_scanner.status_code == 422
    assert "(installed: " in unknown_scanner.get_json()["detail"]
    assert "http" in unknown_scanner.get_json()["detail"].split("(installed: ")[1]
