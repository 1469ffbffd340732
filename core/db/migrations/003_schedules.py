"""Scan schedules."""

import peewee as pw
from peewee_migrate import Migrator



def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class Schedule(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        created_by = pw.ForeignKeyField(column_name='created_by_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        target = pw.CharField(max_length=2048)
        scan_type = pw.CharField(max_length=40)
        frameworks = pw.TextField()
        options = pw.TextField()
        cron = pw.CharField(max_length=200, null=True)
        interval_seconds = pw.IntegerField(null=True)
        enabled = pw.BooleanField(default=True)
        next_run_at = pw.DateTimeField(index=True, null=True)
        last_run_at = pw.DateTimeField(null=True)
        last_scan = pw.ForeignKeyField(column_name='last_scan_id', field='id', model=migrator.orm['scan'], null=True, on_delete='SET NULL')
        last_error = pw.TextField(null=True)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "schedule"


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('schedule')
