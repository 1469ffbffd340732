"""Column types peewee does not ship in a form that works on both SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

from peewee import TextField


class JSONField(TextField):
    """JSON stored as text, portable across SQLite and PostgreSQL."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, separators=(",", ":"), sort_keys=True)

    def python_value(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)
