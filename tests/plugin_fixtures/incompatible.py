"""A plugin written for a future plugin API."""

from cyberorigen.plugin_api import hookimpl

PLUGIN_API = "~=2.0"


@hookimpl
def cyberorigen_scanners():
    return []
