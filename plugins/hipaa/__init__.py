"""Built-in plugin: the HIPAA Security Rule framework (``hipaa-security-2013``), 45 CFR
164.308-164.316.

Its catalogue (``data/catalogue.json``) and the mappings of the common controls to its
requirements (``data/mappings.json``) are data, checked when the registry is built. The
licence note in the catalogue says what may be shipped of the framework's text.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Framework, hookimpl
from cyberorigen.plugin_api.framework_data import framework_from_package

PLUGIN_API = "~=1.1"


@hookimpl
def cyberorigen_frameworks() -> list[Framework]:
    return [framework_from_package(__name__)]
