"""Compliance: control states and their history, evidence, a scan's framework summary."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields('scan', compliance=pw.TextField(null=True))

    @migrator.create_model
    class ControlState(pw.Model):
        id = pw.AutoField()
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        control_id = pw.CharField(max_length=100)
        status = pw.CharField(default='not_assessed', max_length=30)
        reason = pw.TextField(default='')
        basis = pw.TextField()
        applicable = pw.BooleanField(default=True)
        applicability_reason = pw.TextField(null=True)
        owner = pw.ForeignKeyField(column_name='owner_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        override_status = pw.CharField(max_length=30, null=True)
        override_reason = pw.TextField(null=True)
        override_by = pw.ForeignKeyField(column_name='override_by_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        override_at = pw.DateTimeField(null=True)
        status_since = pw.DateTimeField()
        updated_at = pw.DateTimeField()

        class Meta:
            table_name = "control_state"
            indexes = [(('organization', 'control_id'), True)]

    @migrator.create_model
    class ControlStatusChange(pw.Model):
        id = pw.AutoField()
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        control_id = pw.CharField(max_length=100)
        from_status = pw.CharField(max_length=30, null=True)
        to_status = pw.CharField(max_length=30)
        reason = pw.TextField(default='')
        basis = pw.TextField()
        cause = pw.CharField(max_length=40)
        actor = pw.ForeignKeyField(column_name='actor_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        changed_at = pw.DateTimeField()

        class Meta:
            table_name = "control_status_change"
            indexes = [(('organization', 'control_id', 'changed_at'), False)]

    @migrator.create_model
    class Evidence(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        control_id = pw.CharField(max_length=100)
        kind = pw.CharField(max_length=10)
        title = pw.CharField(max_length=300)
        description = pw.TextField(default='')
        sha256 = pw.CharField(index=True, max_length=64, null=True)
        size = pw.IntegerField(null=True)
        filename = pw.CharField(max_length=255, null=True)
        media_type = pw.CharField(max_length=200, null=True)
        url = pw.CharField(max_length=2048, null=True)
        note = pw.TextField(null=True)
        scan = pw.ForeignKeyField(column_name='scan_id', field='id', model=migrator.orm['scan'], null=True, on_delete='SET NULL')
        details = pw.TextField()
        collected_at = pw.DateTimeField()
        effective_from = pw.DateTimeField()
        effective_until = pw.DateTimeField(null=True)
        collected_by = pw.ForeignKeyField(column_name='collected_by_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        created_at = pw.DateTimeField()
        deleted_at = pw.DateTimeField(null=True)
        deleted_by = pw.ForeignKeyField(column_name='deleted_by_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        deletion_reason = pw.TextField(null=True)

        class Meta:
            table_name = "evidence"
            indexes = [(('organization', 'control_id', 'deleted_at'), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('evidence')
    migrator.remove_model('control_status_change')
    migrator.remove_model('control_state')
    migrator.remove_fields('scan', 'compliance')
