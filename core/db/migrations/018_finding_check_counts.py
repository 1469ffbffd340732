"""A counter of findings per check (``findings.check_id=tls.weak-protocol``), filled from the
rows there are: a list filtered on one check gets its exact total without counting its
matches. A counter's name grows to 220 characters (a check id may have 200)."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    if isinstance(database, pw.PostgresqlDatabase):  # SQLite does not enforce the length
        migrator.sql("ALTER TABLE row_count ALTER COLUMN name TYPE varchar(220)")
    migrator.sql(
        "INSERT INTO row_count (organization_id, name, count) "
        "SELECT organization_id, 'findings.check_id=' || check_id, COUNT(*) FROM finding "
        "GROUP BY organization_id, check_id"
    )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.sql("DELETE FROM row_count WHERE name LIKE 'findings.check_id=%'")
    if isinstance(database, pw.PostgresqlDatabase):
        migrator.sql("ALTER TABLE row_count ALTER COLUMN name TYPE varchar(60)")
