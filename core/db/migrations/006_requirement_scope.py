"""Requirements an organization declares out of its scope."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class RequirementScope(pw.Model):
        id = pw.AutoField()
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        framework_id = pw.CharField(max_length=100)
        requirement_id = pw.CharField(max_length=100)
        reason = pw.TextField()
        set_by = pw.ForeignKeyField(column_name='set_by_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        set_at = pw.DateTimeField()

        class Meta:
            table_name = "requirement_scope"
            indexes = [(('organization', 'framework_id', 'requirement_id'), True)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('requirement_scope')
