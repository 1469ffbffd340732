"""Built-in plugin: the SSH scanner (``ssh``).

Registered as the ``ssh`` entry point of the ``cyberorigen.plugins`` group, like any other
plugin. Its checks are catalogued in :mod:`cyberorigen.plugins.ssh.checks`; the identification
string and KEXINIT are read by :mod:`cyberorigen.plugins.ssh.protocol`, judged by
:mod:`cyberorigen.plugins.ssh.analysis`, and the host key and authentication methods are
learnt through paramiko in :mod:`cyberorigen.plugins.ssh.auth`.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Scanner, hookimpl
from cyberorigen.plugins.ssh.scanner import SshScanner

PLUGIN_API = "~=1.3"


@hookimpl
def cyberorigen_scanners() -> list[Scanner]:
    return [SshScanner()]


__all__ = ["PLUGIN_API", "SshScanner", "cyberorigen_scanners"]
