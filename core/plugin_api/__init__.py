"""The only module plugin authors import: ``from cyberorigen.plugin_api import ...``.

A plugin is a module (or an object) registered under the ``cyberorigen.plugins`` entry-point
group. It declares the plugin-API versions it supports (``PLUGIN_API = "~=1.1"``) and implements
hooks from :mod:`cyberorigen.plugin_api.hookspecs` with the ``hookimpl`` marker.
"""

from cyberorigen.plugin_api.hookspecs import hookimpl
from cyberorigen.plugin_api.interfaces import (
    Check,
    Control,
    ControlMapping,
    Delivery,
    DeliveryError,
    EndpointGone,
    Finding,
    Framework,
    Imported,
    ImportedService,
    ImportedTarget,
    Importer,
    InvalidImport,
    NotApplicable,
    PermanentError,
    Requirement,
    ScanCancelled,
    ScanContext,
    Scanner,
    ScanSummary,
    Sent,
    Service,
    Severity,
    Target,
    TransientError,
    Transport,
    stable_fingerprint,
)
from cyberorigen.plugin_api.scope import OutOfScope, ScanScope

#: The version of this interface. Plugins declare a compatible range in ``PLUGIN_API``.
API_VERSION = "1.6"

ENTRY_POINT_GROUP = "cyberorigen.plugins"

__all__ = [
    "API_VERSION",
    "ENTRY_POINT_GROUP",
    "Check",
    "Control",
    "ControlMapping",
    "Delivery",
    "DeliveryError",
    "EndpointGone",
    "Finding",
    "Framework",
    "Imported",
    "ImportedService",
    "ImportedTarget",
    "Importer",
    "InvalidImport",
    "NotApplicable",
    "OutOfScope",
    "PermanentError",
    "Requirement",
    "ScanCancelled",
    "ScanContext",
    "ScanScope",
    "ScanSummary",
    "Scanner",
    "Sent",
    "Service",
    "Severity",
    "Target",
    "TransientError",
    "Transport",
    "stable_fingerprint",
    "hookimpl",
]
