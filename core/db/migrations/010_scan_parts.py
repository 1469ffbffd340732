"""A scan of many hosts fans out into parts (batches of hosts), each run by one job."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class ScanPart(pw.Model):
        id = pw.AutoField()
        scan = pw.ForeignKeyField(column_name='scan_id', field='id', model=migrator.orm['scan'], on_delete='CASCADE')
        index = pw.IntegerField()
        first = pw.IntegerField()
        stop = pw.IntegerField()
        status = pw.CharField(default='queued', max_length=20)
        attempts = pw.IntegerField(default=0)
        progress = pw.IntegerField(default=0)
        worker = pw.CharField(max_length=200, null=True)
        heartbeat_at = pw.DateTimeField()
        finished_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "scan_part"
            indexes = [(('scan', 'index'), True), (('status', 'heartbeat_at'), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('scan_part')
