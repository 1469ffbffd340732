"""Settings: defaults, then the CYBERORIGEN_CONFIG file, then CYBERORIGEN_* variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyberorigen.settings import SettingsError, env_name, load_settings, setting_keys

SECRET = "s" * 40


def test_defaults_give_embedded_sqlite_under_the_instance_dir(tmp_path):
    settings = load_settings(
        env={"CYBERORIGEN_INSTANCE_DIR": str(tmp_path), "CYBERORIGEN_SECRET_KEY": SECRET}
    )

    assert settings.instance_dir == tmp_path
    assert settings.database_url == f"sqlite:///{tmp_path / 'cyberorigen.db'}"
    assert settings.redis_url is None
    assert settings.embedded
    assert settings.ratelimit_storage_url == "memory://"
    assert settings.token_lifetime == 3600
    assert settings.plans["startup"].hourly == 100
    assert settings.plans["professional"].daily == 5000
    assert settings.plans["enterprise"].hourly is None


def test_file_then_environment_override_in_that_order(tmp_path):
    config = tmp_path / "appliance.toml"
    config.write_text(
        'redis_url = "redis://file:6379/0"\n[auth]\ntoken_lifetime = 600\n', encoding="utf-8"
    )
    env = {
        "CYBERORIGEN_CONFIG": str(config),
        "CYBERORIGEN_INSTANCE_DIR": str(tmp_path),
        "CYBERORIGEN_SECRET_KEY": SECRET,
        "CYBERORIGEN_AUTH_TOKEN_LIFETIME": "900",
    }

    settings = load_settings(env=env)

    assert settings.redis_url == "redis://file:6379/0"
    assert settings.ratelimit_storage_url == "redis://file:6379/0"
    assert settings.token_lifetime == 900


@pytest.mark.parametrize(
    ("variable", "value", "key"),
    [
        ("CYBERORIGEN_DATABASE_URL", "mysql://x/y", "database_url"),
        ("CYBERORIGEN_REDIS_URL", "http://localhost", "redis_url"),
        ("CYBERORIGEN_AUTH_TOKEN_LIFETIME", "soon", "auth.token_lifetime"),
        ("CYBERORIGEN_AUTH_TOKEN_LIFETIME", "-5", "auth.token_lifetime"),
        ("CYBERORIGEN_AUTH_TOKEN_RATE_LIMIT", "lots", "auth.token_rate_limit"),
        ("CYBERORIGEN_LOG_JSON", "perhaps", "log_json"),
        ("CYBERORIGEN_SECRET_KEY", "short", "secret_key"),
    ],
)
def test_a_bad_value_names_its_key(tmp_path, variable, value, key):
    env = {"CYBERORIGEN_INSTANCE_DIR": str(tmp_path), "CYBERORIGEN_SECRET_KEY": SECRET}
    env[variable] = value

    with pytest.raises(SettingsError) as caught:
        load_settings(env=env)

    assert caught.value.key == key
    assert str(caught.value).startswith(f"{key}:")


def test_an_unknown_key_in_the_config_file_is_refused(tmp_path):
    config = tmp_path / "appliance.toml"
    config.write_text("[auth]\ntoken_lifetme = 60\n", encoding="utf-8")

    with pytest.raises(SettingsError) as caught:
        load_settings(env={"CYBERORIGEN_CONFIG": str(config), "CYBERORIGEN_SECRET_KEY": SECRET})

    assert caught.value.key == "auth.token_lifetme"


def test_a_config_file_that_is_not_toml_is_refused(tmp_path):
    config = tmp_path / "appliance.toml"
    config.write_text("this is = = not toml", encoding="utf-8")

    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(env={"CYBERORIGEN_CONFIG": str(config), "CYBERORIGEN_SECRET_KEY": SECRET})


def test_there_is_no_usable_default_secret(tmp_path):
    with pytest.raises(SettingsError) as caught:
        load_settings(env={"CYBERORIGEN_INSTANCE_DIR": str(tmp_path)})

    assert caught.value.key == "secret_key"
    assert "cyberorigen init" in str(caught.value)


def test_the_secret_is_read_from_the_instance_dir(tmp_path):
    (tmp_path / "secret_key").write_text(SECRET + "\n", encoding="utf-8")

    settings = load_settings(env={"CYBERORIGEN_INSTANCE_DIR": str(tmp_path)})

    assert settings.secret_key == SECRET


def test_every_key_has_an_environment_variable_documented_in_the_readme():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [key for key in setting_keys() if env_name(key) not in readme]

    assert missing == []
