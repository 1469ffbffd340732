"""Scanners for the pipeline tests: they look at a TCP port on 127.0.0.1 the test opened."""

from __future__ import annotations

import socket
import time

import marshmallow as ma

from cyberorigen.plugin_api import Check, Scanner, Severity, hookimpl

PLUGIN_API = "~=1.0"


class PortOptions(ma.Schema):
    port = ma.fields.Integer(required=True, validate=ma.validate.Range(min=1, max=65535))


class BannerScanner(Scanner):
    """Reports the banner of the port it is given (a real connection)."""

    name = "banner"
    title = "Banner grabber (test fixture)"
    version = "1.0"
    options_schema = PortOptions
    checks = (
        Check(
            id="banner.service_seen",
            title="A service answered",
            severity=Severity.LOW,
            description="Connects to the port and reads what the service says first.",
            remediation="Close the port if the service is not meant to be reachable.",
        ),
    )

    def run(self, ctx):
        port = ctx.options["port"]
        with socket.create_connection((ctx.target.host, port), timeout=ctx.seconds_left()) as s:
            banner = s.recv(200).decode("latin-1").strip()
        ctx.progress(100, "read the banner")
        yield self.finding("banner.service_seen", f"{ctx.target.host}:{port}", {"banner": banner})


class SlowScanner(Scanner):
    """Takes ``seconds`` in small steps, checking for cancellation between them."""

    name = "slow"
    title = "Slow scanner (test fixture)"
    options_schema = ma.Schema.from_dict({"seconds": ma.fields.Float(load_default=30.0)})
    checks = (
        Check("slow.done", "Finished", Severity.INFO, "Waits.", "Nothing to fix."),
    )

    def run(self, ctx):
        end = time.monotonic() + ctx.options["seconds"]
        while time.monotonic() < end:
            ctx.check_cancelled()
            ctx.progress(50, "waiting")
            time.sleep(0.05)
        yield self.finding("slow.done", "nowhere", {})


class CrashingScanner(Scanner):
    name = "crashing"
    title = "Crashing scanner (test fixture)"
    checks = (Check("crashing.never", "Never", Severity.INFO, "Crashes.", "None."),)

    def run(self, ctx):
        raise ConnectionRefusedError(f"cannot connect to {ctx.target.host}: connection refused")
        yield  # pragma: no cover


class StuckScanner(Scanner):
    """Ignores cancellation and its deadline: the runner must give up on it."""

    name = "stuck"
    title = "Stuck scanner (test fixture)"
    timeout = 1.0
    checks = (Check("stuck.never", "Never", Severity.INFO, "Hangs.", "None."),)

    def run(self, ctx):
        time.sleep(60)
        yield self.finding("stuck.never", "x", {})


@hookimpl
def cyberorigen_scanners():
    return [BannerScanner(), SlowScanner(), CrashingScanner(), StuckScanner()]


@hookimpl
def cyberorigen_environment_problems():
    return []
