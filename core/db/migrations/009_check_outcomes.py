"""Each check's outcome on each scanner run: passed, failed or inconclusive, and why."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class CheckOutcome(pw.Model):
        id = pw.AutoField()
        scan = pw.ForeignKeyField(column_name='scan_id', field='id', model=migrator.orm['scan'], on_delete='CASCADE')
        run = pw.ForeignKeyField(column_name='run_id', field='id', model=migrator.orm['scanner_run'], on_delete='CASCADE')
        check_id = pw.CharField(max_length=100)
        outcome = pw.CharField(max_length=20)
        reason = pw.CharField(max_length=20, null=True)
        detail = pw.TextField(null=True)
        findings = pw.IntegerField(default=0)
        recorded_at = pw.DateTimeField()

        class Meta:
            table_name = "check_outcome"
            indexes = [(('run', 'check_id'), True), (('scan', 'outcome'), False), (('scan', 'check_id'), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('check_outcome')
