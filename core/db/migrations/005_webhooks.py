"""Webhook delivery: transports, filters, secret rotation, the delivery log."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields(
        'webhook',
        transport=pw.CharField(max_length=100, default='http'),
        config=pw.TextField(default='{}'),
        filters=pw.TextField(default='{}'),
        previous_secret_encrypted=pw.TextField(null=True),
        previous_secret_until=pw.DateTimeField(null=True),
        consecutive_failures=pw.IntegerField(default=0),
        disabled_reason=pw.TextField(null=True),
        disabled_at=pw.DateTimeField(null=True),
        updated_at=pw.DateTimeField(null=True))
    migrator.drop_not_null('webhook', 'url')
    migrator.add_fields('evidence', expiry_notified_at=pw.DateTimeField(null=True))

    @migrator.create_model
    class WebhookDelivery(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        webhook = pw.ForeignKeyField(column_name='webhook_id', field='id', model=migrator.orm['webhook'], on_delete='CASCADE')
        event = pw.ForeignKeyField(column_name='event_id', field='id', model=migrator.orm['outbox_event'], on_delete='CASCADE')
        event_type = pw.CharField(max_length=100)
        status = pw.CharField(default='pending', max_length=20)
        attempts = pw.IntegerField(default=0)
        next_attempt_at = pw.DateTimeField(null=True)
        lease_token = pw.CharField(max_length=40, null=True)
        locked_until = pw.DateTimeField(null=True)
        last_attempt_at = pw.DateTimeField(null=True)
        last_status_code = pw.IntegerField(null=True)
        last_error = pw.TextField(null=True)
        response_excerpt = pw.TextField(null=True)
        latency_ms = pw.IntegerField(null=True)
        delivered_at = pw.DateTimeField(null=True)
        history = pw.TextField()
        redelivery_of = pw.ForeignKeyField(column_name='redelivery_of_id', field='id', model='self', null=True, on_delete='SET NULL')
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "webhook_delivery"
            indexes = [(('status', 'next_attempt_at'), False), (('webhook', 'created_at'), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('webhook_delivery')
    migrator.remove_fields('evidence', 'expiry_notified_at')
    migrator.add_not_null('webhook', 'url')
    migrator.remove_fields(
        'webhook', 'transport', 'config', 'filters', 'previous_secret_encrypted',
        'previous_secret_until', 'consecutive_failures', 'disabled_reason', 'disabled_at',
        'updated_at')
