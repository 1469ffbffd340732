"""Range scans and the asset inventory: hosts and their services, findings linked to them,
and a scanner run per examined target or service."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class Asset(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        address = pw.CharField(max_length=64)
        names = pw.TextField()
        first_seen = pw.DateTimeField()
        last_seen = pw.DateTimeField()
        last_scan = pw.ForeignKeyField(column_name='last_scan_id', field='id', model=migrator.orm['scan'], null=True, on_delete='SET NULL')

        class Meta:
            table_name = "asset"
            indexes = [(('organization', 'address'), True), (('organization', 'last_seen'), False)]

    @migrator.create_model
    class Service(pw.Model):
        id = pw.AutoField()
        public_id = pw.CharField(max_length=40, unique=True)
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        asset = pw.ForeignKeyField(column_name='asset_id', field='id', model=migrator.orm['asset'], on_delete='CASCADE')
        port = pw.IntegerField()
        transport = pw.CharField(default='tcp', max_length=10)
        protocol = pw.CharField(default='', max_length=40)
        tls = pw.BooleanField(default=False)
        product = pw.CharField(default='', max_length=200)
        version = pw.CharField(default='', max_length=200)
        banner = pw.TextField(default='')
        certificate = pw.TextField()
        first_seen = pw.DateTimeField()
        last_seen = pw.DateTimeField()

        class Meta:
            table_name = "service"
            indexes = [(('asset', 'port', 'transport'), True)]

    migrator.add_fields(
        'finding',
        asset=pw.ForeignKeyField(column_name='asset_id', field='id', model=migrator.orm['asset'], null=True, on_delete='SET NULL'),
        service=pw.ForeignKeyField(column_name='service_id', field='id', model=migrator.orm['service'], null=True, on_delete='SET NULL'),
    )
    migrator.add_fields(
        'scanner_run',
        target=pw.CharField(max_length=2100, default=''),
        service=pw.CharField(max_length=40, null=True),
        discovered=pw.TextField(default='[]'),
    )
    # 002 created the index under the model's name (scannerrun_...), not the table's.
    migrator.sql('DROP INDEX IF EXISTS scannerrun_scan_id_scanner')
    migrator.sql(
        'CREATE UNIQUE INDEX scannerrun_scan_id_scanner_target '
        'ON scanner_run (scan_id, scanner, target)'
    )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.sql('DROP INDEX IF EXISTS scannerrun_scan_id_scanner_target')
    migrator.sql('CREATE UNIQUE INDEX scannerrun_scan_id_scanner ON scanner_run (scan_id, scanner)')
    migrator.remove_fields('scanner_run', 'target', 'service', 'discovered')
    migrator.remove_fields('finding', 'asset', 'service')
    migrator.remove_model('service')
    migrator.remove_model('asset')
