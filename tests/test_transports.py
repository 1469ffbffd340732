"""The slack, email and syslog transports, each against a real receiver on 127.0.0.1: an HTTPS
server for Slack, an aiosmtpd SMTP server (STARTTLS, implicit TLS, plain) for e-mail, UDP and
TCP sockets for syslog."""

from __future__ import annotations

import contextlib
import datetime
import email
import email.policy
import ipaddress
import json
import os
import re
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import marshmallow as ma
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from support.pki import make_pki, server_context
from support.servers import HttpServer, QuietHandler

from cyberorigen.plugin_api import Delivery, EndpointGone, PermanentError, TransientError
from cyberorigen.plugin_api.net import AddressRefused, NetworkPolicy
from cyberorigen.plugins.notify import cyberorigen_transports
from cyberorigen.plugins.notify.email import EmailConfigSchema, EmailTransport
from cyberorigen.plugins.notify.slack import SlackConfigSchema, SlackTransport
from cyberorigen.plugins.notify.syslog import SyslogConfigSchema, SyslogTransport

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)
SENDER = "appliance@cyberorigen.example.com"

SCAN_COMPLETED = {
    "id": "evt_test1",
    "type": "scan.completed",
    "created_at": "2026-01-02T03:04:05Z",
    "data": {
        "scan_id": "scn_123",
        "target": "example.com",
        "scan_type": "quick",
        "status": "completed",
        "vulnerabilities_found": 3,
    },
}
VULNERABILITY_FOUND = {
    "id": "evt_test1",
    "type": "vulnerability.found",
    "created_at": "2026-01-02T03:04:05Z",
    "data": {
        "scan_id": "scn_123",
        "finding_id": "fnd_9",
        "target": "example.com",
        "check_id": "tls.expired",
        "severity": "critical",
        "title": "Certificate expired",
        "location": "example.com:443",
    },
}
CONTROL_CHANGED = {
    "id": "evt_test1",
    "type": "control.status_changed",
    "created_at": "2026-01-02T03:04:05Z",
    "data": {
        "control_id": "ctrl_encryption_in_transit",
        "name": "Encryption in transit",
        "previous_status": "implemented",
        "status": "not_implemented",
        "reason": "2 open findings",
    },
}


def policy(allowed: tuple = LOOPBACK, ca_file: str | None = None, **extra: Any) -> NetworkPolicy:
    return NetworkPolicy(
        allowed_networks=allowed, connect_timeout=2, read_timeout=2, ca_file=ca_file, **extra
    )


def delivery(
    payload: dict,
    config: dict,
    url: str | None = None,
    network: NetworkPolicy | None = None,
    appliance: dict | None = None,
    event_id: str = "evt_test1",
) -> Delivery:
    return Delivery(
        id=event_id,
        event_type=payload["type"],
        payload=payload,
        config=config,
        url=url,
        secrets=(),
        network=network or policy(),
        appliance=appliance or {},
    )


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- TLS material ----------------------------------------------------------------------------


class Pki:
    """A test CA, a server certificate for 127.0.0.1/localhost, and their files."""

    def __init__(self, directory: Path, name: str = "CyberOrigen test CA") -> None:
        directory.mkdir(parents=True, exist_ok=True)
        ca = make_pki(directory, name)
        self.ca_file = directory / "ca.pem"
        self.ca_file.write_text(ca.ca_pem)
        self.cert_file, self.key_file = ca.leaf("server", days_after=30)

    def server_context(self) -> ssl.SSLContext:
        return server_context(self.cert_file, self.key_file)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def other_pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("other-pki"), "Some other CA")


# --- slack -----------------------------------------------------------------------------------


class Receiver(HttpServer):
    """An HTTPS server on 127.0.0.1 recording each POST and answering ``status``."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self.requests: list[dict] = []
        self.status = 200
        receiver = self

        class Handler(QuietHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                receiver.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "body": body}
                )
                self.reply(receiver.status, b"ok" if receiver.status == 200 else b"no")

        super().__init__(Handler, context)
        self.url = f"https://127.0.0.1:{self.port}/services/T0/B0/secret"

    def json(self, index: int = -1) -> dict:
        return json.loads(self.requests[index]["body"])


@pytest.fixture
def receiver(pki: Pki) -> Iterator[Receiver]:
    server = Receiver(pki.server_context())
    try:
        yield server
    finally:
        server.close()
        server.thread.join(5)


def slack_delivery(receiver: Receiver, pki: Pki, payload: dict, config: dict | None = None):
    return delivery(
        payload,
        SlackConfigSchema().load(config or {}),
        url=receiver.url,
        network=policy(ca_file=str(pki.ca_file)),
    )


def block_texts(message: dict) -> str:
    texts = []
    for block in message["blocks"]:
        if "text" in block:
            texts.append(block["text"]["text"])
        for element in block.get("elements", ()):
            texts.append(element["text"])
    return "\n".join(texts)


def test_transports_are_registered() -> None:
    names = [transport.name for transport in cyberorigen_transports()]
    assert names == ["http", "slack", "email", "syslog"]
    uses_url = {transport.name: transport.uses_url for transport in cyberorigen_transports()}
    assert uses_url == {"http": True, "slack": True, "email": False, "syslog": False}


def test_slack_posts_scan_completed(receiver: Receiver, pki: Pki) -> None:
    sent = SlackTransport().send(
        slack_delivery(
            receiver, pki, SCAN_COMPLETED, {"channel": "#security", "username": "CyberOrigen"}
        )
    )
    assert sent.status_code == 200
    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert request["path"] == "/services/T0/B0/secret"
    assert request["headers"]["Content-Type"].startswith("application/json")
    assert not any(name.lower().startswith("webhook-") for name in request["headers"])
    message = receiver.json()
    assert message["text"] == "Scan of example.com: completed, 3 vulnerabilities found"
    assert "\n" not in message["text"]
    assert message["channel"] == "#security"
    assert message["username"] == "CyberOrigen"
    assert message["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "scan.completed"},
    }
    texts = block_texts(message)
    assert "*Target:* example.com" in texts
    assert "*Status:* completed" in texts
    assert "*Vulnerabilities found:* 3" in texts
    assert "evt_test1" in texts


def test_slack_posts_vulnerability_found(receiver: Receiver, pki: Pki) -> None:
    SlackTransport().send(slack_delivery(receiver, pki, VULNERABILITY_FOUND))
    message = receiver.json()
    assert message["text"] == "CRITICAL vulnerability on example.com: Certificate expired"
    assert "channel" not in message and "username" not in message
    assert message["blocks"][0]["text"]["text"] == "vulnerability.found"
    texts = block_texts(message)
    assert "*Severity:* critical" in texts
    assert "*Title:* Certificate expired" in texts
    assert "*Target:* example.com" in texts


def test_slack_control_change_and_generic_fallback(receiver: Receiver, pki: Pki) -> None:
    SlackTransport().send(slack_delivery(receiver, pki, CONTROL_CHANGED))
    message = receiver.json()
    assert "Encryption in transit" in message["text"]
    assert "implemented → not_implemented" in message["text"]
    assert "*Reason:* 2 open findings" in block_texts(message)

    other = {
        "id": "evt_test1",
        "type": "evidence.expiring",
        "created_at": "2026-01-02T03:04:05Z",
        "data": {"evidence_id": "evd_1", "expires_at": "2026-02-01"},
    }
    SlackTransport().send(slack_delivery(receiver, pki, other))
    message = receiver.json()
    assert message["blocks"][0]["text"]["text"] == "evidence.expiring"
    texts = block_texts(message)
    assert "*evidence_id:* evd_1" in texts
    assert "*expires_at:* 2026-02-01" in texts


def test_slack_server_error_is_transient(receiver: Receiver, pki: Pki) -> None:
    receiver.status = 500
    with pytest.raises(TransientError) as caught:
        SlackTransport().send(slack_delivery(receiver, pki, SCAN_COMPLETED))
    assert caught.value.status_code == 500
    assert len(receiver.requests) == 1


def test_slack_not_found_is_permanent(receiver: Receiver, pki: Pki) -> None:
    receiver.status = 404
    with pytest.raises(PermanentError) as caught:
        SlackTransport().send(slack_delivery(receiver, pki, SCAN_COMPLETED))
    assert not isinstance(caught.value, EndpointGone)
    assert caught.value.status_code == 404


def test_slack_verifies_the_certificate(receiver: Receiver, other_pki: Pki) -> None:
    with pytest.raises(TransientError, match="TLS"):
        SlackTransport().send(slack_delivery(receiver, other_pki, SCAN_COMPLETED))
    assert receiver.requests == []


def test_slack_requires_https(receiver: Receiver, pki: Pki) -> None:
    transport = SlackTransport()
    assert transport.check_url("https://hooks.slack.com/services/T/B/X") is None
    assert "https" in transport.check_url("http://hooks.slack.com/services/T/B/X")
    assert transport.check_url("ftp://hooks.slack.com/x") is not None
    plain = receiver.url.replace("https://", "http://")
    with pytest.raises(PermanentError, match="https"):
        transport.send(
            delivery(SCAN_COMPLETED, {}, url=plain, network=policy(ca_file=str(pki.ca_file)))
        )
    assert receiver.requests == []


def test_slack_goes_through_the_network_guard(receiver: Receiver, pki: Pki) -> None:
    with pytest.raises(AddressRefused):
        SlackTransport().send(
            delivery(
                SCAN_COMPLETED,
                {},
                url=receiver.url,
                network=policy(allowed=(), ca_file=str(pki.ca_file)),
            )
        )
    assert receiver.requests == []


def test_slack_config_schema() -> None:
    assert SlackConfigSchema().load({}) == {}
    assert SlackConfigSchema().load({"channel": "#x"}) == {"channel": "#x"}
    with pytest.raises(ma.ValidationError):
        SlackConfigSchema().load({"channel": 5})
    with pytest.raises(ma.ValidationError):
        SlackConfigSchema().load({"icon": ":x:"})


# --- email -----------------------------------------------------------------------------------


class Collector:
    """An aiosmtpd handler keeping every message; recipients in ``refuse`` get that reply."""

    def __init__(self) -> None:
        self.envelopes: list[Any] = []
        self.tls: list[bool] = []
        self.refuse: dict[str, str] = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.envelopes.append(envelope)
        self.tls.append(session.ssl is not None)
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = auth_data.login == b"mailer" and auth_data.password == b"hunter2"
    return AuthResult(success=ok, handled=False)


@contextlib.contextmanager
def smtp_server(**kwargs: Any) -> Iterator[tuple[Collector, int]]:
    collector = Collector()
    port = free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield collector, port
    finally:
        controller.stop()


def smtp_settings(port: int, security: str, ca_file: Path | None = None, **extra: Any) -> dict:
    return {
        "smtp": {
            "host": "127.0.0.1",
            "port": port,
            "security": security,
            "username": "",
            "password": "",
            "sender": SENDER,
            "ca_file": str(ca_file) if ca_file else None,
            **extra,
        }
    }


def email_delivery(appliance: dict, payload: dict = VULNERABILITY_FOUND, **config: Any):
    config = {"recipients": ["soc@example.com", "ciso@example.org"], **config}
    return delivery(payload, EmailConfigSchema().load(config), appliance=appliance)


def parsed(envelope: Any) -> email.message.EmailMessage:
    return email.message_from_bytes(envelope.original_content, policy=email.policy.default)


def test_email_over_starttls(pki: Pki) -> None:
    with smtp_server(tls_context=pki.server_context(), require_starttls=True) as (mail, port):
        sent = EmailTransport().send(email_delivery(smtp_settings(port, "starttls", pki.ca_file)))
    assert sent.status_code == 250
    assert len(mail.envelopes) == 1
    assert mail.tls == [True]
    envelope = mail.envelopes[0]
    assert envelope.mail_from == SENDER
    assert envelope.rcpt_tos == ["soc@example.com", "ciso@example.org"]
    message = parsed(envelope)
    assert message["From"] == SENDER
    assert message["To"] == "soc@example.com, ciso@example.org"
    assert message["Subject"] == (
        "[CyberOrigen] vulnerability.found: "
        "CRITICAL vulnerability on example.com: Certificate expired"
    )
    assert message["X-CyberOrigen-Event-Id"] == "evt_test1"
    body = message.get_content().replace("\r\n", "\n")
    assert body.startswith("CRITICAL vulnerability on example.com: Certificate expired\n")
    assert "Severity: critical" in body
    summary, _, full = body.partition("Full event (JSON):")
    assert "Certificate expired" in summary
    assert json.loads(full) == VULNERABILITY_FOUND


def test_email_subject_prefix_and_login(pki: Pki) -> None:
    with smtp_server(
        tls_context=pki.server_context(), require_starttls=True, authenticator=authenticator
    ) as (mail, port):
        settings = smtp_settings(
            port, "starttls", pki.ca_file, username="mailer", password="hunter2"
        )
        EmailTransport().send(email_delivery(settings, SCAN_COMPLETED, subject_prefix="[Lab]"))
        settings["smtp"]["password"] = "wrong"
        with pytest.raises(PermanentError, match="login") as caught:
            EmailTransport().send(email_delivery(settings, SCAN_COMPLETED))
    assert caught.value.status_code == 535
    assert len(mail.envelopes) == 1
    # Python folds this subject right after "Subject:" and keeps the fold's space on parsing.
    subject = parsed(mail.envelopes[0])["Subject"].strip()
    assert (
        subject == "[Lab] scan.completed: Scan of example.com: completed, 3 vulnerabilities found"
    )


def test_email_over_implicit_tls(pki: Pki) -> None:
    with smtp_server(ssl_context=pki.server_context()) as (mail, port):
        EmailTransport().send(email_delivery(smtp_settings(port, "tls", pki.ca_file)))
    assert len(mail.envelopes) == 1
    assert mail.envelopes[0].rcpt_tos == ["soc@example.com", "ciso@example.org"]


def test_email_verifies_the_server_certificate(pki: Pki, other_pki: Pki) -> None:
    with smtp_server(tls_context=pki.server_context(), require_starttls=True) as (mail, port):
        untrusted = email_delivery(smtp_settings(port, "starttls", other_pki.ca_file))
        with pytest.raises(TransientError, match="TLS"):
            EmailTransport().send(untrusted)
    assert mail.envelopes == []


def test_email_refuses_a_server_without_starttls(pki: Pki) -> None:
    with smtp_server() as (mail, port):
        with pytest.raises(PermanentError, match="STARTTLS"):
            EmailTransport().send(email_delivery(smtp_settings(port, "starttls", pki.ca_file)))
        assert mail.envelopes == []
        EmailTransport().send(email_delivery(smtp_settings(port, "none")))
    assert mail.tls == [False]


def test_email_nothing_listening_is_transient() -> None:
    with pytest.raises(TransientError):
        EmailTransport().send(email_delivery(smtp_settings(free_port(), "none")))


def test_email_recipient_refusals(pki: Pki) -> None:
    with smtp_server() as (mail, port):
        mail.refuse = {
            "soc@example.com": "550 5.1.1 no such user",
            "ciso@example.org": "550 5.1.1 no such user",
        }
        with pytest.raises(PermanentError, match="no such user") as caught:
            EmailTransport().send(email_delivery(smtp_settings(port, "none")))
        assert caught.value.status_code == 550
        mail.refuse = {"soc@example.com": "450 4.2.1 mailbox busy"}
        mail.refuse["ciso@example.org"] = "450 4.2.1 mailbox busy"
        with pytest.raises(TransientError, match="busy"):
            EmailTransport().send(email_delivery(smtp_settings(port, "none")))
        mail.refuse = {"ciso@example.org": "550 5.1.1 no such user"}
        sent = EmailTransport().send(email_delivery(smtp_settings(port, "none")))
    assert "ciso@example.org" in sent.response
    assert [envelope.rcpt_tos for envelope in mail.envelopes] == [["soc@example.com"]]


def test_email_without_smtp_host_is_permanent() -> None:
    settings = smtp_settings(25, "starttls")
    settings["smtp"]["host"] = ""
    with pytest.raises(PermanentError, match=r"smtp\.host is not set"):
        EmailTransport().send(email_delivery(settings))
    with pytest.raises(PermanentError, match=r"smtp\.host is not set"):
        EmailTransport().send(email_delivery({}))


@pytest.mark.parametrize(
    "address",
    [
        "not-an-address",
        "user@localhost",
        "user@@example.com",
        "user @example.com",
        "user@example.com\r\nBcc: victim@example.com",
        "Name <user@example.com>",
        ".user@example.com",
        "user@-example.com",
        "user@203.0.113.5",
        "a" * 65 + "@example.com",
    ],
)
def test_email_rejects_bad_recipients(address: str) -> None:
    with pytest.raises(ma.ValidationError) as caught:
        EmailConfigSchema().load({"recipients": ["ok@example.com", address]})
    assert "recipients" in caught.value.messages


def test_email_recipients_schema() -> None:
    loaded = EmailConfigSchema().load({"recipients": ["first.last+tag@mail.example.co.uk"]})
    assert loaded == {
        "recipients": ["first.last+tag@mail.example.co.uk"],
        "subject_prefix": "[CyberOrigen]",
    }
    for bad in ({}, {"recipients": []}, {"recipients": "a@example.com"}):
        with pytest.raises(ma.ValidationError):
            EmailConfigSchema().load(bad)
    twenty = [f"user{number}@example.com" for number in range(20)]
    assert EmailConfigSchema().load({"recipients": twenty})["recipients"] == twenty
    with pytest.raises(ma.ValidationError):
        EmailConfigSchema().load({"recipients": [*twenty, "one.more@example.com"]})
    with pytest.raises(ma.ValidationError):
        EmailConfigSchema().load(
            {"recipients": ["a@example.com"], "subject_prefix": "x\r\nBcc: b@example.com"}
        )


# --- syslog ----------------------------------------------------------------------------------

SYSLOG_RE = re.compile(
    r"<(?P<pri>\d{1,3})>(?P<version>1) "
    r"(?P<timestamp>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z) "
    r"(?P<hostname>[!-~]{1,255}) (?P<app>[!-~]{1,48}) (?P<procid>[!-~]{1,128}) "
    r"(?P<msgid>[!-~]{1,32}) "
    r"(?P<sd>\[cyberorigen@32473(?: [a-zA-Z]+=\"(?:[^\"\\\]]|\\[\"\\\]])*\")*\]) "
    r"(?P<msg>.*)",
    re.DOTALL,
)


@pytest.fixture
def udp_collector() -> Iterator[socket.socket]:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(5)
        yield sock


def syslog_delivery(payload: dict, network: NetworkPolicy | None = None, **config: Any):
    return delivery(
        payload, SyslogConfigSchema().load({"host": "127.0.0.1", **config}), network=network
    )


def received(sock: socket.socket) -> re.Match:
    data, _ = sock.recvfrom(70000)
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    match = SYSLOG_RE.fullmatch(text)
    assert match, text
    return match


def test_syslog_udp_message(udp_collector: socket.socket) -> None:
    port = udp_collector.getsockname()[1]
    before = datetime.datetime.now(datetime.UTC)
    SyslogTransport().send(syslog_delivery(VULNERABILITY_FOUND, port=port))
    match = received(udp_collector)
    assert match["pri"] == "130"  # local0 (16) * 8 + critical (2)
    assert match["version"] == "1"
    stamp = datetime.datetime.strptime(match["timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ")
    stamp = stamp.replace(tzinfo=datetime.UTC)
    assert before - datetime.timedelta(seconds=1) <= stamp <= datetime.datetime.now(datetime.UTC)
    hostname = "".join(char for char in socket.gethostname() if "!" <= char <= "~") or "-"
    assert match["hostname"] == hostname
    assert match["app"] == "cyberorigen"
    assert match["procid"] == str(os.getpid())
    assert match["msgid"] == "vulnerability.found"
    assert match["sd"] == '[cyberorigen@32473 eventId="evt_test1" type="vulnerability.found"]'
    assert json.loads(match["msg"]) == VULNERABILITY_FOUND


@pytest.mark.parametrize(
    ("payload", "severity", "facility", "pri"),
    [
        (VULNERABILITY_FOUND, "high", "local0", 16 * 8 + 3),
        (VULNERABILITY_FOUND, "medium", "local7", 23 * 8 + 4),
        (VULNERABILITY_FOUND, "low", "user", 1 * 8 + 5),
        (VULNERABILITY_FOUND, "info", "local0", 16 * 8 + 6),
        ({**SCAN_COMPLETED, "type": "scan.failed"}, None, "auth", 4 * 8 + 3),
        ({**SCAN_COMPLETED, "type": "webhook.disabled"}, None, "local0", 16 * 8 + 4),
        (SCAN_COMPLETED, None, "daemon", 3 * 8 + 6),
        (CONTROL_CHANGED, None, "local0", 16 * 8 + 6),
    ],
)
def test_syslog_priority(
    udp_collector: socket.socket, payload: dict, severity: str | None, facility: str, pri: int
) -> None:
    if severity:
        payload = {**payload, "data": {**payload["data"], "severity": severity}}
    port = udp_collector.getsockname()[1]
    SyslogTransport().send(syslog_delivery(payload, port=port, facility=facility))
    match = received(udp_collector)
    assert int(match["pri"]) == pri
    assert match["msgid"] == payload["type"]


def test_syslog_escapes_structured_data(udp_collector: socket.socket) -> None:
    port = udp_collector.getsockname()[1]
    transport = SyslogTransport()
    message = delivery(
        SCAN_COMPLETED,
        SyslogConfigSchema().load({"host": "127.0.0.1", "port": port, "app_name": "co-lab"}),
        event_id='evt_a"b]c\\d',
    )
    transport.send(message)
    match = received(udp_collector)
    assert match["app"] == "co-lab"
    assert match["sd"] == ('[cyberorigen@32473 eventId="evt_a\\"b\\]c\\\\d" type="scan.completed"]')


def test_syslog_msgid_is_limited_to_32_printable_characters(
    udp_collector: socket.socket,
) -> None:
    port = udp_collector.getsockname()[1]
    long_type = {**SCAN_COMPLETED, "type": "custom.event with spaces." + "x" * 40}
    SyslogTransport().send(syslog_delivery(long_type, port=port))
    match = received(udp_collector)
    assert match["msgid"] == ("custom.eventwithspaces." + "x" * 40)[:32]


def test_syslog_tcp_octet_counting() -> None:
    chunks: list[bytes] = []
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(5)

        def accept() -> None:
            connection, _ = server.accept()
            with connection:
                connection.settimeout(5)
                while data := connection.recv(65536):
                    chunks.append(data)

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        port = server.getsockname()[1]
        SyslogTransport().send(
            syslog_delivery(VULNERABILITY_FOUND, port=port, protocol="tcp", facility="local1")
        )
        thread.join(5)
    frame = b"".join(chunks)
    length, _, message = frame.partition(b" ")
    assert int(length) == len(message)
    match = SYSLOG_RE.fullmatch(message.decode("utf-8"))
    assert match
    assert match["pri"] == str(17 * 8 + 2)
    assert json.loads(match["msg"]) == VULNERABILITY_FOUND


def test_syslog_tcp_nothing_listening_is_transient() -> None:
    with pytest.raises(TransientError):
        SyslogTransport().send(syslog_delivery(SCAN_COMPLETED, port=free_port(), protocol="tcp"))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_syslog_goes_through_the_network_guard(udp_collector: socket.socket, host: str) -> None:
    port = udp_collector.getsockname()[1]
    udp_collector.settimeout(0.5)
    with pytest.raises(AddressRefused):
        SyslogTransport().send(
            delivery(
                SCAN_COMPLETED,
                SyslogConfigSchema().load({"host": host, "port": port}),
                network=policy(allowed=()),
            )
        )
    with pytest.raises(TimeoutError):
        udp_collector.recvfrom(70000)


def test_syslog_rebinding_name_is_refused(udp_collector: socket.socket) -> None:
    """A public-looking name whose DNS answer is loopback is refused at send time."""

    def resolver(host: str, port: int, type: int = 0) -> list:  # noqa: A002
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    port = udp_collector.getsockname()[1]
    with pytest.raises(AddressRefused):
        SyslogTransport().send(
            delivery(
                SCAN_COMPLETED,
                SyslogConfigSchema().load({"host": "logs.example.com", "port": port}),
                network=policy(allowed=(), resolver=resolver),
            )
        )


def test_syslog_udp_too_large_is_permanent(udp_collector: socket.socket) -> None:
    port = udp_collector.getsockname()[1]
    huge = {**SCAN_COMPLETED, "data": {"blob": "x" * 70000}}
    with pytest.raises(PermanentError, match="tcp"):
        SyslogTransport().send(syslog_delivery(huge, port=port))


def test_syslog_config_schema() -> None:
    assert SyslogConfigSchema().load({"host": "logs.example.com"}) == {
        "host": "logs.example.com",
        "port": 514,
        "protocol": "udp",
        "facility": "local0",
        "app_name": "cyberorigen",
    }
    assert SyslogConfigSchema().load({"host": "2001:db8::1", "protocol": "tcp"})["protocol"] == (
        "tcp"
    )
    bad = [
        {},
        {"host": "logs.example.com", "protocol": "http"},
        {"host": "logs.example.com", "facility": "local8"},
        {"host": "logs.example.com", "facility": "bogus"},
        {"host": "logs.example.com", "port": 0},
        {"host": "logs.example.com", "port": 70000},
        {"host": "logs.example.com", "app_name": "has space"},
        {"host": "logs.example.com", "app_name": "x" * 49},
        {"host": "udp://logs.example.com"},
        {"host": "logs example.com"},
    ]
    for config in bad:
        with pytest.raises(ma.ValidationError):
            SyslogConfigSchema().load(config)
