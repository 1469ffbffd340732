"""The tables. Public ids are prefixed and random (``scan_…``); integer keys stay internal.

Every row that a user can see belongs to an organization, and every query for such a row
filters by it (see ``services/``), so another tenant's object is simply "not found".
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from peewee import (
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from cyberorigen.db import database
from cyberorigen.db.fields import JSONField


def utcnow() -> datetime:
    """Naive UTC now: every timestamp is stored as UTC without an offset."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def new_public_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(8)}"


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Organization(BaseModel):
    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("org"))
    name = CharField(max_length=200, unique=True)
    plan = CharField(max_length=20, default="startup")
    hourly_limit = IntegerField(null=True)
    daily_limit = IntegerField(null=True)
    created_at = DateTimeField(default=utcnow)


class User(BaseModel):
    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("usr"))
    organization = ForeignKeyField(Organization, backref="users", on_delete="CASCADE")
    email = CharField(max_length=254, unique=True)
    password_hash = CharField(max_length=255)
    role = CharField(max_length=20, default="viewer")
    is_active = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)
    last_login_at = DateTimeField(null=True)

    class Meta:
        table_name = "app_user"


class ApiKey(BaseModel):
    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("key"))
    organization = ForeignKeyField(Organization, backref="api_keys", on_delete="CASCADE")
    user = ForeignKeyField(User, backref="api_keys", on_delete="CASCADE")
    name = CharField(max_length=200)
    prefix = CharField(max_length=20)
    key_hash = CharField(max_length=64, unique=True)
    role = CharField(max_length=20)
    created_at = DateTimeField(default=utcnow)
    last_used_at = DateTimeField(null=True)
    expires_at = DateTimeField(null=True)


class RevokedToken(BaseModel):
    """The token blocklist used in embedded mode (with Redis, the blocklist lives there)."""

    jti = CharField(max_length=64, primary_key=True)
    expires_at = DateTimeField(index=True)


class Scan(BaseModel):
    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("scan"))
    organization = ForeignKeyField(Organization, backref="scans", on_delete="CASCADE")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    target = CharField(max_length=2048)
    scan_type = CharField(max_length=40)
    frameworks = JSONField(default=list)
    status = CharField(max_length=20, default="queued")
    progress = IntegerField(default=0)
    vulnerabilities_found = IntegerField(default=0)
    error = TextField(null=True)
    created_at = DateTimeField(default=utcnow)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    options = JSONField(default=dict)
    current_step = CharField(max_length=200, null=True)
    attempts = IntegerField(default=0)
    heartbeat_at = DateTimeField(null=True)
    cancel_requested = BooleanField(default=False)
    #: Per framework the scan named: requirements its checks touched, passed and failed.
    compliance = JSONField(null=True)

    class Meta:
        indexes = (
            (("organization", "created_at", "id"), False),
            (("organization", "status", "created_at", "id"), False),
            (("organization", "target", "created_at", "id"), False),
        )


class ScanPart(BaseModel):
    """A batch of a scan's hosts (units ``first`` to ``stop - 1``) run by one job: a scan of
    many hosts fans out into parts that any worker takes (``queued`` -> ``running`` ->
    ``done``); ``worker`` says which ran it last, ``attempts`` how often it was started."""

    scan = ForeignKeyField(Scan, backref="parts", on_delete="CASCADE")
    index = IntegerField()
    first = IntegerField()
    stop = IntegerField()
    status = CharField(max_length=20, default="queued")
    attempts = IntegerField(default=0)
    #: 0-100: how far its hosts are (the scan's progress is the parts' mean).
    progress = IntegerField(default=0)
    worker = CharField(max_length=200, null=True)
    #: Moved by its runner; for a queued part, when it was (re-)queued.
    heartbeat_at = DateTimeField(default=utcnow)
    finished_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("scan", "index"), True), (("status", "heartbeat_at"), False))


class ScannerRun(BaseModel):
    """One scanner's part of a scan: its status, error, how many findings it made, what it
    observed of the target (the first observations it reported) and which of its checks it
    did not examine ({check id: why}): those count neither as passed nor as failed."""

    scan = ForeignKeyField(Scan, backref="scanner_runs", on_delete="CASCADE")
    scanner = CharField(max_length=100)
    position = IntegerField()
    status = CharField(max_length=20, default="pending")
    error = TextField(null=True)
    findings_count = IntegerField(default=0)
    observed = JSONField(default=list)
    not_examined = JSONField(default=dict)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    #: What this run examined: the target unit (a host, URL or host:port) or the discovered
    #: service; empty for a run created before range scans (the scan's target).
    target = CharField(max_length=2100, default="")
    #: The protocol of the discovered service it examined (``https``), or None.
    service = CharField(max_length=40, null=True)
    #: What a discovery run found: its services (``Service`` fields), for the service runs.
    discovered = JSONField(default=list)

    class Meta:
        indexes = ((("scan", "scanner", "target"), True),)


class CheckOutcome(BaseModel):
    """How one check of one scanner run ended: ``passed`` (the run observed what it examined
    and found nothing at low or above), ``failed`` (it did), or ``inconclusive`` with the
    ``reason`` (``unreachable``, ``timed_out``, ``not_applicable``, ``not_examined``,
    ``cancelled``, ``error``, ``not_run``) and ``detail`` in the scanner's words."""

    scan = ForeignKeyField(Scan, backref="check_outcomes", on_delete="CASCADE")
    run = ForeignKeyField(ScannerRun, backref="check_outcomes", on_delete="CASCADE")
    check_id = CharField(max_length=100)
    outcome = CharField(max_length=20)
    reason = CharField(max_length=20, null=True)
    detail = TextField(null=True)
    #: The run's findings of this check (informational ones included).
    findings = IntegerField(default=0)
    recorded_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = (
            (("run", "check_id"), True),
            (("scan", "outcome"), False),
            (("scan", "check_id"), False),
            (("scan", "reason"), False),
        )


class Asset(BaseModel):
    """A host the organization's scans found answering: its address, and the names it was
    scanned under."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("ast"))
    organization = ForeignKeyField(Organization, backref="assets", on_delete="CASCADE")
    address = CharField(max_length=64)
    names = JSONField(default=list)
    first_seen = DateTimeField(default=utcnow)
    last_seen = DateTimeField(default=utcnow)
    last_scan = ForeignKeyField(Scan, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        indexes = ((("organization", "address"), True), (("organization", "last_seen"), False))


class Service(BaseModel):
    """A service found on an asset: one open port and what speaks there."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("svc"))
    organization = ForeignKeyField(Organization, backref="+", on_delete="CASCADE")
    asset = ForeignKeyField(Asset, backref="services", on_delete="CASCADE")
    port = IntegerField()
    transport = CharField(max_length=10, default="tcp")
    protocol = CharField(max_length=40, default="")
    tls = BooleanField(default=False)
    product = CharField(max_length=200, default="")
    version = CharField(max_length=200, default="")
    banner = TextField(default="")
    certificate = JSONField(default=dict)
    first_seen = DateTimeField(default=utcnow)
    last_seen = DateTimeField(default=utcnow)

    class Meta:
        indexes = (
            (("asset", "port", "transport"), True),
            (("organization", "protocol", "port"), False),
        )


class Finding(BaseModel):
    """A finding of a target, the same across scans (identified by its fingerprint)."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("fnd"))
    organization = ForeignKeyField(Organization, backref="findings", on_delete="CASCADE")
    target = CharField(max_length=2048)
    fingerprint = CharField(max_length=128)
    scanner = CharField(max_length=100)
    check_id = CharField(max_length=200)
    title = CharField(max_length=500)
    severity = CharField(max_length=10)
    location = TextField()
    evidence = JSONField(default=dict)
    remediation = TextField(default="")
    references = JSONField(default=list)
    cvss_vector = CharField(max_length=200, null=True)
    status = CharField(max_length=20, default="open")
    status_reason = TextField(null=True)
    accepted_until = DateTimeField(null=True)
    first_seen = DateTimeField(default=utcnow)
    last_seen = DateTimeField(default=utcnow)
    first_scan = ForeignKeyField(Scan, null=True, on_delete="SET NULL", backref="+")
    last_scan = ForeignKeyField(Scan, null=True, on_delete="SET NULL", backref="+")
    #: The host (and the service on it) the finding is about, when a scan found them.
    asset = ForeignKeyField(Asset, null=True, on_delete="SET NULL", backref="findings")
    service = ForeignKeyField(Service, null=True, on_delete="SET NULL", backref="findings")

    class Meta:
        indexes = (
            (("organization", "target", "fingerprint"), True),
            (("organization", "last_seen", "id"), False),
            (("organization", "status", "last_seen", "id"), False),
            (("organization", "severity", "last_seen", "id"), False),
            (("organization", "check_id", "last_seen", "id"), False),
            (("organization", "target", "last_seen", "id"), False),
        )


class ScanFinding(BaseModel):
    """Which findings a scan observed (a finding may be seen by many scans)."""

    scan = ForeignKeyField(Scan, backref="observations", on_delete="CASCADE")
    finding = ForeignKeyField(Finding, backref="observations", on_delete="CASCADE")
    #: This scan announced it (``vulnerability.found``: new, or back after being fixed).
    announced = BooleanField(default=False)

    class Meta:
        indexes = ((("scan", "finding"), True),)


class ScopeEntry(BaseModel):
    """What an organization may scan: a domain (with its subdomains), an address or a network."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("scope"))
    organization = ForeignKeyField(Organization, backref="scope", on_delete="CASCADE")
    value = CharField(max_length=300)
    kind = CharField(max_length=10)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("organization", "value"), True),)


class OutboxEvent(BaseModel):
    """A domain event, written in the same transaction as the change it reports."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("evt"))
    organization = ForeignKeyField(Organization, backref="events", on_delete="CASCADE")
    type = CharField(max_length=100)
    payload = JSONField(default=dict)
    created_at = DateTimeField(default=utcnow, index=True)
    dispatched_at = DateTimeField(null=True, index=True)


class Webhook(BaseModel):
    """A subscription: which events go where, through which transport, signed with what."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("wh"))
    organization = ForeignKeyField(Organization, backref="webhooks", on_delete="CASCADE")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    url = CharField(max_length=2048, null=True)
    events = JSONField(default=list)
    secret_encrypted = TextField()
    active = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)
    transport = CharField(max_length=100, default="http")
    config = JSONField(default=dict)
    filters = JSONField(default=dict)
    previous_secret_encrypted = TextField(null=True)
    previous_secret_until = DateTimeField(null=True)
    consecutive_failures = IntegerField(default=0)
    disabled_reason = TextField(null=True)
    disabled_at = DateTimeField(null=True)
    updated_at = DateTimeField(default=utcnow)


class WebhookDelivery(BaseModel):
    """One event on its way to one webhook: its attempts, and when the next one is due."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("dlv"))
    organization = ForeignKeyField(Organization, backref="+", on_delete="CASCADE")
    webhook = ForeignKeyField(Webhook, backref="deliveries", on_delete="CASCADE")
    event = ForeignKeyField(OutboxEvent, backref="deliveries", on_delete="CASCADE")
    event_type = CharField(max_length=100)
    status = CharField(max_length=20, default="pending")  # pending | delivered | failed | cancelled
    attempts = IntegerField(default=0)
    next_attempt_at = DateTimeField(null=True)
    lease_token = CharField(max_length=40, null=True)
    locked_until = DateTimeField(null=True)
    last_attempt_at = DateTimeField(null=True)
    last_status_code = IntegerField(null=True)
    last_error = TextField(null=True)
    response_excerpt = TextField(null=True)
    latency_ms = IntegerField(null=True)
    delivered_at = DateTimeField(null=True)
    history = JSONField(default=list)
    redelivery_of = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = (
            (("status", "next_attempt_at"), False),
            (("webhook", "created_at"), False),
            (("webhook", "status", "created_at", "id"), False),
            (("webhook", "event_type", "created_at", "id"), False),
        )


class Schedule(BaseModel):
    """A scan to start again and again: by cron expression or every N seconds."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("sch"))
    organization = ForeignKeyField(Organization, backref="schedules", on_delete="CASCADE")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    target = CharField(max_length=2048)
    scan_type = CharField(max_length=40)
    frameworks = JSONField(default=list)
    options = JSONField(default=dict)
    cron = CharField(max_length=200, null=True)
    interval_seconds = IntegerField(null=True)
    enabled = BooleanField(default=True)
    next_run_at = DateTimeField(null=True, index=True)
    last_run_at = DateTimeField(null=True)
    last_scan = ForeignKeyField(Scan, null=True, on_delete="SET NULL", backref="+")
    last_error = TextField(null=True)
    created_at = DateTimeField(default=utcnow)


class RowCount(BaseModel):
    """How many rows of a list an organization has (``scans``, ``findings``, and findings by
    severity, status and check: ``findings.severity=high``), kept in the transaction of each
    write: a list's exact ``total`` without counting the table."""

    organization = ForeignKeyField(Organization, backref="+", on_delete="CASCADE")
    #: ``findings.check_id=`` and a check id of up to 200 characters.
    name = CharField(max_length=220)
    count = IntegerField(default=0)

    class Meta:
        indexes = ((("organization", "name"), True),)


class ControlState(BaseModel):
    """An organization's standing on one common control: its derived (or overridden) status
    with the reason and what produced it, and what people set on it."""

    organization = ForeignKeyField(Organization, backref="control_states", on_delete="CASCADE")
    control_id = CharField(max_length=100)
    status = CharField(max_length=30, default="not_assessed")
    reason = TextField(default="")
    basis = JSONField(default=dict)
    applicable = BooleanField(default=True)
    applicability_reason = TextField(null=True)
    owner = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    override_status = CharField(max_length=30, null=True)
    override_reason = TextField(null=True)
    override_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    override_at = DateTimeField(null=True)
    status_since = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    #: The stored assessment: when it was made, how many evidence items it counted, the
    #: control's definition it was made under, and when it is due again (evidence taking
    #: effect or expiring; set to now when its facts changed): reads use it until then.
    assessed_at = DateTimeField(null=True)
    evidence_count = IntegerField(default=0)
    definition = CharField(max_length=64, default="")
    due_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("organization", "control_id"), True),)


class ControlStatusChange(BaseModel):
    """One change of a control's status, kept forever: the history behind the current one."""

    organization = ForeignKeyField(Organization, backref="+", on_delete="CASCADE")
    control_id = CharField(max_length=100)
    from_status = CharField(max_length=30, null=True)
    to_status = CharField(max_length=30)
    reason = TextField(default="")
    basis = JSONField(default=dict)
    cause = CharField(max_length=40)
    actor = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    changed_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("organization", "control_id", "changed_at"), False),)


class RequirementScope(BaseModel):
    """A framework requirement an organization has declared out of its scope (PCI DSS
    requirements for service providers at a merchant, say), with who said so and why."""

    organization = ForeignKeyField(Organization, backref="+", on_delete="CASCADE")
    framework_id = CharField(max_length=100)
    requirement_id = CharField(max_length=100)
    reason = TextField()
    set_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    set_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("organization", "framework_id", "requirement_id"), True),)


class Evidence(BaseModel):
    """Something that shows a control is in place: a file (stored by its SHA-256 under the
    instance directory), a link, a note, or a scan's results (attached automatically)."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("evd"))
    organization = ForeignKeyField(Organization, backref="evidence", on_delete="CASCADE")
    control_id = CharField(max_length=100)
    kind = CharField(max_length=10)  # file | link | note | scan
    title = CharField(max_length=300)
    description = TextField(default="")
    sha256 = CharField(max_length=64, null=True, index=True)
    size = IntegerField(null=True)
    filename = CharField(max_length=255, null=True)
    media_type = CharField(max_length=200, null=True)
    url = CharField(max_length=2048, null=True)
    note = TextField(null=True)
    scan = ForeignKeyField(Scan, null=True, on_delete="SET NULL", backref="+")
    details = JSONField(default=dict)
    collected_at = DateTimeField(default=utcnow)
    effective_from = DateTimeField(default=utcnow)
    effective_until = DateTimeField(null=True)
    collected_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=utcnow)
    deleted_at = DateTimeField(null=True)
    deleted_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    deletion_reason = TextField(null=True)
    #: When an ``evidence.expiring`` event was written for it.
    expiry_notified_at = DateTimeField(null=True)
    #: Four eyes: a file, link or note is ``submitted`` until a user with the auditor role
    #: other than its uploader accepts or rejects it; only ``accepted`` evidence counts. A
    #: scan's results are the appliance's own observation, accepted as they are attached.
    review_status = CharField(max_length=20, default="submitted")
    reviewed_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    reviewed_at = DateTimeField(null=True)
    review_comment = TextField(null=True)

    class Meta:
        indexes = ((("organization", "control_id", "deleted_at"), False),)


class EvidenceReview(BaseModel):
    """One decision on a piece of evidence, kept forever: who decided (and their e-mail as it
    was then), when, ``accept`` or ``reject``, the status it had before, and why."""

    organization = ForeignKeyField(Organization, backref="+", on_delete="CASCADE")
    evidence = ForeignKeyField(Evidence, backref="reviews", on_delete="CASCADE")
    decision = CharField(max_length=10)  # accept | reject
    previous_status = CharField(max_length=20)
    reviewer = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    reviewer_email = CharField(max_length=254, null=True)
    comment = TextField(default="")
    #: The reviewer uploaded it (only with the setting ``evidence.self_review``).
    self_review = BooleanField(default=False)
    decided_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("evidence", "decided_at"), False),)


class ExportJob(BaseModel):
    """A long export (a report as PDF, an evidence bundle, every finding as SARIF) made in the
    background: its progress, then its file under ``<instance_dir>/exports/`` until
    ``expires_at``, when the file goes and the row stays as ``expired``."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("exp"))
    organization = ForeignKeyField(Organization, backref="+", on_delete="CASCADE")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    kind = CharField(max_length=40)
    params = JSONField(default=dict)
    #: queued | running | done | failed | expired
    status = CharField(max_length=20, default="queued")
    progress = IntegerField(default=0)
    step = CharField(max_length=200, null=True)
    error = TextField(null=True)
    filename = CharField(max_length=255, null=True)
    media_type = CharField(max_length=100, null=True)
    size = IntegerField(null=True)
    sha256 = CharField(max_length=64, null=True)
    created_at = DateTimeField(default=utcnow)
    started_at = DateTimeField(null=True)
    heartbeat_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    expires_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("organization", "created_at"), False),)


class AuditChain(BaseModel):
    """The head of one organization's audit chain (``chain`` is its id; 0 is the chain of
    events that belong to no organization): the last record's sequence and hash, and where
    the kept records begin (``first_sequence``, whose ``previous_hash`` is ``anchor_hash``)
    once retention purged the older ones. Appending locks this row, so concurrent writers
    queue for the next sequence instead of forking the chain."""

    chain = IntegerField(primary_key=True)
    last_sequence = IntegerField(default=0)
    last_hash = CharField(max_length=64)
    first_sequence = IntegerField(default=1)
    anchor_hash = CharField(max_length=64)


class AuditEvent(BaseModel):
    """One security-relevant action, append-only: who (at the time), from where, on what,
    before and after. ``hash`` covers every field and the previous record's hash."""

    public_id = CharField(max_length=40, unique=True, default=lambda: new_public_id("aud"))
    organization = ForeignKeyField(
        Organization, backref="audit_events", null=True, on_delete="CASCADE"
    )
    sequence = IntegerField()
    occurred_at = DateTimeField(default=utcnow)
    action = CharField(max_length=60)
    actor_type = CharField(max_length=20)
    actor_id = CharField(max_length=40, null=True)
    actor_label = CharField(max_length=254, null=True)
    source_address = CharField(max_length=64, null=True)
    request_id = CharField(max_length=64, null=True)
    object_type = CharField(max_length=40, null=True)
    object_id = CharField(max_length=200, null=True)
    before = JSONField(null=True)
    after = JSONField(null=True)
    previous_hash = CharField(max_length=64)
    hash = CharField(max_length=64)

    class Meta:
        indexes = (
            (("organization", "sequence"), True),
            (("organization", "occurred_at"), False),
            (("organization", "action"), False),
        )


ALL_MODELS = (
    Organization,
    User,
    ApiKey,
    RevokedToken,
    Scan,
    Webhook,
    ScanPart,
    ScannerRun,
    CheckOutcome,
    Asset,
    Service,
    Finding,
    ScanFinding,
    ScopeEntry,
    RowCount,
    OutboxEvent,
    Schedule,
    ControlState,
    ControlStatusChange,
    Evidence,
    EvidenceReview,
    WebhookDelivery,
    RequirementScope,
    ExportJob,
    AuditChain,
    AuditEvent,
)
