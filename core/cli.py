"""The ``cyberorigen`` command."""

from __future__ import annotations

import contextlib
import errno
import getpass
import os
import secrets
import shutil
import signal
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import click
import redis
from rq.serializers import JSONSerializer

from cyberorigen import __version__
from cyberorigen.appliance import Appliance, build_appliance
from cyberorigen.checks_catalog import render_catalogue
from cyberorigen.db import bind_database
from cyberorigen.db.migrate import pending_migrations, upgrade
from cyberorigen.db.models import AuditEvent, Organization, User
from cyberorigen.errors import DomainError
from cyberorigen.jobs import process
from cyberorigen.jobs.background import ROLES as BACKGROUND_ROLES
from cyberorigen.jobs.background import start_background, stop_background
from cyberorigen.jobs.worker import DEFAULT_MAX_JOBS, AppliancePool, appliance_worker_class
from cyberorigen.logging_setup import configure_logging
from cyberorigen.plugin_registry import build_registry
from cyberorigen.services import audit as audit_log
from cyberorigen.services.identity import SharedEpoch
from cyberorigen.services.organizations import create_organization, get_by_name
from cyberorigen.services.users import create_user, find_by_email, update_user
from cyberorigen.settings import SECRET_FILE_NAME, Settings, SettingsError, load_settings
from cyberorigen.vocab import PLANS, ROLES


def _settings(require_secret: bool = True) -> Settings:
    try:
        return load_settings(require_secret=require_secret)
    except SettingsError as exc:
        raise click.ClickException(f"configuration error: {exc}") from None


def _bind(settings: Settings):
    try:
        db = bind_database(settings.database_url)
        db.connect(reuse_if_open=True)
    except Exception as exc:  # noqa: BLE001 - any driver error: say which database
        raise click.ClickException(
            f"cannot open the database {_redacted(settings.database_url)}: {exc}"
        ) from None
    return db


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url


def _bind_migrated(settings: Settings):
    """The database, refusing one whose schema is behind the code."""
    db = _bind(settings)
    if pending_migrations(db):
        db.close()
        raise click.ClickException("the database is not up to date: run `cyberorigen db upgrade`")
    return db


def _upgrade(settings: Settings) -> list[str]:
    db = _bind(settings)
    try:
        return upgrade(db)
    finally:
        db.close()


def _appliance(settings: Settings) -> Appliance:
    """The appliance of this command's process. A program that runs the command itself may
    add plugins: ``main(args, obj={"extra_plugins": [...]})`` (bench/noop_worker.py does)."""
    context = click.get_current_context()
    extra = (context.find_root().obj or {}).get("extra_plugins", ())
    return build_appliance(settings, extra_plugins=extra)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """CyberOrigen: security scanning and compliance appliance."""
    # What a command changes is recorded in the audit log as done on the command line, by
    # the OS user running it (background loops a command starts record as the system).
    audit_log.set_actor(audit_log.Actor("cli", _os_user(), _os_user()))
    click.get_current_context().call_on_close(lambda: audit_log.set_actor(None))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry for this uid (a container)
        return f"uid {os.getuid()}"


@main.command()
def version() -> None:
    """Print the version."""
    click.echo(__version__)


#: The custom (hourly, daily) limits ``init`` gives a new Enterprise organization.
INIT_ENTERPRISE_LIMITS = (10_000, 100_000)


@main.command()
@click.option(
    "--org",
    "org_name",
    default="Default",
    show_default=True,
    help="Name of the first organization.",
)
@click.option(
    "--email",
    default="admin@localhost",
    show_default=True,
    help="E-mail (login) of the first admin.",
)
@click.option("--plan", type=click.Choice(PLANS), default="enterprise", show_default=True)
def init(org_name: str, email: str, plan: str) -> None:
    """Prepare the instance: directory, secret key, database, first organization and admin.

    Safe to run again: what exists is kept, and the admin's password is only printed once,
    when the admin is created.
    """
    settings = _settings(require_secret=False)
    settings.instance_dir.mkdir(parents=True, exist_ok=True)
    secret_file = settings.instance_dir / SECRET_FILE_NAME
    if not settings.secret_key and not secret_file.exists():
        fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48) + "\n")
        click.echo(f"Generated a secret key in {secret_file} (mode 0600).")
    settings = _settings()
    applied = _upgrade(settings)
    click.echo(f"Database ready ({len(applied)} migration(s) applied).")

    db = _bind(settings)
    try:
        if User.select().exists():
            click.echo(
                "Users exist already; no admin was created. Log in with the credentials "
                "printed by the first `cyberorigen init`, or add one with "
                "`cyberorigen users create EMAIL --password-stdin --org NAME --role admin`."
            )
            return
        password = secrets.token_urlsafe(18)
        with db.atomic():
            org = get_by_name(org_name)
            if org is None:
                org = create_organization(org_name, plan)
                if plan == "enterprise":
                    # Enterprise limits are custom (unlimited until set): start with some, so
                    # that every response carries the X-RateLimit-* headers.
                    org.hourly_limit, org.daily_limit = INIT_ENTERPRISE_LIMITS
                    org.save()
            create_user(org.id, email, password, "admin")
    finally:
        db.close()
    click.echo("")
    click.echo(f"Created organization {org_name!r} ({plan}) and its admin.")
    if org.hourly_limit is not None:
        click.echo(
            f"  Rate limits: {org.hourly_limit:,} requests an hour, {org.daily_limit:,} a day "
            "(an admin changes them with PATCH /api/v1/organizations/current)."
        )
    click.echo(f"  Log in as:  {email}")
    click.echo(f"  Password:   {password}")
    click.echo("  This password is shown once. Change it, or add users, with `cyberorigen users`.")


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply pending migrations."""
    applied = _upgrade(_settings())
    if applied:
        click.echo("Applied: " + ", ".join(applied))
    else:
        click.echo("The database is up to date.")


@main.group()
def users() -> None:
    """Users and organizations."""


@users.command("create")
@click.argument("email")
@click.option("--password", help="The password (prefer --password-stdin: this shows in `ps`).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--org", "org_name", required=True, help="Organization; created if missing.")
@click.option(
    "--plan",
    type=click.Choice(PLANS),
    default="startup",
    show_default=True,
    help="Plan, when the organization is created.",
)
@click.option("--role", type=click.Choice(ROLES), default="viewer", show_default=True)
def users_create(email, password, password_stdin, org_name, plan, role) -> None:
    """Create a user (and the organization, if it does not exist)."""
    password = _read_password(password, password_stdin)
    database = _bind_migrated(_settings())
    try:
        with database.atomic():
            org = get_by_name(org_name) or create_organization(org_name, plan)
            user = create_user(org.id, email, password, role)
    except DomainError as exc:
        raise click.ClickException(exc.detail) from None
    finally:
        database.close()
    click.echo(f"Created {role} {user.email} ({user.public_id}) in {org_name!r}.")


def _read_password(password: str | None, password_stdin: bool) -> str:
    if bool(password) == bool(password_stdin):
        raise click.UsageError("give exactly one of --password and --password-stdin")
    return sys.stdin.readline().rstrip("\r\n") if password_stdin else password


def _change_user(email: str, changes: dict) -> User:
    """Apply ``changes`` to the user who logs in with ``email`` through the same service as
    the API (an organization keeps an active admin; a password must be strong enough), then
    tell every API process to read users again: with Redis at once, in embedded mode within
    ``auth.identity_cache_seconds``."""
    settings = _settings()
    database = _bind_migrated(settings)
    try:
        with database.atomic():
            user = update_user(find_by_email(email), changes)
    except DomainError as exc:
        raise click.ClickException(exc.detail) from None
    finally:
        database.close()
    if settings.redis_url:
        SharedEpoch(redis.Redis.from_url(settings.redis_url), settings.ratelimit_key_prefix).bump()
    return user


@users.command("list")
@click.option("--org", "org_name", help="Only this organization's users.")
def users_list(org_name: str | None) -> None:
    """List users: e-mail, role, active or disabled, organization, last login."""
    database = _bind_migrated(_settings())
    try:
        query = (
            User.select(User, Organization)
            .join(Organization)
            .order_by(Organization.name, User.email)
        )
        if org_name is not None:
            org = get_by_name(org_name)
            if org is None:
                raise click.ClickException(f"no organization named {org_name!r}")
            query = query.where(User.organization == org.id)
        rows = [
            (
                user.email,
                user.role,
                "active" if user.is_active else "disabled",
                user.organization.name,
                user.last_login_at.strftime("%Y-%m-%d %H:%M") if user.last_login_at else "never",
            )
            for user in query
        ]
    finally:
        database.close()
    if not rows:
        click.echo("No users.")
        return
    header = ("EMAIL", "ROLE", "STATE", "ORGANIZATION", "LAST LOGIN")
    widths = [max(len(row[n]) for row in [header, *rows]) for n in range(len(header))]
    for row in [header, *rows]:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


@users.command("passwd")
@click.argument("email")
@click.option("--password", help="The new password (prefer --password-stdin: this shows in `ps`).")
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input.")
def users_passwd(email: str, password: str | None, password_stdin: bool) -> None:
    """Set a user's password; the tokens issued under the old one stop working."""
    user = _change_user(email, {"password": _read_password(password, password_stdin)})
    click.echo(f"Changed the password of {user.email}; their access tokens no longer work.")


@users.command("disable")
@click.argument("email")
def users_disable(email: str) -> None:
    """Disable a user: no login, and their tokens and API keys stop working."""
    user = _change_user(email, {"is_active": False})
    click.echo(f"Disabled {user.email}.")


@users.command("enable")
@click.argument("email")
def users_enable(email: str) -> None:
    """Enable a disabled user again (their old tokens stay invalid until they expire)."""
    user = _change_user(email, {"is_active": True})
    click.echo(f"Enabled {user.email}.")


@users.command("role")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES))
def users_role(email: str, role: str) -> None:
    """Give a user another role (an organization always keeps an active admin)."""
    user = _change_user(email, {"role": role})
    click.echo(f"{user.email} is now {user.role}.")


@main.group()
def audit() -> None:
    """The audit log: verify its hash chains, show its newest records (docs/audit.md)."""


def _org_of(name: str | None) -> int | None:
    if name is None:
        return None
    org = get_by_name(name)
    if org is None:
        raise click.ClickException(f"no organization named {name!r}")
    return org.id


def _chain_name(report: audit_log.ChainReport) -> str:
    if report.organization_id is None:
        return "(no organization)"
    return report.organization_name or f"(deleted organization {report.organization_id})"


@audit.command("verify")
@click.option("--org", "org_name", help="Only this organization's chain.")
def audit_verify(org_name: str | None) -> None:
    """Recompute every record's hash and link, chain by chain. Exits 0 when every chain is
    intact, 1 naming the first broken record of each chain that is not."""
    database = _bind_migrated(_settings())
    try:
        reports = audit_log.verify_chains(_org_of(org_name))
    finally:
        database.close()
    broken = 0
    for report in reports:
        name = _chain_name(report)
        if report.checked:
            span = f"sequence {report.first_sequence} to {report.last_sequence}"
        else:
            span = "no record kept"
        if report.intact:
            click.echo(
                f"ok      {name}: {report.checked} record(s) checked, {span}; "
                f"head {(report.head_hash or audit_log.GENESIS)[:16]}"
            )
            continue
        broken += 1
        problem = report.problem
        where = f"record {problem.public_id} (sequence {problem.sequence})"
        if problem.public_id is None:
            where = "the chain"
        click.echo(
            f"BROKEN  {name}: {report.checked} record(s) intact before {where}: {problem.reason}"
        )
    if not reports:
        click.echo("No audit records yet.")
    click.echo(f"{broken} broken chain(s)." if broken else "Every audit chain is intact.")
    sys.exit(1 if broken else 0)


@audit.command("list")
@click.option("--org", "org_name", help="Only this organization's records.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
def audit_list(org_name: str | None, limit: int) -> None:
    """The newest audit records, newest first (with no --org, of every organization and of
    none: failed logins of unknown e-mail addresses)."""
    database = _bind_migrated(_settings())
    try:
        query = AuditEvent.select()
        org_id = _org_of(org_name)
        if org_id is not None:
            query = query.where(AuditEvent.organization == org_id)
        order = (AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        rows = list(query.order_by(*order).limit(limit))
        shown = {row.organization_id for row in rows if row.organization_id}
        names = {
            org.id: org.name for org in Organization.select().where(Organization.id.in_(shown))
        }
    finally:
        database.close()
    for row in rows:
        org = names.get(row.organization_id, "-")
        actor = row.actor_label or row.actor_id or row.actor_type
        target = f"{row.object_type} {row.object_id}" if row.object_id else ""
        click.echo(
            f"{row.occurred_at:%Y-%m-%dT%H:%M:%SZ}  {org}  #{row.sequence}  {row.action}  "
            f"{row.actor_type}:{actor}  {row.source_address or '-'}  {target}".rstrip()
        )


def _job_appliance(settings: Settings) -> Appliance:
    """The appliance of a worker or scheduler process (Redis required, database up to date)."""
    if settings.redis_url is None:
        raise click.ClickException(
            "no Redis is configured (CYBERORIGEN_REDIS_URL): in embedded mode scans and "
            "schedules run inside `cyberorigen serve`, and this process is not needed"
        )
    _bind_migrated(settings).close()
    return _appliance(settings)


@main.command()
@click.option("--burst", is_flag=True, help="Exit once the queue is empty.")
@click.option(
    "--with-scheduler",
    is_flag=True,
    help="Also start the scans of due schedules and dispatch webhook deliveries.",
)
@click.option(
    "--fork",
    is_flag=True,
    help="Fork a process for each scan job, so that nothing a scanner leaves behind outlives "
    "its job, at the cost of a fork and a database connection per scan (several times "
    "slower for short scans).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Scan jobs to run at once, one per worker process of the pool "
    "(default: the setting scans.jobs_per_worker, 1).",
)
@click.option(
    "--max-jobs",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_JOBS,
    show_default=True,
    help="Jobs a worker process runs before a fresh one takes its place, so that what jobs "
    "leak (memory, descriptors) cannot pile up, for a fork every that many jobs (0: no limit).",
)
def worker(burst: bool, with_scheduler: bool, fork: bool, jobs: int | None, max_jobs: int) -> None:
    """Run scan jobs and webhook deliveries from the Redis queues (start as many as you
    like, on any host).

    A pool of worker processes (--jobs N, or scans.jobs_per_worker; RQ's WorkerPool) runs
    the jobs; this process keeps the reaper (and with --with-scheduler the scheduler and the
    dispatcher) and starts a fresh worker process whenever one ends. By default a worker
    process runs each job itself, keeping its database connection; it retires once a job
    left a thread running (a scanner past its deadline) or after --max-jobs jobs. With
    --fork each scan job runs in a process forked for it (RQ's model) and deliveries, short
    and bounded by timeouts, in the worker process."""
    settings = _settings()
    jobs = jobs or settings.jobs_per_worker
    configure_logging(settings.log_json)
    appliance = _job_appliance(settings)
    # Built once here, before the pool forks: every worker process (and work horse) inherits
    # it, plugins imported. The background loops run here only: threads do not survive a fork.
    process.adopt(appliance)
    start_background(appliance, BACKGROUND_ROLES if with_scheduler else ("reaper",))
    loaded = [record.name for record in appliance.registry.records if record.status == "loaded"]
    click.echo(
        f"CyberOrigen worker {__version__} on queues {settings.webhooks.queue!r} and "
        f"{settings.scan_queue!r}, {jobs} job(s) at once, "
        f"{'a forked process per scan job' if fork else 'jobs run in the worker processes'}; "
        f"plugins: {', '.join(loaded) or 'none'}"
    )
    queues = [settings.webhooks.queue, settings.scan_queue]  # deliveries first: they are short
    worker_class = appliance_worker_class(
        frozenset({settings.webhooks.queue}), fork=fork, max_jobs=max_jobs or None
    )
    pool = AppliancePool(
        queues,
        connection=appliance.redis,
        num_workers=jobs,
        worker_class=worker_class,
        serializer=JSONSerializer,
    )
    pool.start(burst=burst, logging_level="INFO")


@main.command()
def scheduler() -> None:
    """Start the scans of due schedules and dispatch webhook deliveries (run one or more,
    anywhere)."""
    settings = _settings()
    configure_logging(settings.log_json)
    appliance = _job_appliance(settings)
    click.echo(
        f"CyberOrigen scheduler {__version__}: starting scans of due schedules, "
        "dispatching webhook deliveries"
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    start_background(appliance, ("scheduler", "dispatcher"))
    with contextlib.suppress(KeyboardInterrupt):
        while not stop.wait(1.0):
            pass
    stop_background(appliance)  # the rounds in progress end before the process does


@main.group()
def plugins() -> None:
    """Installed plugins."""


UNUSABLE = ("failed", "incompatible")


@plugins.command("list")
def plugins_list() -> None:
    """Every plugin found, its status and what it provides. Exits 1 when a plugin failed to
    load or is incompatible (a blocked one was disabled on purpose)."""
    registry = _appliance(_settings(require_secret=False)).registry
    if not registry.records:
        click.echo("No plugin is installed.")
    for record in registry.records:
        provides = ", ".join(
            (names[0] if kind == "controls" else f"{kind} {', '.join(names)}")
            for kind, names in (
                ("scanners", record.scanners),
                ("controls", [f"{len(record.controls)} controls"] if record.controls else []),
                ("frameworks", record.frameworks),
                ("transports", record.transports),
            )
            if names
        )
        origin = f"{record.distribution} {record.version}" if record.distribution else "-"
        click.echo(f"{record.name:<20} {record.status:<13} {origin}")
        if provides:
            click.echo(f"{'':<20} provides {provides}")
        if record.reason:
            click.echo(f"{'':<20} {record.reason}")
        for problem in record.problems:
            click.echo(f"{'':<20} problem: {problem}")
    unusable = [record.name for record in registry.records if record.status in UNUSABLE]
    if unusable:
        click.echo(f"{len(unusable)} plugin(s) could not be loaded: {', '.join(unusable)}.")
        sys.exit(1)


@main.command()
def doctor() -> None:
    """Check configuration, database, Redis, workers, the webhook dispatcher, plugins, disk
    and clock; say what to fix. Exits 1 when something is wrong."""
    from cyberorigen.ops.doctor import Result, diagnose

    try:
        settings = load_settings()
    except SettingsError as exc:
        results = [
            Result(
                "configuration",
                "fail",
                str(exc),
                "fix the setting named above (in CYBERORIGEN_CONFIG or the environment)",
            )
        ]
    else:
        results = diagnose(settings)
    marks = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}
    for result in results:
        click.echo(f"{marks[result.status]}  {result.name}: {result.detail}")
        if result.fix:
            click.echo(f"      fix: {result.fix}")
    failed = sum(1 for result in results if result.status == "fail")
    click.echo(f"{failed} problem(s) found." if failed else "All checks passed.")
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup(path: Path) -> None:
    """Write a backup archive to PATH: the database, evidence files and configuration, with
    a manifest of SHA-256 sums. It contains secrets: keep it safe (written mode 0600)."""
    from cyberorigen.ops.backup import BackupError
    from cyberorigen.ops.backup import backup as make_backup

    settings = _settings()
    try:
        summary = make_backup(settings, path)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    rows = sum(summary.tables.values())
    click.echo(
        f"Backed up {rows} rows in {len(summary.tables)} tables and {summary.files} "
        f"evidence files to {summary.path}"
    )


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Restore even though the database holds data.")
def restore(path: Path, force: bool) -> None:
    """Restore a backup archive into the configured database (which must be empty) and
    instance folder. Stop the API, workers and scheduler first."""
    from cyberorigen.ops.backup import BackupError
    from cyberorigen.ops.backup import restore as restore_backup

    settings = _settings(require_secret=False)  # the archive may bring the instance secret
    try:
        summary = restore_backup(settings, path, force)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"Restored {sum(summary.tables.values())} rows and {summary.files} evidence "
        f"files from {path}"
    )
    if summary.secret_matches is False:
        click.echo(
            "warning: the backup was made with another secret_key; webhook secrets cannot be "
            "decrypted until secret_key is set to the backup's (config/secret_key in the archive)"
        )


@main.command()
def checks() -> None:
    """Print the catalogue of the built-in scanners' checks (the body of docs/checks.md)."""
    settings = _settings(require_secret=False)
    click.echo(render_catalogue(build_registry(settings.disabled_plugins)), nl=False)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="gunicorn worker processes (default: 2 with Redis, 1 in embedded mode).",
)
@click.option("--dev", is_flag=True, help="Flask's development server with the reloader.")
def serve(host: str, port: int, workers: int | None, dev: bool) -> None:
    """Serve the API (gunicorn)."""
    settings = _settings()
    _bind_migrated(settings).close()
    # Imported here: worker and scheduler processes never load the web stack (a smaller
    # process forks its work horses faster).
    from cyberorigen.server import check_can_listen, run_gunicorn

    try:
        check_can_listen(host, port)
    except OSError as exc:
        why = (
            "the port is in use by another program; stop it, or choose another with --port"
            if exc.errno == errno.EADDRINUSE
            else exc.strerror or str(exc)
        )
        raise click.ClickException(f"cannot listen on {host}:{port}: {why}.") from None
    processes = workers or (2 if settings.redis_url else 1)
    if processes > 1 and not dev:
        # Every gunicorn process counts requests; /metrics sums them from files here. Set
        # before prometheus_client is imported (with the app), which reads it then.
        folder = settings.instance_dir / "metrics"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)
    from cyberorigen.app import create_app

    appliance = _appliance(settings)
    app = create_app(appliance)
    click.echo(f"CyberOrigen {__version__} on http://{host}:{port}  (docs: /docs, /redoc)")
    on_worker_start = None
    if settings.embedded:
        # Scans run in this process: it also starts scheduled scans, dispatches webhook
        # deliveries and watches for scans a crash left running.
        def on_worker_start() -> None:
            start_background(appliance, BACKGROUND_ROLES)

    if dev:
        if on_worker_start is not None:
            on_worker_start()
        app.run(host=host, port=port, debug=True, use_reloader=True)
        return
    # In embedded mode rate-limit counters live in the process: one process keeps them exact.
    run_gunicorn(
        app,
        host,
        port,
        processes,
        on_worker_start=on_worker_start,
    )


if __name__ == "__main__":  # pragma: no cover
    main()
