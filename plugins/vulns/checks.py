"""The check of the known-vulnerability scanner (``vulns``).

Fingerprint: one finding per service and advisory. The location is the service as
``host:port`` (``[v6addr]:port`` for IPv6); since several advisories may match one service,
the finding's own fingerprint is SHA-256 of the check id, the target host, that location and
the advisory id, so each advisory keeps its identity from one scan to the next while the
port stays put, whatever the announced version becomes.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Check, Severity

FINGERPRINT = "check id, target host, location (the service as host:port) and the advisory id"

KNOWN_VULNERABILITY = Check(
    id="vulns.known_vulnerability",
    title="Service version has a known vulnerability",
    severity=Severity.HIGH,
    description=(
        "Compares the product and version of every service that discovery found on the host "
        "(the product and version discovery reported, else those read from its banner: an "
        "SSH identification string, an HTTP Server header, a 220 FTP or SMTP greeting) with "
        "the advisories of a local vulnerability feed (option 'feed'; by default the small "
        "example feed shipped with the appliance). Sends nothing to the host. Fires once per "
        "service and advisory whose affected versions contain the announced version; the "
        "severity is the advisory's own, else its CVSS base score's band (9.0 and above "
        "critical, 7.0 high, 4.0 medium, below that low). The match is by upstream version "
        "only: Linux distributions backport security fixes without changing the upstream "
        "version (Debian 12's OpenSSH 9.2p1 packages have carried the fix for CVE-2024-6387 "
        "since July 2024), so a finding on a distribution's package may already be fixed; "
        "evidence names the distribution when the version shows one. An advisory about only "
        "some distributions' packages applies only when the version or banner names one of "
        "them. A hidden or altered banner hides the version: silence is not proof that the "
        "service is up to date. Evidence: product, version seen and as compared, advisory "
        "id, affected range, fixed version, summary and references."
    ),
    remediation=(
        "Upgrade the product to the advisory's fixed version (evidence 'fixed') or a later "
        "release, or install the vendor's or distribution's security update. On a "
        "distribution package, first check the package version against the distribution's "
        "security tracker: when the fix is backported, the finding is a false positive of "
        "upstream-version matching and may be accepted. Keep the feed current: the bundled "
        "example feed lists only a few advisories."
    ),
    references=(
        "https://nvd.nist.gov/vuln",
        "https://www.first.org/cvss/v3.1/specification-document",
    ),
    fingerprint=FINGERPRINT,
    controls=("ctrl_vulnerability_management",),
)

CHECKS: tuple[Check, ...] = (KNOWN_VULNERABILITY,)
