"""Log format: plain text by default, one JSON object per line with ``log_json``."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

from flask import g, has_request_context

from cyberorigen.vocab import timestamp


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": timestamp(datetime.fromtimestamp(record.created, UTC)),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context():
            entry["request_id"] = g.get("request_id")
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


def configure_logging(json_lines: bool) -> None:
    """The appliance's loggers; with ``json_lines`` RQ's worker loggers write through the same
    JSON handler (RQ adds its own plain-text handler only to a logger that has none)."""
    logger = logging.getLogger("cyberorigen")
    if getattr(logger, "_cyberorigen_configured", False):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(
        _JsonFormatter()
        if json_lines
        else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger._cyberorigen_configured = True
    if json_lines:
        rq_logger = logging.getLogger("rq")
        rq_logger.addHandler(handler)
        rq_logger.setLevel(logging.INFO)
