"""A plugin that reports what its environment lacks."""

from cyberorigen.plugin_api import hookimpl

PLUGIN_API = "~=1.0"


@hookimpl
def cyberorigen_environment_problems():
    return ["frobnicator is not installed: install it for deeper checks"]
