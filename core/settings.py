"""Settings: shipped defaults -> the file named by CYBERORIGEN_CONFIG -> CYBERORIGEN_* environment.

Every key is declared once in ``_SPECS`` with its parser; the merged values are validated once,
at start-up, and a bad value raises :class:`SettingsError` naming the key. The result is a frozen
:class:`Settings` that the rest of the code receives explicitly.
"""

from __future__ import annotations

import ipaddress
import json
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from limits import parse_many

ENV_PREFIX = "CYBERORIGEN_"
CONFIG_ENV = "CYBERORIGEN_CONFIG"
SECRET_FILE_NAME = "secret_key"
MIN_SECRET_LENGTH = 32


class SettingsError(ValueError):
    """A configuration value is missing or wrong; ``key`` names it."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key


@dataclass(frozen=True)
class Plan:
    name: str
    title: str
    hourly: int | None
    daily: int | None


@dataclass(frozen=True)
class WebhookSettings:
    allowed_networks: tuple[str, ...] = ()
    connect_timeout: int = 5
    read_timeout: int = 10
    retry_delays: tuple[int, ...] = (60, 300, 900, 3600, 7200, 18000, 54000)
    disable_after_failures: int = 5
    lease_seconds: int = 120
    rotation_overlap: int = 86400
    retention_days: int = 30
    queue: str = "cyberorigen-webhooks"
    ca_file: str | None = None


#: Networks no organization may scan unless the operator says otherwise: loopback,
#: link-local (with the cloud metadata address 169.254.169.254), unspecified, and the other
#: cloud metadata addresses.
DEFAULT_FORBIDDEN_NETWORKS = (
    "127.0.0.0/8",
    "::1/128",
    "0.0.0.0/8",
    "::/128",
    "169.254.0.0/16",
    "fe80::/10",
    "fd00:ec2::254/128",
    "100.100.100.200/32",
)


@dataclass(frozen=True)
class ScopeSettings:
    """The operator's limits on what organizations may put in scope and scan."""

    forbidden_networks: tuple[str, ...] = DEFAULT_FORBIDDEN_NETWORKS
    widest_ipv4_prefix: int = 16
    widest_ipv6_prefix: int = 48
    allowed_resolvers: tuple[str, ...] = ()
    #: The most addresses one scan may cover (a network or range target): a /20 by default.
    max_scan_addresses: int = 4096


@dataclass(frozen=True)
class Settings:
    instance_dir: Path
    assets_dir: Path
    database_url: str
    redis_url: str | None
    secret_key: str
    log_json: bool
    token_lifetime: int
    identity_cache_seconds: int
    jwt_issuer: str
    jwt_audience: str
    token_rate_limit: str
    account_failure_limit: str
    known_address_days: int
    ratelimit_storage_url: str
    ratelimit_key_prefix: str
    scan_profiles: Mapping[str, tuple[str, ...]]
    profile_options: Mapping[str, Mapping[str, Mapping[str, Any]]]
    scanner_timeout: int
    heartbeat_timeout: int
    scan_queue: str
    disabled_plugins: tuple[str, ...]
    trace_plugins: bool
    max_content_length: int
    evidence_max_bytes: int
    trusted_proxies: int = 0
    page_cache_seconds: int = 0
    #: The uploader of evidence may accept or reject it themselves (a team of one): off by
    #: default, when a user with the auditor role other than the uploader must review it.
    evidence_self_review: bool = False
    #: The largest file ``POST /api/v1/imports`` takes, and how many items it may hold.
    import_max_bytes: int = 26214400
    import_max_items: int = 100_000
    #: How long an export's file is kept (and its download links work), and how many
    #: exports one API process makes at once.
    export_keep_seconds: int = 86400
    export_link_seconds: int = 3600
    export_jobs: int = 2
    #: Days audit records are kept (0: forever); older ones are purged, oldest first.
    audit_keep_days: int = 365
    webhooks: WebhookSettings = field(default_factory=lambda: WebhookSettings())
    scope: ScopeSettings = field(default_factory=lambda: ScopeSettings())
    metrics_enabled: bool = False
    metrics_token: str = ""
    smtp: Mapping[str, Any] = field(default_factory=dict)
    plans: Mapping[str, Plan] = field(default_factory=dict)
    #: How many hosts of one scan are examined at once (each its own runs in turn).
    host_concurrency: int = 4
    #: How many scan jobs one ``cyberorigen worker`` runs at once (a pool of RQ workers).
    jobs_per_worker: int = 1
    #: A scan of more hosts than this fans out into jobs of this many hosts (Redis only).
    hosts_per_job: int = 16

    @property
    def embedded(self) -> bool:
        """True when no Redis is configured: everything runs inside the API process."""
        return self.redis_url is None


# --- parsers: raw value (from TOML or an environment string) -> typed value -------------------


def _as_str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {type(value).__name__}")
    return value.strip()


def _as_int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("expected an integer")
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValueError(f"expected an integer, got {value!r}") from None


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value]
    raise ValueError("expected a list of strings")


def _as_profiles(value: Any) -> dict[str, tuple[str, ...]]:
    """``{profile: [scanner, ...]}``; in the environment as JSON."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise ValueError('expected JSON like {"quick": ["http", "tls"]}') from None
    if not isinstance(value, dict) or not value:
        raise ValueError("expected a table of profile = [scanner names]")
    profiles = {}
    for name, scanners in value.items():
        profiles[str(name)] = tuple(_as_list(scanners))
        if not profiles[str(name)]:
            raise ValueError(f"profile {name!r} names no scanner")
    return profiles


def _as_profile_options(value: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """``{profile: {scanner: {option: value}}}``; in the environment as JSON."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else {}
        except ValueError:
            raise ValueError('expected JSON like {"quick": {"ports": {"top": 100}}}') from None
    if not isinstance(value, dict) or not all(
        isinstance(scanners, dict) and all(isinstance(opts, dict) for opts in scanners.values())
        for scanners in value.values()
    ):
        raise ValueError("expected a table of profile = {scanner = {option = value}}")
    return value


def _as_networks(value: Any) -> tuple[str, ...]:
    """CIDR networks (``10.0.0.0/8``; a bare address is a /32 or /128)."""
    items = _as_list(value)
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ValueError(f"{item!r} is not an IP network like 10.0.0.0/8") from None
    return tuple(items)


def _prefix_length(maximum: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        number = _as_int(value)
        if not 0 <= number <= maximum:
            raise ValueError(f"must be a prefix length from 0 to {maximum}, got {number}")
        return number

    return check


def _as_delays(value: Any) -> tuple[int, ...]:
    """Seconds between attempts, e.g. [60, 300]; in the environment comma-separated."""
    items = _as_list(value) if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not items:
        raise ValueError("expected a non-empty list of seconds")
    delays = tuple(_positive(_as_int)(item) for item in items)
    return delays


def _smtp_security(value: Any) -> str:
    text = _as_str(value).strip().lower()
    if text not in ("starttls", "tls", "none"):
        raise ValueError("expected starttls, tls or none")
    return text


def _positive(parse: Callable[[Any], int]) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        number = parse(value)
        if number <= 0:
            raise ValueError(f"must be a positive integer, got {number}")
        return number

    return check


def _limit_string(value: Any) -> str:
    text = _as_str(value)
    try:
        parse_many(text)
    except ValueError:
        raise ValueError(f"not a rate limit like '10/minute;100/hour': {text!r}") from None
    return text


def _optional_limit_string(value: Any) -> str:
    """A rate limit, or empty for none."""
    return _limit_string(value) if _as_str(value) else ""


def _url(schemes: set[str], allow_empty: bool = True) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = _as_str(value)
        if not text and allow_empty:
            return ""
        scheme = urlsplit(text).scheme
        if scheme not in schemes:
            raise ValueError(f"scheme must be one of {sorted(schemes)}, got {text!r}")
        return text

    return check


_SPECS: dict[str, Callable[[Any], Any]] = {
    "instance_dir": _as_str,
    "assets_dir": _as_str,
    "database_url": _url({"sqlite", "postgresql", "postgres"}),
    "redis_url": _url({"redis", "rediss", "unix"}),
    "secret_key": _as_str,
    "log_json": _as_bool,
    "auth.token_lifetime": _positive(_as_int),
    "auth.identity_cache_seconds": _as_int,
    "auth.issuer": _as_str,
    "auth.audience": _as_str,
    "auth.token_rate_limit": _limit_string,
    "auth.account_failure_limit": _optional_limit_string,
    "auth.known_address_days": _as_int,
    "ratelimit.storage_url": _url({"redis", "rediss", "unix", "memory"}),
    "ratelimit.key_prefix": _as_str,
    "scans.profiles": _as_profiles,
    "scans.profile_options": _as_profile_options,
    "scans.scanner_timeout": _positive(_as_int),
    "scans.heartbeat_timeout": _positive(_as_int),
    "scans.host_concurrency": _positive(_as_int),
    "scans.jobs_per_worker": _positive(_as_int),
    "scans.hosts_per_job": _positive(_as_int),
    "scans.queue": _as_str,
    "plugins.disabled": _as_list,
    "trace_plugins": _as_bool,
    "api.max_content_length": _positive(_as_int),
    "api.trusted_proxies": _as_int,
    "api.page_cache_seconds": _as_int,
    "evidence.max_upload_bytes": _positive(_as_int),
    "evidence.self_review": _as_bool,
    "imports.max_upload_bytes": _positive(_as_int),
    "imports.max_items": _positive(_as_int),
    "exports.keep_seconds": _positive(_as_int),
    "exports.link_seconds": _positive(_as_int),
    "exports.jobs": _positive(_as_int),
    "audit.keep_days": _as_int,
    "scope.forbidden_networks": _as_networks,
    "scope.widest_ipv4_prefix": _prefix_length(32),
    "scope.widest_ipv6_prefix": _prefix_length(128),
    "scope.max_scan_addresses": _positive(_as_int),
    "scope.allowed_resolvers": _as_networks,
    "webhooks.allowed_networks": _as_networks,
    "webhooks.connect_timeout": _positive(_as_int),
    "webhooks.read_timeout": _positive(_as_int),
    "webhooks.retry_delays": _as_delays,
    "webhooks.disable_after_failures": _positive(_as_int),
    "webhooks.lease_seconds": _positive(_as_int),
    "webhooks.rotation_overlap": _positive(_as_int),
    "webhooks.retention_days": _positive(_as_int),
    "webhooks.queue": _as_str,
    "webhooks.ca_file": _as_str,
    "metrics.enabled": _as_bool,
    "metrics.token": _as_str,
    "smtp.host": _as_str,
    "smtp.port": _positive(_as_int),
    "smtp.security": _smtp_security,
    "smtp.username": _as_str,
    "smtp.password": _as_str,
    "smtp.sender": _as_str,
    "smtp.ca_file": _as_str,
}


def env_name(key: str) -> str:
    """The environment variable that overrides ``key`` (``auth.token_lifetime`` ->
    ``CYBERORIGEN_AUTH_TOKEN_LIFETIME``)."""
    return ENV_PREFIX + key.replace(".", "_").upper()


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and key not in _SPECS:
            flat.update(_flatten(value, key + "."))
        else:
            flat[key] = value
    return flat


def _read_toml(text: str, origin: str) -> dict[str, Any]:
    try:
        return _flatten(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(origin, f"not valid TOML: {exc}") from None


def _shipped(name: str) -> str:
    return resources.files("cyberorigen.config").joinpath(name).read_text(encoding="utf-8")


def load_plans() -> dict[str, Plan]:
    plans = {}
    for name, table in tomllib.loads(_shipped("plans.toml")).items():
        plans[name] = Plan(
            name=name,
            title=table.get("title", name.title()),
            hourly=table.get("hourly"),
            daily=table.get("daily"),
        )
    return plans


def _merge(env: Mapping[str, str], overrides: Mapping[str, Any]) -> dict[str, Any]:
    raw = _read_toml(_shipped("default.toml"), "config/default.toml")
    config_path = env.get(CONFIG_ENV)
    if config_path:
        try:
            text = Path(config_path).read_text(encoding="utf-8")
        except OSError as exc:
            raise SettingsError(CONFIG_ENV, f"cannot read {config_path}: {exc.strerror}") from None
        for key, value in _read_toml(text, CONFIG_ENV).items():
            if key not in _SPECS:
                raise SettingsError(key, f"unknown setting in {config_path}")
            raw[key] = value
    for key in _SPECS:
        name = env_name(key)
        if name in env:
            raw[key] = env[name]
    for key, value in overrides.items():
        if key not in _SPECS:
            raise SettingsError(key, "unknown setting")
        raw[key] = value
    return raw


def _parse(raw: Mapping[str, Any]) -> dict[str, Any]:
    values = {}
    for key, parse in _SPECS.items():
        try:
            values[key] = parse(raw[key])
        except ValueError as exc:
            raise SettingsError(key, str(exc)) from None
    return values


def _resolve_secret(configured: str, instance_dir: Path, required: bool) -> str:
    secret = configured
    if not secret:
        secret_file = instance_dir / SECRET_FILE_NAME
        if secret_file.exists():
            secret = secret_file.read_text(encoding="utf-8").strip()
    if not secret:
        if required:
            raise SettingsError(
                "secret_key",
                "no secret key: run `cyberorigen init` to generate one, "
                f"or set {env_name('secret_key')}",
            )
        return ""
    if len(secret) < MIN_SECRET_LENGTH:
        raise SettingsError("secret_key", f"must be at least {MIN_SECRET_LENGTH} characters long")
    return secret


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    *,
    require_secret: bool = True,
) -> Settings:
    """Build and validate the settings. ``overrides`` use dotted keys, like the TOML tables."""
    env = os.environ if env is None else env
    values = _parse(_merge(env, overrides or {}))
    instance_dir = Path(values["instance_dir"] or "./var").expanduser().resolve()
    database_url = values["database_url"] or f"sqlite:///{instance_dir / 'cyberorigen.db'}"
    redis_url = values["redis_url"] or None
    plans = load_plans()
    return Settings(
        instance_dir=instance_dir,
        assets_dir=(
            Path(values["assets_dir"]).expanduser().resolve()
            if values["assets_dir"]
            else instance_dir / "assets"
        ),
        database_url=database_url,
        redis_url=redis_url,
        secret_key=_resolve_secret(values["secret_key"], instance_dir, require_secret),
        log_json=values["log_json"],
        token_lifetime=values["auth.token_lifetime"],
        identity_cache_seconds=max(values["auth.identity_cache_seconds"], 0),
        jwt_issuer=values["auth.issuer"] or "cyberorigen",
        jwt_audience=values["auth.audience"] or "cyberorigen-api",
        token_rate_limit=values["auth.token_rate_limit"],
        account_failure_limit=values["auth.account_failure_limit"],
        known_address_days=max(values["auth.known_address_days"], 0),
        ratelimit_storage_url=values["ratelimit.storage_url"] or redis_url or "memory://",
        ratelimit_key_prefix=values["ratelimit.key_prefix"] or "cyberorigen",
        scan_profiles=values["scans.profiles"],
        profile_options=values["scans.profile_options"],
        scanner_timeout=values["scans.scanner_timeout"],
        heartbeat_timeout=values["scans.heartbeat_timeout"],
        host_concurrency=values["scans.host_concurrency"],
        jobs_per_worker=values["scans.jobs_per_worker"],
        hosts_per_job=values["scans.hosts_per_job"],
        scan_queue=values["scans.queue"] or "cyberorigen-scans",
        disabled_plugins=tuple(values["plugins.disabled"]),
        trace_plugins=values["trace_plugins"],
        max_content_length=values["api.max_content_length"],
        evidence_max_bytes=values["evidence.max_upload_bytes"],
        evidence_self_review=values["evidence.self_review"],
        import_max_bytes=values["imports.max_upload_bytes"],
        import_max_items=values["imports.max_items"],
        export_keep_seconds=values["exports.keep_seconds"],
        export_link_seconds=values["exports.link_seconds"],
        export_jobs=values["exports.jobs"],
        audit_keep_days=max(values["audit.keep_days"], 0),
        trusted_proxies=max(values["api.trusted_proxies"], 0),
        page_cache_seconds=max(values["api.page_cache_seconds"], 0),
        webhooks=WebhookSettings(
            allowed_networks=values["webhooks.allowed_networks"],
            connect_timeout=values["webhooks.connect_timeout"],
            read_timeout=values["webhooks.read_timeout"],
            retry_delays=values["webhooks.retry_delays"],
            disable_after_failures=values["webhooks.disable_after_failures"],
            lease_seconds=values["webhooks.lease_seconds"],
            rotation_overlap=values["webhooks.rotation_overlap"],
            retention_days=values["webhooks.retention_days"],
            queue=values["webhooks.queue"] or "cyberorigen-webhooks",
            ca_file=values["webhooks.ca_file"] or None,
        ),
        scope=ScopeSettings(
            forbidden_networks=values["scope.forbidden_networks"],
            widest_ipv4_prefix=values["scope.widest_ipv4_prefix"],
            widest_ipv6_prefix=values["scope.widest_ipv6_prefix"],
            max_scan_addresses=values["scope.max_scan_addresses"],
            allowed_resolvers=values["scope.allowed_resolvers"],
        ),
        metrics_enabled=values["metrics.enabled"],
        metrics_token=values["metrics.token"],
        smtp={
            "host": values["smtp.host"],
            "port": values["smtp.port"],
            "security": values["smtp.security"],
            "username": values["smtp.username"],
            "password": values["smtp.password"],
            "sender": values["smtp.sender"],
            "ca_file": values["smtp.ca_file"] or None,
        },
        plans=plans,
    )


def setting_keys() -> list[str]:
    """Every configurable key, for the docs and the README's configuration table."""
    return list(_SPECS)
