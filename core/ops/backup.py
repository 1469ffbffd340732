"""``cyberorigen backup PATH`` and ``cyberorigen restore PATH``.

A backup is one ``.tar.gz`` archive (written mode 0600: it holds secrets):

- ``manifest.json``: format, appliance version, when, the database kind, the row count of
  every table, the applied migrations, and the SHA-256 of every other member;
- ``database/cyberorigen.sqlite3`` (SQLite's online backup, consistent while the appliance
  runs) or ``database/cyberorigen.pgdump`` (``pg_dump --format=custom``);
- ``evidence/…``: the evidence files, by their SHA-256 names;
- ``config/secret_key`` (the instance secret: webhook secrets are encrypted with a key derived
  from it) and ``config/appliance.toml`` (the file named by ``CYBERORIGEN_CONFIG``, if any).

``restore`` refuses an archive whose members do not match the manifest, a format it does not
know, a database of another kind than the one configured, and a target database that already
holds data. It then loads the database, applies newer migrations, checks the row counts
against the manifest and puts the evidence files back, checking each one's hash.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl, urlencode, urlsplit

from cyberorigen import __version__
from cyberorigen.db import bind_database
from cyberorigen.db.migrate import MIGRATIONS_TABLE, upgrade
from cyberorigen.db.models import ALL_MODELS
from cyberorigen.settings import Settings
from cyberorigen.vocab import timestamp

FORMAT = 1
SQLITE_MEMBER = "database/cyberorigen.sqlite3"
POSTGRES_MEMBER = "database/cyberorigen.pgdump"


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why."""


@dataclass(frozen=True)
class Summary:
    path: Path
    tables: dict[str, int]
    files: int
    #: After a restore: whether the backup's instance secret is the one now in effect (None:
    #: the backup holds none). Webhook secrets stay unreadable until it is.
    secret_matches: bool | None = None


def _kind(url: str) -> str:
    scheme = urlsplit(url).scheme
    return "postgresql" if scheme in ("postgresql", "postgres") else "sqlite"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 16):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = parts.password
    return env


#: Options of database_url that are the appliance's own (its connection pool), not libpq's.
_OWN_OPTIONS = ("max_connections",)


def _pg_url_without_password(url: str) -> str:
    """The URL for libpq tools and psycopg2: the password goes by PGPASSWORD, and libpq's own
    options (sslmode, sslrootcert...) stay."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    if parts.port:
        netloc += f":{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k not in _OWN_OPTIONS])
    return parts._replace(netloc=netloc, scheme="postgresql", query=query).geturl()


def _run(command: list[str], url: str) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt install postgresql-client)")
    done = subprocess.run(  # noqa: S603 - a fixed command, no shell
        [tool, *command[1:]], env=_pg_env(url), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


def _row_counts(cursor, tables: Collection[str] | None = None) -> dict[str, int]:
    """Rows per table of the appliance's models (only ``tables`` when given: a database not
    yet migrated has none)."""
    counts = {}
    for model in ALL_MODELS:
        name = model._meta.table_name
        if tables is not None and name not in tables:
            continue
        try:
            cursor.execute(f'SELECT COUNT(*) FROM "{name}"')  # noqa: S608 - our own table names
        except Exception:  # noqa: BLE001 - a table of a newer version is simply absent
            raise BackupError(f"table {name} is missing: run cyberorigen db upgrade") from None
        counts[name] = cursor.fetchone()[0]
    return counts


def _migrations_with(cursor) -> list[str]:
    cursor.execute(f'SELECT name FROM "{MIGRATIONS_TABLE}" ORDER BY id')  # noqa: S608
    return [row[0] for row in cursor.fetchall()]


def _dump_database(settings: Settings, folder: Path) -> tuple[str, dict[str, int], list[str]]:
    """Dump the database into ``folder/db``; returns its archive name and the row counts and
    migrations of exactly what was dumped."""
    url = settings.database_url
    if _kind(url) == "sqlite":
        source = sqlite3.connect(urlsplit(url).path)
        target = sqlite3.connect(folder / "db")
        with target:
            source.backup(target)  # the online backup API: a consistent copy while in use
        source.close()
        cursor = target.cursor()
        counts, migrations = _row_counts(cursor), _migrations_with(cursor)
        target.close()
        return SQLITE_MEMBER, counts, migrations
    import psycopg2

    # Count in a snapshot and let pg_dump read the same snapshot: the manifest then describes
    # exactly the rows in the dump, even while the appliance writes.
    connection = psycopg2.connect(
        _pg_url_without_password(url), password=urlsplit(url).password or None
    )
    try:
        connection.set_session(isolation_level="REPEATABLE READ", readonly=True)
        cursor = connection.cursor()
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts, migrations = _row_counts(cursor), _migrations_with(cursor)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-acl",
                f"--snapshot={snapshot}",
                f"--file={folder / 'db'}",
                f"--dbname={_pg_url_without_password(url)}",
            ],
            url,
        )
    finally:
        connection.rollback()
        connection.close()
    return POSTGRES_MEMBER, counts, migrations


def backup(settings: Settings, path: Path) -> Summary:
    """Write the archive to ``path`` (refusing to overwrite a file)."""
    if path.exists():
        raise BackupError(f"{path} exists: choose a new name")
    with tempfile.TemporaryDirectory(prefix="cyberorigen-backup-") as scratch:
        folder = Path(scratch)
        members: dict[str, Path] = {}
        member, tables, migrations = _dump_database(settings, folder)
        members[member] = folder / "db"
        evidence = settings.instance_dir / "evidence"
        if evidence.is_dir():
            for file in sorted(evidence.rglob("*")):
                if file.is_file() and not file.name.startswith("."):
                    members["evidence/" + file.relative_to(evidence).as_posix()] = file
        secret_file = settings.instance_dir / "secret_key"
        if secret_file.is_file():
            members["config/secret_key"] = secret_file
        elif settings.secret_key:
            (folder / "secret_key").write_text(settings.secret_key)
            members["config/secret_key"] = folder / "secret_key"
        config_file = os.environ.get("CYBERORIGEN_CONFIG")
        if config_file and Path(config_file).is_file():
            members["config/appliance.toml"] = Path(config_file)
        manifest = {
            "format": FORMAT,
            "appliance_version": __version__,
            "created_at": timestamp(datetime.now(UTC)),
            "database": {"kind": _kind(settings.database_url), "member": _db_member(members)},
            "tables": tables,
            "migrations": migrations,
            "files": {name: _sha256(source) for name, source in members.items()},
        }
        partial = path.with_name(path.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mode, info.mtime = len(data), 0o600, int(datetime.now(UTC).timestamp())
            tar.addfile(info, io.BytesIO(data))
            for name, source in members.items():
                tar.add(source, arcname=name, recursive=False)
        os.replace(partial, path)
    return Summary(path, tables, sum(1 for name in members if name.startswith("evidence/")))


def _db_member(members: dict[str, Path]) -> str:
    return next(name for name in members if name.startswith("database/"))


def _safe_name(name: str) -> bool:
    pure = PurePosixPath(name)
    return not pure.is_absolute() and ".." not in pure.parts and name == pure.as_posix()


def _read_archive(path: Path, folder: Path) -> dict:
    """Extract ``path`` into ``folder`` after checking it; returns the manifest."""
    try:
        tar = tarfile.open(path, mode="r:gz")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{path} is not a backup archive: {exc}") from None
    with tar:
        try:
            members = {member.name: member for member in tar.getmembers()}
        except (OSError, tarfile.TarError, EOFError) as exc:
            raise BackupError(f"{path} is damaged: {exc}") from None
        if "manifest.json" not in members:
            raise BackupError(f"{path} has no manifest.json: not a CyberOrigen backup")
        try:
            manifest = json.loads(tar.extractfile(members["manifest.json"]).read())
        except (ValueError, OSError, tarfile.TarError) as exc:
            raise BackupError(f"the manifest of {path} is unreadable: {exc}") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"backup format {manifest.get('format')!r} is not supported")
        expected = manifest.get("files") or {}
        extra = sorted(set(members) - set(expected) - {"manifest.json"})
        missing = sorted(set(expected) - set(members))
        if extra or missing:
            raise BackupError(
                f"the archive does not match its manifest (missing: {missing[:3]}, "
                f"unexpected: {extra[:3]})"
            )
        for name, digest in expected.items():
            member = members[name]
            if not _safe_name(name) or not member.isfile():
                raise BackupError(f"refusing archive member {name!r}")
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with tar.extractfile(member) as source, target.open("wb") as out:
                    shutil.copyfileobj(source, out)
            except (OSError, tarfile.TarError, EOFError) as exc:
                raise BackupError(f"{name} cannot be read from the archive: {exc}") from None
            if _sha256(target) != digest:
                raise BackupError(f"{name} is corrupt: its SHA-256 differs from the manifest")
    return manifest


def restore(settings: Settings, path: Path, force: bool = False) -> Summary:
    """Restore the archive into the configured (empty) database and instance folder."""
    with tempfile.TemporaryDirectory(prefix="cyberorigen-restore-") as scratch:
        folder = Path(scratch)
        manifest = _read_archive(path, folder)
        kind = manifest["database"]["kind"]
        if kind != _kind(settings.database_url):
            raise BackupError(
                f"the backup holds a {kind} database but this appliance is configured for "
                f"{_kind(settings.database_url)} (database_url)"
            )
        db = bind_database(settings.database_url)
        db.connect(reuse_if_open=True)
        present = {
            name: count
            for name, count in _row_counts(db.cursor(), db.get_tables()).items()
            if count
        }
        if present and not force:
            raise BackupError(
                "the target database already holds data "
                f"({', '.join(f'{k}: {v}' for k, v in list(present.items())[:4])}); restore "
                "into an empty database"
            )
        source = folder / manifest["database"]["member"]
        if kind == "sqlite":
            db.close()
            target = Path(urlsplit(settings.database_url).path)
            for suffix in ("-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            shutil.copyfile(source, target)
        else:
            db.close()
            _run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-acl",
                    "--clean",
                    "--if-exists",
                    "--single-transaction",
                    f"--dbname={_pg_url_without_password(settings.database_url)}",
                    str(source),
                ],
                settings.database_url,
            )
        db = bind_database(settings.database_url)
        db.connect(reuse_if_open=True)
        counts = _row_counts(db.cursor(), db.get_tables())
        differing = {
            name: (expected, counts.get(name))
            for name, expected in manifest["tables"].items()
            if counts.get(name) != expected
        }
        if differing:
            raise BackupError(f"row counts differ from the manifest after restore: {differing}")
        upgrade(db)
        files = 0
        evidence = settings.instance_dir / "evidence"
        for name in manifest["files"]:
            if name.startswith("evidence/"):
                target = evidence / name.removeprefix("evidence/")
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                shutil.copyfile(folder / name, target)
                os.chmod(target, 0o600)
                files += 1
        secret = folder / "config" / "secret_key"
        secret_file = settings.instance_dir / "secret_key"
        if (
            secret.is_file()
            and not secret_file.exists()
            and not os.environ.get("CYBERORIGEN_SECRET_KEY")
        ):
            settings.instance_dir.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as out:
                out.write(secret.read_text())
        db.close()
        matches = None
        if secret.is_file():
            in_effect = settings.secret_key or (
                secret_file.read_text() if secret_file.is_file() else ""
            )
            matches = secret.read_text().strip() == in_effect.strip()
        return Summary(path, counts, files, matches)
