"""A scanner written the way that hides an unreachable target: when it cannot connect it just
returns, yielding nothing and observing nothing. The runner must not count that as a pass."""

from __future__ import annotations

import socket

import marshmallow as ma

from cyberorigen.plugin_api import Check, Scanner, Severity, hookimpl

PLUGIN_API = "~=1.0"  # written before ScanContext.observed existed


class BlindScanner(Scanner):
    name = "blind"
    title = "Returns quietly when it cannot connect (test fixture)"
    version = "1.0"
    options_schema = ma.Schema.from_dict(
        {"port": ma.fields.Integer(required=True, validate=ma.validate.Range(min=1, max=65535))}
    )
    checks = (
        Check(
            id="blind.plaintext_service",
            title="A plaintext service answered",
            severity=Severity.MEDIUM,
            description="Connects to the port; fires when the service greets in plaintext.",
            remediation="Serve it over TLS.",
            controls=("ctrl_encryption_in_transit",),
        ),
    )

    def run(self, ctx):
        try:
            with socket.create_connection((ctx.target.host, ctx.options["port"]), timeout=2):
                pass
        except OSError as exc:
            ctx.progress(100, f"could not connect: {exc}")
            return  # the bug this fixture stands for: "could not connect" becomes "no finding"
        yield from ()


@hookimpl
def cyberorigen_scanners():
    return [BlindScanner()]
