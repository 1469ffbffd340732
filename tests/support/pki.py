"""Throw-away certificates for tests' TLS servers on 127.0.0.1.

The CA comes from ``cyberorigen.plugin_api.testing.make_test_ca`` (the helper plugin authors
use); leaf certificates, CA-signed or self-signed, are written here to files that
``server_context`` loads.
"""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cyberorigen.plugin_api.testing import make_test_ca

#: AEAD suites with forward secrecy only (TLS 1.2; TLS 1.3 suites are not affected).
GOOD_TLS12_CIPHERS = "ECDHE+AESGCM:ECDHE+CHACHA20"


def name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def key_pem(key: Any) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def write_leaf(
    folder: Path,
    label: str,
    *,
    ca: tuple[x509.Certificate, Any] | None = None,
    days_before: float = 1,
    days_after: float = 90,
    names: tuple[str, ...] = ("localhost",),
    key: Any = None,
    digest: str = "sha256",
) -> tuple[str, str]:
    """Write a server certificate and its key to ``folder``; return (cert file, key file).

    Signed by ``ca`` (``(certificate, key)``), self-signed when it is None. The subject is
    ``names[0]``, the SANs are ``names`` (plus 127.0.0.1 for the default ``("localhost",)``);
    valid from ``days_before`` days ago to ``days_after`` days ahead (negative: expired). The
    key is a new EC P-256 one unless given; ``digest="sha1"`` needs an RSA key."""
    now = datetime.datetime.now(datetime.UTC)
    key = key or ec.generate_private_key(ec.SECP256R1())
    sans: list[x509.GeneralName] = [x509.DNSName(item) for item in names]
    if names == ("localhost",):
        sans.append(x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    issuer_name, issuer_key = (name(names[0]), key) if ca is None else (ca[0].subject, ca[1])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(names[0]))
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=days_before))
        .not_valid_after(now + datetime.timedelta(days=days_after))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    if digest == "sha1":
        cert = _sha1_signed(builder, issuer_key)
    else:
        cert = builder.sign(issuer_key, hashes.SHA256())
    cert_file, key_file = folder / f"{label}.pem", folder / f"{label}.key"
    cert_file.write_bytes(pem(cert))
    key_file.write_bytes(key_pem(key))
    return str(cert_file), str(key_file)


@dataclass(frozen=True)
class Pki:
    """A test CA and the folder its leaf certificates are written to."""

    ca_cert: x509.Certificate
    ca_key: ec.EllipticCurvePrivateKey
    folder: Path

    @property
    def ca_pem(self) -> str:
        return pem(self.ca_cert).decode()

    def leaf(self, label: str, *, self_signed: bool = False, **options: Any) -> tuple[str, str]:
        """A certificate from this CA (or self-signed): ``write_leaf``'s options."""
        ca = None if self_signed else (self.ca_cert, self.ca_key)
        return write_leaf(self.folder, label, ca=ca, **options)


def make_pki(
    folder: Path,
    common_name: str = "CyberOrigen test CA",
    days_before: int = 1,
    days_after: int = 365,
) -> Pki:
    ca_cert, ca_key = make_test_ca(common_name, days_before, days_after)
    return Pki(ca_cert, ca_key, folder)


def server_context(
    cert_file: str,
    key_file: str,
    *,
    minimum: ssl.TLSVersion = ssl.TLSVersion.TLSv1_2,
    maximum: ssl.TLSVersion = ssl.TLSVersion.MAXIMUM_SUPPORTED,
    ciphers: str | None = None,
) -> ssl.SSLContext:
    """A server SSLContext for the certificate; OpenSSL's cipher list unless ``ciphers``."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # TLSv1 / TLSv1_1 members
        context.minimum_version = minimum
        context.maximum_version = maximum
    if ciphers is not None:
        context.set_ciphers(ciphers)
    context.load_cert_chain(cert_file, key_file)
    return context


# --- SHA-1 signatures -------------------------------------------------------------------------


def _der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    size = (length.bit_length() + 7) // 8
    return bytes([0x80 | size]) + length.to_bytes(size, "big")


_SHA256_RSA_OID = bytes.fromhex("06092a864886f70d01010b")  # sha256WithRSAEncryption
_SHA1_RSA_OID = bytes.fromhex("06092a864886f70d010105")  # sha1WithRSAEncryption


def _sha1_signed(builder: x509.CertificateBuilder, key: rsa.RSAPrivateKey) -> x509.Certificate:
    """cryptography refuses to sign certificates with SHA-1: sign with SHA-256, swap the
    algorithm identifier in the to-be-signed part and sign that again with SHA-1."""
    tbs = builder.sign(key, hashes.SHA256()).tbs_certificate_bytes
    assert tbs.count(_SHA256_RSA_OID) == 1
    tbs = tbs.replace(_SHA256_RSA_OID, _SHA1_RSA_OID)
    signature = key.sign(tbs, padding.PKCS1v15(), hashes.SHA1())  # noqa: S303
    algorithm = b"\x30\x0d" + _SHA1_RSA_OID + b"\x05\x00"
    bit_string = b"\x03" + _der_length(len(signature) + 1) + b"\x00" + signature
    body = tbs + algorithm + bit_string
    return x509.load_der_x509_certificate(b"\x30" + _der_length(len(body)) + body)
