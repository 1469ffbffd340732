"""Roles, from least to most privileged; each role may do everything the ones before it may.

- viewer: read only
- auditor: + evidence (adding it, and reviewing what someone else added)
- analyst: + scans and webhooks
- admin: + users, organization, plugins
"""

from __future__ import annotations

from cyberorigen.vocab import ROLES


def role_at_least(role: str, minimum: str) -> bool:
    return ROLES.index(role) >= ROLES.index(minimum)
