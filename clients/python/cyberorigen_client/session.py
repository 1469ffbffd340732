"""The hand-written layer: a session on one appliance, over httpx.

``CyberOrigen`` logs in (password flow or API key), retries a request the rate limiter refused
(429) after the wait the appliance names, walks every page of a list, and waits for a scan.
The generated client (``session.generated``) shares its httpx client, so its calls get the
same authentication and the same retries.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

#: Statuses after which a scan no longer changes.
FINISHED = frozenset({"completed", "failed", "cancelled"})
SEVERITIES = ("info", "low", "medium", "high", "critical")


class ApiError(Exception):
    """An answer of 400 or more, with the appliance's error envelope
    (``detail``, ``error_code``, ``field``)."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.status_code = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        self.detail: str = body.get("detail") or response.reason_phrase
        self.error_code: str | None = body.get("error_code")
        self.field: str | None = body.get("field")
        where = f" (field {self.field})" if self.field else ""
        super().__init__(f"{self.status_code} {self.error_code or ''}: {self.detail}{where}")


def retry_delay(response: httpx.Response, now: float | None = None) -> float | None:
    """Seconds to wait before repeating a refused request: ``Retry-After`` (seconds or an
    HTTP date), else ``X-RateLimit-Reset`` (Unix time) less now; None when neither says."""
    current = time.time() if now is None else now
    value = response.headers.get("Retry-After")
    if value:
        value = value.strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            return max(when.timestamp() - current, 0.0)
    reset = response.headers.get("X-RateLimit-Reset")
    if reset and reset.strip().isdigit():
        return max(float(reset) - current, 0.0)
    return None


@dataclass
class RateLimitRetry:
    """When and how often to repeat a request answered 429.

    ``attempts`` retries at most; a wait longer than ``max_wait`` seconds is not taken (the
    429 is raised instead: an hourly limit can ask for most of an hour); ``on_wait(seconds,
    response)`` is told before each wait."""

    attempts: int = 3
    max_wait: float = 120.0
    default_wait: float = 1.0
    on_wait: Callable[[float, httpx.Response], None] | None = None
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)


class _RetryingTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, policy: RateLimitRetry) -> None:
        self.inner = inner
        self.policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()  # the body can be sent again
        for attempt in range(self.policy.attempts + 1):
            response = self.inner.handle_request(request)
            if response.status_code != 429 or attempt == self.policy.attempts:
                return response
            wait = retry_delay(response)
            wait = self.policy.default_wait if wait is None else wait
            if wait > self.policy.max_wait:
                return response
            response.read()
            response.close()
            if self.policy.on_wait is not None:
                self.policy.on_wait(wait, response)
            self.policy.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        self.inner.close()


class CyberOrigen:
    """A session on the appliance at ``base_url`` (``https://scanner.example.com``).

    ``api_key`` (``co_…``) or an access ``token`` authenticates; ``CyberOrigen.login`` gets a
    token with an e-mail and password. Every request is retried after a 429 per ``retry``."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        *,
        token: str | None = None,
        timeout: float = 30.0,
        retry: RateLimitRetry | None = None,
        verify: bool | str = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RateLimitRetry()
        self._token = api_key or token
        transport = _RetryingTransport(httpx.HTTPTransport(verify=verify), self.retry)
        headers = {"User-Agent": "cyberorigen-client-python"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        self.http = httpx.Client(
            base_url=self.base_url, headers=headers, timeout=timeout, transport=transport
        )
        self._generated = None

    @classmethod
    def login(cls, base_url: str, email: str, password: str, **kwargs: Any) -> CyberOrigen:
        """A session with an access token for ``email`` and ``password`` (the OAuth2 password
        flow: a form-encoded POST to /api/v1/auth/token)."""
        session = cls(base_url, **kwargs)
        answer = session.request(
            "POST",
            "/api/v1/auth/token",
            data={"username": email, "password": password, "grant_type": "password"},
        )
        session.set_token(answer.json()["access_token"])
        return session

    def set_token(self, token: str) -> None:
        self._token = token
        self.http.headers["Authorization"] = f"Bearer {token}"

    # --- plain requests ------------------------------------------------------------------

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The answer to ``method path`` (httpx's keyword arguments); ApiError for 4xx/5xx."""
        response = self.http.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise ApiError(response)
        return response

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=_clean(params)).json()

    def post(self, path: str, json: Any = None, **kwargs: Any) -> Any:
        response = self.request("POST", path, json=json, **kwargs)
        return response.json() if response.content else None

    def paginate(self, path: str, *, per_page: int = 100, **params: Any) -> Iterator[dict]:
        """Every item of a paginated list, page after page (``items``, ``total``, ``page``,
        ``per_page``, ``pages``); ``params`` filter as the endpoint documents."""
        page = 1
        while True:
            body = self.get(path, page=page, per_page=per_page, **params)
            yield from body["items"]
            if not body["items"] or page >= body.get("pages", page):
                return
            page += 1

    # --- what a pipeline does ------------------------------------------------------------

    def add_scope(self, value: str) -> dict:
        """Allow scanning ``value`` (a domain, an address or a network; needs admin)."""
        return self.post("/api/v1/scope", json={"value": value})

    def create_scan(
        self,
        target: str,
        scan_type: str = "quick",
        frameworks: list[str] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> dict:
        body: dict[str, Any] = {"target": target, "scan_type": scan_type}
        if frameworks:
            body["frameworks"] = list(frameworks)
        if options:
            body["options"] = dict(options)
        return self.post("/api/v1/scans", json=body)

    def scan(self, scan_id: str) -> dict:
        return self.get(f"/api/v1/scans/{scan_id}")

    def wait_for_scan(
        self,
        scan_id: str,
        *,
        interval: float = 2.0,
        timeout: float | None = None,
        on_progress: Callable[[dict], None] | None = None,
    ) -> dict:
        """Poll the scan until it is completed, failed or cancelled, and return it.
        ``on_progress(scan)`` is called with each poll's scan (``status``, ``progress`` 0-100,
        ``current_step``); TimeoutError after ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            scan = self.scan(scan_id)
            if on_progress is not None:
                on_progress(scan)
            if scan["status"] in FINISHED:
                return scan
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError(f"scan {scan_id} is still {scan['status']}")
            time.sleep(interval)

    def findings(self, scan_id: str | None = None, **filters: Any) -> Iterator[dict]:
        """Every finding (of one scan, with ``scan_id``); filters ``severity``, ``status``,
        ``check_id``, ``target``."""
        path = f"/api/v1/scans/{scan_id}/findings" if scan_id else "/api/v1/findings"
        return self.paginate(path, **filters)

    def export_findings(self, format: str, **filters: Any) -> bytes:  # noqa: A002
        """The findings as a file: ``sarif``, ``ocsf``, ``csv`` or ``jsonl``."""
        params = _clean({"format": format, **filters})
        return self.request("GET", "/api/v1/findings/export", params=params).content

    # --- the generated client ------------------------------------------------------------

    @property
    def generated(self):
        """The generated client (``cyberorigen_client.generated``) on this session."""
        if self._generated is None:
            from cyberorigen_client.generated.client import AuthenticatedClient

            client = AuthenticatedClient(base_url=self.base_url, token=self._token or "")
            client.set_httpx_client(self.http)
            self._generated = client
        return self._generated

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> CyberOrigen:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _clean(params: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in params.items() if value is not None}
