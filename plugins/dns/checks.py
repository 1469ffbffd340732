"""The catalogue of checks of the DNS and e-mail security scanners (``dns`` and ``smtp``).

Ids, titles and default severities follow ``reference/checks_mappings.csv`` (its ``dns.*`` and
``smtp.*`` rows). The core requires every check id of a scanner to start with the scanner's
name, so ``smtp.starttls_missing`` belongs to a second scanner, ``smtp``, shipped by the same
plugin; both take the same options.

Which domains are "mail domains": the SPF and DMARC checks apply only to a domain that has at
least one MX record other than a null MX (RFC 7505, ``0 .``), or that publishes an SPF record.
A domain with neither neither sends nor receives mail as far as DNS says: its SPF and DMARC
checks are reported as not examined (they count neither as passed nor as failed).

Fingerprints: every check uses the core's default recipe (SHA-256 of check id, target host and
location). Each check's ``fingerprint`` text says what its location is made of.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Check, Severity

#: RFC 7208 section 4.6.4: at most 10 DNS-querying terms per SPF evaluation.
SPF_LOOKUP_LIMIT = 10

_RFC = "https://www.rfc-editor.org/rfc/"

SPF_MISSING = Check(
    id="dns.spf_missing",
    title="No SPF record on mail-sending domain",
    severity=Severity.MEDIUM,
    description=(
        "Reads the TXT records of the domain. Fires when the domain is a mail domain (it has "
        "a non-null MX record) but publishes no TXT record starting with 'v=spf1'. For a "
        "domain with neither an MX nor an SPF record the SPF and DMARC checks are not "
        "examined: they count neither as passed nor as failed."
    ),
    remediation=(
        "Publish one TXT record 'v=spf1 ... -all' listing the servers and services that send "
        "mail for the domain (ip4:/ip6:/include: terms), ending in '-all' (or '~all' while "
        "you roll it out). Without SPF, receivers cannot tell your mail from forged mail."
    ),
    references=(f"{_RFC}rfc7208", "https://www.cisa.gov/news-events/directives/bod-18-01"),
    fingerprint="check id, target host, location (the domain name)",
    controls=("ctrl_email_authentication",),
)

SPF_PERMISSIVE = Check(
    id="dns.spf_permissive",
    title="SPF uses +all/?all or exceeds 10 DNS lookups",
    severity=Severity.MEDIUM,
    description=(
        "Parses the domain's SPF record and follows its include: and redirect= terms "
        "recursively. Fires when the policy ends in '+all' (or a bare 'all') or '?all', when "
        "the DNS-querying terms (include, a, mx, ptr, exists, redirect) add up to more than 10 "
        "(receivers then answer permerror and SPF protects nothing), or when the domain "
        "publishes more than one SPF record (also a permerror)."
    ),
    remediation=(
        "End the SPF record in '-all' (or '~all'), never '+all' or '?all'. Keep the lookup "
        "count at 10 or below: drop senders you no longer use, replace include: chains of "
        "small providers with their ip4:/ip6: ranges, and avoid ptr and a/mx terms you do not "
        "need. Keep exactly one 'v=spf1' record."
    ),
    references=(f"{_RFC}rfc7208#section-4.6.4", f"{_RFC}rfc7208#section-5.1"),
    fingerprint="check id, target host, location (the domain name)",
    controls=("ctrl_email_authentication",),
)

DMARC_MISSING = Check(
    id="dns.dmarc_missing",
    title="No DMARC record",
    severity=Severity.MEDIUM,
    description=(
        "Reads the TXT records at _dmarc.<domain> and, if there is none, at _dmarc of each "
        "parent domain (the organizational domain's policy also covers its subdomains). "
        "Fires for a mail domain when no single 'v=DMARC1' record is found; two or more "
        "records at the same name count as none, as RFC 7489 says."
    ),
    remediation=(
        "Publish a TXT record at _dmarc.<domain>, e.g. 'v=DMARC1; p=quarantine; "
        "rua=mailto:dmarc-reports@<domain>', read the aggregate reports, and move to "
        "p=reject once legitimate mail passes SPF or DKIM alignment."
    ),
    references=(f"{_RFC}rfc7489", "https://www.cisa.gov/news-events/directives/bod-18-01"),
    fingerprint="check id, target host, location (the _dmarc name looked up first)",
    controls=("ctrl_email_authentication",),
)

DMARC_P_NONE = Check(
    id="dns.dmarc_p_none",
    title="DMARC policy p=none (or pct<100 / sp=none)",
    severity=Severity.LOW,
    description=(
        "Parses the DMARC record that applies to the domain. Fires when its policy for the "
        "domain is 'none' (p=none, or sp=none when the record was found at a parent domain, "
        "or no p= tag at all), when sp=none leaves subdomains unprotected, or when pct is "
        "below 100 so that part of the failing mail is let through."
    ),
    remediation=(
        "Once the aggregate reports show your own mail passing, set p=reject (or at least "
        "p=quarantine), remove pct= or set it to 100, and remove sp=none so subdomains inherit "
        "the same policy."
    ),
    references=(
        f"{_RFC}rfc7489#section-6.3",
        "https://www.cisa.gov/news-events/directives/bod-18-01",
    ),
    fingerprint="check id, target host, location (the _dmarc name holding the record)",
    controls=("ctrl_email_authentication",),
)

STARTTLS_MISSING = Check(
    id="smtp.starttls_missing",
    title="MX does not offer STARTTLS (or no MTA-STS)",
    severity=Severity.MEDIUM,
    description=(
        "Connects to each MX host of the domain on the SMTP port, sends EHLO and reads the "
        "extensions offered. Fires for each MX whose EHLO answer does not list STARTTLS. An MX "
        "that cannot be reached is noted in the evidence; when no MX at all can be checked "
        "the scan fails instead of passing. A domain without MX records (or with only a null "
        "MX) is not applicable: the check counts neither as passed nor as failed. A domain "
        "that does not exist (NXDOMAIN) fails the scan. On a scan with discovery, also sends "
        "EHLO to every SMTP service found, on any port of any host (location host:port); an "
        "IP address target has no MX record, so only those are examined. MTA-STS is not "
        "examined."
    ),
    remediation=(
        "Enable STARTTLS on every mail server that receives mail for the domain, with a "
        "certificate valid for the MX host name, so that mail travels encrypted between "
        "servers. Consider MTA-STS (RFC 8461) or DANE so that senders insist on it."
    ),
    references=(
        f"{_RFC}rfc3207",
        f"{_RFC}rfc8461",
        "https://www.cisa.gov/news-events/directives/bod-18-01",
    ),
    fingerprint="check id, target host, location (the MX host name and SMTP port, host:port)",
    controls=(
        "ctrl_email_authentication",
        "ctrl_encryption_in_transit",
    ),
)

CAA_MISSING = Check(
    id="dns.caa_missing",
    title="No CAA record",
    severity=Severity.LOW,
    description=(
        "Looks for CAA records at the domain and then at each parent domain, as certificate "
        "authorities do (RFC 8659 tree climbing), up to but excluding the top-level domain. "
        "Fires when none of these names has a CAA record set."
    ),
    remediation=(
        "Publish CAA records at the registrable domain naming the CAs you use, e.g. "
        "'0 issue \"letsencrypt.org\"', plus an 'iodef' contact, so that other CAs refuse to "
        "issue certificates for your names."
    ),
    references=(f"{_RFC}rfc8659",),
    fingerprint="check id, target host, location (the domain name)",
    controls=(
        "ctrl_dns_integrity",
        "ctrl_certificate_management",
    ),
)

DNSSEC_UNSIGNED = Check(
    id="dns.dnssec_unsigned",
    title="Zone not DNSSEC-signed",
    severity=Severity.LOW,
    description=(
        "Finds the zone holding the domain (from the SOA record), then asks with the DNSSEC "
        "OK bit for the zone's DNSKEY records and for its SOA. Fires when the zone has no "
        "DNSKEY, when the SOA comes back without an RRSIG, or when that RRSIG does not "
        "validate against the DNSKEY set. The chain of trust (a DS record in the parent "
        "zone) is not verified."
    ),
    remediation=(
        "Sign the zone (most DNS providers do it with one setting), then publish the DS "
        "record at your registrar so that validating resolvers can trust the answers."
    ),
    references=(f"{_RFC}rfc4033", f"{_RFC}rfc4034", f"{_RFC}rfc4035"),
    fingerprint="check id, target host, location (the zone apex)",
    controls=("ctrl_dns_integrity",),
)

AXFR_OPEN = Check(
    id="dns.axfr_open",
    title="Zone transfer (AXFR) allowed to anyone",
    severity=Severity.HIGH,
    description=(
        "Asks each name server of the zone (its NS records, plus the server given as "
        "'resolver') for a full zone transfer over TCP. Fires for each server that sends "
        "the zone; the evidence gives the number of records received."
    ),
    remediation=(
        "Allow zone transfers only to your secondary name servers, by IP address and "
        "preferably with TSIG keys (allow-transfer in BIND, equivalent settings elsewhere). "
        "An open transfer hands anyone a map of every host in the zone."
    ),
    references=(f"{_RFC}rfc5936", "https://cwe.mitre.org/data/definitions/200.html"),
    fingerprint="check id, target host, location ('<zone> @ <name server>')",
    controls=(
        "ctrl_dns_integrity",
        "ctrl_network_boundary_protection",
    ),
)

DANGLING_CNAME = Check(
    id="dns.dangling_cname",
    title="Dangling CNAME / subdomain takeover candidate",
    severity=Severity.HIGH,
    description=(
        "Looks for a CNAME at the domain and at each name listed in the 'subdomains' option "
        "(default: www), and, when a zone transfer succeeded, at every name of the zone. "
        "Fires when the CNAME's target does not exist (NXDOMAIN)."
    ),
    remediation=(
        "Remove the CNAME, or point it at a resource you control. If the target was a cloud "
        "service (a storage bucket, an app or CDN host name), someone else may be able to "
        "claim that name and serve content under your domain."
    ),
    references=(
        "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_"
        "Security_Testing/02-Configuration_and_Deployment_Management_Testing/10-Test_for_"
        "Subdomain_Takeover",
        f"{_RFC}rfc1034#section-3.6.2",
    ),
    fingerprint="check id, target host, location (the name holding the CNAME)",
    controls=(
        "ctrl_dns_integrity",
        "ctrl_vulnerability_management",
    ),
)

_NOT_CONTACTED = (
    "The host was not contacted, so nothing is known of how it answers. If it belongs to the "
    "organization, an admin can add it (or its network) to the scope; a host in a network "
    "the operator forbids (scope.forbidden_networks) is never contacted."
)

NS_OUT_OF_SCOPE = Check(
    id="dns.ns_out_of_scope",
    title="Name server outside the scan scope: not asked for a zone transfer",
    severity=Severity.INFO,
    description=(
        "Reads the NS records of the zone. Reported for each name server address that is "
        "neither under a scope domain nor in a scope address or network (or that is in a "
        "network no organization may scan): its zone transfer (AXFR) was not tried."
    ),
    remediation=_NOT_CONTACTED,
    fingerprint="check id, target host, location (name server and address)",
)

DNS_CHECKS = (
    SPF_MISSING,
    SPF_PERMISSIVE,
    DMARC_MISSING,
    DMARC_P_NONE,
    CAA_MISSING,
    DNSSEC_UNSIGNED,
    AXFR_OPEN,
    DANGLING_CNAME,
    NS_OUT_OF_SCOPE,
)

MX_OUT_OF_SCOPE = Check(
    id="smtp.mx_out_of_scope",
    title="Mail server outside the scan scope: not checked",
    severity=Severity.INFO,
    description=(
        "Reads the MX records of the domain and the addresses of each MX host. Reported for "
        "each MX host none of whose addresses may be contacted (it is neither under a scope "
        "domain nor in a scope address or network, or is in a network no organization may "
        "scan): STARTTLS was not checked on it."
    ),
    remediation=_NOT_CONTACTED,
    fingerprint="check id, target host, location (the MX host name)",
)

SMTP_CHECKS = (STARTTLS_MISSING, MX_OUT_OF_SCOPE)
