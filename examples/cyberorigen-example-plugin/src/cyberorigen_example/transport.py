"""The ``file`` transport: each delivery becomes one JSON line appended to a file.

Meant for a log shipper or a script on the appliance to pick up. A delivery that is retried
can be written more than once: readers should skip a line whose ``id`` they have seen.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import marshmallow as ma
from cyberorigen.plugin_api import Delivery, PermanentError, TransientError, Transport


class FileConfig(ma.Schema):
    path = ma.fields.String(
        required=True,
        metadata={"description": "Absolute path of the file to append to (created if needed)."},
    )

    @ma.validates("path")
    def _absolute(self, value: str, **_: Any) -> None:
        if not os.path.isabs(value):
            raise ma.ValidationError("must be an absolute path")


def delivery_line(delivery: Delivery) -> bytes:
    """The line written for ``delivery`` (the secret, if any, is never written)."""
    record = {
        "id": delivery.id,
        "event_type": delivery.event_type,
        "payload": dict(delivery.payload),
    }
    return (json.dumps(record, sort_keys=True, default=str) + "\n").encode("utf-8")


class FileTransport(Transport):
    name = "file"
    config_schema = FileConfig
    uses_url = False  # where it writes is config.path, not a URL

    def send(self, delivery: Delivery) -> None:
        try:
            config = FileConfig().load(dict(delivery.config))
        except ma.ValidationError as exc:
            raise PermanentError(f"file transport misconfigured: {exc.messages}") from None
        path = Path(config["path"])
        if not path.parent.is_dir():
            raise PermanentError(f"{path}: directory {path.parent} does not exist")
        line = delivery_line(delivery)
        try:
            # One write() on an O_APPEND descriptor: lines from several workers do not mix.
            descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
            try:
                written = os.write(descriptor, line)
            finally:
                os.close(descriptor)
        except (FileNotFoundError, NotADirectoryError) as exc:
            # The directory went away, or part of the path is a file: retrying cannot help.
            raise PermanentError(f"{path}: {exc.strerror}") from exc
        except OSError as exc:  # disk full, permission denied, ...: may be fixed by then
            raise TransientError(f"{path}: {exc.strerror or exc}") from exc
        if written != len(line):
            raise TransientError(f"{path}: only {written} of {len(line)} bytes written")
