"""The exceptions of the DNS plugin's scanners: each says why a scan or a check stopped."""

from __future__ import annotations


class DnsScanError(Exception):
    """The scan could not be done; the message says why."""


class ResolverUnreachable(DnsScanError, ConnectionError):
    """The resolver did not answer the first question of the scan."""


class Inconclusive(DnsScanError):
    """One check could not be concluded (a DNS question timed out or was answered with an
    error); the other checks go on and the scan then fails with :class:`ScanIncomplete`."""


class DnsTimeout(Inconclusive, TimeoutError):
    """One DNS question timed out."""


class ScanIncomplete(DnsScanError):
    """Some checks could not be concluded; the message lists them."""


class NoMxReachable(DnsScanError, ConnectionError):
    """Not one MX host could be checked for STARTTLS."""


class SmtpUnreachable(DnsScanError, ConnectionError):
    """The SMTP service discovery found could not be asked EHLO."""
