"""Exports made in the background (reports as PDF, evidence bundles, findings as SARIF): their
progress and the file each leaves until its download link expires."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class ExportJob(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        created_by = pw.ForeignKeyField(column_name='created_by_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        kind = pw.CharField(max_length=40)
        params = pw.TextField(default='{}')
        status = pw.CharField(max_length=20, default='queued')
        progress = pw.IntegerField(default=0)
        step = pw.CharField(max_length=200, null=True)
        error = pw.TextField(null=True)
        filename = pw.CharField(max_length=255, null=True)
        media_type = pw.CharField(max_length=100, null=True)
        size = pw.IntegerField(null=True)
        sha256 = pw.CharField(max_length=64, null=True)
        created_at = pw.DateTimeField()
        started_at = pw.DateTimeField(null=True)
        heartbeat_at = pw.DateTimeField(null=True)
        finished_at = pw.DateTimeField(null=True)
        expires_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "export_job"
            indexes = [(('organization', 'created_at'), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('export_job')
