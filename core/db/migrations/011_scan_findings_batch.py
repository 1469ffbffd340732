"""Which findings a scan announced (new, or back): for the scan's one ``scan.findings``
event, vulnerability.found batched per scan."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields('scan_finding', announced=pw.BooleanField(default=False))


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_fields('scan_finding', 'announced')
