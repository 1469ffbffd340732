"""The plugin module named by the ``example`` entry point of the ``cyberorigen.plugins`` group.

It declares the plugin-API versions it works with and implements four hooks. The registry
calls each registration hook once, when it is built (in the API process and in every worker).
"""

from __future__ import annotations

import importlib.util

from cyberorigen.plugin_api import Framework, Scanner, Transport, hookimpl

from cyberorigen_example.framework import example_baseline
from cyberorigen_example.robots import RobotsScanner
from cyberorigen_example.transport import FileTransport

# 1.1: Framework.display_name and typed ControlMapping objects from mappings();
# 1.3: ScanContext.observed, which the robots scanner calls.
PLUGIN_API = "~=1.3"


@hookimpl
def cyberorigen_scanners() -> list[Scanner]:
    return [RobotsScanner()]


@hookimpl
def cyberorigen_frameworks() -> list[Framework]:
    # Reads and checks data/catalogue.json and data/mappings.json; a broken file raises
    # ValueError, and the registry records this plugin as failed with that message.
    return [example_baseline()]


@hookimpl
def cyberorigen_transports() -> list[Transport]:
    return [FileTransport()]


@hookimpl
def cyberorigen_environment_problems() -> list[str]:
    # Quick and never raising. Python can be built without OpenSSL; then https is out of reach.
    if importlib.util.find_spec("ssl") is None:
        return ["Python has no ssl module: the robots scanner cannot fetch https:// targets"]
    return []
