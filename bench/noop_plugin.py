"""A plugin with one scanner, ``noop``, that scans nothing: it returns at once, finding nothing.

Used by ``bench/pipeline_overhead.py`` to measure what the scan pipeline itself costs per
scan. ``bench/noop_worker.py`` makes it discoverable by ``cyberorigen worker`` without
installing anything (an entry point added at run time).
"""

from __future__ import annotations

from cyberorigen.plugin_api import Check, Scanner, Severity, hookimpl

PLUGIN_API = "~=1.3"


class NoopScanner(Scanner):
    """Looks at nothing and reports nothing."""

    name = "noop"
    title = "No-op scanner (benchmark)"
    version = "1.0"
    checks = (
        Check(
            id="noop.nothing",
            title="Nothing",
            severity=Severity.INFO,
            description="Never reported: the scanner returns at once.",
            remediation="Nothing to fix.",
        ),
    )

    def run(self, ctx):
        # It examines nothing; it says so, so that the benchmark measures a completed scan.
        ctx.observed("nothing: a benchmark scanner that examines nothing")
        return ()


@hookimpl
def cyberorigen_scanners():
    return [NoopScanner()]
