"""Static checks of the appliance deployment: Vagrantfile, deploy/ scripts, units and nginx."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SCRIPTS = sorted(DEPLOY.rglob("*.sh"))
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
NGINX = DEPLOY / "nginx" / "cyberorigen.conf"
VENV_BIN = "/opt/cyberorigen/venv/bin/cyberorigen"


def _script(name: str) -> str:
    return (DEPLOY / "scripts" / name).read_text(encoding="utf-8")


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    return parser


def test_the_expected_files_exist():
    names = {path.name for path in UNITS}
    assert names == {
        "cyberorigen-api.service",
        "cyberorigen-worker@.service",
        "cyberorigen-scheduler.service",
    }
    assert (ROOT / "Vagrantfile").is_file()
    assert NGINX.is_file()
    assert (DEPLOY / "README.md").is_file()
    assert DEPLOY / "provision.sh" in SCRIPTS


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(DEPLOY)))
def test_shellcheck(script):
    result = subprocess.run(
        ["shellcheck", "--external-sources", str(script)],
        cwd=script.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(DEPLOY)))
def test_scripts_are_strict_bash(script):
    text = script.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    if script.parent.name != "lib":  # the library is sourced by scripts that set it
        assert "\nset -euo pipefail\n" in text


def test_provision_runs_every_step_script():
    text = (DEPLOY / "provision.sh").read_text(encoding="utf-8")
    steps = re.findall(r"^step (\w+)", text, flags=re.MULTILINE)
    on_disk = {path.stem for path in (DEPLOY / "scripts").glob("*.sh")}
    assert set(steps) == on_disk
    assert len(steps) == len(set(steps))
    order = {name: index for index, name in enumerate(steps)}
    assert order["packages"] < order["user"] < order["app"] < order["config"]
    assert order["postgresql"] < order["migrate"] < order["admin"] < order["services"]
    assert order["tls"] < order["nginx"]
    assert "CYBERORIGEN_WORKERS" in text


@pytest.mark.skipif(shutil.which("ruby") is None, reason="ruby is not installed")
def test_vagrantfile_syntax():
    result = subprocess.run(
        ["ruby", "-c", str(ROOT / "Vagrantfile")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_vagrantfile_settings():
    text = (ROOT / "Vagrantfile").read_text(encoding="utf-8")
    assert 'config.vm.box = "debian/bookworm64"' in text
    assert re.search(r"guest: 443, host: 8443", text)
    assert re.search(r'synced_folder "\.", "/vagrant", type: "rsync"', text)
    assert "deploy/provision.sh" in text
    assert '"CYBERORIGEN_WORKERS"' in text


@pytest.mark.parametrize("unit", UNITS, ids=lambda p: p.name)
def test_systemd_unit(unit):
    parser = _unit(unit)
    assert {"Unit", "Service", "Install"} <= set(parser.sections())
    service = parser["Service"]
    assert service["ExecStart"].startswith(f"{VENV_BIN} ")
    assert service["User"] == "cyberorigen"
    assert service["Group"] == "cyberorigen"
    assert service["Environment"] == "CYBERORIGEN_CONFIG=/etc/cyberorigen/appliance.toml"
    assert service["Restart"] == "on-failure"
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ReadWritePaths": "/var/lib/cyberorigen",
        "PrivateTmp": "yes",
        "ProtectHome": "yes",
    }.items():
        assert service.get(key) == value, key
    assert "multi-user.target" in parser["Install"]["WantedBy"]
    assert "postgresql.service" in parser["Unit"]["After"]
    assert "redis-server.service" in parser["Unit"]["After"]


def test_unit_commands():
    commands = {unit.name: _unit(unit)["Service"]["ExecStart"] for unit in UNITS}
    assert commands["cyberorigen-api.service"] == (f"{VENV_BIN} serve --host 127.0.0.1 --port 8000")
    assert commands["cyberorigen-worker@.service"] == f"{VENV_BIN} worker"
    assert commands["cyberorigen-scheduler.service"] == f"{VENV_BIN} scheduler"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_analyze_verify(tmp_path):
    """systemd's own parser; only the missing venv (it exists on the appliance) is tolerated."""
    for path in (DEPLOY / "systemd").iterdir():
        shutil.copy(path, tmp_path / path.name)
    units = [
        tmp_path / "cyberorigen-api.service",
        tmp_path / "cyberorigen-scheduler.service",
        tmp_path / "cyberorigen-worker@1.service",
    ]
    shutil.copy(tmp_path / "cyberorigen-worker@.service", units[-1])
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *map(str, units)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    output = result.stdout + result.stderr
    if "Failed to initialize manager" in output or "System has not been booted" in output:
        pytest.skip("systemd-analyze cannot run here: " + output.strip().splitlines()[0])
    tolerated = re.compile(rf"Command {re.escape(VENV_BIN)} is not executable")
    problems = [line for line in output.splitlines() if line and not tolerated.search(line)]
    assert not problems, output


def test_nginx_site():
    text = NGINX.read_text(encoding="utf-8")
    assert re.search(r"^\s*listen 443 ssl\b", text, flags=re.MULTILINE)
    assert re.search(r"^\s*listen 80\b", text, flags=re.MULTILINE)
    assert "return 301 https://$host$request_uri;" in text
    for location in ("/api", "/docs", "/redoc", "= /openapi.json", "= /metrics"):
        assert re.search(rf"location {re.escape(location)} \{{", text), location
    metrics = re.search(r"location = /metrics \{(.*?)\}", text, flags=re.DOTALL).group(1)
    assert "allow 127.0.0.1;" in metrics
    assert "deny all;" in metrics
    assert "client_max_body_size 26m;" in text
    assert "Strict-Transport-Security" in text
    for header in ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"):
        assert f"proxy_set_header {header} " in text
    assert "ssl_certificate     /etc/cyberorigen/tls/cyberorigen.crt;" in text
    assert "ssl_certificate_key /etc/cyberorigen/tls/cyberorigen.key;" in text
    assert "proxy_pass http://cyberorigen_api;" in text
    assert "server 127.0.0.1:8000;" in text
    assert text.count("{") == text.count("}")


def test_generated_secrets_are_kept():
    common = (DEPLOY / "lib" / "common.sh").read_text(encoding="utf-8")
    body = re.search(r"^secret\(\) \{(.*?)^\}", common, flags=re.DOTALL | re.MULTILINE)
    assert body, "common.sh defines secret()"
    # Generated only when the kept file is missing or empty.
    assert re.search(r'if \[ ! -s "\$file" \]; then\s+\(umask 077 && openssl rand', body.group(1))
    # Every other script gets its secrets through secret(), never from openssl directly.
    for script in SCRIPTS:
        if script.name in {"common.sh", "tls.sh"}:
            continue
        assert "openssl rand" not in script.read_text(encoding="utf-8"), script.name


def test_generated_files_are_never_overwritten():
    config = _script("config.sh")
    assert re.search(r'if \[ -s "\$CONFIG_FILE" \]; then\n(.*\n)*?\s+exit 0', config)
    assert "chmod 0640" in config
    assert 'chown root:"$APP_USER"' in config
    assert re.search(r'mv "\$tmp" "\$CONFIG_FILE"', config)
    admin = _script("admin.sh")
    assert re.search(r'if \[ -s "\$ADMIN_FILE" \]; then\n(.*\n)*?\s+exit 0', admin)
    assert "umask 077" in admin
    assert 'chmod 0600 "$ADMIN_FILE"' in admin
    tls = _script("tls.sh")
    assert re.search(r'if \[ -e "\$cert" \] \|\| \[ -e "\$key" \]; then', tls)
    assert 'mv -n "$tmp/key" "$key"' in tls
    assert 'mv -n "$tmp/crt" "$cert"' in tls
    redoc = _script("redoc.sh")
    assert re.search(r'if \[ -f "\$dest/redoc.standalone.js" \]; then\n(.*\n)*?\s+exit 0', redoc)


def test_database_and_redis_creation_is_guarded():
    postgres = _script("postgresql.sh")
    assert "SELECT 1 FROM pg_roles WHERE rolname" in postgres
    assert "SELECT 1 FROM pg_database WHERE datname" in postgres
    redis = _script("redis.sh")
    assert re.search(r'grep -qxF "\$include_line" "\$main_conf"', redis)
    assert "bind 127.0.0.1" in redis
    assert "requirepass ${password}" in redis


def test_the_app_runs_as_its_user():
    common = (DEPLOY / "lib" / "common.sh").read_text(encoding="utf-8")
    assert re.search(r'runuser -u "\$APP_USER" -- env -i', common)
    assert 'CYBERORIGEN_CONFIG="$CONFIG_FILE"' in common
    assert "as_app cyberorigen db upgrade" in _script("migrate.sh")
    assert "as_app cyberorigen init" in _script("admin.sh")
    user = _script("user.sh")
    assert "--shell /usr/sbin/nologin" in user
    assert "--system" in user


def test_config_file_contents():
    config = _script("config.sh")
    for line in (
        'instance_dir = "${STATE_DIR}"',
        'database_url = "postgresql://${DB_USER}:${db_password}@127.0.0.1:5432/${DB_NAME}"',
        'redis_url = "redis://:${redis_password}@127.0.0.1:6379/0"',
        'secret_key = "${secret_key}"',
        "log_json = true",
        "[metrics]",
        "enabled = true",
        'token = "${metrics_token}"',
    ):
        assert line in config, line


_PASSWORDISH = re.compile(
    r"(password|passwd|requirepass|secret_key|token)\s*[=:]?\s*['\"]?([A-Za-z0-9+/_-]{8,})",
    flags=re.IGNORECASE,
)


@pytest.mark.parametrize(
    "path",
    [*SCRIPTS, *UNITS, NGINX, ROOT / "Vagrantfile"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_hard_coded_secret(path):
    text = path.read_text(encoding="utf-8")
    for match in _PASSWORDISH.finditer(text):
        value = match.group(2)
        # A variable, a file name or a word of prose, not a literal secret.
        assert (
            value.startswith(("$", "{"))
            or text[match.start(2) - 1] in "$"
            or not re.search(r"\d", value)
        ), f"{path.name}: {match.group(0)!r}"
    assert not re.search(r"\b[0-9a-f]{32,}\b", text), "a hex secret is committed"
    assert "PASSWORD 'c" not in text
