"""The file transport writing real files."""

from __future__ import annotations

import errno
import json
import os

import marshmallow as ma
import pytest
from cyberorigen.plugin_api import Delivery, PermanentError, TransientError

from cyberorigen_example.transport import FileTransport


def delivery(path, number: int = 1, **config) -> Delivery:
    return Delivery(
        id=f"dlv_{number}",
        event_type="scan.completed",
        payload={"scan_id": "scan_abc", "vulnerabilities_found": number},
        config={"path": str(path), **config},
        secrets=("do-not-write-me",),
    )


def test_each_delivery_is_appended_as_one_json_line(tmp_path):
    target = tmp_path / "events.jsonl"
    transport = FileTransport()

    transport.send(delivery(target, 1))
    transport.send(delivery(target, 2))

    text = target.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines == [
        {
            "id": "dlv_1",
            "event_type": "scan.completed",
            "payload": {"scan_id": "scan_abc", "vulnerabilities_found": 1},
        },
        {
            "id": "dlv_2",
            "event_type": "scan.completed",
            "payload": {"scan_id": "scan_abc", "vulnerabilities_found": 2},
        },
    ]
    assert "do-not-write-me" not in text


def test_a_missing_directory_is_a_permanent_error(tmp_path):
    with pytest.raises(PermanentError, match="does not exist"):
        FileTransport().send(delivery(tmp_path / "nowhere" / "events.jsonl"))


def test_other_os_errors_are_transient(tmp_path, monkeypatch):
    def disk_full(descriptor, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)

    with pytest.raises(TransientError, match="No space left on device"):
        FileTransport().send(delivery(tmp_path / "events.jsonl"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file")
def test_permission_denied_is_transient(tmp_path):
    target = tmp_path / "events.jsonl"
    target.write_text("")
    target.chmod(0o400)

    with pytest.raises(TransientError, match="Permission denied"):
        FileTransport().send(delivery(target))


def test_the_config_schema_requires_an_absolute_path():
    schema = FileTransport.config_schema()

    assert schema.load({"path": "/var/log/cyberorigen/events.jsonl"})
    with pytest.raises(ma.ValidationError) as missing:
        schema.load({})
    assert "path" in missing.value.messages
    with pytest.raises(ma.ValidationError, match="absolute"):
        schema.load({"path": "events.jsonl"})


def test_a_bad_config_is_a_permanent_error():
    with pytest.raises(PermanentError, match="absolute"):
        FileTransport().send(delivery("relative/events.jsonl"))
