"""Built-in plugin: the network-services scanner (``ports``).

Registered as the ``ports`` entry point of the ``cyberorigen.plugins`` group, like any other
plugin. Its checks are catalogued in :mod:`cyberorigen.plugins.ports.checks`. It uses nmap
(``-sT``, then ``-sV`` on the open ports, bounded) when the binary is installed and falls back
to its own asyncio TCP connect scan; the environment hook says so when nmap is missing.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Scanner, hookimpl
from cyberorigen.plugins.ports.nmap_xml import nmap_path
from cyberorigen.plugins.ports.scanner import NMAP_MISSING, PortsScanner

PLUGIN_API = "~=1.0"


@hookimpl
def cyberorigen_scanners() -> list[Scanner]:
    return [PortsScanner()]


@hookimpl
def cyberorigen_environment_problems() -> list[str]:
    return [] if nmap_path() else [NMAP_MISSING]


__all__ = ["PLUGIN_API", "PortsScanner", "cyberorigen_environment_problems", "cyberorigen_scanners"]
