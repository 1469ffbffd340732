"""Built-in plugin: DNS and e-mail security (scanners ``dns`` and ``smtp``), on dnspython.

Registered as the ``dns`` entry point of the ``cyberorigen.plugins`` group. The ``dns``
scanner checks SPF, DMARC, CAA, DNSSEC, open zone transfers and dangling CNAMEs; the ``smtp``
scanner checks STARTTLS on the domain's MX hosts (its check id, ``smtp.starttls_missing``,
must start with its scanner's name). Checks: :mod:`cyberorigen.plugins.dns.checks`; the
scanners: :mod:`cyberorigen.plugins.dns.scanner` and :mod:`cyberorigen.plugins.dns.smtp`.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Scanner, hookimpl
from cyberorigen.plugins.dns.scanner import DnsScanner, environment_problems
from cyberorigen.plugins.dns.smtp import SmtpScanner

PLUGIN_API = "~=1.5"


@hookimpl
def cyberorigen_scanners() -> list[Scanner]:
    return [DnsScanner(), SmtpScanner()]


@hookimpl
def cyberorigen_environment_problems() -> list[str]:
    return environment_problems()


__all__ = [
    "PLUGIN_API",
    "DnsScanner",
    "SmtpScanner",
    "cyberorigen_environment_problems",
    "cyberorigen_scanners",
]
