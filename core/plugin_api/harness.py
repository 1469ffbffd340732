"""An appliance in a temporary directory, for a plugin author's end-to-end tests.

Imported through :mod:`cyberorigen.plugin_api.testing` (``TestAppliance``). It is the same
appliance the API and the workers run, built with :func:`cyberorigen.appliance.build_appliance`
from the author's plugins beside the built-in ones, so a test sees what an operator would:
the plugin's status in ``GET /api/v1/plugins``, its scanner run by a real scan, its framework
in the reports, its transport delivering webhook events.
"""

from __future__ import annotations

import dataclasses
import secrets
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from cyberorigen.api.schemas import MAX_PER_PAGE
from cyberorigen.app import create_app
from cyberorigen.appliance import Appliance, build_appliance
from cyberorigen.db import bind_database, database
from cyberorigen.db.migrate import upgrade
from cyberorigen.jobs.webhooks import deliver_in_process
from cyberorigen.plugin_registry import builtin_points
from cyberorigen.services.organizations import create_organization
from cyberorigen.services.scope import add_scope_entry
from cyberorigen.services.users import create_user
from cyberorigen.settings import DEFAULT_FORBIDDEN_NETWORKS, load_settings
from cyberorigen.webhooks.dispatch import DELIVERIES_PER_JOB, dispatch_once

#: The operator policy of a test appliance: the shipped one, except that loopback may be
#: scanned (test servers listen there).
LOOPBACK = ("127.0.0.0/8", "::1/128")
FINISHED = ("completed", "failed", "cancelled")


class TestAppliance:
    """The appliance with ``plugins`` (plugin modules or entry points) and the built-in
    plugins, on SQLite in ``directory``, in embedded mode (scans and deliveries run on
    threads of this process), with one organization whose ``scope`` (default loopback) may be
    scanned and whose admin is logged in on :attr:`client`.

    Every scanner loaded is also a scan type of its own name (unless ``settings`` names
    ``scans.profiles``). ``settings`` are configuration keys as in the file named by
    ``CYBERORIGEN_CONFIG`` (``{"scans.profiles": {"web": ["http", "robots"]}}``); the
    environment is not read. Use it as a context manager, or call :meth:`close`.
    """

    __test__ = False  # a helper, not a test class, to pytest

    def __init__(
        self,
        *plugins: Any,
        directory: Path | str,
        settings: Mapping[str, Any] | None = None,
        scope: Sequence[str] = ("127.0.0.1", "::1"),
    ) -> None:
        directory = Path(directory)
        values = {
            "instance_dir": str(directory / "instance"),
            "secret_key": secrets.token_urlsafe(48),
            "database_url": f"sqlite:///{directory / 'cyberorigen.db'}",
            "redis_url": "",
            "scope.forbidden_networks": [
                network for network in DEFAULT_FORBIDDEN_NETWORKS if network not in LOOPBACK
            ],
            **(settings or {}),
        }
        self._previous_database = database.obj
        self.appliance: Appliance = build_appliance(
            load_settings(values, env={}), entry_points=builtin_points(), extra_plugins=plugins
        )
        if "scans.profiles" not in values:
            self._add_a_scan_type_per_scanner()
        upgrade(bind_database(self.appliance.settings.database_url))
        self.app: Flask = create_app(self.appliance)
        self.app.config["TESTING"] = True
        self.client: FlaskClient = self.app.test_client()
        self.client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
        self.admin_email = "admin@plugin-tests.example"
        self._log_in(scope)

    def _add_a_scan_type_per_scanner(self) -> None:
        # Before anything has read the settings: the app is not created, no job has run.
        settings = self.appliance.settings
        profiles = dict(settings.scan_profiles)
        for name in self.appliance.registry.scanners:
            profiles.setdefault(name, (name,))
        self.appliance.settings = dataclasses.replace(settings, scan_profiles=profiles)

    def _log_in(self, scope: Iterable[str]) -> None:
        password = secrets.token_urlsafe(18)
        database.connect(reuse_if_open=True)
        try:
            with database.atomic():
                org = create_organization("Plugin tests", "enterprise")
                for value in scope:
                    add_scope_entry(org.id, value, self.appliance.settings.scope)
                create_user(org.id, self.admin_email, password, "admin")
        finally:
            database.close()
        response = self.client.post(
            "/api/v1/auth/token", data={"username": self.admin_email, "password": password}
        )
        assert response.status_code == 200, response.get_json()
        token = response.get_json()["access_token"]
        self.client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"

    def run_scan(
        self,
        target: str,
        scan_type: str,
        *,
        options: Mapping[str, Any] | None = None,
        frameworks: Sequence[str] = (),
        timeout: float = 60.0,
    ) -> dict[str, Any]:
        """Start a scan through the API, wait until its job has ended (its compliance
        assessment and lifecycle hooks included) and return it as ``GET /api/v1/scans/<id>``
        shows it, with its ``findings`` (``GET /api/v1/scans/<id>/findings``) added. A scan
        the API refuses fails the test with the API's answer."""
        body = {"target": target, "scan_type": scan_type, "options": dict(options or {})}
        if frameworks:
            body["frameworks"] = list(frameworks)
        created = self.client.post("/api/v1/scans", json=body)
        assert created.status_code == 201, created.get_json()
        scan_id = created.get_json()["id"]
        deadline = time.monotonic() + timeout
        if not self.appliance.jobs.wait_for_scan(scan_id, timeout):
            raise TimeoutError(f"scan {scan_id} still runs after {timeout} s")
        scan = self._get(f"/api/v1/scans/{scan_id}")
        while scan["status"] not in FINISHED:  # a job the runner handed back runs again
            if time.monotonic() > deadline:
                raise TimeoutError(f"scan {scan_id} is still {scan['status']} after {timeout} s")
            time.sleep(0.05)
            self.appliance.jobs.wait_for_scan(scan_id, max(deadline - time.monotonic(), 0))
            scan = self._get(f"/api/v1/scans/{scan_id}")
        scan["findings"] = self.get_all(f"/api/v1/scans/{scan_id}/findings")
        return scan

    def get_all(self, path: str) -> list[dict[str, Any]]:
        """Every item of a paginated list (``/api/v1/findings?check_id=...``), all pages."""
        items: list[dict[str, Any]] = []
        separator = "&" if "?" in path else "?"
        page = 1
        while True:
            body = self._get(f"{path}{separator}page={page}&per_page={MAX_PER_PAGE}")
            items += body["items"]
            if page >= body["pages"]:
                return items
            page += 1

    def deliver_events(self) -> None:
        """Deliver the webhook events recorded so far, in this thread: what the dispatcher
        and the workers do (fan-out to the matching webhooks, one attempt of each due
        delivery through its transport). Retries wait for their backoff as usual."""
        appliance = self.appliance
        webhooks = appliance.settings.webhooks
        lease = webhooks.lease_seconds
        dispatch_once(
            lambda delivery_ids, token: deliver_in_process(appliance, delivery_ids, token),
            appliance.catalogue,
            lease,
            DELIVERIES_PER_JOB,
        )

    def _get(self, path: str) -> dict[str, Any]:
        response = self.client.get(path)
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    def close(self) -> None:
        """Wait for what still runs, and point the database back where it was."""
        self.appliance.close()
        if not database.is_closed():
            database.close()
        if self._previous_database is not None:
            database.initialize(self._previous_database)

    def __enter__(self) -> TestAppliance:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
