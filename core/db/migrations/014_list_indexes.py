"""An index for every filter and sort the lists offer: each filter's column after the owner,
then the list's order, so that a filtered page reads its rows in order and stops."""

import peewee as pw
from peewee_migrate import Migrator

#: (table, columns) of each index this migration adds.
INDEXES = (
    ('finding', ('organization_id', 'status', 'last_seen', 'id')),
    ('finding', ('organization_id', 'severity', 'last_seen', 'id')),
    ('finding', ('organization_id', 'check_id', 'last_seen', 'id')),
    ('finding', ('organization_id', 'target', 'last_seen', 'id')),
    ('scan', ('organization_id', 'status', 'created_at', 'id')),
    ('scan', ('organization_id', 'target', 'created_at', 'id')),
    ('webhook_delivery', ('webhook_id', 'status', 'created_at', 'id')),
    ('webhook_delivery', ('webhook_id', 'event_type', 'created_at', 'id')),
    ('service', ('organization_id', 'protocol', 'port')),
    ('check_outcome', ('scan_id', 'reason')),
)


def _name(table, columns):
    return f"{table}_{'_'.join(columns)}"


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    for table, columns in INDEXES:
        migrator.sql(f"CREATE INDEX {_name(table, columns)} ON {table} ({', '.join(columns)})")


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    for table, columns in INDEXES:
        migrator.sql(f"DROP INDEX {_name(table, columns)}")
