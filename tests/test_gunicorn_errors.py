"""Requests gunicorn refuses before the app sees them are answered in the error envelope.

A real ``cyberorigen serve`` (gunicorn) on 127.0.0.1, spoken to over a plain socket so the
request can be as broken as a client can make it.
"""

from __future__ import annotations

import json
import socket

import pytest

pytestmark = pytest.mark.slow


def _exchange(base_url: str, raw: bytes) -> tuple[int, dict[str, str], bytes]:
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(raw)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, body


def _get(target: str, extra: str = "") -> bytes:
    return f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}Connection: close\r\n\r\n".encode()


def _envelope(response, status: int, error_code: str) -> dict:
    got, headers, body = response
    assert got == status, body[:300]
    assert headers["content-type"] == "application/json"
    assert int(headers["content-length"]) == len(body)
    envelope = json.loads(body)
    assert set(envelope) == {"detail", "error_code", "field"}
    assert envelope["error_code"] == error_code
    assert envelope["field"] is None
    assert headers["x-request-id"]
    return envelope


@pytest.fixture
def server(serve_process):
    return serve_process()


def test_gunicorn_refusals_are_json_envelopes(server):
    too_long = _exchange(server, _get("/api/health?q=" + "a" * 5000))
    huge_header = _exchange(server, _get("/api/health", f"X-Big: {'b' * 9000}\r\n"))
    many_headers = _exchange(
        server, _get("/api/health", "".join(f"X-H{n}: v\r\n" for n in range(150)))
    )
    not_http = _exchange(server, b"\x16\x03\x01 not a request\r\n\r\n")

    assert "4094 bytes" in _envelope(too_long, 414, "URI_TOO_LONG")["detail"]
    _envelope(huge_header, 431, "HEADERS_TOO_LARGE")
    _envelope(many_headers, 431, "HEADERS_TOO_LARGE")
    _envelope(not_http, 400, "BAD_REQUEST")


def test_a_long_url_within_the_limit_reaches_the_app(server):
    status, headers, body = _exchange(server, _get("/api/health?q=" + "a" * 3000))

    assert status == 200, body[:300]
    assert json.loads(body)["status"] in ("healthy", "degraded")
