"""Evidence for controls: files, links, notes, and the results of scans.

Files are stored under ``<instance_dir>/evidence/<aa>/<sha256>``, named by their content's
SHA-256 and never by the uploaded name (which is kept only to name the download). The same
content uploaded twice is stored once. Deleting evidence is recorded (who, when, why): the
row stays for the audit trail and its file goes when no other evidence uses it.

Four eyes: a file, link or note is ``submitted`` when it is added and counts toward its
control only once a user with the auditor role or above, other than the one who added it,
accepts it (:func:`review_evidence`; the setting ``evidence.self_review`` lets the uploader do
it, for a team of one). Every decision is kept (who, when, accept or reject, why) and written
as an ``evidence.reviewed`` event; a decision may be changed later by another decision, never
repeated. A scan's results are the appliance's own observation, not a person's claim: they are
``accepted`` as they are attached and are not reviewed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.db import database
from cyberorigen.db.models import ControlState, Evidence, EvidenceReview, Scan, User, utcnow
from cyberorigen.errors import Conflict, Forbidden, Gone, Invalid, NotFound, TooLarge
from cyberorigen.services import audit
from cyberorigen.services.listing import newest_first
from cyberorigen.services.outbox import record_event
from cyberorigen.services.tenancy import owned
from cyberorigen.vocab import REVIEW_DECISIONS, timestamp

CHUNK = 1 << 16


class EvidenceStore:
    """The directory of evidence files, addressed by SHA-256."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256

    def put(self, stream: IO[bytes], limit: int) -> tuple[str, int]:
        """Copy ``stream`` in, hashing as it goes; refuse more than ``limit`` bytes (nothing is
        kept then). Returns the SHA-256 and the size."""
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        digest, size = hashlib.sha256(), 0
        handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise TooLarge(
                            f"The file is larger than the evidence limit of {limit} bytes "
                            "(setting evidence.max_upload_bytes).",
                            "file",
                        )
                    digest.update(chunk)
                    out.write(chunk)
            sha256 = digest.hexdigest()
            final = self.path_of(sha256)
            final.parent.mkdir(exist_ok=True, mode=0o700)
            os.chmod(temporary, 0o600)
            os.replace(temporary, final)
            return sha256, size
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)

    def discard(self, sha256: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path_of(sha256).unlink()


def safe_filename(name: str | None) -> str:
    """The uploaded name reduced to something harmless to show in a download: its last path
    component, printable characters only, at most 200 of them."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(char for char in name if char.isprintable() and char not in '"<>|:*?')
    name = name.strip(" .")[:200]
    return name or "evidence"


def _check_period(effective_from: datetime | None, effective_until: datetime | None):
    start = effective_from or utcnow()
    if effective_until is not None and effective_until <= start:
        raise Invalid("effective_until", "must be after effective_from")
    return start, effective_until


def known_control(catalogue: Catalogue, control_id: str) -> str:
    """``control_id``, when the catalogue has it; :class:`NotFound` otherwise."""
    if control_id not in catalogue.controls:
        raise NotFound("control")
    return control_id


def add_file(
    org_id: int,
    catalogue: Catalogue,
    store: EvidenceStore,
    control_id: str,
    upload: IO[bytes],
    filename: str | None,
    fields: Mapping[str, Any],
    user_id: int,
    limit: int,
) -> Evidence:
    known_control(catalogue, control_id)
    start, until = _check_period(fields.get("effective_from"), fields.get("effective_until"))
    sha256, size = store.put(upload, limit)
    name = safe_filename(filename)
    with database.atomic():
        row = Evidence.create(
            organization=org_id,
            control_id=control_id,
            kind="file",
            title=(fields.get("title") or name)[:300],
            description=fields.get("description") or "",
            sha256=sha256,
            size=size,
            filename=name,
            media_type="application/octet-stream",
            effective_from=start,
            effective_until=until,
            collected_by=user_id,
            review_status="submitted",
        )
        _record_added(row)
    return row


def _audited(row: Evidence) -> dict[str, Any]:
    """What the audit log keeps of evidence: what it is, never a note's text."""
    shown = {"control_id": row.control_id, "kind": row.kind, "title": row.title}
    if row.kind == "file":
        shown.update(filename=row.filename, size=row.size, sha256=row.sha256)
    elif row.kind == "link":
        shown["url"] = row.url
    return shown


def _record_added(row: Evidence) -> None:
    audit.record(
        "evidence.added",
        organization_id=row.organization_id,
        object_type="evidence",
        object_id=row.public_id,
        after={**_audited(row), "review_status": row.review_status},
    )


def add_record(
    org_id: int, catalogue: Catalogue, control_id: str, fields: Mapping[str, Any], user_id: int
) -> Evidence:
    """A link or a note (``fields["kind"]``)."""
    known_control(catalogue, control_id)
    start, until = _check_period(fields.get("effective_from"), fields.get("effective_until"))
    kind = fields["kind"]
    if kind == "link" and not fields.get("url"):
        raise Invalid("url", "a link needs its url")
    if kind == "note" and not (fields.get("note") or "").strip():
        raise Invalid("note", "a note needs its text")
    title = fields.get("title") or (fields.get("url") if kind == "link" else "Note")
    with database.atomic():
        row = Evidence.create(
            organization=org_id,
            control_id=control_id,
            kind=kind,
            title=title[:300],
            description=fields.get("description") or "",
            url=fields.get("url") if kind == "link" else None,
            note=fields.get("note") if kind == "note" else None,
            effective_from=start,
            effective_until=until,
            collected_by=user_id,
            review_status="submitted",
        )
        _record_added(row)
    return row


def evidence_list(
    org_id: int,
    catalogue: Catalogue,
    control_id: str,
    include_deleted: bool = False,
    kind: str | None = None,
    review_status: str | None = None,
):
    """The control's evidence (of one ``kind``, in one ``review_status`` when given), newest
    first; deleted items too with ``include_deleted``."""
    query = Evidence.select().where(
        (Evidence.organization == org_id)
        & (Evidence.control_id == known_control(catalogue, control_id))
    )
    if not include_deleted:
        query = query.where(Evidence.deleted_at.is_null())
    if kind:
        query = query.where(Evidence.kind == kind)
    if review_status:
        query = query.where(Evidence.review_status == review_status)
    return newest_first(query)


def reviews_of(rows: Sequence[Evidence]) -> dict[int, list[EvidenceReview]]:
    """The decisions on each of ``rows`` (by the row's id), oldest first, in one query."""
    found: dict[int, list[EvidenceReview]] = {row.id: [] for row in rows}
    if found:
        decisions = (
            EvidenceReview.select()
            .where(EvidenceReview.evidence.in_(list(found)))
            .order_by(EvidenceReview.decided_at, EvidenceReview.id)
        )
        for decision in decisions:
            found[decision.evidence_id].append(decision)
    return found


def review_evidence(
    catalogue: Catalogue,
    row: Evidence,
    decision: str,
    comment: str | None,
    reviewer_id: int,
    self_review_allowed: bool = False,
) -> Evidence:
    """Accept or reject evidence ``row`` as user ``reviewer_id`` (whose role the caller has
    checked: auditor or above), with ``comment`` (required to reject).

    Refused (:class:`Forbidden`) when the reviewer added the evidence, unless
    ``self_review_allowed``; a :class:`Conflict` for a scan's results (never reviewed), for a
    decision the evidence already has, and when another decision was recorded meanwhile. The
    decision, its history entry and its ``evidence.reviewed`` event are written together, and
    the control is marked due for re-assessment in the same transaction (the caller then
    re-assesses it: stored and recomputed status stay the same even if that fails)."""
    status = REVIEW_DECISIONS[decision]
    comment = (comment or "").strip()
    if row.kind == "scan":
        raise Conflict(
            f"evidence {row.public_id} is a scan's results, the appliance's own observation: "
            "it is accepted as attached and not reviewed"
        )
    self_review = row.collected_by_id is not None and row.collected_by_id == reviewer_id
    if self_review and not self_review_allowed:
        raise Forbidden(
            "Evidence is reviewed by someone other than the person who added it (four eyes): "
            "ask another user with the auditor role or above."
        )
    if decision == "reject" and not comment:
        raise Invalid("comment", "say why the evidence is rejected")
    previous = row.review_status
    if previous == status:
        raise Conflict(f"evidence {row.public_id} is already {status}")
    reviewer = User.get_by_id(reviewer_id)
    now = utcnow()
    with database.atomic():
        changed = (
            Evidence.update(
                review_status=status,
                reviewed_by=reviewer_id,
                reviewed_at=now,
                review_comment=comment or None,
            )
            .where(
                (Evidence.id == row.id)
                & (Evidence.review_status == previous)
                & (Evidence.deleted_at.is_null())
            )
            .execute()
        )
        if not changed:
            raise Conflict(
                f"evidence {row.public_id} was reviewed or deleted meanwhile: read it again"
            )
        EvidenceReview.create(
            organization=row.organization_id,
            evidence=row.id,
            decision=decision,
            previous_status=previous,
            reviewer=reviewer_id,
            reviewer_email=reviewer.email,
            comment=comment,
            self_review=self_review,
            decided_at=now,
        )
        audit.record(
            "evidence.reviewed",
            organization_id=row.organization_id,
            object_type="evidence",
            object_id=row.public_id,
            before={"review_status": previous},
            after={
                "review_status": status,
                "decision": decision,
                "comment": comment,
                "self_review": self_review,
            },
        )
        ControlState.update(due_at=now).where(
            (ControlState.organization == row.organization_id)
            & (ControlState.control_id == row.control_id)
        ).execute()
        control = catalogue.controls[row.control_id]
        record_event(
            row.organization_id,
            "evidence.reviewed",
            {
                "evidence_id": row.public_id,
                "control_id": row.control_id,
                "control_name": control.name,
                "frameworks": catalogue.display_names(row.control_id),
                "kind": row.kind,
                "title": row.title,
                "decision": decision,
                "previous_status": previous,
                "status": status,
                "comment": comment,
                "reviewer": reviewer.email,
                "uploaded_by": row.collected_by.email if row.collected_by_id else None,
                "self_review": self_review,
                "reviewed_at": timestamp(now),
            },
        )
    row.review_status, row.reviewed_by, row.reviewed_at = status, reviewer_id, now
    row.review_comment = comment or None
    return row


def evidence_file(store: EvidenceStore, row: Evidence) -> Path:
    """Where the file of evidence ``row`` is: :class:`Conflict` for a link or a note,
    :class:`Gone` when the store lost it."""
    if row.kind != "file":
        raise Conflict(f"evidence {row.public_id} is a {row.kind}, not a file", code="NOT_A_FILE")
    path = store.path_of(row.sha256)
    if not path.is_file():
        raise Gone("the file of this evidence is missing from the store")
    return path


def get_evidence(org_id: int, control_id: str, public_id: str) -> Evidence:
    return owned(
        Evidence,
        org_id,
        public_id,
        "evidence",
        Evidence.control_id == control_id,
        Evidence.deleted_at.is_null(),
    )


def delete_evidence(store: EvidenceStore, row: Evidence, user_id: int, reason: str | None):
    """Record the deletion; remove the file once no other evidence uses its content."""
    with database.atomic():
        row.deleted_at = utcnow()
        row.deleted_by = user_id
        row.deletion_reason = (reason or "").strip() or None
        row.save()
        audit.record(
            "evidence.deleted",
            organization_id=row.organization_id,
            object_type="evidence",
            object_id=row.public_id,
            before={**_audited(row), "review_status": row.review_status},
            after={"reason": row.deletion_reason},
        )
        still_used = (
            row.sha256 is not None
            and Evidence.select()
            .where((Evidence.sha256 == row.sha256) & (Evidence.deleted_at.is_null()))
            .exists()
        )
    if row.sha256 and not still_used:
        store.discard(row.sha256)


def attach_scan_results(
    scan: Scan,
    catalogue: Catalogue,
    checks_run: Mapping[str, tuple[str, Sequence[str]]],
    failed_checks: Iterable[str],
) -> list[str]:
    """Attach a completed scan's results to every control its checks test, as automatic
    evidence, with what the scanners that ran them observed; ``checks_run`` maps each check
    run to its scanner and that scanner's observations. Returns the ids of those controls."""
    ran, failed = set(checks_run), set(failed_checks)
    by_control: dict[str, list[str]] = {}
    for check_id in sorted(ran):
        for control_id in catalogue.controls_by_check.get(check_id, ()):
            by_control.setdefault(control_id, []).append(check_id)
    finished = scan.finished_at or utcnow()
    for control_id, checks in by_control.items():
        passed = [item for item in checks if item not in failed]
        Evidence.create(
            organization=scan.organization_id,
            control_id=control_id,
            kind="scan",
            title=f"Scan {scan.public_id} of {scan.target}",
            description=(
                f"{len(passed)} of {len(checks)} automated check(s) passed ({scan.scan_type} scan)"
            ),
            scan=scan,
            review_status="accepted",  # the appliance's own observation: not reviewed
            reviewed_at=finished,
            details={
                "scan_id": scan.public_id,
                "target": scan.target,
                "checks_run": checks,
                "checks_passed": passed,
                "checks_failed": [item for item in checks if item in failed],
                "observed": {checks_run[item][0]: list(checks_run[item][1]) for item in checks},
            },
            collected_at=finished,
            effective_from=finished,
        )
    return sorted(by_control)
