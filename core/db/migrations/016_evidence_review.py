"""Evidence review (four eyes): each piece of evidence's review status, who reviewed it, when
and why, and the history of decisions.

Evidence already on file counted under the rules it was added under, so it is marked
``accepted`` (by no one) and an upgrade drops no control's status: files, links and notes with
the comment "accepted before evidence review existed" and a history entry saying so, a scan's
results as the appliance's own observation, accepted when they were collected."""

from datetime import UTC, datetime

import peewee as pw
from peewee_migrate import Migrator

BEFORE_REVIEW = 'accepted before evidence review existed'


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields(
        'evidence',
        review_status=pw.CharField(max_length=20, default='submitted'),
        reviewed_by=pw.ForeignKeyField(column_name='reviewed_by_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL'),
        reviewed_at=pw.DateTimeField(null=True),
        review_comment=pw.TextField(null=True),
    )

    @migrator.create_model
    class EvidenceReview(pw.Model):
        id = pw.AutoField()
        organization = pw.ForeignKeyField(column_name='organization_id', field='id', model=migrator.orm['organization'], on_delete='CASCADE')
        evidence = pw.ForeignKeyField(column_name='evidence_id', field='id', model=migrator.orm['evidence'], on_delete='CASCADE')
        decision = pw.CharField(max_length=10)
        previous_status = pw.CharField(max_length=20)
        reviewer = pw.ForeignKeyField(column_name='reviewer_id', field='id', model=migrator.orm['app_user'], null=True, on_delete='SET NULL')
        reviewer_email = pw.CharField(max_length=254, null=True)
        comment = pw.TextField(default='')
        self_review = pw.BooleanField(default=False)
        decided_at = pw.DateTimeField()

        class Meta:
            table_name = "evidence_review"
            indexes = [(('evidence', 'decided_at'), False)]

    now = datetime.now(UTC).strftime('%Y-%m-%d %H:%M:%S')
    mark = database.param
    migrator.sql(
        "UPDATE evidence SET review_status = 'accepted', reviewed_at = collected_at "
        "WHERE kind = 'scan'"
    )
    migrator.sql(
        f"UPDATE evidence SET review_status = 'accepted', review_comment = {mark} "
        "WHERE kind <> 'scan'",
        BEFORE_REVIEW,
    )
    migrator.sql(
        "INSERT INTO evidence_review (organization_id, evidence_id, decision, previous_status, "
        "reviewer_id, reviewer_email, comment, self_review, decided_at) "
        f"SELECT organization_id, id, 'accept', 'submitted', NULL, NULL, {mark}, {mark}, {mark} "
        "FROM evidence WHERE kind <> 'scan'",
        BEFORE_REVIEW,
        False,
        now,
    )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model('evidence_review')
    migrator.remove_fields('evidence', 'review_status', 'reviewed_by', 'reviewed_at', 'review_comment')
