"""The appliance: everything a CyberOrigen process works with, built once from its settings.

The API process (``create_app(appliance)``), ``cyberorigen worker``, ``cyberorigen scheduler``,
the tests and plugin authors' test harness all start from one :class:`Appliance`, passed to
whatever needs it; nothing reads process state from a module. A request reaches it with
``appliance_of(current_app)``; RQ jobs, which RQ imports by name, find theirs in
:mod:`cyberorigen.jobs.process`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

import redis

from cyberorigen.compliance.catalogue import Catalogue, build_catalogue
from cyberorigen.compliance.scans import assess_completed_scan
from cyberorigen.db import on_committed_change
from cyberorigen.jobs.background import Running, stop_background
from cyberorigen.jobs.export_kinds import export_producers
from cyberorigen.jobs.export_runner import ExportRunner
from cyberorigen.jobs.queue import JobQueue, job_queue_for
from cyberorigen.jobs.scans import run_scan_in_process
from cyberorigen.jobs.webhooks import deliver_in_process
from cyberorigen.plugin_registry import PluginPoint, PluginRegistry, build_registry
from cyberorigen.services.export_jobs import ExportStore
from cyberorigen.services.identity import IdentityCache, SharedEpoch
from cyberorigen.services.page_cache import PageCache
from cyberorigen.services.scan_runner import RunnerSettings
from cyberorigen.services.scans import ScanRules
from cyberorigen.services.secret_box import SecretBox
from cyberorigen.services.token_blocklist import TokenBlocklist
from cyberorigen.settings import Settings

if TYPE_CHECKING:
    from flask import Flask

#: Where a Flask app keeps its appliance (set by ``create_app``; read with ``appliance_of``).
_EXTENSION = "cyberorigen"


@dataclass
class Appliance:
    settings: Settings
    registry: PluginRegistry
    #: What the loaded plugins provide, indexed for compliance (built with the registry).
    catalogue: Catalogue
    secret_box: SecretBox
    #: The Redis client, or None in embedded mode.
    redis: redis.Redis | None
    #: Revoked access tokens (Redis, or a table in embedded mode).
    blocklist: TokenBlocklist
    #: The API's short-lived cache of who a token's user is.
    identities: IdentityCache
    #: Pages of lists kept in Redis until the next committed write (None: none kept).
    pages: PageCache | None = None
    #: Where scan and delivery jobs go: RQ on Redis, or threads of this process.
    jobs: JobQueue = field(init=False)
    #: The background loops this process runs, by role (see ``jobs.background``).
    background: dict[str, Running] = field(default_factory=dict)
    #: Where exports made in the background run: threads of this process.
    exports: ExportRunner = field(init=False)

    def __post_init__(self) -> None:
        self.jobs = job_queue_for(
            self.settings,
            self.redis,
            run_scan=partial(run_scan_in_process, self),
            deliver=partial(deliver_in_process, self),
        )
        self.exports = ExportRunner(
            ExportStore(self.settings.instance_dir / "exports"),
            partial(export_producers, self),
            timedelta(seconds=self.settings.export_keep_seconds),
            self.settings.export_jobs,
        )

    @property
    def runner_settings(self) -> RunnerSettings:
        """How this appliance runs scans (compliance assessment is a step after each)."""
        settings = self.settings
        return RunnerSettings(
            profiles=dict(settings.scan_profiles),
            scanner_timeout=settings.scanner_timeout,
            heartbeat_interval=max(1.0, settings.heartbeat_timeout / 6),
            scope=settings.scope,
            host_concurrency=settings.host_concurrency,
            after_completion=(partial(assess_completed_scan, catalogue=self.catalogue),),
            # Parts are for sharing a scan between workers: embedded mode has none.
            hosts_per_job=0 if settings.embedded else settings.hosts_per_job,
            enqueue_part=None if settings.embedded else self.jobs.enqueue_part,
        )

    @property
    def scan_rules(self) -> ScanRules:
        """What this appliance checks a scan request against (API, rescan, schedules)."""
        settings = self.settings
        return ScanRules(
            scanners=self.registry.scanners,
            profiles=settings.scan_profiles,
            profile_options=settings.profile_options,
            policy=settings.scope,
        )

    def close(self) -> None:
        """Stop the background loops and wait for the jobs running on this process's threads
        (embedded mode) to end."""
        stop_background(self)
        self.jobs.shutdown()
        self.exports.shutdown()


def build_appliance(
    settings: Settings,
    *,
    entry_points: Iterable[PluginPoint] | None = None,
    extra_plugins: Iterable[Any] = (),
) -> Appliance:
    """The appliance for ``settings``: its plugins are the installed entry points (or
    ``entry_points``), plus ``extra_plugins`` (entry points, or plugin modules and objects; one
    named like an installed plugin takes its place), less those ``plugins.disabled`` names.

    Nothing is started and nothing connects: the database is bound by whoever serves it, the
    background loops are started with ``jobs.background.start_background``."""
    registry = build_registry(
        settings.disabled_plugins,
        settings.trace_plugins,
        points=entry_points,
        extra=extra_plugins,
    )
    client = redis.Redis.from_url(settings.redis_url) if settings.redis_url else None
    prefix = settings.ratelimit_key_prefix
    pages = None
    if client is not None and settings.page_cache_seconds:
        pages = PageCache(client, prefix, settings.page_cache_seconds)
        # Every process that writes (API, worker, scheduler) makes the kept pages stale.
        on_committed_change(f"pages:{id(pages)}", pages.changed)
    return Appliance(
        settings=settings,
        registry=registry,
        catalogue=build_catalogue(registry),
        secret_box=SecretBox(settings.secret_key),
        redis=client,
        blocklist=TokenBlocklist(client, prefix),
        identities=IdentityCache(
            settings.identity_cache_seconds,
            epoch=SharedEpoch(client, prefix) if client else None,
        ),
        pages=pages,
    )


def attach(app: Flask, appliance: Appliance) -> None:
    """Make ``appliance`` the one ``app`` serves (``create_app`` does)."""
    app.extensions[_EXTENSION] = appliance


def appliance_of(app: Flask) -> Appliance:
    """The appliance ``app`` serves: how views, schemas and hooks reach settings, plugins,
    the catalogue and the job queue (``appliance_of(current_app)``), and tests too."""
    return app.extensions[_EXTENSION]
