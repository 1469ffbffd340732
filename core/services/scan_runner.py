"""Running a scan: one job owns every state change of the scan it runs.

``queued -> running -> completed | failed | cancelled``. The scan's target expands into units
(hosts, URLs, services; a network one address at a time) and each unit gets the runs
:mod:`.scan_plan` decides: discovery first, then the scanners that examine each unit, then
the service scanners on every service discovery found. Each run is a scanner in a thread of
its own with a deadline; its findings are stored as they arrive; a scanner that raises or
overruns is recorded as that run's error and the others still run. A run is ``completed``
only when it observed its target (a finding, or an observation it reported): one that
observed nothing is ``failed``, one that says the target has nothing it examines is
``not_applicable``. A scan is ``completed`` only when some run completed; otherwise it is
``failed`` with what each said ("no host answered" when it covered several). While the scan
runs, its ``heartbeat_at`` moves; a scan whose heartbeat stops (its worker was killed) is
re-queued or failed by :func:`reap_lost_scans`.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import timedelta

from peewee import fn

from cyberorigen.db import database
from cyberorigen.db.models import Scan, ScanFinding, ScannerRun, ScanPart, utcnow
from cyberorigen.plugin_api.interfaces import (
    NotApplicable,
    ScanCancelled,
    ScanContext,
    ScanSummary,
    Service,
    Target,
)
from cyberorigen.plugin_registry import PluginRegistry
from cyberorigen.services.assets import record_service, service_row
from cyberorigen.services.check_outcomes import (
    CheckTally,
    record_missing_outcomes,
    record_run_outcomes,
)
from cyberorigen.services.control_marks import mark_controls_due
from cyberorigen.services.findings import announce_scan_findings, resolve_unseen, store_finding
from cyberorigen.services.outbox import record_event
from cyberorigen.services.scan_parts import (
    all_parts_done,
    beat_part,
    claim_part,
    finish_part,
    has_parts,
    plan_parts,
    queued_parts,
)
from cyberorigen.services.scan_plan import (
    host_level,
    plan_service_runs,
    service_level,
    service_target,
    unit_of,
)
from cyberorigen.services.scope import scan_scope
from cyberorigen.services.targets import parse_targets
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
#: A scan's error names at most this many runs that did not complete (then how many more).
SHOWN_PROBLEMS = 20
#: Where a run is listed (its ``position``): unit by unit, then in the profile's order of
#: scanners (discovery runs first, but is listed where the profile names it), then the
#: services of one scanner in the order they were found.
RUNS_PER_UNIT = 100_000
RUNS_PER_SCANNER = 1_000


def _position(unit_index: int, profile: tuple[str, ...], scanner: str, nth: int = 0) -> int:
    slot = profile.index(scanner) if scanner in profile else len(profile)
    return unit_index * RUNS_PER_UNIT + slot * RUNS_PER_SCANNER + nth


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
    #: How many units (hosts) of one scan are examined at once.
    host_concurrency: int = 4
    #: Run in order once a scan completed and the findings it no longer sees are resolved.
    after_completion: tuple[CompletionStep, ...] = ()
    #: A scan of more hosts than this fans out into parts of this many, one job each, that
    #: any worker takes (0: one job runs the whole scan).
    hosts_per_job: int = 0
    #: Enqueues a job that runs the queued parts of a scan (``run_scan_part``).
    enqueue_part: Callable[[Scan, ScanPart], None] | None = None


def _scan_summary(scan: Scan) -> ScanSummary:
    return ScanSummary(
        id=scan.public_id,
        target=scan.target,
        scan_type=scan.scan_type,
        status=scan.status,
        scanners=tuple(
            dict.fromkeys(run.scanner for run in scan.scanner_runs.order_by(ScannerRun.position))
        ),
        findings=scan.vulnerabilities_found,
    )


def scan_event_payload(scan: Scan) -> dict:
    """What ``scan.started``, ``scan.completed`` and ``scan.failed`` say of a scan."""
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


def _units(scan: Scan) -> list[Target]:
    return parse_targets(scan.target).units()


def _start(scan_id: str, settings: RunnerSettings, registry: PluginRegistry) -> Scan | None:
    """Claim the scan for this run; None when there is nothing to run."""
    with database.atomic():
        scan = Scan.get_or_none(Scan.public_id == scan_id)
        if scan is None or scan.status != "queued":
            return None  # unknown, finished, or claimed by another job (it runs it)
        if scan.cancel_requested:
            _finish(scan, "cancelled", "cancelled before it started", expected="queued")
            return None
        # Its runs are planned at its first claim only: neither a run handed back after
        # losing the database (release_scan) nor one the reaper re-queued plans them again.
        first_attempt = scan.started_at is None
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
            profile = tuple(settings.profiles.get(scan.scan_type, ()))
            own = host_level(profile, registry.scanners)
            units = _units(scan)
            for index, unit in enumerate(units):
                for name in own:
                    ScannerRun.create(
                        scan=scan,
                        scanner=name,
                        target=unit.value,
                        position=_position(index, profile, name),
                    )
            if settings.enqueue_part is not None:
                plan_parts(scan, len(units), settings.hosts_per_job)
            record_event(scan.organization_id, "scan.started", scan_event_payload(scan))
    return scan


def _finish(scan: Scan, status: str, error: str | None = None, expected: str = "running") -> bool:
    """End ``scan`` with ``status`` if it is still ``expected`` (False: another job of it,
    or the reaper, ended it first)."""
    changes = {
        "status": status,
        "error": error,
        "finished_at": utcnow(),
        "current_step": None,
        "vulnerabilities_found": ScanFinding.select().where(ScanFinding.scan == scan).count(),
    }
    if status == "completed":
        changes["progress"] = 100
    ended = Scan.update(**changes).where((Scan.id == scan.id) & (Scan.status == expected)).execute()
    if not ended:
        return False
    for name, value in changes.items():
        setattr(scan, name, value)
    if status in ("completed", "failed"):
        record_event(scan.organization_id, f"scan.{status}", scan_event_payload(scan))
    if status != "completed":  # a completed scan re-assesses the controls of its checks
        mark_controls_due(scan.organization_id)
    announce_scan_findings(scan)
    return True


class _ScannerThread:
    """Runs one scanner in a daemon thread, handing its output to the job through a queue."""

    def __init__(self, scanner, ctx: ScanContext, messages: queue.Queue) -> None:
        self.messages = messages
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
        self.tally = CheckTally()

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

    def __init__(
        self,
        scan: Scan,
        registry: PluginRegistry,
        settings: RunnerSettings,
        part: ScanPart | None = None,
    ) -> None:
        self.scan = scan
        #: The part of the scan this job runs, or None (it runs the whole scan).
        self.part = part
        self.registry = registry
        self.settings = settings
        self.cancel = threading.Event()
        self._last_beat = 0.0
        self._beat_lock = threading.Lock()
        #: How far each unit is, 0-1, by unit index (units run a few at a time).
        self.done: dict[int, float] = {}
        self.units = 1
        #: What the scan may contact, read once when it starts (each run gets its own copy:
        #: the addresses a run approved for a name stay that run's).
        self.scope = scan_scope(scan.organization_id, settings.scope)

    def advance(self, index: int, fraction: float) -> None:
        """Unit ``index`` is ``fraction`` done: the scan's progress is the units' mean."""
        self.done[index] = min(1.0, max(0.0, fraction))
        self.scan.progress = min(99, int(sum(self.done.values()) / max(self.units, 1) * 100))

    def beat(self, force: bool = False) -> None:
        """Move the heartbeat, and learn whether someone asked to cancel."""
        now = time.monotonic()
        with self._beat_lock:
            if not force and now - self._last_beat < min(self.settings.heartbeat_interval, 1.0):
                return
            self._last_beat = now
        progress = self.scan.progress
        if self.part is not None:
            progress = beat_part(self.part, progress)
        beaten = (
            Scan.update(
                heartbeat_at=utcnow(), progress=progress, current_step=self.scan.current_step
            )
            .where(Scan.id == self.scan.id)
            .returning(Scan.cancel_requested)  # and learn of a cancellation in the same trip
            .tuples()
            .execute()
        )
        if any(requested for (requested,) in beaten):
            self.cancel.set()

    def run_scanner(
        self,
        run: ScannerRun,
        unit: Target,
        service: Service | None = None,
        host_services: tuple[Service, ...] = (),
        share: Callable[[float], None] = lambda fraction: None,
    ) -> None:
        """Run ``run`` on ``unit`` (or on its discovered ``service``); ``share(fraction)``
        is told how far the run is, 0-1, for the scan's progress."""
        scanner = self.registry.scanners.get(run.scanner)
        if scanner is None:
            run.status, run.error = "skipped", f"scanner {run.scanner!r} is not installed"
            run.save()
            return
        target = service_target(unit, service) if service else unit
        if target.kind not in scanner.target_kinds:
            run.status = "not_applicable"
            run.error = f"{run.scanner} does not scan {target.kind} targets"
            run.save()
            record_run_outcomes(run, scanner.checks)
            return
        run.status, run.started_at, run.findings_count, run.error = "running", utcnow(), 0, None
        run.save()
        timeout = min(
            scanner.timeout or self.settings.scanner_timeout, self.settings.scanner_timeout
        )
        deadline = time.monotonic() + timeout

        report = _Report(scanner.checks)
        messages: queue.Queue = queue.Queue()
        shown = target.value if self.units > 1 or service else ""

        def progress(percent: int, step: str) -> None:
            share(percent / 100)
            label = f"{run.scanner} {shown}" if shown else run.scanner
            self.scan.current_step = f"{label}: {step}" if step else label
            report.step(step)

        ctx = ScanContext(
            target=target,
            options=(self.scan.options or {}).get(run.scanner, {}),
            deadline=deadline,
            report_progress=progress,
            is_cancelled=lambda: self.cancel.is_set() or time.monotonic() > deadline,
            record_observation=report.observed,
            record_not_examined=report.not_examined,
            scope=replace(self.scope, approved=set()),
            service=service,
            host_services=host_services,
            record_service=lambda found: messages.put(("service", found)),
        )
        progress(0, "starting")
        worker = _ScannerThread(scanner, ctx, messages)
        worker.thread.start()
        found: list[Service] = []
        outcome, error = report.judge(
            *self._consume(worker, run, unit, service, found, deadline, timeout, report.tally),
            run,
        )
        run.status, run.error, run.finished_at = outcome, error, utcnow()
        run.observed, run.not_examined = report.kept(), report.skipped
        run.discovered = [_service_fields(item) for item in found]
        run.service = service.protocol[:40] if service else None
        run.save()
        record_run_outcomes(run, scanner.checks, report.tally, OBSERVED_NOTHING)

    def _consume(self, worker, run, unit, service, found, deadline, timeout, tally: CheckTally):
        cancel_seen_at = None
        asset = None
        service_link = service_row(self.scan, service) if service else None
        if service_link is not None:
            asset = service_link.asset
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
            if kind == "service":
                found.append(value)
                asset = record_service(self.scan, unit, value).asset
            elif kind == "finding":
                store_finding(self.scan, run.scanner, unit, value, asset, service_link)
                tally.add(value.check_id, value.severity)
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


def _service_fields(service: Service) -> dict:
    return {
        "host": service.host,
        "port": service.port,
        "protocol": service.protocol,
        "transport": service.transport,
        "tls": service.tls,
        "product": service.product,
        "version": service.version,
        "banner": service.banner[:500],
        "certificate": dict(service.certificate),
    }


class _Unit:
    """Runs every planned scanner run of one unit of the scan."""

    def __init__(self, state: _Run, unit: Target, index: int, runs: dict) -> None:
        self.state, self.unit, self.index = state, unit, index
        self.runs = runs  # (scanner, target) -> ScannerRun, of the whole scan
        self.options = state.scan.options or {}
        self.profile: tuple[str, ...] = ()

    def _row(self, scanner: str, target: str, service: Service | None) -> ScannerRun:
        row = self.runs.get((scanner, target))
        if row is None:
            first = _position(self.index, self.profile, scanner)
            nth = sum(
                1 for row in self.runs.values() if first <= row.position < first + RUNS_PER_SCANNER
            )
            row = ScannerRun.create(
                scan=self.state.scan,
                scanner=scanner,
                target=target,
                service=service.protocol[:40] if service else None,
                position=first + nth,
            )
            self.runs[(scanner, target)] = row
        return row

    def _go(self, run: ScannerRun, service=None, host_services=(), slot=(0, 1)) -> bool:
        """Run it unless done (an earlier attempt) or cancelled; False once cancelled.
        ``slot`` is (its place, the unit's places) for the progress."""
        if run.status in SCANNER_DONE:
            return True
        self.state.beat(force=True)
        if self.state.cancel.is_set():
            run.status, run.error = "cancelled", "the scan was cancelled"
            run.save()
            return False
        place, places = slot

        def share(fraction: float) -> None:
            self.state.advance(self.index, (place + fraction) / max(places, 1))

        self.state.run_scanner(run, self.unit, service, host_services, share)
        return True

    def run(self, profile) -> None:
        """Every run of this unit, in turn."""
        self._run(profile)
        self.state.advance(self.index, 1.0)

    def run_in_pool(self, profile) -> None:
        """:meth:`run` in a thread of the scan's pool, which closes its connection after."""
        try:
            self.run(profile)
        finally:
            if not database.is_closed():
                database.close()

    def _run(self, profile) -> None:
        self.profile = tuple(profile)
        scanners = self.state.registry.scanners
        own = host_level(profile, scanners)
        others = service_level(profile, scanners)
        places = len(own) + len(others)
        discovered: list[Service] | None = None
        for done, name in enumerate(own):
            run = self._row(name, self.unit.value, None)
            self._go(run, None, tuple(discovered or ()), (done, places))
            if getattr(scanners.get(name), "discovers", False) and run.status == "completed":
                discovered = (discovered or []) + [Service(**item) for item in run.discovered]
        for done, name in enumerate(others, start=len(own)):
            planned = plan_service_runs(
                self.unit, scanners[name], discovered, self.options.get(name, {})
            )
            for item in planned:
                run = self._row(item.scanner, item.target, item.service)
                if item.outcome and run.status not in SCANNER_DONE:
                    run.status, run.error = item.outcome
                    run.save()
                    continue
                self._go(run, item.service, tuple(discovered or ()), (done, places))


def run_scan(scan_id: str, registry: PluginRegistry, settings: RunnerSettings) -> str | None:
    """Run the scan with public id ``scan_id`` to its end; returns its final status (None:
    nothing to do: unknown, already finished, or cancelled before it started; or, for a scan
    in parts, the other parts are still running: their last job concludes it)."""
    scan = _start(scan_id, settings, registry)
    if scan is None:
        return None
    _call_lifecycle_hook(registry, "cyberorigen_scan_started", scan)
    if has_parts(scan):
        if settings.enqueue_part is not None:
            for part in queued_parts(scan)[1:]:  # this job takes the first one itself
                settings.enqueue_part(scan, part)
        return _run_parts(scan, registry, settings)
    state = _Run(scan, registry, settings)
    units = _units(scan)
    state.units = len(units)
    rows = list(scan.scanner_runs.order_by(ScannerRun.position))
    existing = _by_target(scan, rows)
    profile = settings.profiles.get(scan.scan_type, ())
    try:
        if rows and all(not run.target for run in rows):
            _run_planned_before(state, units[0], rows)
        else:
            _run_units(state, list(enumerate(units)), existing, profile)
    except BaseException:
        state.cancel.set()  # the database was lost mid-run: the scanner's thread stops too
        raise
    return _conclude(scan, registry, settings, len(units), state.cancel.is_set())


def _by_target(scan: Scan, rows) -> dict[tuple[str, str], ScannerRun]:
    """The scan's runs so far, by (scanner, what it examines): an earlier attempt's are not
    run again."""
    return {(run.scanner, run.target or scan.target): run for run in rows}


def run_scan_part(scan_id: str, registry: PluginRegistry, settings: RunnerSettings) -> str | None:
    """A part job: run the queued parts of the scan with public id ``scan_id``, and conclude
    it if every part is done; its final status then, else None."""
    scan = Scan.get_or_none(Scan.public_id == scan_id)
    if scan is None or scan.status != "running" or not has_parts(scan):
        return None
    return _run_parts(scan, registry, settings)


def _run_parts(scan: Scan, registry: PluginRegistry, settings: RunnerSettings) -> str | None:
    """Take queued parts of ``scan`` one after the other until none is left; conclude the
    scan when every part is done."""
    units = _units(scan)
    profile = settings.profiles.get(scan.scan_type, ())
    cancelled = False
    while (part := claim_part(scan)) is not None:
        state = _Run(scan, registry, settings, part)
        state.units = part.stop - part.first
        existing = _by_target(scan, scan.scanner_runs.order_by(ScannerRun.position))
        try:
            _run_units(state, list(enumerate(units))[part.first : part.stop], existing, profile)
        except BaseException:
            state.cancel.set()
            raise
        finish_part(part)
        cancelled = cancelled or state.cancel.is_set()
    if not all_parts_done(scan):
        return None  # others still run theirs: the last to finish concludes
    return _conclude(scan, registry, settings, len(units), cancelled)


def _conclude(
    scan: Scan, registry: PluginRegistry, settings: RunnerSettings, units: int, cancelled: bool
) -> str:
    """End the scan from what its runs did; the job that ends it (one, when several jobs of
    it conclude at once) resolves what it no longer sees and runs the completion steps."""
    runs = list(scan.scanner_runs.order_by(ScannerRun.position))
    record_missing_outcomes(
        scan, {name: scanner.checks for name, scanner in registry.scanners.items()}
    )
    with database.atomic():
        scan = Scan.get_by_id(scan.id)
        errors = _errors_of(runs, units)
        if cancelled or scan.cancel_requested:
            ended = _finish(scan, "cancelled", "cancelled while running")
        elif any(run.status == "completed" for run in runs):
            ended = _finish(scan, "completed", errors)
        else:
            ended = _finish(scan, "failed", _nothing_observed(runs, units))
    if not ended:
        return Scan.get_by_id(scan.id).status
    if scan.status == "completed":
        try:
            resolve_unseen(
                scan,
                _fully_examined(runs, scan.target),
                not_examined={
                    check for run in runs if run.status == "completed" for check in run.not_examined
                },
            )
        except Exception:  # noqa: BLE001 - the scan's own result is already stored
            log.exception("resolving the findings scan %s no longer sees failed", scan.public_id)
        for step in settings.after_completion:
            step(scan.id, registry)
    _call_lifecycle_hook(registry, "cyberorigen_scan_finished", scan)
    return scan.status


def _run_planned_before(state: _Run, unit: Target, rows: list[ScannerRun]) -> None:
    """A scan planned before range scans (its runs name no target: one per scanner of the
    profile, created at its first attempt): its runs that have not ended, as they were."""
    for index, run in enumerate(rows):
        if run.status in SCANNER_DONE:
            continue
        state.beat(force=True)
        if state.cancel.is_set():
            run.status, run.error = "cancelled", "the scan was cancelled"
            run.save()
            continue
        state.run_scanner(
            run,
            unit,
            share=lambda fraction, index=index: state.advance(0, (index + fraction) / len(rows)),
        )


def _run_units(state: _Run, units: list[tuple[int, Target]], existing: dict, profile) -> None:
    """Every unit's runs (``units``: each with its index in the scan's target): one unit in
    this thread, several in a pool of threads (each unit's runs in turn), at most
    ``host_concurrency`` at once. The first error stops the rest."""
    if len(units) == 1:
        index, unit = units[0]
        _Unit(state, unit, index, existing).run(profile)
        return
    workers = max(1, min(state.settings.host_concurrency, len(units)))
    with ThreadPoolExecutor(workers, thread_name_prefix=f"scan-{state.scan.public_id}") as pool:
        futures = [
            pool.submit(_Unit(state, unit, index, existing).run_in_pool, profile)
            for index, unit in units
        ]
        try:
            for future in futures:
                future.result()
        except BaseException:
            state.cancel.set()
            for future in futures:
                future.cancel()
            raise


def _fully_examined(runs: list[ScannerRun], scan_target: str) -> dict[str, set[str]]:
    """Per unit, the scanners every run of which on it completed (their findings there that
    were not seen again are resolved)."""
    units_by_host = {}
    for run in runs:
        if run.service is None:
            target = run.target or scan_target
            units_by_host.setdefault(Target.parse(target).host, target)
    outcomes: dict[tuple[str, str], set[str]] = {}
    for run in runs:
        key = (unit_of(run, units_by_host, scan_target), run.scanner)
        outcomes.setdefault(key, set()).add(run.status)
    examined: dict[str, set[str]] = {}
    for (unit, scanner), statuses in outcomes.items():
        if statuses <= {"completed", "not_applicable"} and "completed" in statuses:
            examined.setdefault(unit, set()).add(scanner)
    return examined


def _outcome_of(run: ScannerRun, named: bool = False) -> str:
    """``http: failed (why)``; with ``named`` (a scan of several units, or a service run)
    the run's target too: ``http 10.0.0.5:8443: failed (why)``."""
    where = f" {run.target}" if run.target and (named or run.service) else ""
    text = f"{run.scanner}{where}: {run.status}"
    return text + (f" ({run.error})" if run.error else "")


def _listed(problems: list[str]) -> str:
    shown = problems[:SHOWN_PROBLEMS]
    more = len(problems) - len(shown)
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def _errors_of(runs: list[ScannerRun], units: int = 1) -> str | None:
    problems = [
        _outcome_of(run, units > 1)
        for run in runs
        if run.status not in ("completed", "not_applicable")
    ]
    return _listed(problems) or None


def _nothing_observed(runs: list[ScannerRun], units: int = 1) -> str:
    """Why a scan in which no run completed is failed: what each said."""
    said = _listed([_outcome_of(run, units > 1) for run in runs])
    if units > 1:
        return f"no host answered: {said or 'its profile has no scanner'}"
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
    lost = Scan.select().where(
        (Scan.status == "running")
        & (Scan.heartbeat_at < cutoff)
        & ~fn.EXISTS(ScanPart.select().where(ScanPart.scan == Scan.id))  # see reap_lost_parts
    )
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
                record_event(failed.organization_id, "scan.failed", scan_event_payload(failed))
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
