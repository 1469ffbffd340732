"""Per-value counts of findings (``findings.severity=high``, ``findings.status=open``), filled
from the rows there are: a list filtered on one severity or one status gets its exact total
without counting its matches. A counter's name grows to 60 characters for them."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    if isinstance(database, pw.PostgresqlDatabase):  # SQLite does not enforce the length
        migrator.sql("ALTER TABLE row_count ALTER COLUMN name TYPE varchar(60)")
    for column in ('severity', 'status'):
        migrator.sql(
            f"INSERT INTO row_count (organization_id, name, count) "
            f"SELECT organization_id, 'findings.{column}=' || {column}, COUNT(*) FROM finding "
            f"GROUP BY organization_id, {column}"
        )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.sql("DELETE FROM row_count WHERE name LIKE 'findings.%'")
