"""Which SSH algorithms are weak, and what a server's identification, KEXINIT, host key and
authentication methods make of the checks.

Everything here is a pure function of what the server sent, so the rules can be read and
tested apart from the network. Algorithm names are judged by their parts (split at ``-``,
``@`` and ``.``), so vendor spellings (``gss-group14-sha1-<oid>``,
``rijndael-cbc@lysator.liu.se``) are caught with the standard names. The rules and their
reasons are written out in the checks' descriptions (:mod:`cyberorigen.plugins.ssh.checks`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cyberorigen.plugin_api import Severity
from cyberorigen.plugins.ssh.checks import MIN_RSA_BITS
from cyberorigen.plugins.ssh.protocol import Identification, KexInit

#: Names in KEXINIT that are not algorithms but signals (RFC 8308 ext-info, the strict key
#: exchange of OpenSSH 9.6 against Terrapin): never judged.
PSEUDO_ALGORITHMS = frozenset(
    {"ext-info-c", "ext-info-s", "kex-strict-c-v00@openssh.com", "kex-strict-s-v00@openssh.com"}
)

#: Block ciphers with 64-bit blocks (SWEET32), weak in any mode.
_SMALL_BLOCK_CIPHERS = frozenset({"3des", "des", "blowfish", "cast128", "idea"})

_RSA_HOST_KEY_ALGORITHMS = frozenset({"rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"})
_DSA_HOST_KEY_ALGORITHMS = frozenset({"ssh-dss", "ssh-dss-cert-v01@openssh.com"})


def real(names: Iterable[str]) -> list[str]:
    """``names`` without the pseudo-algorithms."""
    return [name for name in names if name not in PSEUDO_ALGORITHMS]


def _parts(name: str) -> list[str]:
    return [part for part in re.split(r"[-@.]", name.lower()) if part]


def kex_weakness(name: str) -> str | None:
    """Why the key exchange ``name`` is weak, or None."""
    if name in PSEUDO_ALGORITHMS:
        return None
    parts = _parts(name)
    if "sha1" in parts:
        return "hashes the exchange with SHA-1"
    if "group1" in parts:
        return "uses the 1024-bit Oakley group 2"
    if "rsa1024" in parts:
        return "uses a 1024-bit RSA key exchange"
    return None


def cipher_weakness(name: str) -> str | None:
    """Why the encryption algorithm ``name`` is weak, or None."""
    lowered = name.lower()
    parts = _parts(name)
    if lowered == "none":
        return "does not encrypt"
    if lowered.startswith("arcfour") or "rc4" in parts:
        return "is RC4, whose keystream is biased"
    if parts and parts[0] in _SMALL_BLOCK_CIPHERS:
        return "has 64-bit blocks (SWEET32)"
    if "cbc" in parts:
        return "uses CBC mode, open to plaintext recovery in SSH (CVE-2008-5161)"
    return None


def mac_weakness(name: str) -> str | None:
    """Why the MAC ``name`` is weak, or None."""
    lowered = name.lower()
    parts = _parts(name)
    if lowered == "none":
        return "does not authenticate the data"
    if "md5" in parts:
        return "is based on MD5"
    if "96" in parts:
        return "is truncated to 96 bits"
    if parts[:1] == ["umac"] and parts[1:2] in (["64"], ["32"]):
        return "has a tag of 64 bits or less"
    if lowered == "hmac-sha1":
        return "is SHA-1 in encrypt-and-MAC mode (not encrypt-then-MAC)"
    return None


def weak_names(names: Iterable[str], judge: Any) -> list[dict[str, str]]:
    """``[{"name", "reason"}]`` for each of ``names`` that ``judge`` finds weak."""
    found = []
    for name in names:
        reason = judge(name)
        if reason:
            found.append({"name": name, "reason": reason})
    return found


def discloses_version(identification: Identification) -> bool:
    """Whether the software version or comments of the identification hold a version number
    (a digit): ``OpenSSH_9.2p1 Debian-2+deb12u6`` does, ``dropbear`` alone does not."""
    return bool(re.search(r"\d", f"{identification.software} {identification.comments}"))


def offers_rsa(kexinit: KexInit) -> bool:
    return any(name in _RSA_HOST_KEY_ALGORITHMS for name in kexinit.server_host_key_algorithms)


@dataclass(frozen=True)
class Observation:
    """One finding to report: its check and its evidence."""

    check_id: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    #: When it differs from the check's default severity.
    severity: Severity | None = None


def judge_identification(identification: Identification) -> list[Observation]:
    """``ssh.protocol_1`` and ``ssh.version_banner``, from the identification string alone."""
    found = []
    if identification.speaks_ssh1:
        found.append(
            Observation(
                "ssh.protocol_1",
                {
                    "banner": identification.line,
                    "protocol_version": identification.protocol,
                    "ssh1_only": identification.protocol != "1.99",
                },
            )
        )
    if discloses_version(identification):
        found.append(
            Observation(
                "ssh.version_banner",
                {
                    "banner": identification.line,
                    "software": identification.software,
                    "comments": identification.comments,
                },
            )
        )
    return found


#: Severity of the cipher and MAC checks when the server offers ``none``: no encryption at
#: all, or no integrity protection at all.
NONE_SEVERITY = {"ssh.weak_ciphers": Severity.HIGH, "ssh.weak_macs": Severity.MEDIUM}


def judge_kexinit(kexinit: KexInit) -> list[Observation]:
    """``ssh.weak_kex``, ``ssh.weak_ciphers`` and ``ssh.weak_macs`` from the name-lists."""
    found = []
    for check_id, names, judge in (
        ("ssh.weak_kex", kexinit.kex_algorithms, kex_weakness),
        ("ssh.weak_ciphers", kexinit.ciphers, cipher_weakness),
        ("ssh.weak_macs", kexinit.macs, mac_weakness),
    ):
        weak = weak_names(names, judge)
        if not weak:
            continue
        severity = None
        if any(item["name"].lower() == "none" for item in weak):
            severity = NONE_SEVERITY.get(check_id)
        found.append(
            Observation(
                check_id,
                {
                    "weak": [item["name"] for item in weak],
                    "reasons": weak,
                    "offered": real(names),
                },
                severity,
            )
        )
    return found


def judge_host_keys(kexinit: KexInit, rsa_bits: int | None) -> Observation | None:
    """``ssh.weak_host_key``: a DSA host key offered (``ssh-dss`` in the host key algorithms),
    or an RSA host key of fewer than :data:`MIN_RSA_BITS` bits (``rsa_bits``, None when it
    was not learnt)."""
    weak: list[dict[str, Any]] = [
        {"algorithm": name, "reason": "DSA keys are 1024 bits and signed with SHA-1"}
        for name in kexinit.server_host_key_algorithms
        if name in _DSA_HOST_KEY_ALGORITHMS
    ]
    if rsa_bits is not None and rsa_bits < MIN_RSA_BITS:
        weak.append(
            {
                "algorithm": "ssh-rsa",
                "bits": rsa_bits,
                "reason": f"RSA key of {rsa_bits} bits, fewer than {MIN_RSA_BITS}",
            }
        )
    if not weak:
        return None
    return Observation(
        "ssh.weak_host_key",
        {
            "weak": weak,
            "host_key_algorithms": list(kexinit.server_host_key_algorithms),
            **({"rsa_bits": rsa_bits} if rsa_bits is not None else {}),
        },
    )


#: Authentication methods that ask for something a person types.
PASSWORD_METHODS = ("password", "keyboard-interactive")


def judge_auth_methods(methods: Sequence[str], username: str) -> Observation | None:
    """``ssh.password_auth`` when the methods the server lists include a password method."""
    offered = [method for method in methods if method in PASSWORD_METHODS]
    if not offered:
        return None
    return Observation(
        "ssh.password_auth",
        {"offered": offered, "methods": list(methods), "username": username},
    )
