"""The ``example-baseline`` framework: pure data, read with the appliance's shared loader.

``data/catalogue.json`` lists the requirements (flat, each naming its ``parent``; the
``assessed_levels`` get a status in reports, the other levels only group them).
``data/mappings.json`` maps the appliance's EXISTING common controls
(``ctrl_encryption_in_transit``, ``ctrl_secure_web_configuration``...) to those requirements.
That is how a third-party framework joins the appliance without touching its core: the checks
of every installed scanner already test those controls, so the framework's report is filled
in by the scans the organization runs anyway.

:func:`~cyberorigen.plugin_api.framework_data.framework_from_package` checks both files when
the hook is called: a duplicate id, a parent not listed before its child, a mapping to an
unknown requirement or a contradictory relationship raises ValueError naming the file and the
problem. The registry then records the plugin as ``failed`` with that message, and it does the
same when a mapping names a control no loaded plugin provides.
"""

from __future__ import annotations

from cyberorigen.plugin_api.framework_data import DataFramework, framework_from_package

PACKAGE = "cyberorigen_example"


def example_baseline() -> DataFramework:
    """The framework in this package's ``data/catalogue.json`` and ``data/mappings.json``."""
    return framework_from_package(PACKAGE)
