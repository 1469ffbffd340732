"""The audit log: append-only records of security-relevant actions, chained by their hashes.

A service calls :func:`record` inside the transaction of the change it records, so a change is
never committed without its record and a rolled-back change leaves none. Who acted and from
where is not the service's business: the API, the CLI and the background loops say it once,
through :func:`acting_as` / :func:`set_actor` (a context variable), and every record made
meanwhile carries it.

Each organization's records form one chain (the records of no organization, failed logins of
unknown e-mail addresses, form their own): record ``n`` carries the hash of record ``n - 1``,
and its own hash is the SHA-256 of a canonical JSON of all its fields, so altering, removing
or inserting a record breaks the chain from there on (:func:`verify_chains`). The chain's head
(``audit_chain``) is locked while a record is appended: writers in several processes queue
for the next sequence and the chain never forks.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from peewee import fn

from cyberorigen.db import database, locked
from cyberorigen.db.models import AuditChain, AuditEvent, Organization, new_public_id, utcnow
from cyberorigen.vocab import timestamp

#: Every action the log records, with what it means (docs/audit.md lists the same).
ACTIONS: dict[str, str] = {
    "auth.login": "A user exchanged e-mail and password for an access token.",
    "auth.login_failed": "A login was refused (unknown e-mail, wrong password, disabled user).",
    "user.created": "A user was created.",
    "user.updated": "A user's role, active flag or password was changed (which, never how).",
    "user.deleted": "A user was deleted.",
    "api_key.created": "An API key was created (its shown prefix, never the key).",
    "api_key.revoked": "An API key was revoked.",
    "organization.created": "An organization was created.",
    "organization.updated": "The organization's name, plan or limits were changed.",
    "scope.added": "A domain, address or network was added to the scan scope.",
    "scope.removed": "A scope entry was removed.",
    "scan.created": "A scan was created (by a user, or by a schedule).",
    "scan.cancelled": "A scan was cancelled, or asked to stop.",
    "scan.deleted": "A scan was deleted (or withdrawn because it could not be queued).",
    "webhook.created": "A webhook was subscribed.",
    "webhook.updated": "A webhook's destination, events, filters or active flag changed.",
    "webhook.deleted": "A webhook was deleted.",
    "webhook.secret_rotated": "A webhook's signing secret was replaced.",
    "control.overridden": "A control's status was overridden, or its override removed.",
    "control.updated": "A control's applicability or owner was changed.",
    "evidence.added": "A file, link or note was added as evidence of a control.",
    "evidence.reviewed": "Evidence was accepted or rejected.",
    "evidence.deleted": "Evidence was deleted.",
    "import.created": "A result file of another tool was imported.",
    "export.created": "A background export was asked for.",
    "export.downloaded": "The file of a background export was downloaded.",
    "findings.exported": "The findings were downloaded as a file (SARIF, OCSF, CSV...).",
    "report.downloaded": "A readable report was downloaded.",
    "audit.exported": "The audit log was downloaded as CSV.",
    "audit.purged": "Records older than the retention setting were removed.",
}

#: Who can act: a user by token, a user's API key, the ``cyberorigen`` command, the
#: appliance's own loops, or a caller with no credential (a login, a signed download link).
ACTOR_TYPES = ("user", "api_key", "cli", "system", "anonymous")

#: The previous hash of a chain's first record.
GENESIS = "0" * 64

#: Keys whose values never enter a record, wherever they are in before/after.
_SECRET_WORDS = ("password", "secret", "token", "hash", "credential", "private")
REDACTED = "[redacted]"

#: Fields a record's hash covers, in the canonical JSON (sorted there anyway).
HASHED_FIELDS = (
    "public_id",
    "organization",
    "sequence",
    "occurred_at",
    "action",
    "actor_type",
    "actor_id",
    "actor_label",
    "source_address",
    "request_id",
    "object_type",
    "object_id",
    "before",
    "after",
    "previous_hash",
)


@dataclass(frozen=True)
class Actor:
    """Who acts, from where: ``id`` is a public id (a user's, an API key's) or an OS user
    name, ``label`` the e-mail at the time."""

    type: str
    id: str | None = None
    label: str | None = None
    source_address: str | None = None
    request_id: str | None = None


SYSTEM = Actor("system", label="cyberorigen")

_actor: ContextVar[Actor | None] = ContextVar("cyberorigen_audit_actor", default=None)


def set_actor(actor: Actor | None) -> None:
    """Make ``actor`` the one of what this context does from now on (None: the system)."""
    _actor.set(actor)


def current_actor() -> Actor:
    return _actor.get() or SYSTEM


@contextlib.contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    """Record what the block does as ``actor``."""
    token = _actor.set(actor)
    try:
        yield actor
    finally:
        _actor.reset(token)


def _plain(value: Any) -> Any:
    """``value`` made of JSON types only (a timestamp for a datetime), secrets redacted: what
    is hashed is exactly what reads back from the column."""
    if isinstance(value, Mapping):
        return {
            str(key): REDACTED
            if any(word in str(key).lower() for word in _SECRET_WORDS)
            else _plain(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(item) for item in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, datetime):
        return timestamp(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return str(value)  # a float's text differs between JSON writers: hash it as text
    return str(value)


def canonical(values: Mapping[str, Any]) -> bytes:
    """Sorted keys, no whitespace, UTF-8: the bytes a record's hash is taken of."""
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def hashed_fields(row: AuditEvent) -> dict[str, Any]:
    return {
        "public_id": row.public_id,
        "organization": row.organization_id,
        "sequence": row.sequence,
        "occurred_at": timestamp(row.occurred_at),
        "action": row.action,
        "actor_type": row.actor_type,
        "actor_id": row.actor_id,
        "actor_label": row.actor_label,
        "source_address": row.source_address,
        "request_id": row.request_id,
        "object_type": row.object_type,
        "object_id": row.object_id,
        "before": row.before,
        "after": row.after,
        "previous_hash": row.previous_hash,
    }


def digest(row: AuditEvent) -> str:
    return hashlib.sha256(canonical(hashed_fields(row))).hexdigest()


def _chain_key(org_id: int | None) -> int:
    return org_id or 0


def _of_chain(org_id: int | None):
    column = AuditEvent.organization
    return column.is_null() if org_id is None else column == org_id


def _head(org_id: int | None) -> AuditChain:
    """The chain's head, created at its first record, locked until the transaction ends."""
    key = _chain_key(org_id)
    AuditChain.insert(
        chain=key, last_sequence=0, last_hash=GENESIS, first_sequence=1, anchor_hash=GENESIS
    ).on_conflict_ignore().execute()
    return locked(AuditChain.select().where(AuditChain.chain == key)).get()


def record(
    action: str,
    *,
    organization_id: int | None,
    object_type: str | None = None,
    object_id: str | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    actor: Actor | None = None,
) -> AuditEvent:
    """Append a record of ``action`` to the organization's chain; call it inside the
    transaction of the change (it joins it, or is one of its own). ``before``/``after`` are
    the fields that changed, as they were and as they are; secrets are redacted whatever
    the caller hands in."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}: add it to ACTIONS")
    who = actor or current_actor()
    with database.atomic():
        head = _head(organization_id)
        row = AuditEvent(
            public_id=new_public_id("aud"),
            organization=organization_id,
            sequence=head.last_sequence + 1,
            occurred_at=utcnow(),
            action=action,
            actor_type=who.type,
            actor_id=_clip(who.id, 40),
            actor_label=_clip(who.label, 254),
            source_address=_clip(who.source_address, 64),
            request_id=_clip(who.request_id, 64),
            object_type=object_type,
            object_id=_clip(object_id, 200),
            before=None if before is None else _plain(before),
            after=None if after is None else _plain(after),
            previous_hash=head.last_hash,
        )
        row.hash = digest(row)
        row.save(force_insert=True)
        AuditChain.update(last_sequence=row.sequence, last_hash=row.hash).where(
            AuditChain.chain == head.chain
        ).execute()
    return row


def _clip(text: str | None, length: int) -> str | None:
    return None if text is None else str(text)[:length]


def changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[dict, dict]:
    """The fields whose value differs, as (before, after)."""
    names = [name for name in new if old.get(name) != new.get(name)]
    return {name: old.get(name) for name in names}, {name: new.get(name) for name in names}


# --- reading -----------------------------------------------------------------------------


def events_query(org_id: int | None, filters: Mapping[str, Any] | None = None):
    """The organization's records, newest first, filtered by ``action`` (an action, or a
    family such as ``scan``), ``actor`` (a public id or an e-mail), ``object_id``, ``since``
    (inclusive) and ``until`` (exclusive)."""
    filters = filters or {}
    query = AuditEvent.select().where(_of_chain(org_id))
    action = filters.get("action")
    if action:
        if "." in action:
            query = query.where(AuditEvent.action == action)
        else:
            query = query.where(AuditEvent.action.startswith(f"{action}."))
    actor = filters.get("actor")
    if actor:
        actor = actor.strip()
        query = query.where(
            (AuditEvent.actor_id == actor) | (AuditEvent.actor_label == actor.lower())
        )
    if filters.get("object_id"):
        query = query.where(AuditEvent.object_id == filters["object_id"])
    if filters.get("since"):
        query = query.where(AuditEvent.occurred_at >= filters["since"])
    if filters.get("until"):
        query = query.where(AuditEvent.occurred_at < filters["until"])
    return query.order_by(AuditEvent.sequence.desc(), AuditEvent.id.desc())


def iterate(query, batch: int = 500) -> Iterator[AuditEvent]:
    """The rows of an :func:`events_query`, read a batch at a time (each batch its own
    query: a streamed response holds no cursor open between pieces)."""
    after: int | None = None
    while True:
        page = query if after is None else query.where(AuditEvent.sequence < after)
        rows = list(page.limit(batch))
        yield from rows
        if len(rows) < batch:
            return
        after = rows[-1].sequence


#: What a route may record of a download (the file itself is made outside any transaction).
DOWNLOADS = ("findings.exported", "report.downloaded", "audit.exported")


def record_download(
    action: str,
    org_id: int,
    details: Mapping[str, Any],
    object_type: str | None = None,
    object_id: str | None = None,
) -> AuditEvent:
    """Record that the caller downloaded a file the API made for it (``details``: which, in
    which format, with which filters)."""
    if action not in DOWNLOADS:
        raise ValueError(f"{action!r} is not a download")
    return record(
        action,
        organization_id=org_id,
        object_type=object_type,
        object_id=object_id,
        after=dict(details),
    )


def record_export(org_id: int, filters: Mapping[str, Any]) -> None:
    """Record that the audit log itself was downloaded, with the filters."""
    record("audit.exported", organization_id=org_id, after={"filters": dict(filters)})


# --- verifying -----------------------------------------------------------------------------


@dataclass
class Break:
    """Where a chain stops being what was written: the record and what differs."""

    public_id: str | None
    sequence: int | None
    reason: str


@dataclass
class ChainReport:
    organization_id: int | None
    organization_name: str | None
    checked: int = 0
    first_sequence: int | None = None
    last_sequence: int | None = None
    head_hash: str | None = None
    problem: Break | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return self.problem is None


def chain_organizations(org_id: int | None = None) -> list[int | None]:
    """The chains there are (organization ids; None for the records of no organization),
    or just ``org_id``'s."""
    if org_id is not None:
        return [org_id]
    keys = {row.chain or None for row in AuditChain.select(AuditChain.chain)}
    keys |= {row.organization_id for row in AuditEvent.select(AuditEvent.organization).distinct()}
    return sorted(keys, key=lambda key: (key is not None, key or 0))


def verify_chain(org_id: int | None, batch: int = 1000) -> ChainReport:
    """Recompute the chain of ``org_id`` from its first kept record: each record's hash, its
    link to the one before, gap-free sequences, and the head the appender keeps."""
    org = Organization.get_or_none(Organization.id == org_id) if org_id is not None else None
    report = ChainReport(org_id, org.name if org else None)
    head = AuditChain.get_or_none(AuditChain.chain == _chain_key(org_id))
    expected_sequence = head.first_sequence if head else 1
    expected_previous = head.anchor_hash if head else GENESIS
    last: AuditEvent | None = None
    query = AuditEvent.select().where(_of_chain(org_id)).order_by(AuditEvent.sequence)
    position = None
    while True:
        page = query if position is None else query.where(AuditEvent.sequence > position)
        rows = list(page.limit(batch))
        for row in rows:
            problem = _check(row, expected_sequence, expected_previous)
            if problem:
                report.problem = problem
                return report
            if report.first_sequence is None:
                report.first_sequence = row.sequence
            report.checked += 1
            report.last_sequence = row.sequence
            expected_sequence, expected_previous = row.sequence + 1, row.hash
            last = row
        if len(rows) < batch:
            break
        position = rows[-1].sequence
    report.head_hash = last.hash if last else (head.last_hash if head else None)
    if head is None and last is not None:
        report.problem = Break(None, None, "the chain has records but no head (audit_chain)")
    elif head is not None and (
        head.last_sequence != (last.sequence if last else head.first_sequence - 1)
        or (last is not None and head.last_hash != last.hash)
    ):
        at = last.sequence if last else head.first_sequence - 1
        report.problem = Break(
            last.public_id if last else None,
            at,
            f"records after sequence {at} are missing: the chain's head is at sequence "
            f"{head.last_sequence}",
        )
    return report


def _check(row: AuditEvent, sequence: int, previous: str) -> Break | None:
    if row.sequence != sequence:
        return Break(
            row.public_id,
            row.sequence,
            f"sequence gap: expected {sequence}, found {row.sequence} "
            f"(records {sequence} to {row.sequence - 1} are missing)"
            if row.sequence > sequence
            else f"sequence gap: expected {sequence}, found {row.sequence}",
        )
    if row.previous_hash != previous:
        return Break(
            row.public_id,
            row.sequence,
            "previous_hash mismatch: it is not the hash of the record before it",
        )
    if digest(row) != row.hash:
        return Break(
            row.public_id,
            row.sequence,
            "hash mismatch: the record's fields are not those it was written with",
        )
    return None


def verify_chains(org_id: int | None = None) -> list[ChainReport]:
    return [verify_chain(key) for key in chain_organizations(org_id)]


# --- retention -------------------------------------------------------------------------------


def purge_older_than(keep_days: int, now: datetime | None = None) -> int:
    """Remove the records older than ``keep_days`` (0 keeps every record), oldest first and
    gap-free: each chain then begins at its first kept record, whose previous hash becomes
    the chain's anchor, and the purge itself is recorded. Returns how many were removed."""
    if keep_days <= 0:
        return 0
    cutoff = (now or utcnow()) - timedelta(days=keep_days)
    removed = 0
    for org_id in chain_organizations():
        removed += _purge_chain(org_id, cutoff, keep_days)
    return removed


def _purge_chain(org_id: int | None, cutoff: datetime, keep_days: int) -> int:
    with database.atomic():
        head = _head(org_id)
        through = (
            AuditEvent.select(fn.MAX(AuditEvent.sequence))
            .where(_of_chain(org_id) & (AuditEvent.occurred_at < cutoff))
            .scalar()
        )
        if not through:
            return 0
        anchor = (
            AuditEvent.select(AuditEvent.hash)
            .where(_of_chain(org_id) & (AuditEvent.sequence == through))
            .scalar()
        )
        count = (
            AuditEvent.delete()
            .where(_of_chain(org_id) & (AuditEvent.sequence <= through))
            .execute()
        )
        AuditChain.update(first_sequence=through + 1, anchor_hash=anchor).where(
            AuditChain.chain == head.chain
        ).execute()
        record(
            "audit.purged",
            organization_id=org_id,
            after={
                "through_sequence": through,
                "records": count,
                "keep_days": keep_days,
                "before": timestamp(cutoff),
            },
            actor=SYSTEM,
        )
    return count
