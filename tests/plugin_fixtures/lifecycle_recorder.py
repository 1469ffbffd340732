"""A plugin that records the scan lifecycle hooks it receives (one takes no argument)."""

from cyberorigen.plugin_api import hookimpl

PLUGIN_API = "~=1.0"

CALLS: list[tuple[str, str | None]] = []


@hookimpl
def cyberorigen_scan_started(scan):
    CALLS.append(("started", scan.id))


@hookimpl
def cyberorigen_scan_finished():
    CALLS.append(("finished", None))
