"""Scheduled scans, started by `cyberorigen scheduler` (or `cyberorigen worker --with-scheduler`,
or the API process itself in embedded mode)."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import fields, validate

from cyberorigen.api.pagination import paginate
from cyberorigen.api.scans.schemas import ScanCreateSchema
from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.services.schedules import (
    create_schedule,
    delete_schedule,
    get_schedule,
    schedules_query,
    update_schedule,
)

blp = Blueprint(
    "schedules", __name__, url_prefix="/api/v1/schedules", description="Scheduled scans."
)

_CRON = {"description": "Cron expression, UTC (e.g. '0 3 * * 1' for Mondays 03:00)."}
_INTERVAL = {"description": "Or: every this many seconds (at least 300)."}


class ScheduleSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "sch_0a1b2c3d4e5f6a7b"})
    target = fields.String()
    scan_type = fields.String()
    frameworks = fields.List(fields.String())
    options = fields.Dict()
    cron = fields.String(allow_none=True, metadata=_CRON)
    interval_seconds = fields.Integer(allow_none=True, metadata=_INTERVAL)
    enabled = fields.Boolean()
    next_run_at = UtcTimestamp(allow_none=True)
    last_run_at = UtcTimestamp(allow_none=True)
    last_scan_id = fields.Function(
        lambda schedule: schedule.last_scan.public_id if schedule.last_scan_id else None,
        allow_none=True,
        metadata={"type": "string"},
    )
    last_error = fields.String(
        allow_none=True, metadata={"description": "Why the last run did not start a scan."}
    )
    created_at = UtcTimestamp()


class ScheduleCreateSchema(ScanCreateSchema):
    cron = fields.String(validate=validate.Length(max=200), metadata=_CRON)
    interval_seconds = fields.Integer(metadata=_INTERVAL)
    enabled = fields.Boolean(load_default=True)


class ScheduleUpdateSchema(ma.Schema):
    cron = fields.String(allow_none=True, validate=validate.Length(max=200), metadata=_CRON)
    interval_seconds = fields.Integer(allow_none=True, metadata=_INTERVAL)
    enabled = fields.Boolean()


@blp.route("")
class Schedules(MethodView):
    @require_role("viewer")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, page_schema(ScheduleSchema))
    def get(self, args):
        """The organization's scheduled scans."""
        return paginate(schedules_query(principal().organization_id), args)

    @require_role("analyst")
    @blp.arguments(ScheduleCreateSchema)
    @blp.response(201, ScheduleSchema)
    def post(self, data):
        """Scan a target on a cron expression or an interval."""
        caller = principal()
        rules = appliance_of(current_app).scan_rules
        return create_schedule(caller.organization_id, caller.user_id, data, rules)


@blp.route("/<string:schedule_id>")
class ScheduleById(MethodView):
    @require_role("viewer")
    @blp.response(200, ScheduleSchema)
    def get(self, schedule_id):
        """One scheduled scan, with its next run."""
        return get_schedule(principal().organization_id, schedule_id)

    @require_role("analyst")
    @blp.arguments(ScheduleUpdateSchema)
    @blp.response(200, ScheduleSchema)
    def patch(self, changes, schedule_id):
        """Pause or resume it, or change when it runs (to change what it scans, replace it)."""
        return update_schedule(get_schedule(principal().organization_id, schedule_id), changes)

    @require_role("analyst")
    @blp.response(204)
    def delete(self, schedule_id):
        """Delete a schedule: it starts no more scans."""
        delete_schedule(principal().organization_id, schedule_id)
