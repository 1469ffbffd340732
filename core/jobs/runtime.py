"""What a job needs in the process that runs it: settings and the plugin registry.

``cyberorigen worker`` and the API process build it once at start (plugins are imported
before RQ forks a work horse); a job started by another runner builds it on first use.
"""

from __future__ import annotations

from dataclasses import dataclass

from cyberorigen.compliance.scans import assess_completed_scan
from cyberorigen.plugin_registry import PluginRegistry, build_registry
from cyberorigen.services.scan_runner import RunnerSettings
from cyberorigen.settings import Settings, load_settings


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    registry: PluginRegistry

    @property
    def runner_settings(self) -> RunnerSettings:
        return RunnerSettings(
            profiles=dict(self.settings.scan_profiles),
            scanner_timeout=self.settings.scanner_timeout,
            heartbeat_interval=max(1.0, self.settings.heartbeat_timeout / 6),
            scope=self.settings.scope,
            after_completion=(assess_completed_scan,),
        )


_current: Runtime | None = None


def install(settings: Settings, registry: PluginRegistry | None = None) -> Runtime:
    global _current
    registry = registry or build_registry(settings.disabled_plugins, settings.trace_plugins)
    _current = Runtime(settings, registry)
    return _current


def current() -> Runtime:
    return _current or install(load_settings())
