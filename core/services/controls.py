"""Controls of the compliance frameworks, with their status per organization.

Controls are contributed by framework plugins. Until a framework is installed there is no
control to report, and the list is honestly empty rather than filled with placeholders.
"""

from __future__ import annotations

from typing import Any


def controls_page(org_id: int, page: int, per_page: int) -> dict[str, Any]:
    return {"items": [], "total": 0, "page": page, "per_page": per_page, "pages": 0}
