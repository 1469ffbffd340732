"""The ``email`` transport: the event as a plain-text e-mail, sent through the appliance's own
SMTP server (the ``smtp.*`` settings). That server is chosen by the operator, not by the
webhook's owner, so it is not subject to the network guard; the recipients are.

Security ``starttls`` upgrades a plain connection and refuses to go on when the server does
not offer STARTTLS; ``tls`` speaks TLS from the start; both verify the server's certificate
(against ``smtp.ca_file`` when set, else the system's trust store). ``none`` sends in clear.
"""

from __future__ import annotations

import json
import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

import marshmallow as ma

from cyberorigen.plugin_api import Delivery, PermanentError, Sent, TransientError, Transport
from cyberorigen.plugins.notify.slack import facts

MAX_RECIPIENTS = 20
SUBJECT_SUMMARY_LIMIT = 120
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
#: A dot-atom local part and a domain of at least two DNS labels (no quoted local parts, no
#: address literals, no display names, no whitespace: nothing that can smuggle a header).
EMAIL_RE = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+")


def email_address_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a recipient address (None when it is fine)."""
    if len(value) > 254:
        return "the address is longer than 254 characters"
    if not EMAIL_RE.fullmatch(value):
        return "not an e-mail address (expected name@example.com)"
    local, domain = value.rsplit("@", 1)
    if len(local) > 64:
        return "the part before @ is longer than 64 characters"
    if domain.rsplit(".", 1)[1].isdigit():
        return "the domain must be a name, not a number"
    return None


def _validate_address(value: str) -> None:
    problem = email_address_problem(value)
    if problem:
        raise ma.ValidationError(problem)


class EmailConfigSchema(ma.Schema):
    recipients = ma.fields.List(
        ma.fields.String(validate=_validate_address),
        required=True,
        validate=ma.validate.Length(min=1, max=MAX_RECIPIENTS),
    )
    subject_prefix = ma.fields.String(
        load_default="[CyberOrigen]",
        validate=[
            ma.validate.Length(max=60),
            ma.validate.Regexp(r"\A[^\r\n]*\Z", error="must be a single line"),
        ],
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_message(delivery: Delivery, sender: str) -> EmailMessage:
    """The e-mail for ``delivery``: a readable summary, then the whole JSON payload."""
    payload = delivery.payload
    data = payload.get("data") or {}
    if not isinstance(data, dict):
        data = {"data": data}
    summary, pairs = facts(delivery.event_type, data)
    summary = _one_line(summary)
    prefix = delivery.config.get("subject_prefix", "[CyberOrigen]")
    subject = f"{prefix} {delivery.event_type}: {_clip(summary, SUBJECT_SUMMARY_LIMIT)}"

    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(delivery.config["recipients"])
    message["Subject"] = _one_line(subject.strip())
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(
        idstring=f"{delivery.id}.{delivery.attempt}", domain=sender.rsplit("@", 1)[-1] or None
    )
    message["X-CyberOrigen-Event-Id"] = delivery.id
    message["X-CyberOrigen-Event-Type"] = _one_line(delivery.event_type)
    message["Auto-Submitted"] = "auto-generated"

    lines = [summary, ""]
    lines += [f"{label}: {_one_line(value)}" for label, value in pairs]
    lines += [
        "",
        f"Event: {delivery.id}",
        f"Type: {delivery.event_type}",
        f"Created: {payload.get('created_at', '?')}",
        "",
        "Full event (JSON):",
        "",
        json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True, default=str),
        "",
    ]
    message.set_content("\n".join(lines), charset="utf-8")
    return message


def _reply_error(prefix: str, code: int | None, text: Any) -> TransientError | PermanentError:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    detail = f"{prefix}: {code} {text}".strip()
    kind = PermanentError if code is not None and code >= 500 else TransientError
    return kind(detail, status_code=code, response=str(text)[:1024])


class EmailTransport(Transport):
    name = "email"
    uses_url = False
    config_schema = EmailConfigSchema

    def send(self, delivery: Delivery) -> Sent:
        smtp = dict(delivery.appliance.get("smtp") or {})
        host = (smtp.get("host") or "").strip()
        if not host:
            raise PermanentError("smtp.host is not set")
        sender = (smtp.get("sender") or "").strip()
        if not sender:
            raise PermanentError("smtp.sender is not set")
        security = (smtp.get("security") or "starttls").strip().lower()
        if security not in DEFAULT_PORTS:
            raise PermanentError(f"smtp.security must be starttls, tls or none, not {security}")
        port = int(smtp.get("port") or DEFAULT_PORTS[security])
        recipients = list(delivery.config.get("recipients") or ())
        if not recipients:
            raise PermanentError("the webhook has no recipients")
        message = build_message(delivery, sender)

        context = None
        if security != "none":
            try:
                context = ssl.create_default_context(cafile=smtp.get("ca_file") or None)
            except (OSError, ssl.SSLError) as exc:
                raise PermanentError(f"cannot load smtp.ca_file: {exc}") from None

        policy = delivery.network
        connect_timeout = getattr(policy, "connect_timeout", 5.0)
        read_timeout = getattr(policy, "read_timeout", 10.0)
        try:
            refused = self._deliver(
                host,
                port,
                security,
                context,
                (connect_timeout, read_timeout),
                smtp,
                message,
                recipients,
            )
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            answers = "; ".join(
                f"{address}: {code} {text.decode('utf-8', 'replace')}"
                for address, (code, text) in exc.recipients.items()
            )
            kind = PermanentError if codes and min(codes) >= 500 else TransientError
            raise kind(
                f"every recipient was refused: {answers}",
                status_code=max(codes) if codes else None,
                response=answers[:1024],
            ) from None
        except smtplib.SMTPSenderRefused as exc:
            raise _reply_error(
                f"the sender {exc.sender} was refused", exc.smtp_code, exc.smtp_error
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            raise _reply_error("SMTP login failed", exc.smtp_code, exc.smtp_error) from None
        except smtplib.SMTPResponseException as exc:
            raise _reply_error("the SMTP server refused", exc.smtp_code, exc.smtp_error) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise PermanentError(f"the SMTP server does not support it: {exc}") from None
        except smtplib.SMTPServerDisconnected as exc:
            raise TransientError(f"the SMTP server disconnected: {exc}") from None
        except smtplib.SMTPException as exc:
            raise TransientError(f"SMTP failed: {exc}") from None
        except ssl.SSLError as exc:
            raise TransientError(f"TLS with the SMTP server failed: {exc}") from None
        except TimeoutError as exc:
            raise TransientError(f"the SMTP server timed out: {exc}") from None
        except OSError as exc:
            raise TransientError(f"cannot reach the SMTP server {host}:{port}: {exc}") from None
        if refused:
            answers = "; ".join(
                f"{address}: {code} {text.decode('utf-8', 'replace')}"
                for address, (code, text) in refused.items()
            )
            return Sent(250, f"some recipients were refused: {answers}"[:1024])
        return Sent(250, f"accepted for {len(recipients)} recipient(s)")

    @staticmethod
    def _deliver(
        host: str,
        port: int,
        security: str,
        context: ssl.SSLContext | None,
        timeouts: tuple[float, float],
        smtp: dict,
        message: EmailMessage,
        recipients: list[str],
    ) -> dict:
        connect_timeout, read_timeout = timeouts
        if security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                host, port, timeout=connect_timeout, context=context
            )
        else:
            client = smtplib.SMTP(host, port, timeout=connect_timeout)
        try:
            if client.sock is not None:
                client.sock.settimeout(read_timeout)
            client.ehlo()
            if security == "starttls":
                if not client.has_extn("starttls"):
                    raise PermanentError(
                        f"the SMTP server {host}:{port} does not offer STARTTLS "
                        "(smtp.security is starttls)"
                    )
                client.starttls(context=context)
                client.ehlo()
            if smtp.get("username"):
                client.login(smtp["username"], smtp.get("password") or "")
            return client.send_message(
                message,
                from_addr=smtp["sender"].strip(),
                to_addrs=recipients,
            )
        finally:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()
