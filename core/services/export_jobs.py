"""Exports made in the background, for what takes too long for one request (a framework
report as PDF, an evidence bundle, a million findings as SARIF).

``POST /api/v1/exports`` records a queued job and hands it to a runner; the runner calls the
kind's producer, which writes the file and reports its progress; the job ends ``done`` with
the file's size and SHA-256, or ``failed`` with why. The file stays under
``<instance_dir>/exports/`` until ``expires_at`` (``exports.keep_seconds`` after it was
made); after that the file is deleted and the job shows ``expired``. A job whose runner
stopped answering (the process was restarted) is failed when it is next read.

A producer is ``produce(job, out, progress) -> (filename, media_type)``: it writes to the
binary file ``out`` and calls ``progress(percent, step)`` now and then; an exception fails
the job (a :class:`DomainError`'s message is shown, any other error is logged and shown as
"the export failed").
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import IO, Any

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from cyberorigen.db import database
from cyberorigen.db.models import ExportJob, utcnow
from cyberorigen.errors import DomainError, Forbidden, Invalid, NotFound
from cyberorigen.services import audit
from cyberorigen.services.listing import newest_first
from cyberorigen.services.tenancy import owned

log = logging.getLogger("cyberorigen.export_jobs")

Progress = Callable[[int, str], None]
Producer = Callable[[ExportJob, IO[bytes], Progress], tuple[str, str]]

#: The kinds of export there are (each one's producer is in ``jobs/export_kinds.py``).
KINDS = (
    "evidence_bundle",
    "framework_report",
    "executive_summary",
    "statement_of_applicability",
)
#: A running job whose progress has not moved for this long has lost its runner.
SILENCE = timedelta(seconds=120)
#: Progress is written at most this often (and at every step).
PROGRESS_EVERY = timedelta(seconds=1)
CHUNK = 1 << 16


class ExportStore:
    """The directory of export files, one per job, named by the job's id."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, job: ExportJob) -> Path:
        return self.root / job.public_id

    def discard(self, job: ExportJob) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path_of(job).unlink()


def create_export(
    org_id: int, user_id: int | None, kind: str, params: Mapping[str, Any]
) -> ExportJob:
    """Record a queued export of ``kind`` (one of :data:`KINDS`); the caller hands it to a
    runner."""
    if kind not in KINDS:
        raise Invalid("kind", f"unknown kind {kind!r}; one of: {', '.join(KINDS)}")
    with database.atomic():
        job = ExportJob.create(
            organization=org_id, created_by=user_id, kind=kind, params=dict(params)
        )
        audit.record(
            "export.created",
            organization_id=org_id,
            object_type="export",
            object_id=job.public_id,
            after={"kind": kind, "params": dict(params)},
        )
        return job


def record_download(job: ExportJob) -> None:
    """Record that ``job``'s file was downloaded (by whoever holds its signed link)."""
    audit.record(
        "export.downloaded",
        organization_id=job.organization_id,
        object_type="export",
        object_id=job.public_id,
        after={"kind": job.kind, "filename": job.filename, "sha256": job.sha256},
    )


def run_export(
    job_id: str, producers: Mapping[str, Producer], store: ExportStore, keep: timedelta
) -> str:
    """Make the file of the queued export ``job_id``; returns its final status."""
    now = utcnow()
    claimed = (
        ExportJob.update(status="running", started_at=now, heartbeat_at=now, step="starting")
        .where((ExportJob.public_id == job_id) & (ExportJob.status == "queued"))
        .execute()
    )
    if not claimed:
        return "skipped"
    job = ExportJob.get(ExportJob.public_id == job_id)
    store.root.mkdir(parents=True, exist_ok=True, mode=0o700)
    final = store.path_of(job)
    temporary = final.with_name(f".{final.name}.part")
    last = [utcnow()]

    def progress(percent: int, step: str) -> None:
        moment = utcnow()
        if moment - last[0] < PROGRESS_EVERY and step == job.step:
            return
        last[0], job.step = moment, step[:200]
        ExportJob.update(
            progress=max(0, min(99, int(percent))), step=job.step, heartbeat_at=moment
        ).where(ExportJob.id == job.id).execute()

    try:
        with temporary.open("wb") as out:
            filename, media_type = producers[job.kind](job, out, progress)
        os.chmod(temporary, 0o600)
        digest, size = _digest(temporary)
        os.replace(temporary, final)
    except Exception as exc:  # noqa: BLE001 - the job records why it failed
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        shown = exc.detail if isinstance(exc, DomainError) else "the export failed"
        if not isinstance(exc, DomainError):
            log.exception("export %s (%s) failed", job.public_id, job.kind)
        ExportJob.update(status="failed", error=shown, finished_at=utcnow(), step=None).where(
            ExportJob.id == job.id
        ).execute()
        return "failed"
    finished = utcnow()
    ExportJob.update(
        status="done",
        progress=100,
        step=None,
        filename=filename[:255],
        media_type=media_type,
        size=size,
        sha256=digest,
        finished_at=finished,
        expires_at=finished + keep,
    ).where(ExportJob.id == job.id).execute()
    return "done"


def _digest(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def settle(store: ExportStore, org_id: int | None = None) -> None:
    """Expire the done exports whose time is up (their files deleted) and fail the running
    ones whose runner went silent."""
    now = utcnow()
    due = ExportJob.select().where((ExportJob.status == "done") & (ExportJob.expires_at <= now))
    if org_id is not None:
        due = due.where(ExportJob.organization == org_id)
    for job in due:
        store.discard(job)
        ExportJob.update(status="expired").where(
            (ExportJob.id == job.id) & (ExportJob.status == "done")
        ).execute()
    lost = ExportJob.update(
        status="failed",
        error="its runner stopped answering (the appliance was restarted?): export again",
        finished_at=now,
        step=None,
    ).where((ExportJob.status == "running") & (ExportJob.heartbeat_at < now - SILENCE))
    if org_id is not None:
        lost = lost.where(ExportJob.organization == org_id)
    lost.execute()


def exports_query(org_id: int):
    return newest_first(ExportJob.select().where(ExportJob.organization == org_id))


def get_export(org_id: int, public_id: str) -> ExportJob:
    return owned(ExportJob, org_id, public_id, "export")


def export_file(store: ExportStore, job: ExportJob) -> Path:
    """The file of a done export, or :class:`NotFound` once it expired."""
    path = store.path_of(job)
    if job.status != "done" or (job.expires_at and job.expires_at <= utcnow()):
        raise NotFound("export file")
    if not path.is_file():
        raise NotFound("export file")
    return path


def _signer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt="cyberorigen.export-download")


def download_token(secret_key: str, job: ExportJob) -> str:
    """A token that lets whoever holds it download ``job``'s file (a link to hand to a
    browser or a colleague) for :func:`check_download_token`'s ``max_age``."""
    return _signer(secret_key).dumps({"export": job.public_id, "sha256": job.sha256})


def check_download_token(secret_key: str, token: str, max_age: int) -> ExportJob:
    """The export a download token names, if the token is genuine, younger than ``max_age``
    seconds and for the file the export holds now."""
    try:
        claims = _signer(secret_key).loads(token, max_age=max_age)
    except SignatureExpired:
        raise Forbidden("the download link has expired: ask the export for a new one") from None
    except BadSignature:
        raise Invalid("token", "not a download link this appliance signed") from None
    job = ExportJob.get_or_none(ExportJob.public_id == claims.get("export"))
    if job is None or job.sha256 != claims.get("sha256"):
        raise NotFound("export")
    return job
