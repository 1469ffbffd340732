"""The hook contract between CyberOrigen and its plugins, grouped by when the hooks fire.

Every hook is called through pluggy with keyword arguments. A plugin implements any subset
of them with functions decorated by ``cyberorigen.plugin_api.hookimpl`` and named exactly as
here (a misspelled name is reported and the plugin is skipped). None of these hooks is
``firstresult`` or ``historic``: every plugin's answer is collected.
"""

from __future__ import annotations

import pluggy

from cyberorigen.plugin_api.interfaces import (
    Control,
    Framework,
    Importer,
    Scanner,
    ScanSummary,
    Transport,
)

PROJECT_NAME = "cyberorigen"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# --- Registration: once per process, at start-up (API process and every worker) -------------


@hookspec
def cyberorigen_scanners() -> list[Scanner]:
    """Return the scanners this plugin provides (instances of ``Scanner``).

    Fires once when the plugin registry is built, in the API process and in every worker.
    Names must be unique across all plugins; a duplicate makes the plugin ``failed``.
    """


@hookspec
def cyberorigen_importers() -> list[Importer]:
    """Return the importers this plugin provides (instances of ``Importer``): readers of other
    tools' result files (SARIF, Trivy JSON...). Since plugin API 1.6.

    Fires once when the registry is built. Names must be unique across plugins and differ
    from every scanner's name (an import's findings carry the importer's name as their
    scanner); check ids start with the importer's name and a dot.
    """


@hookspec
def cyberorigen_frameworks() -> list[Framework]:
    """Return the compliance frameworks this plugin provides (instances of ``Framework``).

    Fires once when the registry is built. Framework ids must be unique across plugins.
    """


@hookspec
def cyberorigen_controls() -> list[Control]:
    """Return the common controls this plugin provides (instances of ``Control``).

    Fires once when the registry is built. Control ids (``ctrl_...``) must be unique across
    plugins. Checks name the controls they test (``Check.controls``) and frameworks map them
    to requirements (``Framework.mappings()``); a framework that maps a control no plugin
    provides is refused when the registry is built.
    """


@hookspec
def cyberorigen_transports() -> list[Transport]:
    """Return the notification transports this plugin provides (instances of ``Transport``).

    Fires once when the registry is built. Transport names must be unique across plugins.
    """


@hookspec
def cyberorigen_environment_problems() -> list[str]:
    """Return what is missing on this machine for the plugin to work fully, as sentences
    ("nmap is not installed: the ports scanner falls back to a connect scan").

    Fires when the registry is built and whenever plugins are listed; return an empty list
    when all is well. It must be quick and must not raise.
    """


# --- Scan lifecycle: on the worker that runs the scan ----------------------------------------


@hookspec
def cyberorigen_scan_started(scan: ScanSummary) -> None:
    """Fires on the worker when a scan starts running, before its first scanner. Return None.

    An exception is logged and ignored: it never stops the scan.
    """


@hookspec
def cyberorigen_scan_finished(scan: ScanSummary) -> None:
    """Fires on the worker when a scan has ended (``scan.status`` is ``completed``, ``failed``
    or ``cancelled``) and its results are stored. Return None.

    An exception is logged and ignored.
    """
