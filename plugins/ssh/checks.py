"""The catalogue of checks of the SSH scanner (``ssh``).

What is judged comes from two connections to the service. The first reads the server's
identification string and the name-lists of its SSH_MSG_KEXINIT, which RFC 4253 has the
server send in clear before any key is agreed (:mod:`cyberorigen.plugins.ssh.protocol`).
The second, made with paramiko, completes a key exchange preferring an RSA host key (to learn
its size) and sends one "none" authentication request, whose refusal lists the methods the
server accepts. No password, key or other credential is ever sent.

The algorithm rules are in :mod:`cyberorigen.plugins.ssh.analysis`; each check's description
below says exactly which names fire it. Both directions (client to server, server to client)
are judged together: a weak algorithm offered in either is reported.

Not reported: ``ssh-rsa`` host-key *signatures* (RSA with SHA-1; OpenSSH disabled them by
default in 8.8, and a server offering them also offers ``rsa-sha2-*`` to current clients),
``hmac-sha1-etm@openssh.com`` (HMAC-SHA1 is not known to be breakable, and encrypt-then-MAC
removes the weakness of ``hmac-sha1``), ``hmac-ripemd160`` and the NIST ECDH curves.

Fingerprints: every check uses the core's default recipe (SHA-256 of check id, target host
and location); the location is the SSH service as ``host:port`` (``[v6addr]:port`` for
IPv6), so a finding keeps its identity from one scan to the next while the port stays put,
whichever algorithms the evidence lists.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Check, Severity

#: Smallest acceptable RSA host key, in bits.
MIN_RSA_BITS = 2048

_RFC4253 = "https://www.rfc-editor.org/rfc/rfc4253"
_OPENSSH_LEGACY = "https://www.openssh.com/legacy.html"
_SSHD_CONFIG = "https://man.openbsd.org/sshd_config"
_FINGERPRINT = "check id, target host, location (the SSH service as host:port)"


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


WEAK_KEX = _check(
    "ssh.weak_kex",
    "Weak SSH key exchange offered",
    Severity.MEDIUM,
    "Reads the key exchange methods of the server's KEXINIT. Fires when it offers one that "
    "hashes the exchange with SHA-1 (diffie-hellman-group1-sha1, diffie-hellman-group14-"
    "sha1, diffie-hellman-group-exchange-sha1, gss-group1-sha1-*, gss-group14-sha1-*, "
    "gss-gex-sha1-*, rsa1024-sha1) or uses the 1024-bit Oakley group 2 (any *group1*) or a "
    "1024-bit RSA exchange. RFC 9142 moves SSH away from SHA-1 and 1024-bit groups. Evidence "
    "lists the weak methods, the reason for each, and everything offered.",
    "Remove the listed methods from the server's key exchange list (OpenSSH: "
    "'KexAlgorithms' in sshd_config, for example 'sntrup761x25519-sha512@openssh.com,"
    "curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,"
    "diffie-hellman-group18-sha512'), then restart the service.",
    ("https://www.rfc-editor.org/rfc/rfc9142", _OPENSSH_LEGACY, _SSHD_CONFIG),
    controls=("ctrl_encryption_in_transit",),
)

WEAK_CIPHERS = _check(
    "ssh.weak_ciphers",
    "Weak SSH ciphers offered",
    Severity.MEDIUM,
    "Reads the encryption algorithms of the server's KEXINIT (both directions). Fires when "
    "it offers any cipher in CBC mode (aes128-cbc, aes192-cbc, aes256-cbc, 3des-cbc, "
    "blowfish-cbc, cast128-cbc, twofish*-cbc, rijndael-cbc@lysator.liu.se...; SSH's CBC "
    "modes allow plaintext recovery, CVE-2008-5161), a 64-bit block cipher in any mode "
    "(3des, des, blowfish, cast128, idea: SWEET32), RC4 (arcfour, arcfour128, arcfour256: "
    "RFC 8758) or 'none'. Offering 'none', which does not encrypt at all, is reported as "
    "high. Evidence lists the weak ciphers, the reason for each, and everything offered.",
    "Offer only AEAD or counter-mode ciphers (OpenSSH: 'Ciphers chacha20-poly1305@openssh."
    "com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr' in "
    "sshd_config), then restart the service.",
    (
        "https://www.rfc-editor.org/rfc/rfc4344",
        "https://www.rfc-editor.org/rfc/rfc8758",
        "https://nvd.nist.gov/vuln/detail/CVE-2008-5161",
        "https://sweet32.info/",
    ),
    controls=("ctrl_encryption_in_transit",),
)

WEAK_MACS = _check(
    "ssh.weak_macs",
    "Weak SSH MACs offered",
    Severity.LOW,
    "Reads the MAC algorithms of the server's KEXINIT (both directions). Fires when it "
    "offers a MAC based on MD5 (hmac-md5, hmac-md5-96 and their -etm forms), one truncated "
    "to 96 bits (hmac-sha1-96 and its -etm form), one with a 64-bit (or shorter) tag "
    "(umac-64@openssh.com, umac-64-etm@openssh.com), plain hmac-sha1 (SHA-1 in SSH's "
    "encrypt-and-MAC mode) or 'none'; offering 'none', which leaves the data "
    "unauthenticated, is reported as medium. Not reported: hmac-sha1-etm@openssh.com, "
    "umac-128*, hmac-sha2-256/512 and their -etm forms. OpenSSH's default list includes "
    "umac-64 and hmac-sha1, so a default OpenSSH server fires this check. Evidence lists the "
    "weak MACs, the reason for each, and everything offered.",
    "Offer only encrypt-then-MAC SHA-2 MACs (OpenSSH: 'MACs hmac-sha2-512-etm@openssh.com,"
    "hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com' in sshd_config); with AEAD "
    "ciphers (chacha20-poly1305, AES-GCM) no MAC is used at all. Restart the service.",
    ("https://www.rfc-editor.org/rfc/rfc6668", _OPENSSH_LEGACY, _SSHD_CONFIG),
    controls=("ctrl_encryption_in_transit",),
)

WEAK_HOST_KEY = _check(
    "ssh.weak_host_key",
    "Weak SSH host key",
    Severity.MEDIUM,
    "Fires when the server offers a DSA host key (ssh-dss in its KEXINIT's host key "
    "algorithms: DSA keys are 1024 bits and signed with SHA-1), or when its RSA host key is "
    f"shorter than {MIN_RSA_BITS} bits. The RSA key's size is read from a key exchange that "
    "prefers rsa-sha2-512/rsa-sha2-256 whenever the server offers RSA; a server offering "
    "RSA only as ssh-rsa (SHA-1 signatures) cannot be asked, and then only DSA is judged. "
    "Evidence lists each weak key and the host key algorithms offered.",
    f"Remove the DSA host key (its 'HostKey' line) and replace an RSA key below "
    f"{MIN_RSA_BITS} bits with a new Ed25519 key ('ssh-keygen -t ed25519') or an RSA key "
    "of 3072 bits; tell users the new fingerprints before they connect.",
    (
        "https://www.rfc-editor.org/rfc/rfc8332",
        "https://csrc.nist.gov/pubs/sp/800/57/pt1/r5/final",
        _OPENSSH_LEGACY,
    ),
    controls=("ctrl_encryption_in_transit",),
)

PASSWORD_AUTH = _check(
    "ssh.password_auth",
    "SSH password authentication offered",
    Severity.MEDIUM,
    "Sends one 'none' authentication request (RFC 4252 section 5.2) for the user of the "
    "username option (default a user that should not exist; OpenSSH lists the same methods "
    "for unknown users) and reads the methods the server's refusal lists. Fires when they "
    "include 'password' or 'keyboard-interactive', which let anyone who reaches the port "
    "guess passwords. keyboard-interactive may carry a one-time code rather than a "
    "password; the finding cannot tell. Evidence lists every method offered.",
    "Require public keys (or certificates) and turn password logins off: in OpenSSH "
    "'PasswordAuthentication no' and 'KbdInteractiveAuthentication no' in sshd_config (or a "
    "'Match' block limiting them to a trusted network), then restart the service.",
    (
        "https://www.rfc-editor.org/rfc/rfc4252#section-5.2",
        "https://cwe.mitre.org/data/definitions/309.html",
        _SSHD_CONFIG,
    ),
    controls=("ctrl_authentication",),
)

PROTOCOL_1 = _check(
    "ssh.protocol_1",
    "SSH protocol 1 supported",
    Severity.HIGH,
    "Reads the server's identification string. Fires when it announces protocol version "
    "1.99 (SSH-1 and SSH-2) or any other 1.x (SSH-1 only). SSH-1 has no sound integrity "
    "protection and allows session hijacking and man-in-the-middle attacks (CVE-2001-1473). "
    "For an SSH-1-only server nothing else is examined.",
    "Turn SSH-1 off ('Protocol 2' on old OpenSSH releases; OpenSSH 7.6 and later cannot speak "
    "it) or replace the server software with a current SSH-2 implementation.",
    (
        "https://nvd.nist.gov/vuln/detail/CVE-2001-1473",
        "https://www.openssh.com/releasenotes.html#7.6",
        _RFC4253,
    ),
    controls=("ctrl_encryption_in_transit", "ctrl_vulnerability_management"),
)

VERSION_BANNER = _check(
    "ssh.version_banner",
    "SSH banner discloses software version",
    Severity.INFO,
    "Reads the server's identification string ('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u6'). "
    "Fires when its software version or comments contain a version number (a digit); "
    "evidence is the banner, split into software and comments. It tells attackers which "
    "release, and often which distribution patch level, to look up exploits for.",
    "RFC 4253 requires the software name, and OpenSSH always sends its version; remove what "
    "can be removed (Debian and Ubuntu: 'DebianBanner no' drops the distribution suffix) and "
    "keep the software current, since the version cannot be hidden from a determined client.",
    (f"{_RFC4253}#section-4.2", "https://cwe.mitre.org/data/definitions/497.html"),
    controls=("ctrl_vulnerability_management",),
)

CHECKS: tuple[Check, ...] = (
    WEAK_KEX,
    WEAK_CIPHERS,
    WEAK_MACS,
    WEAK_HOST_KEY,
    PASSWORD_AUTH,
    PROTOCOL_1,
    VERSION_BANNER,
)
