"""Control status stored when it changes, read from there: when it was assessed, its evidence
count, the control definition it was assessed under, and when it is due again."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields(
        'control_state',
        assessed_at=pw.DateTimeField(null=True),
        evidence_count=pw.IntegerField(default=0),
        definition=pw.CharField(max_length=64, default=''),
        due_at=pw.DateTimeField(null=True),
    )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_fields('control_state', 'assessed_at', 'evidence_count', 'definition', 'due_at')
