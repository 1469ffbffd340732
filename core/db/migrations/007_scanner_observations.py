"""What each scanner run observed of the target, and which of its checks it did not examine
(a check passes only when its scanner observed the target)."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields(
        'scanner_run', observed=pw.TextField(default='[]'), not_examined=pw.TextField(default='{}'))


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_fields('scanner_run', 'observed', 'not_examined')
