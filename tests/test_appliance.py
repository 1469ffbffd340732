"""The Appliance: what build_appliance puts in it, where RQ jobs find it (also in a forked work
horse), and the background loops started by role."""

from __future__ import annotations

import os
import threading
from importlib.metadata import EntryPoint

import pytest

from cyberorigen.appliance import build_appliance
from cyberorigen.db import database
from cyberorigen.jobs import process
from cyberorigen.jobs.background import ROLES, start_background, stop_background
from cyberorigen.jobs.queue import EmbeddedJobQueue, RedisJobQueue
from cyberorigen.plugin_api import ENTRY_POINT_GROUP
from cyberorigen.plugin_registry import builtin_points


def test_the_appliance_holds_the_plugins_their_catalogue_and_the_jobs(make_settings):
    embedded = build_appliance(make_settings(redis=False))
    on_redis = build_appliance(make_settings())

    assert "http" in embedded.registry.scanners
    assert embedded.catalogue.frameworks.keys() == embedded.registry.frameworks.keys()
    assert "soc2" in embedded.catalogue.names
    assert isinstance(embedded.jobs, EmbeddedJobQueue) and embedded.redis is None
    assert isinstance(on_redis.jobs, RedisJobQueue) and on_redis.redis is not None
    assert embedded.runner_settings.profiles == dict(embedded.settings.scan_profiles)
    assert len(embedded.runner_settings.after_completion) == 1  # the compliance assessment
    embedded.close()


def test_extra_plugins_are_modules_or_entry_points_beside_the_given_ones(
    make_settings, with_plugins
):
    with_plugins()  # the fixture plugins on sys.path
    import fixture_scanners

    appliance = build_appliance(
        make_settings(redis=False),
        entry_points=builtin_points(),
        extra_plugins=[
            fixture_scanners,
            EntryPoint(name="recorder", value="lifecycle_recorder", group=ENTRY_POINT_GROUP),
        ],
    )

    names = [record.name for record in appliance.registry.records]
    assert {"fixture_scanners", "recorder", "http", "controls"} <= set(names)
    assert "example" not in names  # installed, but not a built-in: not asked for
    assert appliance.registry.record("fixture_scanners").status == "loaded"
    assert "banner" in appliance.registry.scanners
    appliance.close()


def test_an_extra_plugin_takes_the_place_of_the_installed_one_of_its_name(
    make_settings, with_plugins
):
    with_plugins()
    stand_in = EntryPoint(name="http", value="fixture_scanners", group=ENTRY_POINT_GROUP)

    appliance = build_appliance(make_settings(redis=False), extra_plugins=[stand_in])

    assert appliance.registry.record("http").scanners == ["banner", "crashing", "slow", "stuck"]
    assert "http" not in appliance.registry.scanners
    appliance.close()


def test_a_forked_work_horse_uses_the_appliance_its_worker_built(make_settings):
    """What ``cyberorigen worker`` relies on: adopted before RQ forks, the same appliance (its
    plugins imported once) serves the child, which binds a database of its own."""
    appliance = build_appliance(make_settings())
    process.adopt(appliance)
    process.job_appliance()
    parent_database = database.obj
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        try:
            same = process.job_appliance() is appliance
            rebound = database.obj is not parent_database
            os.write(write, f"{same} {rebound}".encode())
        finally:
            os._exit(0)
    os.close(write)
    answer = os.read(read, 100).decode()
    os.close(read)
    os.waitpid(child, 0)

    assert answer == "True True"
    assert process.job_appliance() is appliance and database.obj is parent_database


def test_a_job_in_a_process_without_an_appliance_builds_one_from_the_settings(
    make_settings, monkeypatch
):
    settings = make_settings()
    for name, value in {
        "CYBERORIGEN_DATABASE_URL": settings.database_url,
        "CYBERORIGEN_REDIS_URL": settings.redis_url,
        "CYBERORIGEN_SECRET_KEY": settings.secret_key,
        "CYBERORIGEN_INSTANCE_DIR": str(settings.instance_dir),
        "CYBERORIGEN_PLUGINS_DISABLED": "example",
    }.items():
        monkeypatch.setenv(name, value)
    holder = process._JobProcess()  # a process that adopted nothing

    built = holder.appliance()

    assert built.settings.database_url == settings.database_url
    assert built.registry.record("example").status == "blocked"
    assert holder.appliance() is built  # once


def test_background_loops_start_once_per_role_and_stop(make_settings):
    appliance = build_appliance(make_settings(redis=False))

    start_background(appliance, ROLES)
    threads = {role: running.thread for role, running in appliance.background.items()}
    start_background(appliance, ["reaper"])  # already running: left as it is

    assert list(threads) == ["reaper", "scheduler", "dispatcher"]
    assert appliance.background["reaper"].thread is threads["reaper"]
    assert {thread.name for thread in threads.values()} <= {
        item.name for item in threading.enumerate()
    }
    stop_background(appliance)
    assert appliance.background == {}
    assert not any(thread.is_alive() for thread in threads.values())
    with pytest.raises(ValueError, match="unknown background role 'janitor'"):
        start_background(appliance, ["janitor"])
    appliance.close()
