"""Built-in plugin: the TLS scanner (``tls``), built on sslyze.

Registered as the ``tls`` entry point of the ``cyberorigen.plugins`` group, like any other
plugin. Its checks are catalogued in :mod:`cyberorigen.plugins.tls.checks`; how sslyze's
results become findings is in :mod:`cyberorigen.plugins.tls.analysis`.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Scanner, hookimpl
from cyberorigen.plugins.tls.scanner import TlsScanner

PLUGIN_API = "~=1.0"


@hookimpl
def cyberorigen_scanners() -> list[Scanner]:
    return [TlsScanner()]


__all__ = ["PLUGIN_API", "TlsScanner", "cyberorigen_scanners"]
