"""Built-in plugin: the common control library.

Each control (``ctrl_encryption_in_transit``) is one thing an organization does that several
frameworks ask for. Checks name the controls they test; the framework plugins map the controls
to their requirements. The library is data (``data/controls.json``), checked on load.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Control, hookimpl
from cyberorigen.plugin_api.framework_data import controls_from_package

PLUGIN_API = "~=1.1"


@hookimpl
def cyberorigen_controls() -> list[Control]:
    return controls_from_package(__name__)
