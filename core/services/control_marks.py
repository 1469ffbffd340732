"""Stored control assessments marked due when a fact they rest on changes outside
``compliance/``: a finding's status, the organization's scope, a user's e-mail (an override
names who set it), a scan that ended without completing (its findings are stored; a completed
scan re-assesses its controls itself). The next read re-assesses them
(``compliance.controls.current_views``)."""

from __future__ import annotations

from cyberorigen.db.models import ControlState, utcnow


def mark_controls_due(org_id: int) -> None:
    ControlState.update(due_at=utcnow()).where(ControlState.organization == org_id).execute()
