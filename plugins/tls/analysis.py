"""From one sslyze server scan result (in sslyze's JSON form) to observations of the checks.

Everything here is a pure function of its inputs: the JSON of one ``ServerScanResult`` (as
``sslyze.ServerScanResultAsJson`` writes it, which is also one entry of the ``server_scan_
results`` list of sslyze's ``--json_out`` file), the name the certificate must match, the
extra CA certificates and the current time. The scanner turns live results into this JSON
first, so recorded scans are judged exactly like live ones.
"""

from __future__ import annotations

import datetime
import functools
import ipaddress
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.oid import NameOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from cyberorigen.plugin_api import Severity
from cyberorigen.plugins.tls.checks import (
    EXPIRY_HIGH_DAYS,
    EXPIRY_MEDIUM_DAYS,
    MAX_VALIDITY_DAYS,
    MIN_DH_BITS,
    MIN_EC_BITS,
    MIN_ECDH_BITS,
    MIN_RSA_BITS,
)

#: sslyze scan command result key, protocol label, check id when the protocol is obsolete.
PROTOCOLS: tuple[tuple[str, str, str | None], ...] = (
    ("ssl_2_0_cipher_suites", "SSL 2.0", "tls.protocol.sslv2_enabled"),
    ("ssl_3_0_cipher_suites", "SSL 3.0", "tls.protocol.sslv3_enabled"),
    ("tls_1_0_cipher_suites", "TLS 1.0", "tls.protocol.tls1_0_enabled"),
    ("tls_1_1_cipher_suites", "TLS 1.1", "tls.protocol.tls1_1_enabled"),
    ("tls_1_2_cipher_suites", "TLS 1.2", None),
    ("tls_1_3_cipher_suites", "TLS 1.3", None),
)
MODERN_PROTOCOLS = frozenset({"TLS 1.2", "TLS 1.3"})
VULN_COMMANDS = ("heartbleed", "openssl_ccs_injection", "robot", "session_renegotiation")
#: The scan commands whose failure leaves the scan incomplete.
REQUIRED_COMMANDS = (*(key for key, _, _ in PROTOCOLS), "certificate_info", *VULN_COMMANDS)

#: Cipher checks from the most to the least serious; a suite is reported under the first.
CIPHER_CHECKS = (
    "tls.cipher.null_anon_export",
    "tls.cipher.weak_rc4_des",
    "tls.cipher.3des",
    "tls.cipher.cbc_obsolete",
)


@dataclass(frozen=True)
class Observation:
    """One check that fires, with its evidence and, when it differs, its severity."""

    check_id: str
    evidence: Mapping[str, Any]
    severity: Severity | None = None


@dataclass
class Analysis:
    observations: list[Observation] = field(default_factory=list)
    #: Scan commands that did not complete: ``name: reason``.
    failed_commands: list[str] = field(default_factory=list)
    #: Checks that could not be judged (neither fired nor passed): check id -> why.
    not_examined: dict[str, str] = field(default_factory=dict)


# --- cipher suites ----------------------------------------------------------------------------


def cipher_class(name: str, is_anonymous: bool = False) -> str | None:
    """The cipher check a suite (IANA or SSL 2.0 name, as sslyze reports it) falls under, or
    None for a suite that none of them objects to."""
    n = name.upper()
    if (
        is_anonymous
        or "_ANON_" in n
        or "EXPORT" in n
        or "WITH_NULL" in n
        or n.endswith("_NULL")
        or "_NULL_" in n
    ):
        return "tls.cipher.null_anon_export"
    triple_des = "3DES" in n or "DES_EDE" in n or "DES_192_EDE3" in n
    single_des = "DES" in n and not triple_des
    if "RC4" in n or "RC2" in n or single_des or n.endswith("_MD5") or "WITH_MD5" in n:
        return "tls.cipher.weak_rc4_des"
    if triple_des or "IDEA" in n:
        return "tls.cipher.3des"
    if "_CBC" in n:
        return "tls.cipher.cbc_obsolete"
    return None


def has_forward_secrecy(name: str) -> bool:
    """Whether a suite's key exchange is ephemeral (all TLS 1.3 suites are)."""
    n = name.upper()
    if "_WITH_" not in n:
        return n.startswith("TLS_")  # TLS 1.3 suites: TLS_AES_128_GCM_SHA256 ...
    exchange = n.split("_WITH_", 1)[0]
    return bool({"DHE", "ECDHE"} & set(exchange.split("_")))


def _command(scan_result: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    attempt = scan_result.get(key) or {}
    if attempt.get("status") != "COMPLETED":
        return None
    return attempt.get("result")


def _cipher_observations(scan_result: Mapping[str, Any]) -> list[Observation]:
    accepted: dict[str, list[Mapping[str, Any]]] = {}
    for key, label, _ in PROTOCOLS:
        result = _command(scan_result, key)
        if result and result.get("is_tls_version_supported"):
            accepted[label] = [item["cipher_suite"] for item in result["accepted_cipher_suites"]]
    if not accepted:
        return []
    protocols = list(accepted)
    observations = []
    for _key, label, check_id in PROTOCOLS:
        if check_id and label in accepted:
            suites = [suite["name"] for suite in accepted[label]]
            observations.append(
                Observation(
                    check_id,
                    {"protocol": label, "cipher_suites": suites, "protocols_accepted": protocols},
                )
            )
    if not MODERN_PROTOCOLS & set(protocols):
        observations.append(
            Observation("tls.protocol.no_modern_tls", {"protocols_accepted": protocols})
        )

    by_check: dict[str, dict[str, list[str]]] = {}
    forward_secret: list[str] = []
    for label, suites in accepted.items():
        for suite in suites:
            name = suite["name"]
            anonymous = bool(suite.get("is_anonymous"))
            check_id = cipher_class(name, anonymous)
            if check_id:
                by_check.setdefault(check_id, {}).setdefault(label, []).append(name)
            if not anonymous and has_forward_secrecy(name):
                forward_secret.append(name)
    for check_id in CIPHER_CHECKS:
        if check_id in by_check:
            observations.append(
                Observation(
                    check_id,
                    {"cipher_suites": by_check[check_id], "protocols_accepted": protocols},
                )
            )
    if not forward_secret:
        observations.append(
            Observation(
                "tls.no_forward_secrecy",
                {
                    "cipher_suites": {
                        label: [suite["name"] for suite in suites]
                        for label, suites in accepted.items()
                    },
                    "protocols_accepted": protocols,
                },
            )
        )
    return observations


# --- TLS 1.3 and key exchange groups ---------------------------------------------------------

#: Evidence note for a DHE suite that sslyze records as accepted without its ephemeral key:
#: sslyze does so when its own client aborts the handshake with "dh key too small".
DH_REFUSED_BY_SSLYZE = "accepted, but sslyze's client refused the server's DH group as too small"


def _failure(attempt: Mapping[str, Any]) -> str | None:
    """Why a scan command did not complete (None when it did)."""
    status = attempt.get("status")
    if status == "COMPLETED":
        return None
    return attempt.get("error_reason") or status or "missing"


def protocol_support(scan_result: Mapping[str, Any]) -> dict[str, bool | str]:
    """Each protocol label: True when the server accepted it, False when it rejected every
    suite, or the reason why sslyze's scan command for it failed."""
    support: dict[str, bool | str] = {}
    for key, label, _ in PROTOCOLS:
        attempt = scan_result.get(key) or {}
        failure = _failure(attempt)
        result = attempt.get("result") or {}
        support[label] = failure or bool(result.get("is_tls_version_supported"))
    return support


def tls13_judgement(support: Mapping[str, bool | str]) -> tuple[Observation | None, str | None]:
    """``tls.protocol.tls13_not_offered`` from :func:`protocol_support`: the observation when
    it fires, or the reason it could not be judged (neither when TLS 1.3 is offered)."""
    tls13 = support.get("TLS 1.3", "missing")
    if tls13 is True:
        return None, None
    if tls13 is not False:
        return None, (
            f"sslyze's TLS 1.3 scan failed ({tls13}): whether TLS 1.3 is offered is unknown"
        )
    older = [label for label, seen in support.items() if label != "TLS 1.3" and seen is True]
    if older:
        return Observation("tls.protocol.tls13_not_offered", {"protocols_accepted": older}), None
    failed = [label for label, seen in support.items() if not isinstance(seen, bool)]
    if failed:
        return None, (
            "TLS 1.3 was rejected, and sslyze's scans of " + ", ".join(failed) + " failed: "
            "whether the server accepts an older version is unknown"
        )
    return None, None  # nothing accepted at all: nothing to compare TLS 1.3 with


def is_dhe(name: str) -> bool:
    """Whether a suite (IANA name) uses a finite-field ephemeral Diffie-Hellman exchange:
    DHE, or anonymous DH (whose key is ephemeral too)."""
    n = name.upper()
    if "_WITH_" not in n:
        return False
    parts = n.split("_WITH_", 1)[0].split("_")
    return "DHE" in parts or ("DH" in parts and "ANON" in parts)


def weak_key_exchange(name: str, ephemeral_key: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """What ``tls.weak_dh`` reports about one accepted suite (sslyze's ``ephemeral_key``:
    ``type_name`` DH or ECDH, ``size`` in bits), or None when its group is large enough or
    its key exchange is not ephemeral."""
    if not ephemeral_key:
        if is_dhe(name):
            return {"cipher_suite": name, "group": "DH", "size": None, "note": DH_REFUSED_BY_SSLYZE}
        return None
    kind, size = ephemeral_key.get("type_name"), ephemeral_key.get("size")
    if not isinstance(size, int):
        return None
    if kind == "DH" and size < MIN_DH_BITS:
        return {"cipher_suite": name, "group": "DH", "size": size}
    if kind == "ECDH" and size < MIN_ECDH_BITS:
        return {
            "cipher_suite": name,
            "group": "ECDH",
            "size": size,
            "curve": ephemeral_key.get("curve_name"),
        }
    return None


def key_exchange_judgement(
    scan_result: Mapping[str, Any], support: Mapping[str, bool | str]
) -> tuple[Observation | None, str | None]:
    """``tls.weak_dh`` from the accepted suites' ephemeral keys: the observation when it
    fires, or the reason it could not be judged (neither when every group is large enough)."""
    weak: dict[str, list[dict[str, Any]]] = {}
    for key, label, _ in PROTOCOLS:
        result = _command(scan_result, key)
        if not (result and result.get("is_tls_version_supported")):
            continue
        for item in result["accepted_cipher_suites"]:
            found = weak_key_exchange(item["cipher_suite"]["name"], item.get("ephemeral_key"))
            if found:
                weak.setdefault(label, []).append(found)
    if weak:
        protocols = [label for label, seen in support.items() if seen is True]
        evidence = {"key_exchanges": weak, "protocols_accepted": protocols}
        return Observation("tls.weak_dh", evidence), None
    # SSL 2.0 has no (EC)DHE suites; TLS 1.3 defines no DH group below 2048 bits and no
    # curve below X25519 / P-256.
    failed = [
        label
        for label, seen in support.items()
        if label not in {"SSL 2.0", "TLS 1.3"} and not isinstance(seen, bool)
    ]
    if failed:
        return None, (
            "sslyze's scans of " + ", ".join(failed) + " failed: the key exchange groups of "
            "their cipher suites are unknown"
        )
    return None, None


# --- known flaws ------------------------------------------------------------------------------


def _flaw_observations(
    scan_result: Mapping[str, Any], protocols: Sequence[str]
) -> list[Observation]:
    flaws: list[str] = []
    severity = Severity.HIGH
    heartbleed = _command(scan_result, "heartbleed")
    if heartbleed and heartbleed.get("is_vulnerable_to_heartbleed"):
        flaws.append("Heartbleed (CVE-2014-0160)")
        severity = Severity.CRITICAL
    ccs = _command(scan_result, "openssl_ccs_injection")
    if ccs and ccs.get("is_vulnerable_to_ccs_injection"):
        flaws.append("OpenSSL CCS injection (CVE-2014-0224)")
        severity = Severity.CRITICAL
    robot = _command(scan_result, "robot")
    robot_result = (robot or {}).get("robot_result")
    if robot_result == "VULNERABLE_STRONG_ORACLE":
        flaws.append("ROBOT: strong Bleichenbacher oracle (RSA key exchange)")
        severity = Severity.CRITICAL
    elif robot_result == "VULNERABLE_WEAK_ORACLE":
        flaws.append("ROBOT: weak Bleichenbacher oracle (RSA key exchange)")
    renegotiation = _command(scan_result, "session_renegotiation")
    # Renegotiation does not exist in TLS 1.3: a 1.3-only server cannot lack RFC 5746.
    below_tls13 = any(label != "TLS 1.3" for label in protocols)
    if (
        renegotiation
        and below_tls13
        and renegotiation.get("supports_secure_renegotiation") is False
    ):
        flaws.append("Insecure renegotiation (no RFC 5746 secure renegotiation)")
    if not flaws:
        return []
    evidence: dict[str, Any] = {"flaws": flaws}
    if robot_result and robot_result.startswith("VULNERABLE"):
        evidence["robot_result"] = robot_result
    return [Observation("tls.vuln.known_protocol_flaw", evidence, severity)]


# --- certificates -----------------------------------------------------------------------------


def _parse_time(value: str) -> datetime.datetime:
    parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def _load_certificate(pem: str) -> x509.Certificate:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return x509.load_pem_x509_certificate(pem.encode("ascii"))


def _load_certificates(pem: str) -> list[x509.Certificate]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return x509.load_pem_x509_certificates(pem.encode("ascii"))


@functools.cache
def _mozilla_roots() -> tuple[x509.Certificate, ...]:
    from sslyze.plugins.certificate_info.trust_stores.trust_store_repository import (
        TrustStoresRepository,
    )

    path = TrustStoresRepository.get_default().get_main_store().path
    return tuple(_load_certificates(path.read_text("ascii")))


def key_type(algorithm: str) -> str:
    """``RSA``, ``EC``, ``DSA``, ``Ed25519``... from sslyze's public key class name."""
    name = algorithm.lstrip("_").removesuffix("PublicKey")
    return "EC" if name in {"EC", "EllipticCurve"} else name


def certificate_evidence(entry: Mapping[str, Any]) -> dict[str, Any]:
    """What is reported about one certificate of sslyze's ``received_certificate_chain``."""
    key = entry.get("public_key") or {}
    sans = entry.get("subject_alternative_name") or {}
    hash_algorithm = entry.get("signature_hash_algorithm") or {}
    evidence: dict[str, Any] = {
        "subject": (entry.get("subject") or {}).get("rfc4514_string"),
        "issuer": (entry.get("issuer") or {}).get("rfc4514_string"),
        "subject_alt_names": [*sans.get("dns_names", []), *sans.get("ip_addresses", [])],
        "not_before": entry.get("not_valid_before"),
        "not_after": entry.get("not_valid_after"),
        "key_type": key_type(key.get("algorithm", "")),
        "key_size": key.get("key_size"),
        "signature_algorithm": (entry.get("signature_algorithm_oid") or {}).get("name"),
        "signature_hash": hash_algorithm.get("name"),
        "serial_number": str(entry.get("serial_number")),
    }
    if key.get("ec_curve_name"):
        evidence["key_curve"] = key["ec_curve_name"]
    return evidence


def _dns_matches(pattern: str, name: str) -> bool:
    pattern, name = pattern.lower().rstrip("."), name.lower().rstrip(".")
    if pattern == name:
        return True
    if pattern.startswith("*.") and pattern.count(".") >= 2:
        head, sep, rest = name.partition(".")
        return bool(sep and head) and rest == pattern[2:]
    return False


def name_matches(certificate: x509.Certificate, name: str) -> bool:
    """RFC 6125 matching of ``name`` (host name or IP address) against the certificate: its
    subjectAltName when present, else its common name."""
    try:
        address = ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        address = None
    try:
        sans = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        sans = None
    if sans is not None:
        if address is not None:
            return address in sans.get_values_for_type(x509.IPAddress)
        return any(_dns_matches(p, name) for p in sans.get_values_for_type(x509.DNSName))
    common_names = [
        str(attribute.value)
        for attribute in certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    ]
    if address is not None:
        return str(address) in common_names
    return any(_dns_matches(cn, name) for cn in common_names)


def _is_self_signed(certificate: x509.Certificate) -> bool:
    """Issuer equals subject and the certificate's own key verifies its signature (also
    for SHA-1 signatures, which cryptography's certificate checks refuse)."""
    if certificate.issuer != certificate.subject:
        return False
    try:
        certificate.verify_directly_issued_by(certificate)
        return True
    except InvalidSignature:
        return False
    except (UnsupportedAlgorithm, ValueError, TypeError):
        pass
    key, digest = certificate.public_key(), certificate.signature_hash_algorithm
    signed = certificate.tbs_certificate_bytes
    try:
        if isinstance(key, rsa.RSAPublicKey) and digest is not None:
            key.verify(certificate.signature, signed, padding.PKCS1v15(), digest)
        elif isinstance(key, ec.EllipticCurvePublicKey) and digest is not None:
            key.verify(certificate.signature, signed, ec.ECDSA(digest))
        else:
            return False
    except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):
        return False
    return True


def _verification_subject(certificate: x509.Certificate) -> x509.GeneralName | None:
    """A name the certificate holds, so that chain validation ignores the host name."""
    try:
        sans = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return None
    for dns_name in sans.get_values_for_type(x509.DNSName):
        return x509.DNSName(dns_name.replace("*", "wildcard", 1))
    for address in sans.get_values_for_type(x509.IPAddress):
        return x509.IPAddress(address)
    return None


def chain_error(
    chain: Sequence[x509.Certificate],
    extra_roots: Sequence[x509.Certificate],
    now: datetime.datetime,
) -> str | None:
    """Why the chain does not lead to a trusted root (None when it does). Validated at
    ``now`` when the leaf is valid then, else in the middle of its validity period, and for
    a name the leaf holds: expiry and host name have checks of their own."""
    leaf = chain[0]
    subject = _verification_subject(leaf)
    if subject is None:
        return "the certificate has no subjectAltName (required by the Web PKI rules)"
    start, end = leaf.not_valid_before_utc, leaf.not_valid_after_utc
    moment = now if start <= now <= end else start + (end - start) / 2
    store = Store([*_mozilla_roots(), *extra_roots])
    verifier = PolicyBuilder().store(store).time(moment).build_server_verifier(subject)
    try:
        verifier.verify(leaf, list(chain[1:]))
    except VerificationError as exc:
        return str(exc)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        return f"cannot validate: {exc}"
    return None


def _weak_signature(entry: Mapping[str, Any]) -> Severity | None:
    names = " ".join(
        str(value).lower()
        for value in (
            (entry.get("signature_algorithm_oid") or {}).get("name"),
            (entry.get("signature_hash_algorithm") or {}).get("name"),
        )
        if value
    )
    if any(weak in names for weak in ("md2", "md4", "md5")):
        return Severity.CRITICAL
    if "sha1" in names or "sha-1" in names:
        return Severity.MEDIUM
    return None


def _weak_key(evidence: Mapping[str, Any]) -> Severity | None:
    size, kind = evidence.get("key_size"), evidence.get("key_type")
    if not isinstance(size, int):
        return None
    if kind in {"RSA", "DSA"} and size < MIN_RSA_BITS:
        if size <= 512:
            return Severity.CRITICAL
        return Severity.HIGH if size <= 768 else Severity.MEDIUM
    if kind == "EC" and size < MIN_EC_BITS:
        return Severity.MEDIUM
    return None


def _deployment_observations(
    deployment: Mapping[str, Any],
    expected_name: str,
    extra_roots: Sequence[x509.Certificate],
    now: datetime.datetime,
) -> list[Observation]:
    entries = deployment.get("received_certificate_chain") or []
    if not entries:
        return []
    chain = [_load_certificate(entry["as_pem"]) for entry in entries]
    leaf, leaf_entry = chain[0], entries[0]
    evidence = certificate_evidence(leaf_entry)
    observations = []

    def add(check_id: str, extra: Mapping[str, Any], severity: Severity | None = None) -> None:
        observations.append(Observation(check_id, {**evidence, **extra}, severity))

    not_before = _parse_time(leaf_entry["not_valid_before"])
    not_after = _parse_time(leaf_entry["not_valid_after"])
    days_left = (not_after - now).total_seconds() / 86400
    if now > not_after:
        add("tls.cert.expired", {"expired_days_ago": int(-days_left)})
    elif now < not_before:
        add("tls.cert.expired", {"not_yet_valid": True})
    elif days_left < EXPIRY_HIGH_DAYS:
        add("tls.cert.expires_within_30d", {"days_left": int(days_left)})
    elif days_left < EXPIRY_MEDIUM_DAYS:
        add("tls.cert.expires_within_60d", {"days_left": int(days_left)})

    lifetime = (not_after - not_before).total_seconds() / 86400
    if lifetime > MAX_VALIDITY_DAYS:
        add("tls.cert.validity_over_398d", {"validity_days": int(lifetime)})

    error = chain_error(chain, extra_roots, now)
    if error is not None:
        if len(chain) == 1 and _is_self_signed(leaf):
            add("tls.cert.self_signed", {"validation_error": error})
        else:
            add(
                "tls.cert.untrusted_chain",
                {"validation_error": error, "chain_length": len(chain)},
            )

    if not name_matches(leaf, expected_name):
        add("tls.cert.hostname_mismatch", {"expected_name": expected_name})

    weak_signatures: list[tuple[Severity, dict[str, Any]]] = []
    for certificate, entry in zip(chain, entries, strict=True):
        if certificate is not leaf and _is_self_signed(certificate):
            continue  # a root's own signature is not relied upon
        severity = _weak_signature(entry)
        if severity is not None:
            described = certificate_evidence(entry)
            weak_signatures.append(
                (
                    severity,
                    {key: described[key] for key in ("subject", "issuer", "signature_algorithm")},
                )
            )
    if weak_signatures:
        worst = max((severity for severity, _ in weak_signatures), key=lambda s: s.rank)
        add(
            "tls.cert.weak_signature",
            {"weakly_signed": [item for _, item in weak_signatures]},
            worst,
        )

    key_severity = _weak_key(evidence)
    if key_severity is not None:
        add("tls.cert.weak_key", {}, key_severity)
    return observations


def _certificate_observations(
    scan_result: Mapping[str, Any],
    expected_name: str,
    extra_roots: Sequence[x509.Certificate],
    now: datetime.datetime,
) -> list[Observation]:
    info = _command(scan_result, "certificate_info")
    if not info:
        return []
    merged: dict[str, Observation] = {}
    for deployment in info.get("certificate_deployments") or []:
        for observation in _deployment_observations(deployment, expected_name, extra_roots, now):
            first = merged.get(observation.check_id)
            if first is None:
                merged[observation.check_id] = observation
                continue
            # The server has several certificates (e.g. RSA and ECDSA): one finding for all.
            others = [*first.evidence.get("other_certificates", []), dict(observation.evidence)]
            severity = max(
                (s for s in (first.severity, observation.severity) if s is not None),
                key=lambda s: s.rank,
                default=None,
            )
            merged[observation.check_id] = Observation(
                first.check_id, {**first.evidence, "other_certificates": others}, severity
            )
    return list(merged.values())


# --- everything -------------------------------------------------------------------------------


def analyze(
    server_result: Mapping[str, Any],
    *,
    expected_name: str,
    trust_store: str | None = None,
    now: datetime.datetime | None = None,
) -> Analysis:
    """Observations for one server scan result in sslyze's JSON form (which must have
    connected: ``scan_status`` ``COMPLETED``)."""
    now = now or datetime.datetime.now(datetime.UTC)
    scan_result = server_result.get("scan_result") or {}
    extra_roots = _load_certificates(trust_store) if trust_store else []
    analysis = Analysis()
    for key in REQUIRED_COMMANDS:
        reason = _failure(scan_result.get(key) or {})
        if reason is not None:
            analysis.failed_commands.append(f"{key}: {reason}")
    cipher_observations = _cipher_observations(scan_result)
    protocols = [
        label
        for key, label, _ in PROTOCOLS
        if (_command(scan_result, key) or {}).get("is_tls_version_supported")
    ]
    analysis.observations.extend(cipher_observations)
    support = protocol_support(scan_result)
    for check_id, (observation, reason) in (
        ("tls.protocol.tls13_not_offered", tls13_judgement(support)),
        ("tls.weak_dh", key_exchange_judgement(scan_result, support)),
    ):
        if observation is not None:
            analysis.observations.append(observation)
        elif reason is not None:
            analysis.not_examined[check_id] = reason
    analysis.observations.extend(_flaw_observations(scan_result, protocols))
    analysis.observations.extend(
        _certificate_observations(scan_result, expected_name, extra_roots, now)
    )
    return analysis
