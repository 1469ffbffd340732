"""User administration: ``cyberorigen users list|passwd|disable|enable|role`` on the command
line, against a running API process that must see each change at once, and a user changing
their own password through ``POST /api/v1/auth/password``."""

from __future__ import annotations

import subprocess
import sys

import requests

NEW_PASSWORD = "a new and long enough password"


def cli(env, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "cyberorigen.cli", "users", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def me(base, token):
    return requests.get(
        f"{base}/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def login(base, email, password):
    return requests.post(
        f"{base}/api/v1/auth/token", data={"username": email, "password": password}, timeout=30
    )


def test_list_shows_every_user_with_role_state_and_organization(cli_env, make_account):
    admin = make_account("admin", org="Listed")
    viewer = make_account("viewer", org="Listed")
    other = make_account("analyst", org="Elsewhere")
    everyone = cli(cli_env, "list")
    assert everyone.returncode == 0, everyone.stderr
    lines = everyone.stdout.splitlines()
    assert lines[0].split() == ["EMAIL", "ROLE", "STATE", "ORGANIZATION", "LAST", "LOGIN"]
    for account, role in ((admin, "admin"), (viewer, "viewer"), (other, "analyst")):
        (line,) = [line for line in lines if line.startswith(account.email)]
        assert line.split()[1:3] == [role, "active"]
    listed = cli(cli_env, "list", "--org", "Listed")
    assert other.email not in listed.stdout and admin.email in listed.stdout
    missing = cli(cli_env, "list", "--org", "Nobody")
    assert missing.returncode == 1 and "no organization named 'Nobody'" in missing.stderr


def test_disable_enable_and_role_apply_at_once_in_a_running_api(
    cli_env, serve_process, make_account
):
    base = serve_process(cli_env)
    make_account("admin", org="Administered")
    analyst = make_account("analyst", org="Administered")
    assert me(base, analyst.token).json()["role"] == "analyst"  # the API process knows it now

    demoted = cli(cli_env, "role", analyst.email, "viewer")
    assert demoted.returncode == 0, demoted.stderr
    assert f"{analyst.email} is now viewer" in demoted.stdout
    assert me(base, analyst.token).json()["role"] == "viewer"
    refused = requests.post(
        f"{base}/api/v1/scans",
        json={"target": "127.0.0.1", "scan_type": "quick"},
        headers={"Authorization": f"Bearer {analyst.token}"},
        timeout=30,
    )
    assert refused.status_code == 403 and refused.json()["error_code"] == "PERMISSION_DENIED"

    disabled = cli(cli_env, "disable", analyst.email.upper())  # e-mails match in any case
    assert disabled.returncode == 0, disabled.stderr
    assert me(base, analyst.token).status_code == 401
    assert login(base, analyst.email, analyst.password).status_code == 401
    listed = cli(cli_env, "list", "--org", "Administered").stdout
    assert "disabled" in [line for line in listed.splitlines() if analyst.email in line][0]

    enabled = cli(cli_env, "enable", analyst.email)
    assert enabled.returncode == 0, enabled.stderr
    assert login(base, analyst.email, analyst.password).status_code == 200


def test_passwd_ends_the_old_tokens_and_the_old_password(cli_env, serve_process, make_account):
    base = serve_process(cli_env)
    user = make_account("analyst", org="Passwords")
    assert me(base, user.token).status_code == 200
    changed = cli(cli_env, "passwd", user.email, "--password-stdin", stdin=NEW_PASSWORD + "\n")
    assert changed.returncode == 0, changed.stderr
    assert NEW_PASSWORD not in changed.stdout + changed.stderr
    assert me(base, user.token).status_code == 401
    assert login(base, user.email, user.password).status_code == 401
    assert login(base, user.email, NEW_PASSWORD).status_code == 200
    weak = cli(cli_env, "passwd", user.email, "--password", "short")
    assert weak.returncode == 1 and "at least 12 characters" in weak.stderr
    both = cli(cli_env, "passwd", user.email, "--password", "x" * 20, "--password-stdin")
    assert both.returncode == 2 and "exactly one of" in both.stderr


def test_an_organization_keeps_an_active_admin_and_unknown_users_are_named(cli_env, make_account):
    admin = make_account("admin", org="Last admin")
    for args in (("disable", admin.email), ("role", admin.email, "auditor")):
        refused = cli(cli_env, *args)
        assert refused.returncode == 1, refused.stdout
        assert "admin" in refused.stderr and "Traceback" not in refused.stderr
    unknown = cli(cli_env, "disable", "nobody@nowhere.example")
    assert unknown.returncode == 1 and "user not found" in unknown.stderr
    bad_role = cli(cli_env, "role", admin.email, "superuser")
    assert bad_role.returncode == 2


def test_a_user_changes_their_own_password(client, make_account):
    user = make_account("viewer", org="Own password")
    headers = user.headers

    def change(current, new):
        return client.post(
            "/api/v1/auth/password",
            json={"current_password": current, "new_password": new},
            headers=headers,
        )

    wrong = change("not my password at all", NEW_PASSWORD)
    assert wrong.status_code == 403, wrong.get_json()
    assert wrong.get_json()["error_code"] == "PERMISSION_DENIED"
    weak = change(user.password, "short")
    assert weak.status_code == 422 and weak.get_json()["field"] == "new_password"
    same = change(user.password, user.password)
    assert same.status_code == 422 and same.get_json()["field"] == "new_password"
    missing = client.post("/api/v1/auth/password", json={}, headers=headers)
    assert missing.status_code == 422
    assert client.get("/api/v1/auth/me", headers=headers).status_code == 200  # nothing changed

    done = change(user.password, NEW_PASSWORD)
    assert done.status_code == 204 and done.data == b""
    assert client.get("/api/v1/auth/me", headers=headers).status_code == 401
    old = client.post(
        "/api/v1/auth/token", data={"username": user.email, "password": user.password}
    )
    assert old.status_code == 401
    new = client.post("/api/v1/auth/token", data={"username": user.email, "password": NEW_PASSWORD})
    assert new.status_code == 200
    anonymous = client.post(
        "/api/v1/auth/password", json={"current_password": "x", "new_password": NEW_PASSWORD}
    )
    assert anonymous.status_code == 401


def test_wrong_current_passwords_are_limited_per_user(make_app, make_account, unique_address):
    app = make_app(**{"auth.account_failure_limit": "3/hour"})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    user = make_account("analyst", org="Guessed")
    other = make_account("analyst", org="Guessed")

    def change(account, current):
        return client.post(
            "/api/v1/auth/password",
            json={"current_password": current, "new_password": NEW_PASSWORD},
            headers=account.headers,
        )

    assert [change(user, f"guess number {n}").status_code for n in range(3)] == [403] * 3
    spent = change(user, user.password)  # even the right one: refused before it is checked
    assert spent.status_code == 429 and spent.get_json()["error_code"] == "RATE_LIMITED"
    assert "Retry-After" in spent.headers
    assert change(other, other.password).status_code == 204  # another user's count is apart
