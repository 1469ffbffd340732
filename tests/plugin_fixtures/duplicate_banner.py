"""A plugin whose scanner takes a name another plugin already provides."""

from fixture_scanners import BannerScanner

from cyberorigen.plugin_api import hookimpl

PLUGIN_API = "~=1.0"


@hookimpl
def cyberorigen_scanners():
    return [BannerScanner()]
