"""Built-in plugin: the HTTP security-headers scanner (``http``).

Registered as the ``http`` entry point of the ``cyberorigen.plugins`` group, like any other
plugin. Its checks are catalogued in :mod:`cyberorigen.plugins.http.checks`.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Scanner, hookimpl
from cyberorigen.plugins.http.scanner import HttpScanner

PLUGIN_API = "~=1.0"


@hookimpl
def cyberorigen_scanners() -> list[Scanner]:
    return [HttpScanner()]


__all__ = ["PLUGIN_API", "HttpScanner", "cyberorigen_scanners"]
