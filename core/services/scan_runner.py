"""Running a scan: one job owns every state change of the scan it runs.

``queued -> running -> completed | failed | cancelled``. Each scanner of the scan's profile runs
in a thread of its own with a deadline; its findings are stored as they arrive; a scanner that
raises or overruns is recorded as that scanner's error and the others still run. A scanner
run is ``completed`` only when it observed the target (a finding, or an observation it
reported): one that observed nothing is ``failed``, one that says the target has nothing it
examines is ``not_applicable``. A scan is ``completed`` only when some scanner completed;
otherwise it is ``failed`` with what each scanner said. While the
scan runs, its ``heartbeat_at`` moves; a scan whose heartbeat stops (its worker was killed) is
re-queued or failed by :func:`reap_lost_scans`.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from peewee import fn

from cyberorigen.db import database
from cyberorigen.db.models import Scan, ScanFinding, ScannerRun, utcnow
from cyberorigen.plugin_api.interfaces import (
    NotApplicable,
    ScanCancelled,
    ScanContext,
    ScanSummary,
    Target,
)
from cyberorigen.plugin_registry import PluginRegistry
from cyberorigen.services.findings import resolve_unseen, store_finding
from cyberorigen.services.outbox import record_event
from cyberorigen.services.scope import scan_scope
from cyberorigen.settings import ScopeSettings

log = logging.getLogger("cyberorigen.scans")

TERMINAL = ("completed", "failed", "cancelled")
#: A scanner run in one of these states is not run again by a later attempt of its scan.
SCANNER_DONE = ("completed", "failed", "timed_out", "skipped", "not_applicable")
MAX_ATTEMPTS = 2
CANCEL_GRACE_SECONDS = 5.0
#: A scanner run keeps this many of its observations (each cut to OBSERVATION_CHARS).
KEPT_OBSERVATIONS = 20
OBSERVATION_CHARS = 300
OBSERVED_NOTHING = (
    "observed nothing: it ended without a finding and without reporting what it examined, "
    "so none of its checks passed"
)


#: A step run after a scan completed, given the scan's row id and the plugin registry
#: (compliance assessment is one: it is registered where the runner is set up, so this module
#: never imports the layers above it).
CompletionStep = Callable[[int, PluginRegistry], None]


@dataclass(frozen=True)
class RunnerSettings:
    profiles: dict[str, tuple[str, ...]]
    scanner_timeout: float
    heartbeat_interval: float = 5.0
    #: The operator's scope policy: what no scanner may contact.
    scope: ScopeSettings = field(default_factory=ScopeSettings)
    #: Run in order once a scan completed and the findings it no longer sees are resolved.
    after_completion: tuple[CompletionStep, ...] = ()


def _scan_summary(scan: Scan) -> ScanSummary:
    return ScanSummary(
        id=scan.public_id,
        target=scan.target,
        scan_type=scan.scan_type,
        status=scan.status,
        scanners=tuple(run.scanner for run in scan.scanner_runs.order_by(ScannerRun.position)),
        findings=scan.vulnerabilities_found,
    )


def _event_payload(scan: Scan) -> dict:
    return {
        "scan_id": scan.public_id,
        "target": scan.target,
        "scan_type": scan.scan_type,
        "status": scan.status,
        "vulnerabilities_found": scan.vulnerabilities_found,
        "frameworks": list(scan.frameworks),
        "error": scan.error,
    }


def _call_lifecycle_hook(registry: PluginRegistry, hook: str, scan: Scan) -> None:
    """Tell every plugin; a plugin's exception is logged and never stops the scan."""
    if not getattr(registry.manager.hook, hook).get_hookimpls():
        return  # no plugin listens: do not even read the summary
    for plugin, _, error in registry.call_each(hook, scan=_scan_summary(scan)):
        if error is not None:
            log.error("plugin %s: %s failed: %s", plugin, hook, error, exc_info=error)


def _start(scan_id: str, settings: RunnerSettings) -> Scan | None:
    """Claim the scan for this run; None when there is nothing to run."""
    with database.atomic():
        scan = Scan.get_or_none(Scan.public_id == scan_id)
        if scan is None or scan.status != "queued":
            return None  # unknown, finished, or claimed by another job (it runs it)
        if scan.cancel_requested:
            _finish(scan, "cancelled", "cancelled before it started")
            return None
        first_attempt = scan.attempts == 0
        now = utcnow()
        claim = {
            "status": "running",
            "started_at": scan.started_at or now,
            "heartbeat_at": now,
            "attempts": scan.attempts + 1,
        }
        claimed = (
            Scan.update(**claim).where((Scan.id == scan.id) & (Scan.status == "queued")).execute()
        )
        if not claimed:
            return None
        for name, value in claim.items():  # the row as the update left it, without a re-read
            setattr(scan, name, value)
        if first_attempt:
            for position, name in enumerate(settings.profiles.get(scan.scan_type, ())):
                ScannerRun.create(scan=scan, scanner=name, position=position)
        if first_attempt:
            record_event(scan.organization_id, "scan.started", _event_payload(scan))
    return scan


def _finish(scan: Scan, status: str, error: str | None = None) -> None:
    scan.status = status
    scan.error = error
    scan.finished_at = utcnow()
    scan.current_step = None
    if status == "completed":
        scan.progress = 100
    scan.vulnerabilities_found = ScanFinding.select().where(ScanFinding.scan == scan).count()
    scan.save()
    if status in ("completed", "failed"):
        record_event(scan.organization_id, f"scan.{status}", _event_payload(scan))


class _ScannerThread:
    """Runs one scanner in a daemon thread, handing its output to the job through a queue."""

    def __init__(self, scanner, ctx: ScanContext) -> None:
        self.messages: queue.Queue = queue.Queue()
        self._scanner = scanner
        self._ctx = ctx
        self.thread = threading.Thread(target=self._produce, daemon=True, name=scanner.name)

    def _produce(self) -> None:
        try:
            with self._ctx.scope.guarding():  # no socket of this thread leaves the scope
                for found in self._scanner.run(self._ctx):
                    self.messages.put(("finding", found))
            self.messages.put(("done", None))
        except ScanCancelled:
            self.messages.put(("cancelled", None))
        except NotApplicable as exc:
            self.messages.put(("not_applicable", str(exc) or "nothing to examine"))
        except Exception as exc:  # noqa: BLE001 - the scanner's error, recorded as such
            self.messages.put(("error", f"{type(exc).__name__}: {exc}"))


class _Report:
    """What one scanner run says besides its findings (called from the scanner's thread):
    what it observed, which of its checks it did not examine and why, its last step."""

    def __init__(self, checks) -> None:
        self._known = {check.id for check in checks}
        self._observations: list[str] = []
        self._last_step = ""
        self.skipped: dict[str, str] = {}

    def observed(self, what: str) -> None:
        self._observations.append(what)

    def not_examined(self, checks: tuple[str, ...], why: str) -> None:
        self.skipped.update(
            (check, why[:OBSERVATION_CHARS]) for check in checks if check in self._known
        )

    def step(self, step: str) -> None:
        if step and step != "starting":
            self._last_step = step

    def judge(self, outcome: str, error: str | None, run: ScannerRun) -> tuple[str, str | None]:
        """A run that returned without a finding and without observing anything failed."""
        if outcome != "completed" or self._observations or run.findings_count:
            return outcome, error
        said = f" (its last step: {self._last_step})" if self._last_step else ""
        return "failed", OBSERVED_NOTHING + said

    def kept(self) -> list[str]:
        """The first observations, each cut short, with how many more there were."""
        kept = [
            text if len(text) <= OBSERVATION_CHARS else text[: OBSERVATION_CHARS - 3] + "..."
            for text in self._observations[:KEPT_OBSERVATIONS]
        ]
        if len(self._observations) > KEPT_OBSERVATIONS:
            kept.append(f"... and {len(self._observations) - KEPT_OBSERVATIONS} more")
        return kept


class _Run:
    """The state of one scan run on this worker."""

    def __init__(self, scan: Scan, registry: PluginRegistry, settings: RunnerSettings) -> None:
        self.scan = scan
        self.registry = registry
        self.settings = settings
        self.target = Target.parse(scan.target)
        self.cancel = threading.Event()
        self._last_beat = 0.0

    def beat(self, force: bool = False) -> None:
        """Move the heartbeat, and learn whether someone asked to cancel."""
        now = time.monotonic()
        if not force and now - self._last_beat < min(self.settings.heartbeat_interval, 1.0):
            return
        self._last_beat = now
        Scan.update(
            heartbeat_at=utcnow(), progress=self.scan.progress, current_step=self.scan.current_step
        ).where(Scan.id == self.scan.id).execute()
        requested = Scan.select(Scan.cancel_requested).where(Scan.id == self.scan.id).scalar()
        if requested:
            self.cancel.set()

    def run_scanner(self, run: ScannerRun, index: int, total: int) -> None:
        scanner = self.registry.scanners.get(run.scanner)
        if scanner is None:
            run.status, run.error = "skipped", f"scanner {run.scanner!r} is not installed"
            run.save()
            return
        if self.target.kind not in scanner.target_kinds:
            run.status = "not_applicable"
            run.error = f"{run.scanner} does not scan {self.target.kind} targets"
            run.save()
            return
        run.status, run.started_at, run.findings_count, run.error = "running", utcnow(), 0, None
        run.save()
        timeout = min(
            scanner.timeout or self.settings.scanner_timeout, self.settings.scanner_timeout
        )
        deadline = time.monotonic() + timeout

        report = _Report(scanner.checks)

        def progress(percent: int, step: str) -> None:
            self.scan.progress = int((index + percent / 100) / total * 100)
            self.scan.current_step = f"{run.scanner}: {step}" if step else run.scanner
            report.step(step)

        ctx = ScanContext(
            target=self.target,
            options=(self.scan.options or {}).get(run.scanner, {}),
            deadline=deadline,
            report_progress=progress,
            is_cancelled=lambda: self.cancel.is_set() or time.monotonic() > deadline,
            record_observation=report.observed,
            record_not_examined=report.not_examined,
            scope=scan_scope(self.scan.organization_id, self.settings.scope),
        )
        progress(0, "starting")
        worker = _ScannerThread(scanner, ctx)
        worker.thread.start()
        outcome, error = report.judge(*self._consume(worker, run, deadline, timeout), run)
        run.status, run.error, run.finished_at = outcome, error, utcnow()
        run.observed, run.not_examined = report.kept(), report.skipped
        run.save()

    def _consume(self, worker: _ScannerThread, run: ScannerRun, deadline: float, timeout: float):
        cancel_seen_at = None
        while True:
            self.beat()
            if self.cancel.is_set() and cancel_seen_at is None:
                cancel_seen_at = time.monotonic()
            if cancel_seen_at and time.monotonic() - cancel_seen_at > CANCEL_GRACE_SECONDS:
                return "cancelled", "the scan was cancelled"
            if time.monotonic() > deadline + CANCEL_GRACE_SECONDS:
                return "timed_out", f"stopped after its {timeout:g} s timeout"
            try:
                kind, value = worker.messages.get(timeout=0.25)
            except queue.Empty:
                continue
            if kind == "finding":
                store_finding(self.scan, run.scanner, self.target, value)
                run.findings_count += 1
                ScannerRun.update(findings_count=run.findings_count).where(
                    ScannerRun.id == run.id
                ).execute()
            elif kind == "done":
                return "completed", None
            elif kind == "not_applicable":
                return "not_applicable", value
            elif kind == "cancelled":
                if self.cancel.is_set():
                    return "cancelled", "the scan was cancelled"
                return "timed_out", f"stopped after its {timeout:g} s timeout"
            else:
                if time.monotonic() > deadline:
                    return "timed_out", f"stopped after its {timeout:g} s timeout ({value})"
                return "failed", value


def run_scan(scan_id: str, registry: PluginRegistry, settings: RunnerSettings) -> str | None:
    """Run the scan with public id ``scan_id`` to its end; returns its final status (None:
    nothing to do: unknown, already finished, or cancelled before it started)."""
    scan = _start(scan_id, settings)
    if scan is None:
        return None
    _call_lifecycle_hook(registry, "cyberorigen_scan_started", scan)
    state = _Run(scan, registry, settings)
    runs = list(scan.scanner_runs.order_by(ScannerRun.position))
    try:
        for index, run in enumerate(runs):
            if run.status in SCANNER_DONE:
                continue  # done by an earlier attempt of this scan
            state.beat(force=True)
            if state.cancel.is_set():
                run.status, run.error = "cancelled", "the scan was cancelled"
                run.save()
                continue
            state.run_scanner(run, index, len(runs))
    except BaseException:
        state.cancel.set()  # the database was lost mid-run: the scanner's thread stops too
        raise
    with database.atomic():
        scan = Scan.get_by_id(scan.id)
        errors = _errors_of(runs)
        if state.cancel.is_set() or scan.cancel_requested:
            _finish(scan, "cancelled", "cancelled while running")
        elif any(run.status == "completed" for run in runs):
            _finish(scan, "completed", errors)
        else:
            _finish(scan, "failed", _nothing_observed(runs))
    if scan.status == "completed":
        try:
            completed = [run for run in runs if run.status == "completed"]
            resolve_unseen(
                scan,
                [run.scanner for run in completed],
                not_examined={check for run in completed for check in run.not_examined},
            )
        except Exception:  # noqa: BLE001 - the scan's own result is already stored
            log.exception("resolving the findings scan %s no longer sees failed", scan_id)
        for step in settings.after_completion:
            step(scan.id, registry)
    _call_lifecycle_hook(registry, "cyberorigen_scan_finished", scan)
    return scan.status


def _outcome_of(run: ScannerRun) -> str:
    return f"{run.scanner}: {run.status}" + (f" ({run.error})" if run.error else "")


def _errors_of(runs: list[ScannerRun]) -> str | None:
    problems = [
        _outcome_of(run) for run in runs if run.status not in ("completed", "not_applicable")
    ]
    return "; ".join(problems) or None


def _nothing_observed(runs: list[ScannerRun]) -> str:
    """Why a scan in which no scanner completed is failed: what each scanner said."""
    said = "; ".join(_outcome_of(run) for run in runs)
    return f"no scanner observed the target: {said or 'its profile has no scanner'}"


def release_scan(scan_id: str, why: str) -> bool:
    """Hand a scan whose run lost the database back to the queue, without counting the
    attempt: ``running`` -> ``queued``. False when it is not running (still queued, or
    finished)."""
    with database.atomic():
        return bool(
            Scan.update(
                status="queued",
                attempts=Scan.attempts - 1,
                current_step=f"re-queued: {why}",
                heartbeat_at=utcnow(),
            )
            .where((Scan.public_id == scan_id) & (Scan.status == "running"))
            .execute()
        )


def reap_lost_scans(silence: float, requeue, has_job) -> list[str]:
    """Find the scans no job will finish, and hand them to ``requeue(scan)`` again:

    - ``running`` with a heartbeat older than ``silence`` seconds (its worker died or lost
      the database): re-queued while attempts remain, or when every scanner already ended
      (the next run only concludes it); else failed with the reason; cancelled if a
      cancellation was asked for;
    - ``queued`` for longer than ``silence`` seconds with no live job (``has_job(scan)`` is
      false: Redis lost it, or a worker dropped it): enqueued again. The database row is the
      source of truth.

    Safe to run in several processes at once: each scan is claimed by a conditional update."""
    cutoff = utcnow() - timedelta(seconds=silence)
    handled = []
    lost = Scan.select().where((Scan.status == "running") & (Scan.heartbeat_at < cutoff))
    for scan in lost:
        verdict = _verdict_on_lost(scan)
        with database.atomic():
            claimed = (
                Scan.update(**verdict)
                .where(
                    (Scan.id == scan.id) & (Scan.status == "running") & (Scan.heartbeat_at < cutoff)
                )
                .execute()
            )
            if claimed and verdict["status"] == "failed":
                failed = Scan.get_by_id(scan.id)
                record_event(failed.organization_id, "scan.failed", _event_payload(failed))
        if claimed:
            handled.append(scan.public_id)
            log.warning("scan %s lost its worker: %s", scan.public_id, verdict["status"])
            if verdict["status"] == "queued":
                requeue(scan)
    return handled + _requeue_jobless(cutoff, requeue, has_job)


def _verdict_on_lost(scan: Scan) -> dict:
    """What becomes of a running scan whose worker stopped answering."""
    now = utcnow()
    if scan.cancel_requested:
        return {
            "status": "cancelled",
            "error": "cancelled (its worker stopped answering)",
            "current_step": None,
            "finished_at": now,
        }
    unfinished = (
        ScannerRun.select()
        .where((ScannerRun.scan == scan) & ScannerRun.status.not_in(SCANNER_DONE))
        .exists()
    )
    if scan.attempts < MAX_ATTEMPTS or not unfinished:
        return {
            "status": "queued",
            "error": None,
            "current_step": "re-queued: its worker stopped answering",
            "heartbeat_at": now,
        }
    return {
        "status": "failed",
        "error": f"its worker stopped answering (tried {scan.attempts} times)",
        "current_step": None,
        "finished_at": now,
    }


def _requeue_jobless(cutoff, requeue, has_job) -> list[str]:
    waiting = Scan.select().where(
        (Scan.status == "queued") & (fn.COALESCE(Scan.heartbeat_at, Scan.created_at) < cutoff)
    )
    handled = []
    for scan in waiting:
        if has_job(scan):
            continue
        unchanged = (
            Scan.heartbeat_at.is_null()
            if scan.heartbeat_at is None
            else Scan.heartbeat_at == scan.heartbeat_at
        )
        claimed = (  # by one reaper: the first to move its heartbeat
            Scan.update(heartbeat_at=utcnow())
            .where((Scan.id == scan.id) & (Scan.status == "queued") & unchanged)
            .execute()
        )
        if claimed:
            log.warning("scan %s was queued without a job: enqueued again", scan.public_id)
            requeue(scan)
            handled.append(scan.public_id)
    return handled
