"""Initial schema: organizations, users, API keys, token blocklist, scans, webhooks."""

import peewee as pw
from peewee_migrate import Migrator



def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class Organization(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        name = pw.CharField(max_length=200, unique=True)
        plan = pw.CharField(default='startup', max_length=20)
        hourly_limit = pw.IntegerField(null=True)
        daily_limit = pw.IntegerField(null=True)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "organization"

    @migrator.create_model
    class User(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        email = pw.CharField(max_length=254, unique=True)
        password_hash = pw.CharField(max_length=255)
        role = pw.CharField(default='viewer', max_length=20)
        is_active = pw.BooleanField(default=True)
        created_at = pw.DateTimeField()
        last_login_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "app_user"

    @migrator.create_model
    class ApiKey(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        user = pw.ForeignKeyField(column_name='user_id', field='id', model=migrator.orm['app_user'], on_delete='CASCADE')
        name = pw.CharField(max_length=200)
        prefix = pw.CharField(max_length=20)
        key_hash = pw.CharField(max_length=64, unique=True)
        role = pw.CharField(max_length=20)
        created_at = pw.DateTimeField()
        last_used_at = pw.DateTimeField(null=True)
        expires_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "api_key"

    @migrator.create_model
    class RevokedToken(pw.Model):
        jti = pw.CharField(max_length=64, primary_key=True)
        expires_at = pw.DateTimeField(index=True)

        class Meta:
            table_name = "revoked_token"

    @migrator.create_model
    class Scan(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        created_by = pw.ForeignKeyField(column_name='created_by_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        target = pw.CharField(max_length=2048)
        scan_type = pw.CharField(max_length=40)
        frameworks = pw.TextField()
        status = pw.CharField(default='queued', max_length=20)
        progress = pw.IntegerField(default=0)
        vulnerabilities_found = pw.IntegerField(default=0)
        error = pw.TextField(null=True)
        created_at = pw.DateTimeField()
        started_at = pw.DateTimeField(null=True)
        finished_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "scan"
            indexes = [(('organization', 'created_at', 'id'), False)]

    @migrator.create_model
    class Webhook(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        created_by = pw.ForeignKeyField(column_name='created_by_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        url = pw.CharField(max_length=2048)
        events = pw.TextField()
        secret_encrypted = pw.TextField()
        active = pw.BooleanField(default=True)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "webhook"


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('webhook')

    migrator.remove_model('scan')

    migrator.remove_model('revoked_token')

    migrator.remove_model('api_key')

    migrator.remove_model('app_user')

    migrator.remove_model('organization')
