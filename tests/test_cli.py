"""The ``cyberorigen`` command, run as a user runs it, on a fresh instance (embedded SQLite)."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys

import requests

from cyberorigen import __version__


def run(args, env, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "cyberorigen.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def fresh_env(tmp_path) -> dict[str, str]:
    """No CYBERORIGEN_* variable but the instance dir: the embedded default."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env["CYBERORIGEN_INSTANCE_DIR"] = str(tmp_path / "instance")
    return env


def test_version(tmp_path):
    result = run(["version"], fresh_env(tmp_path))

    assert result.returncode == 0
    assert result.stdout.strip() == __version__


def test_init_prepares_a_fresh_instance_and_prints_a_working_login(
    tmp_path, free_port, wait_for_port
):
    env = fresh_env(tmp_path)

    first = run(["init", "--email", "owner@example.com", "--org", "Acme"], env)

    assert first.returncode == 0, first.stderr
    secret_file = tmp_path / "instance" / "secret_key"
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert (tmp_path / "instance" / "cyberorigen.db").exists()
    password = re.search(r"Password:\s+(\S+)", first.stdout).group(1)
    assert "owner@example.com" in first.stdout

    again = run(["init"], env)
    assert again.returncode == 0
    assert "Password:" not in again.stdout
    assert secret_file.read_text() and "no admin was created" in again.stdout

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "cyberorigen.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, process=server)
        base = f"http://127.0.0.1:{port}"
        token = requests.post(
            f"{base}/api/v1/auth/token",
            data={"username": "owner@example.com", "password": password},
            timeout=10,
        )
        assert token.status_code == 200, token.text
        me = requests.get(
            f"{base}/api/v1/auth/me",
            headers={"Authorization": f"Bearer {token.json()['access_token']}"},
            timeout=10,
        )
        assert me.json()["role"] == "admin"
        assert me.json()["organization"]["name"] == "Acme"
        # Enterprise limits are custom: init sets some, so the rate-limit headers are sent.
        assert me.headers["X-RateLimit-Limit"] == "10000", me.headers
        assert 0 < int(me.headers["X-RateLimit-Remaining"]) < 10000
        # The appliance's address itself leads to the docs.
        home = requests.get(f"{base}/", allow_redirects=False, timeout=10)
        assert home.status_code == 302 and home.headers["Location"].endswith("/docs"), home.text
        docs = requests.get(f"{base}/", timeout=10)
        assert docs.url == f"{base}/docs" and "swagger-ui" in docs.text
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_on_a_taken_port_says_so_before_announcing_an_address(tmp_path):
    env = fresh_env(tmp_path)
    assert run(["init"], env).returncode == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        result = run(["serve", "--port", str(port)], env)

    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "in use" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr
    assert "http://" not in result.stdout, result.stdout  # no "on http://…" banner


def test_users_create_reads_the_password_from_stdin(tmp_path):
    env = fresh_env(tmp_path)
    assert run(["init"], env).returncode == 0

    created = run(
        ["users", "create", "ana@example.com", "--password-stdin", "--org", "Beta",
         "--plan", "professional", "--role", "analyst"],
        env,
        stdin="a long enough password\n",
    )
    duplicate = run(
        ["users", "create", "ana@example.com", "--password", "another long password",
         "--org", "Beta"],
        env,
    )
    weak = run(["users", "create", "bob@example.com", "--password", "short", "--org", "Beta"], env)

    assert created.returncode == 0, created.stderr
    assert "Created analyst ana@example.com" in created.stdout
    assert duplicate.returncode == 1 and "cannot be used" in duplicate.stderr
    assert weak.returncode == 1 and "at least 12 characters" in weak.stderr


def test_users_create_needs_exactly_one_password_source(tmp_path):
    result = run(["users", "create", "x@example.com", "--org", "A"], fresh_env(tmp_path))

    assert result.returncode == 2
    assert "--password" in result.stderr


def test_commands_refuse_a_bad_setting_naming_the_key(tmp_path):
    env = fresh_env(tmp_path)
    env["CYBERORIGEN_AUTH_TOKEN_LIFETIME"] = "forever"

    result = run(["init"], env)

    assert result.returncode == 1
    assert "auth.token_lifetime" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_without_a_secret_says_to_run_init(tmp_path):
    result = run(["serve"], fresh_env(tmp_path))

    assert result.returncode == 1
    assert "cyberorigen init" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_an_unmigrated_database(tmp_path):
    env = fresh_env(tmp_path)
    env["CYBERORIGEN_SECRET_KEY"] = "k" * 40

    result = run(["serve"], env)

    assert result.returncode == 1
    assert "cyberorigen db upgrade" in result.stderr
