"""``/metrics`` in the Prometheus text format, and the request metrics behind it.

Off unless ``metrics.enabled``; with ``metrics.token`` set, scrapers must send
``Authorization: Bearer <token>`` (a 401 otherwise). Request counts and latencies are labelled
by route (``/api/v1/scans/<scan_id>``), never by raw path. Under gunicorn with several
processes, ``cyberorigen serve`` points ``PROMETHEUS_MULTIPROC_DIR`` at a fresh folder so that
every process's counts are summed. What is read from the database and Redis (scans by status,
webhook deliveries by result, queue depths, live workers) is read when scraped.
"""

from __future__ import annotations

import hmac
import logging
import os
import time

from flask import Blueprint, Flask, Response, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from cyberorigen.api.errors import ApiError
from cyberorigen.api.security import public
from cyberorigen.appliance import appliance_of
from cyberorigen.errors import NotFound
from cyberorigen.ops.counts import deliveries_by_status, scans_by_status

log = logging.getLogger("cyberorigen.requests")

REQUESTS = Counter(
    "cyberorigen_http_requests",
    "HTTP requests handled, by route, method and status.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "cyberorigen_http_request_duration_seconds",
    "Time to answer an HTTP request, by route and method.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)

blp = Blueprint("metrics", __name__)


class StateCollector:
    """Gauges read from the database and Redis at scrape time."""

    def __init__(self, app: Flask) -> None:
        self.appliance = appliance_of(app)

    def collect(self):
        scans = GaugeMetricFamily("cyberorigen_scans", "Scans by status.", labels=["status"])
        for status, count in scans_by_status():
            scans.add_metric([status], count)
        yield scans
        deliveries = GaugeMetricFamily(
            "cyberorigen_webhook_deliveries",
            "Webhook deliveries by result (pending, delivered, failed).",
            labels=["status"],
        )
        for status, count in deliveries_by_status():
            deliveries.add_metric([status], count)
        yield deliveries
        connection = self.appliance.redis
        if connection is None:
            return
        from rq import Queue, Worker

        settings = self.appliance.settings
        depth = GaugeMetricFamily("cyberorigen_queue_depth", "Jobs waiting.", labels=["queue"])
        workers: set[str] = set()
        for name in (settings.scan_queue, settings.webhooks.queue):
            queue = Queue(name, connection=connection)
            depth.add_metric([name], queue.count)
            workers.update(worker.name for worker in Worker.all(queue=queue))
        yield depth
        yield GaugeMetricFamily(
            "cyberorigen_workers", "Live workers on the appliance's queues.", value=len(workers)
        )


def _route() -> str:
    rule = request.url_rule
    return rule.rule if rule is not None else "unmatched"


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _log_request(response) -> float | None:
    """Log the request once (the access log, with the request id in JSON mode); its duration."""
    started = g.pop("metrics_started", None)
    if started is None:
        return None
    elapsed = time.perf_counter() - started
    log.info("%s %s %s %.1f ms", request.method, request.path, response.status_code, elapsed * 1000)
    return elapsed


def _logged(response):
    _log_request(response)
    return response


def _logged_and_counted(response):
    elapsed = _log_request(response)
    if elapsed is not None:
        route = _route()
        REQUESTS.labels(request.method, route, str(response.status_code)).inc()
        LATENCY.labels(request.method, route).observe(elapsed)
    return response


@blp.route("/metrics")
@public
def metrics():
    settings = appliance_of(current_app).settings
    if not settings.metrics_enabled:
        raise NotFound("metrics (enable them with the setting metrics.enabled)")
    if settings.metrics_token:
        sent = request.headers.get("Authorization", "")
        expected = f"Bearer {settings.metrics_token}"
        if not hmac.compare_digest(sent.encode(), expected.encode()):
            raise ApiError(
                401, "Send 'Authorization: Bearer <metrics token>'.", "NOT_AUTHENTICATED"
            )
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(REQUESTS)
        registry.register(LATENCY)
    registry.register(StateCollector(current_app))
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST.split(";")[0])


def init_app(app: Flask, enabled: bool) -> None:
    """Log every request; count it for /metrics only when metrics are enabled."""
    app.before_request(_start_timer)
    app.after_request(_logged_and_counted if enabled else _logged)
    app.register_blueprint(blp)
