"""Built-in plugin: importers of other tools' result files.

Each module reads one format into findings (``POST /api/v1/imports``); each documents which
fields make its findings' fingerprints. See docs/imports.md.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Importer, hookimpl
from cyberorigen.plugins.importers.nmap import NmapImporter
from cyberorigen.plugins.importers.nuclei import NucleiImporter
from cyberorigen.plugins.importers.ocsf import OcsfImporter
from cyberorigen.plugins.importers.sarif import SarifImporter
from cyberorigen.plugins.importers.trivy import TrivyImporter
from cyberorigen.plugins.importers.zap import ZapImporter

PLUGIN_API = "~=1.6"


@hookimpl
def cyberorigen_importers() -> list[Importer]:
    return [
        SarifImporter(),
        TrivyImporter(),
        NucleiImporter(),
        ZapImporter(),
        NmapImporter(),
        OcsfImporter(),
    ]
