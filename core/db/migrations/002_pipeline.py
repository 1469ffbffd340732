"""Scan pipeline: scan progress fields, scanner runs, findings, scope, the event outbox."""

import peewee as pw
from peewee_migrate import Migrator



def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields(
        'scan',

        options=pw.TextField(default='{}'),
        current_step=pw.CharField(max_length=200, null=True),
        attempts=pw.IntegerField(default=0),
        heartbeat_at=pw.DateTimeField(null=True),
        cancel_requested=pw.BooleanField(default=False))

    @migrator.create_model
    class Finding(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        target = pw.CharField(max_length=2048)
        fingerprint = pw.CharField(max_length=128)
        scanner = pw.CharField(max_length=100)
        check_id = pw.CharField(max_length=200)
        title = pw.CharField(max_length=500)
        severity = pw.CharField(max_length=10)
        location = pw.TextField()
        evidence = pw.TextField()
        remediation = pw.TextField(default='')
        references = pw.TextField()
        cvss_vector = pw.CharField(max_length=200, null=True)
        status = pw.CharField(default='open', max_length=20)
        status_reason = pw.TextField(null=True)
        accepted_until = pw.DateTimeField(null=True)
        first_seen = pw.DateTimeField()
        last_seen = pw.DateTimeField()
        first_scan = pw.ForeignKeyField(column_name='first_scan_id', field='id', model=migrator.orm['scan'], null=True, on_delete='SET NULL')
        last_scan = pw.ForeignKeyField(column_name='last_scan_id', field='id', model=migrator.orm['scan'], null=True, on_delete='SET NULL')

        class Meta:
            table_name = "finding"
            indexes = [(('organization', 'target', 'fingerprint'), True), (('organization', 'last_seen', 'id'), False)]

    @migrator.create_model
    class OutboxEvent(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        type = pw.CharField(max_length=100)
        payload = pw.TextField()
        created_at = pw.DateTimeField(index=True)
        dispatched_at = pw.DateTimeField(index=True, null=True)

        class Meta:
            table_name = "outbox_event"

    @migrator.create_model
    class ScanFinding(pw.Model):
        id = pw.AutoField()
        scan = pw.ForeignKeyField(column_name='scan_id', field='id', model=migrator.orm['scan'], on_delete='CASCADE')
        finding = pw.ForeignKeyField(column_name='finding_id', field='id', model=migrator.orm['finding'], on_delete='CASCADE')

        class Meta:
            table_name = "scan_finding"
            indexes = [(('scan', 'finding'), True)]

    @migrator.create_model
    class ScannerRun(pw.Model):
        id = pw.AutoField()
        scan = pw.ForeignKeyField(column_name='scan_id', field='id', model=migrator.orm['scan'], on_delete='CASCADE')
        scanner = pw.CharField(max_length=100)
        position = pw.IntegerField()
        status = pw.CharField(default='pending', max_length=20)
        error = pw.TextField(null=True)
        findings_count = pw.IntegerField(default=0)
        started_at = pw.DateTimeField(null=True)
        finished_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "scanner_run"
            indexes = [(('scan', 'scanner'), True)]

    @migrator.create_model
    class ScopeEntry(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        value = pw.CharField(max_length=300)
        kind = pw.CharField(max_length=10)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "scope_entry"
            indexes = [(('organization', 'value'), True)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_fields('scan', 'options', 'current_step', 'attempts', 'heartbeat_at', 'cancel_requested')

    migrator.remove_model('scope_entry')

    migrator.remove_model('scanner_run')

    migrator.remove_model('scan_finding')

    migrator.remove_model('outbox_event')

    migrator.remove_model('finding')
