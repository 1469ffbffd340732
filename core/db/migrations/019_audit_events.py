"""The audit log: append-only records of security-relevant actions, each chained to the one
before it by its hash, and the head of each organization's chain."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class AuditChain(pw.Model):
        chain = pw.IntegerField(primary_key=True)
        last_sequence = pw.IntegerField(default=0)
        last_hash = pw.CharField(max_length=64)
        first_sequence = pw.IntegerField(default=1)
        anchor_hash = pw.CharField(max_length=64)

        class Meta:
            table_name = "audit_chain"

    @migrator.create_model
    class AuditEvent(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(
            column_name='organization_id',
            field='id',
            model=migrator.orm['organization'],
            null=True,
            on_delete='CASCADE',
        )
        sequence = pw.IntegerField()
        occurred_at = pw.DateTimeField()
        action = pw.CharField(max_length=60)
        actor_type = pw.CharField(max_length=20)
        actor_id = pw.CharField(max_length=40, null=True)
        actor_label = pw.CharField(max_length=254, null=True)
        source_address = pw.CharField(max_length=64, null=True)
        request_id = pw.CharField(max_length=64, null=True)
        object_type = pw.CharField(max_length=40, null=True)
        object_id = pw.CharField(max_length=200, null=True)
        before = pw.TextField(null=True)
        after = pw.TextField(null=True)
        previous_hash = pw.CharField(max_length=64)
        hash = pw.CharField(max_length=64)

        class Meta:
            table_name = "audit_event"
            indexes = [
                (('organization', 'sequence'), True),
                (('organization', 'occurred_at'), False),
                (('organization', 'action'), False),
            ]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('audit_event')
    migrator.remove_model('audit_chain')
