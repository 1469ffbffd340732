"""Product versions as services announce them: normalised for comparison, and read out of
banners. Pure functions, no I/O.

Normalisation (:func:`parse_version`), applied to what a service announces and to every
version of the feed alike:

1. Only the leading upstream release is compared: ``9.2p1`` of ``9.2p1 Debian-2+deb12u3``
   (and of nmap's ``9.2p1 Debian 2+deb12u3``), ``1.18.0`` of ``1.18.0 (Ubuntu)``, ``2.4.41``
   of ``2.4.41-4ubuntu3``. A Debian epoch (``1:``) and a leading ``v`` are dropped. What
   follows (the distribution's packaging revision) is not compared: distributions backport
   fixes without changing the upstream version, so a match is by upstream version only.
2. OpenSSH-style portable releases, ``<release>p<N>``: ``9.2p1`` is post-release 1 of 9.2
   (``9.2.post1``), so ``9.2 < 9.2p1 < 9.2p2 < 9.3``.
3. A single trailing letter is a patch letter (ProFTPD ``1.3.5b``, OpenSSL ``1.0.2k``):
   post-release a=1, b=2, ..., so ``1.3.5 < 1.3.5a < 1.3.5b < 1.3.6``. (Plain
   ``packaging`` would read ``1.3.5b`` as a beta *before* 1.3.5.)
4. Anything else is given to :class:`packaging.version.Version` as it is (``1.3.6rc1``,
   ``2.0b2``, ``2022.83``). A version it cannot parse (``1.2.3ubuntu4``, ``unknown``) is not
   compared at all (None), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

_EPOCH = re.compile(r"^\d+:(?=\d)")
#: The upstream release at the start of a version text: digits and dots, then an optional
#: alphanumeric suffix (p1, b, rc1, beta2), ending at anything else (space, '-', '+', '(').
_UPSTREAM = re.compile(r"v?(\d+(?:\.\d+)*(?:[A-Za-z]+\d*)?)(?![A-Za-z0-9.])")
_PARTS = re.compile(r"(\d+(?:\.\d+)*)(?:([A-Za-z]+)(\d*))?")


def upstream_version(text: str) -> str | None:
    """The upstream release at the start of ``text`` (``9.2p1`` of ``9.2p1
    Debian-2+deb12u3``), or None when it does not start with one."""
    match = _UPSTREAM.match(_EPOCH.sub("", text.strip()))
    return match.group(1) if match else None


def parse_version(text: str) -> Version | None:
    """``text`` normalised as the module docstring says, or None when it cannot be compared."""
    upstream = upstream_version(text)
    if upstream is None:
        return None
    parts = _PARTS.fullmatch(upstream)
    if parts is None:  # pragma: no cover - _UPSTREAM only yields what _PARTS matches
        return None
    release, letters, number = parts.group(1), (parts.group(2) or "").lower(), parts.group(3)
    try:
        if not letters:
            return Version(release)
        if letters == "p" and number:
            return Version(f"{release}.post{number}")
        if len(letters) == 1 and not number:
            return Version(f"{release}.post{ord(letters) - ord('a') + 1}")
        return Version(upstream)
    except InvalidVersion:
        return None


# --- distributions ----------------------------------------------------------------------------

_DISTRIBUTIONS = (
    (re.compile(r"\bdeb\d+u\d+|\bdebian\b", re.I), "debian"),
    (re.compile(r"\bubuntu", re.I), "ubuntu"),
    (re.compile(r"\braspbian\b", re.I), "raspbian"),
    (re.compile(r"\bcentos\b", re.I), "centos"),
    (re.compile(r"\bred ?hat\b|\brhel\b|\.el\d+", re.I), "rhel"),
    (re.compile(r"\bfedora\b|\.fc\d+\b", re.I), "fedora"),
    (re.compile(r"\balpine\b", re.I), "alpine"),
    (re.compile(r"\bsuse\b", re.I), "suse"),
    (re.compile(r"\bfreebsd\b", re.I), "freebsd"),
)


#: How evidence names a distribution.
DISPLAY_NAMES = {"rhel": "Red Hat", "suse": "SUSE", "freebsd": "FreeBSD"}


def display_name(name: str) -> str:
    """``Debian`` for ``debian``, ``Red Hat`` for ``rhel``."""
    return DISPLAY_NAMES.get(name, name.capitalize())


def distribution(text: str) -> str | None:
    """The distribution a version or banner names (``debian`` for ``Debian-2+deb12u3``,
    ``ubuntu`` for ``4ubuntu0.5`` or ``(Ubuntu)``), or None when it names none."""
    for pattern, name in _DISTRIBUTIONS:
        if pattern.search(text):
            return name
    return None


# --- banners ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identified:
    """A product and the version text it announces (``OpenSSH``, ``9.2p1 Debian-2``)."""

    product: str
    version: str


_VERSION = r"v?\d+(?:\.\d+)*[A-Za-z0-9.+~]*"
#: ``SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3``: the software version is ``<name>_<version>``
#: (or ``-``), the comment after a space (RFC 4253, 4.2).
_SSH = re.compile(
    rf"^SSH-\d+\.\d+-(?P<product>[A-Za-z][\w.+-]*?)[_-](?P<version>{_VERSION})"
    r"(?P<comment>[ \t][^\r\n]*)?",
    re.M,
)
#: ``Server: nginx/1.18.0 (Ubuntu)``: the first product token of the header, and its comment.
_SERVER = re.compile(
    rf"^Server:[ \t]*(?P<product>[A-Za-z][\w.+-]*?)/(?P<version>{_VERSION})"
    r"(?P<comment>[ \t]+\([^)\r\n]*\))?",
    re.M | re.I,
)
#: A ``220`` greeting (FTP, SMTP): the first ``<Name> <x.y...>`` pair of its first line.
_GREETING = re.compile(r"^220[ -](?P<line>[^\r\n]*)")
_NAME_VERSION = re.compile(
    r"(?<![\w.:/-])(?P<product>[A-Za-z][A-Za-z0-9-]*(?: Server)?)[ /]"
    r"(?P<version>v?\d+(?:\.\d+)+[A-Za-z0-9]*)(?![\w.])"
)
#: Words a greeting puts before a number that are not products ("Version 6.4").
_NOT_PRODUCTS = {"version", "release", "build", "rev", "revision", "protocol", "esmtp", "smtp"}


def parse_banner(banner: str) -> Identified | None:
    """The product and version a service's banner announces, or None.

    Reads an SSH identification string (``SSH-2.0-OpenSSH_9.2p1 Debian-2`` gives OpenSSH,
    ``9.2p1 Debian-2``), an HTTP ``Server`` header (``Server: nginx/1.18.0`` gives nginx,
    ``1.18.0``) and a ``220`` FTP or SMTP greeting (``220 ProFTPD 1.3.5 Server`` gives
    ProFTPD, ``1.3.5``; ``220 (vsFTPd 2.3.4)`` gives vsFTPd, ``2.3.4``). A banner that names
    a product without a version (``Server: nginx``) gives None."""
    if not banner:
        return None
    text = banner.lstrip()
    if text.startswith("SSH-"):
        ssh = _SSH.match(text)
        if ssh is None:
            return None
        product = ssh.group("product").replace("_", " ")
        version = ssh.group("version") + (ssh.group("comment") or "").rstrip()
        return Identified(product, version.strip())
    server = _SERVER.search(text)
    if server is not None:
        version = server.group("version") + (server.group("comment") or "")
        return Identified(server.group("product"), version.strip())
    greeting = _GREETING.match(text)
    if greeting is not None:
        for pair in _NAME_VERSION.finditer(greeting.group("line")):
            if pair.group("product").lower() not in _NOT_PRODUCTS:
                return Identified(pair.group("product"), pair.group("version"))
    return None


def product_key(product: str) -> str:
    """How product names are compared: case-insensitive, runs of spaces, ``_`` made one
    space (``OpenSSH``, ``openssh`` and ``OpenSSH `` are the same product)."""
    return " ".join(product.replace("_", " ").lower().split())
