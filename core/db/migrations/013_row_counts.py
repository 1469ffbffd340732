"""Per-organization row counts of the lists (scans, findings), kept with each insert and delete,
filled from the rows there are."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class RowCount(pw.Model):
        id = pw.AutoField()
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        name = pw.CharField(max_length=20)
        count = pw.IntegerField(default=0)

        class Meta:
            table_name = "row_count"
            indexes = [(('organization', 'name'), True)]

    for name, table in (('scans', 'scan'), ('findings', 'finding')):
        migrator.sql(
            f"INSERT INTO row_count (organization_id, name, count) "
            f"SELECT organization_id, '{name}', COUNT(*) FROM {table} GROUP BY organization_id"
        )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('row_count')
