"""Encryption of secrets at rest (webhook secrets) with Fernet, keyed from the instance secret.

The Fernet key is derived with HKDF-SHA256 from the instance secret and a fixed purpose
label, so rotating the instance secret makes stored secrets unreadable (and re-settable).
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_PURPOSE = b"cyberorigen secrets at rest v1"


class SecretBox:
    def __init__(self, instance_secret: str) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(
            instance_secret.encode("utf-8")
        )
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode("utf-8")).decode("ascii")

    def open(self, token: str) -> str:
        return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
