"""Versioned migrations on an empty database (SQLite, or PostgreSQL in the PostgreSQL run)."""

from __future__ import annotations

import subprocess
import sys

from cyberorigen.db import bind_database
from cyberorigen.db.migrate import MIGRATIONS_TABLE, migrations_dir, pending_migrations, upgrade
from cyberorigen.db.models import ALL_MODELS


def test_upgrade_creates_the_schema_of_the_models_on_an_empty_database(fresh_database_url):
    db = bind_database(fresh_database_url())
    try:
        shipped = [path.stem for path in sorted(migrations_dir().glob("[0-9]*.py"))]
        assert pending_migrations(db) == shipped

        applied = upgrade(db)

        assert applied and pending_migrations(db) == []
        tables = set(db.get_tables())
        assert MIGRATIONS_TABLE in tables
        for model in ALL_MODELS:
            table = model._meta.table_name
            assert table in tables
            columns = {column.name for column in db.get_columns(table)}
            assert columns == {field.column_name for field in model._meta.sorted_fields}, table
            made = {tuple(index.columns) for index in db.get_indexes(table)}
            for declared in model._meta.indexes:
                wanted = tuple(model._meta.fields[name].column_name for name in declared[0])
                assert wanted in made, (table, wanted)
        assert upgrade(db) == []
    finally:
        db.close()


def test_db_upgrade_command_on_an_empty_database(fresh_database_url, tmp_path):
    url = fresh_database_url()
    env = {
        "CYBERORIGEN_DATABASE_URL": url,
        "CYBERORIGEN_INSTANCE_DIR": str(tmp_path),
        "CYBERORIGEN_SECRET_KEY": "k" * 40,
        "PATH": "/usr/bin:/bin",
    }
    command = [sys.executable, "-m", "cyberorigen.cli", "db", "upgrade"]

    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=False)

    assert first.returncode == 0, first.stderr
    assert "Applied: 001_initial" in first.stdout
    assert second.returncode == 0 and "up to date" in second.stdout


def test_embedded_sqlite_runs_in_wal_mode_with_foreign_keys_on(tmp_path):
    db = bind_database(f"sqlite:///{tmp_path / 'embedded.db'}")
    try:
        upgrade(db)
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()


def test_the_check_counters_are_filled_from_the_findings_there_are(fresh_database_url):
    """Migration 018 counts the findings already stored per check, per organization, as the
    services count the new ones (``findings.check_id=<check>``)."""
    from datetime import datetime

    from cyberorigen.db.models import Finding, Organization, RowCount

    db = bind_database(fresh_database_url())
    try:
        assert upgrade(db, until="017_export_jobs")[-1] == "017_export_jobs"
        now = datetime(2026, 12, 1)
        orgs = [Organization.create(name=f"Before {n}", plan="startup") for n in range(2)]
        checks = ["tls.weak-protocol", "http.missing-hsts", "x" * 200]
        rows = [
            {
                "public_id": f"fnd_{n:04d}",
                "organization": orgs[n % 2].id,
                "target": "127.0.0.1",
                "fingerprint": f"{n:016x}",
                "scanner": "tls",
                "check_id": checks[n % 3],
                "title": "t",
                "severity": "high",
                "location": "",
                "evidence": {},
                "remediation": "",
                "references": [],
                "first_seen": now,
                "last_seen": now,
            }
            for n in range(12)
        ]
        Finding.insert_many(rows).execute()
        assert upgrade(db, until="018_finding_check_counts") == ["018_finding_check_counts"]
        kept = {
            (row.organization_id, row.name.split("=", 1)[1]): row.count
            for row in RowCount.select().where(RowCount.name.startswith("findings.check_id="))
        }
        expected: dict = {}
        for row in rows:
            key = (row["organization"], row["check_id"])
            expected[key] = expected.get(key, 0) + 1
        assert kept == expected
    finally:
        db.close()
