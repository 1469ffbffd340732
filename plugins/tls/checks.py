"""The catalogue of checks of the TLS scanner (``tls``), built on sslyze.

Ids, titles and default severities follow ``reference/checks_mappings.csv`` (its ``tls.*``
rows), which also maps each check to controls and framework requirements. Two checks have no
row there yet: ``tls.protocol.tls13_not_offered`` and ``tls.weak_dh`` (their controls are
those of the other protocol and cipher checks).

Not implemented here: ``tls.cert.revoked`` (certificate revoked by its CA). Knowing that
needs the CA's CRL or an OCSP answer fetched over the network from addresses named in the
certificate, which an appliance scanning internal services often cannot reach and which the
scanner must not depend on; sslyze only reports a stapled OCSP response, and a server that
staples none says nothing about revocation.

Also not reported: client-initiated renegotiation (sslyze's ``is_vulnerable_to_client_
renegotiation_dos``) is a denial-of-service concern rather than a protocol flaw and has no row
in the catalogue; ``tls.vuln.known_protocol_flaw`` fires for *insecure* renegotiation (no
RFC 5746 support) only.

Fingerprints: every check uses the core's default recipe (SHA-256 of check id, target host
and location); the location is the TLS service as ``host:port`` (``[v6addr]:port`` for IPv6),
so a finding keeps its identity from one scan to the next as long as the port stays put.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Check, Severity

#: Days before expiry below which the expiring checks fire (the tighter one wins).
EXPIRY_HIGH_DAYS = 30
EXPIRY_MEDIUM_DAYS = 60
#: Longest certificate lifetime browsers accept (CA/Browser Forum), in days.
MAX_VALIDITY_DAYS = 398
#: Smallest acceptable public keys, in bits.
MIN_RSA_BITS = 2048
MIN_EC_BITS = 224
#: Smallest acceptable ephemeral key exchange groups, in bits: finite-field Diffie-Hellman
#: (DHE) and elliptic-curve (ECDHE; X25519 counts as 253 bits).
MIN_DH_BITS = 2048
MIN_ECDH_BITS = MIN_EC_BITS

_OWASP_TLS = (
    "https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html"
)
_MOZILLA = "https://wiki.mozilla.org/Security/Server_Side_TLS"
_NIST_TLS = "https://csrc.nist.gov/pubs/sp/800/52/r2/final"
_FINGERPRINT = "check id, target host, location (the TLS service as host:port)"


def _check(
    id: str,
    title: str,
    severity: Severity,
    description: str,
    remediation: str,
    references: tuple[str, ...],
    controls: tuple[str, ...],
) -> Check:
    return Check(
        id=id,
        title=title,
        severity=severity,
        description=description,
        remediation=remediation,
        references=references,
        fingerprint=_FINGERPRINT,
        controls=controls,
    )


SSLV2 = _check(
    "tls.protocol.sslv2_enabled",
    "SSLv2 offered",
    Severity.CRITICAL,
    "sslyze tries every SSL 2.0 cipher suite. Fires when the server completes an SSL 2.0 "
    "handshake with any of them. SSL 2.0 is broken beyond repair and exposes even the "
    "server's modern TLS sessions to DROWN when the same key is used.",
    "Turn SSL 2.0 off in the server or load balancer configuration (it is absent from any "
    "current TLS library, so its presence usually means a very old build that should be "
    "upgraded), and rotate the key if it was shared with other services.",
    ("https://www.rfc-editor.org/rfc/rfc6176", "https://drownattack.com/", _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

SSLV3 = _check(
    "tls.protocol.sslv3_enabled",
    "SSLv3 offered",
    Severity.HIGH,
    "sslyze tries every SSL 3.0 cipher suite. Fires when the server accepts an SSL 3.0 "
    "handshake; SSL 3.0's CBC padding is open to POODLE and its RC4 suites are broken.",
    "Disable SSL 3.0 on the service and everything in front of it; allow TLS 1.2 and 1.3 "
    "only. No client still in support needs SSL 3.0.",
    (
        "https://www.rfc-editor.org/rfc/rfc7568",
        "https://www.cisa.gov/news-events/directives/bod-18-01-enhance-email-and-web-security",
        _OWASP_TLS,
    ),
    controls=("ctrl_encryption_in_transit",),
)

TLS1_0 = _check(
    "tls.protocol.tls1_0_enabled",
    "TLS 1.0 offered",
    Severity.MEDIUM,
    "sslyze tries every TLS 1.0 cipher suite. Fires when the server accepts a TLS 1.0 "
    "handshake. TLS 1.0 is deprecated (RFC 8996) and is not strong cryptography under "
    "PCI DSS.",
    "Set the minimum protocol version to TLS 1.2. Check first that no client you must "
    "serve (old embedded devices, legacy Java or Windows builds) still depends on TLS 1.0.",
    ("https://www.rfc-editor.org/rfc/rfc8996", _MOZILLA, _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

TLS1_1 = _check(
    "tls.protocol.tls1_1_enabled",
    "TLS 1.1 offered",
    Severity.MEDIUM,
    "sslyze tries every TLS 1.1 cipher suite. Fires when the server accepts a TLS 1.1 "
    "handshake; TLS 1.1 is deprecated by RFC 8996 along with TLS 1.0.",
    "Set the minimum protocol version to TLS 1.2 (TLS 1.1 has no cipher suite that TLS 1.2 "
    "does not offer better, and every current client speaks TLS 1.2).",
    ("https://www.rfc-editor.org/rfc/rfc8996", _MOZILLA, _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

NO_MODERN_TLS = _check(
    "tls.protocol.no_modern_tls",
    "Neither TLS 1.2 nor TLS 1.3 offered",
    Severity.HIGH,
    "Fires when the server completes handshakes only with SSL 2.0/3.0 or TLS 1.0/1.1, so "
    "no client can reach it over a protocol version that is still considered secure.",
    "Upgrade the TLS library or appliance firmware so that it supports TLS 1.2 and 1.3, "
    "enable both, then retire the older versions.",
    (_NIST_TLS, _MOZILLA, _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

TLS13_NOT_OFFERED = _check(
    "tls.protocol.tls13_not_offered",
    "TLS 1.3 not offered",
    Severity.INFO,
    "sslyze tries every TLS 1.3 cipher suite. Fires when the server rejects all of them but "
    "accepts TLS 1.2 or an older version. TLS 1.3 removes the legacy key exchanges and "
    "ciphers that older versions still allow and encrypts more of the handshake; NIST SP "
    "800-52r2 has required it of government servers since 2024. When sslyze's TLS 1.3 scan "
    "fails, the check is recorded as not examined instead.",
    "Enable TLS 1.3 next to TLS 1.2 (OpenSSL 1.1.1 or later, or a current load balancer or "
    "appliance firmware); with OpenSSL-style configuration allow TLSv1.2 and TLSv1.3 as "
    "protocol versions.",
    ("https://www.rfc-editor.org/rfc/rfc8446", _NIST_TLS, _MOZILLA),
    controls=("ctrl_encryption_in_transit",),
)

NULL_ANON_EXPORT = _check(
    "tls.cipher.null_anon_export",
    "NULL / anonymous (aNULL) / EXPORT cipher suites accepted",
    Severity.CRITICAL,
    "Fires when the server accepts, under any protocol version, a cipher suite that does "
    "not encrypt (NULL), does not authenticate the server (anonymous DH/ECDH) or uses "
    "deliberately weakened export-grade keys (FREAK, Logjam). Evidence lists those suites.",
    "Remove these suites from the server's cipher list: with OpenSSL-style configuration "
    "append '!aNULL:!eNULL:!EXPORT', or better, list only the AEAD suites with ECDHE key "
    "exchange that current guidance recommends.",
    ("https://www.rfc-editor.org/rfc/rfc7525", "https://weakdh.org/", _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

WEAK_RC4_DES = _check(
    "tls.cipher.weak_rc4_des",
    "RC4, single-DES, 64-bit or MD5-MAC ciphers accepted",
    Severity.HIGH,
    "Fires when the server accepts a cipher suite using RC4, RC2, single DES or an MD5 MAC. "
    "RC4 is prohibited for TLS (RFC 7465) and DES keys can be searched exhaustively. "
    "3DES and IDEA are reported separately (tls.cipher.3des).",
    "Drop RC4, RC2, DES and MD5 suites from the configuration ('!RC4:!DES:!MD5' in "
    "OpenSSL syntax) and keep AES-GCM or ChaCha20-Poly1305 suites.",
    ("https://www.rfc-editor.org/rfc/rfc7465", _MOZILLA, _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

TRIPLE_DES = _check(
    "tls.cipher.3des",
    "3DES/IDEA cipher suites accepted",
    Severity.MEDIUM,
    "Fires when the server accepts a suite with 3DES or IDEA. Their 64-bit blocks let an "
    "attacker who records a long session recover plaintext (SWEET32).",
    "Remove the 3DES and IDEA suites ('!3DES:!IDEA'); the only clients that need them are "
    "Windows XP-era systems, which cannot be served securely anyway.",
    ("https://sweet32.info/", "https://www.rfc-editor.org/rfc/rfc8429", _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

CBC_OBSOLETE = _check(
    "tls.cipher.cbc_obsolete",
    "Obsolete CBC ciphers (no AEAD) offered",
    Severity.LOW,
    "Fires when the server accepts a block-cipher suite in CBC mode (AES, Camellia, ARIA, "
    "SEED). These MAC-then-encrypt constructions keep producing padding-oracle and timing "
    "attacks (Lucky 13 and its successors); suites already reported by the stronger cipher "
    "checks are not repeated here.",
    "Prefer AEAD suites (AES-GCM, ChaCha20-Poly1305) and drop the CBC ones once the "
    "clients you serve no longer need them; keep TLS 1.3 enabled, which has no CBC suites.",
    (_MOZILLA, "https://www.rfc-editor.org/rfc/rfc7525", _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

NO_FORWARD_SECRECY = _check(
    "tls.no_forward_secrecy",
    "No forward-secrecy key exchange offered",
    Severity.MEDIUM,
    "Fires when none of the authenticated cipher suites the server accepts uses an "
    "ephemeral (EC)DHE key exchange (TLS 1.3 suites always do). Without it, anyone who "
    "later obtains the server's private key can decrypt every recorded session.",
    "Enable ECDHE key exchange (for example the ECDHE-ECDSA/ECDHE-RSA AES-GCM suites) "
    "and TLS 1.3, and place them before static-RSA suites, which can then be removed.",
    (_MOZILLA, _NIST_TLS, _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

WEAK_DH = _check(
    "tls.weak_dh",
    "Weak Diffie-Hellman group (DH<2048 / ECDH<224)",
    Severity.MEDIUM,
    "sslyze records the ephemeral key of each cipher suite the server accepts. Fires when a "
    f"DHE suite uses a finite-field group below {MIN_DH_BITS} bits (1024-bit groups are within "
    "reach of precomputation attacks, Logjam) or an ECDHE suite a curve below "
    f"{MIN_ECDH_BITS} bits. Also fires for a DHE suite the server accepts with a group so small "
    "that sslyze's own client refused it. Curves are judged as negotiated with sslyze's "
    "clients, which do not offer small curves such as P-192: a server that also supports one "
    "is reported only when it imposes it. Evidence lists each suite with its group and size.",
    "Configure a DH group of at least 2048 bits (the RFC 7919 ffdhe2048 or larger, not a "
    "1024-bit or custom small group; OpenSSL 3 chooses a suitable one automatically unless "
    "a parameter file overrides it), or drop the DHE suites in favour of ECDHE. Restrict "
    "ECDHE to X25519, P-256 and larger curves.",
    ("https://weakdh.org/", "https://www.rfc-editor.org/rfc/rfc7919", _NIST_TLS, _OWASP_TLS),
    controls=("ctrl_encryption_in_transit",),
)

KNOWN_PROTOCOL_FLAW = _check(
    "tls.vuln.known_protocol_flaw",
    "Known TLS implementation flaw (Heartbleed, CCS, ROBOT, insecure renegotiation)",
    Severity.CRITICAL,
    "sslyze probes for Heartbleed (CVE-2014-0160, memory disclosure), OpenSSL CCS "
    "injection (CVE-2014-0224), ROBOT (a Bleichenbacher oracle in RSA key exchange) and "
    "missing secure renegotiation (RFC 5746). Fires once per service for everything found; "
    "evidence names each flaw. A weak ROBOT oracle and insecure renegotiation are reported "
    "as high, the others as critical.",
    "Update the TLS library or appliance firmware to a release that fixes the named flaw. "
    "For ROBOT also remove static-RSA key exchange suites; for renegotiation enable the "
    "RFC 5746 extension. After Heartbleed, replace the private key and certificate and "
    "invalidate sessions and credentials, since memory may have leaked.",
    (
        "https://heartbleed.com/",
        "https://robotattack.org/",
        "https://nvd.nist.gov/vuln/detail/CVE-2014-0224",
        "https://www.rfc-editor.org/rfc/rfc5746",
    ),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_vulnerability_management",
    ),
)

CERT_EXPIRED = _check(
    "tls.cert.expired",
    "Certificate expired",
    Severity.CRITICAL,
    "Fires when the leaf certificate the server presents is past its notAfter date (or "
    "not yet valid). Clients refuse the connection or teach users to click through.",
    "Issue and install a new certificate now, then automate renewal (ACME or your CA's "
    "tooling) and monitor expiry so it does not happen again.",
    ("https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5", _OWASP_TLS),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_certificate_management",
    ),
)

CERT_EXPIRES_30D = _check(
    "tls.cert.expires_within_30d",
    "Certificate expires in <30 days",
    Severity.HIGH,
    f"Fires when the leaf certificate is still valid but expires within {EXPIRY_HIGH_DAYS} "
    "days. Only one of the expiry checks fires for a certificate, the tighter one.",
    "Renew the certificate now and deploy it; if renewal is meant to be automatic, find "
    "out why it has not happened yet.",
    ("https://www.rfc-editor.org/rfc/rfc8555", _OWASP_TLS),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_certificate_management",
    ),
)

CERT_EXPIRES_60D = _check(
    "tls.cert.expires_within_60d",
    "Certificate expires in <60 days",
    Severity.MEDIUM,
    f"Fires when the leaf certificate expires in {EXPIRY_HIGH_DAYS} to {EXPIRY_MEDIUM_DAYS} "
    "days (sooner than that tls.cert.expires_within_30d fires instead).",
    "Plan the renewal: order or automate a replacement certificate and schedule its "
    "deployment before the 30-day mark.",
    ("https://www.rfc-editor.org/rfc/rfc8555", _OWASP_TLS),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_certificate_management",
    ),
)

CERT_SELF_SIGNED = _check(
    "tls.cert.self_signed",
    "Self-signed certificate on public service",
    Severity.HIGH,
    "Fires when the leaf certificate is signed by its own key (issuer equals subject) and "
    "it does not chain to a trusted CA, not even one given in the trust_store option. "
    "Clients cannot tell it from an attacker's certificate. tls.cert.untrusted_chain is not "
    "reported as well for the same certificate.",
    "Replace it with a certificate from a public CA (free through ACME) or, for internal "
    "services, from your internal CA whose root is distributed to the clients (and given "
    "to this scanner through trust_store).",
    ("https://cwe.mitre.org/data/definitions/295.html", _OWASP_TLS),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_certificate_management",
    ),
)

CERT_UNTRUSTED_CHAIN = _check(
    "tls.cert.untrusted_chain",
    "Chain of trust fails / incomplete chain / untrusted root",
    Severity.HIGH,
    "Validates the chain the server sends against the Mozilla root store plus the CAs of "
    "the trust_store option, at a moment inside the leaf's validity period and for a name "
    "the leaf holds (so expiry and host-name problems are left to their own checks). Fires "
    "when no path to a trusted root can be built: missing intermediate, unknown root, bad "
    "signature, or a certificate the Web PKI rules reject (for example SHA-1 signed or with "
    "an RSA key below 2048 bits).",
    "Serve the full chain (leaf first, then each intermediate; the root may be left out) "
    "issued by a CA your clients trust. For private CAs, distribute the root to clients "
    "and give it to this scanner in trust_store.",
    ("https://www.rfc-editor.org/rfc/rfc5280#section-6", _OWASP_TLS),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_certificate_management",
    ),
)

CERT_HOSTNAME_MISMATCH = _check(
    "tls.cert.hostname_mismatch",
    "Certificate does not match hostname (SAN/CN)",
    Severity.HIGH,
    "Compares the name the scanner asked for (the sni option, else the target host; an IP "
    "address for IP targets) with the leaf's subjectAltName DNS and IP entries, or its "
    "common name when it has no subjectAltName. Wildcards match one left-most label.",
    "Issue a certificate whose subjectAltName lists every name (and, if clients connect by "
    "address, every IP) under which the service is reached.",
    ("https://www.rfc-editor.org/rfc/rfc6125", "https://cwe.mitre.org/data/definitions/297.html"),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_certificate_management",
    ),
)

CERT_WEAK_SIGNATURE = _check(
    "tls.cert.weak_signature",
    "Weak signature algorithm (SHA-1; MD5=critical)",
    Severity.MEDIUM,
    "Fires when the leaf or an intermediate the server sends is signed with SHA-1 (medium) "
    "or MD5/MD4/MD2 (critical; collisions for these allow forged certificates). A root's "
    "self-signature is not judged, as clients do not rely on it.",
    "Reissue the certificate with a SHA-256 (or stronger) signature and replace any "
    "intermediate signed with SHA-1 or MD5.",
    ("https://shattered.io/", "https://www.rfc-editor.org/rfc/rfc9155"),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_certificate_management",
    ),
)

CERT_WEAK_KEY = _check(
    "tls.cert.weak_key",
    "Weak public key (RSA<2048 / EC<224)",
    Severity.MEDIUM,
    f"Fires when the leaf's public key is RSA or DSA below {MIN_RSA_BITS} bits or elliptic "
    f"curve below {MIN_EC_BITS} bits. RSA/DSA keys of 768 bits or less are reported as high, "
    "512 or less as critical.",
    "Generate a new key (RSA 2048 bits or more, or ECDSA P-256) and have the certificate "
    "reissued for it.",
    (_NIST_TLS, "https://www.keylength.com/"),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_certificate_management",
    ),
)

CERT_VALIDITY_OVER_398D = _check(
    "tls.cert.validity_over_398d",
    "Certificate lifetime >398 days",
    Severity.LOW,
    f"Fires when the leaf's validity period (notBefore to notAfter) exceeds "
    f"{MAX_VALIDITY_DAYS} days, the CA/Browser Forum limit for publicly trusted "
    "certificates; browsers reject such public certificates.",
    "Issue certificates valid for at most 398 days (shorter with automated renewal) even "
    "from internal CAs, so that key compromise and mis-issuance age out quickly.",
    ("https://cabforum.org/working-groups/server/baseline-requirements/",),
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_certificate_management",
    ),
)

CHECKS: tuple[Check, ...] = (
    SSLV2,
    SSLV3,
    TLS1_0,
    TLS1_1,
    NO_MODERN_TLS,
    TLS13_NOT_OFFERED,
    NULL_ANON_EXPORT,
    WEAK_RC4_DES,
    TRIPLE_DES,
    CBC_OBSOLETE,
    NO_FORWARD_SECRECY,
    WEAK_DH,
    KNOWN_PROTOCOL_FLAW,
    CERT_EXPIRED,
    CERT_EXPIRES_30D,
    CERT_EXPIRES_60D,
    CERT_SELF_SIGNED,
    CERT_UNTRUSTED_CHAIN,
    CERT_HOSTNAME_MISMATCH,
    CERT_WEAK_SIGNATURE,
    CERT_WEAK_KEY,
    CERT_VALIDITY_OVER_398D,
)
