"""Built-in plugin: the notification transports ``http`` (signed JSON, the default),
``slack``, ``email`` and ``syslog``."""

from __future__ import annotations

from cyberorigen.plugin_api import Transport, hookimpl
from cyberorigen.plugins.notify.email import EmailTransport
from cyberorigen.plugins.notify.http import HttpTransport
from cyberorigen.plugins.notify.slack import SlackTransport
from cyberorigen.plugins.notify.syslog import SyslogTransport

PLUGIN_API = "~=1.2"


@hookimpl
def cyberorigen_transports() -> list[Transport]:
    return [HttpTransport(), SlackTransport(), EmailTransport(), SyslogTransport()]
