"""Scans run to their very end on embedded appliances, through the API, as one account."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cyberorigen.appliance import appliance_of


class EmbeddedScans:
    """``scan(body)`` creates a scan as ``account`` and returns it once its run has ended (on
    an appliance of its own, whose threads it waits for); ``get(path)`` reads the API (each on
    an app made by ``make_app(redis=False, **settings)``)."""

    def __init__(
        self, make_app: Callable[..., Any], account, address: Callable[[], str], **settings
    ) -> None:
        self._make_app, self._account, self._address = make_app, account, address
        self._settings = settings
        self._apps: list = []

    def client(self, account=None):
        if not self._apps:
            self._apps.append(self._make_app(redis=False, **self._settings))
        test_client = self._apps[-1].test_client()
        test_client.environ_base["REMOTE_ADDR"] = self._address()
        return test_client

    @property
    def catalogue(self):
        """The catalogue of the appliances' plugins (the same for each)."""
        self.client()
        return appliance_of(self._apps[-1]).catalogue

    def scan(self, body: dict) -> dict:
        created = self.client().post("/api/v1/scans", json=body, headers=self._account.headers)
        assert created.status_code == 201, created.get_json()
        appliance_of(self._apps.pop()).jobs.shutdown()  # the run, to its very end
        return self.get(f"/api/v1/scans/{created.get_json()['id']}")

    def get(self, path: str, account=None) -> dict:
        response = self.client().get(path, headers=(account or self._account).headers)
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    def answer(self, path: str, account):
        """The response to ``GET path`` as ``account``, whatever its status."""
        return self.client().get(path, headers=account.headers)
