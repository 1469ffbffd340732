"""A plugin that implements a hook that does not exist (a typo)."""

from cyberorigen.plugin_api import hookimpl

PLUGIN_API = "~=1.0"


@hookimpl
def cyberorigen_scaners():
    return []
