"""Built-in plugin: the known-vulnerability scanner (``vulns``).

Registered as the ``vulns`` entry point of the ``cyberorigen.plugins`` group, like any other
plugin. A host-level enrichment scanner: it compares the product and version of every
service discovery found on a host with a local vulnerability feed and contacts nothing. Its
check is in :mod:`cyberorigen.plugins.vulns.checks`, the feed format in
:mod:`cyberorigen.plugins.vulns.feed` (and ``README.md`` beside this file), version
normalisation and banner parsing in :mod:`cyberorigen.plugins.vulns.versions`.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Scanner, hookimpl
from cyberorigen.plugins.vulns.scanner import VulnsScanner

PLUGIN_API = "~=1.4"


@hookimpl
def cyberorigen_scanners() -> list[Scanner]:
    return [VulnsScanner()]


__all__ = ["PLUGIN_API", "VulnsScanner", "cyberorigen_scanners"]
