"""Keys: the agency's Ed25519 device identity and the province's signing and HPKE recipient keys.

Private keys travel only as raw bytes for the caller to keep inside an encrypted store; this module
never writes or logs them. A key id names a public key in manifests, export headers and receipts:
``<type>:<first 16 hex digits of SHA-256(raw public key)>``, e.g. ``ed25519:3f2a91c0…``. A fingerprint
is the whole SHA-256 in groups of four hex digits, and its short form (first four groups) is what two
people read to each other over the phone at enrollment.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.hpke import MLKEM768X25519PrivateKey, MLKEM768X25519PublicKey

from desktop.errors import InputError

KEY_TYPES = ("ed25519", "x25519", "mlkem768x25519")
ED25519_LEN = 32
X25519_LEN = 32
MLKEM768_PUBLIC_LEN = 1184
MLKEM768_SEED_LEN = 64
HYBRID_PUBLIC_LEN = MLKEM768_PUBLIC_LEN + X25519_LEN
_PROVINCE_MAGIC = b"BCPK"
_PROVINCE_VERSION = 1
_PROVINCE_LEN = 4 + 1 + ED25519_LEN + X25519_LEN + MLKEM768_SEED_LEN + X25519_LEN

HpkePrivateKey = x25519.X25519PrivateKey | MLKEM768X25519PrivateKey
HpkePublicKey = x25519.X25519PublicKey | MLKEM768X25519PublicKey


def key_id(key_type: str, public_bytes: bytes) -> str:
    """The id of a raw public key: ``"<type>:" + first 16 hex digits of its SHA-256``."""
    if key_type not in KEY_TYPES:
        raise ValueError(f"unknown key type {key_type!r}")
    return f"{key_type}:{hashlib.sha256(public_bytes).hexdigest()[:16]}"


def fingerprint(public_bytes: bytes) -> str:
    """SHA-256 of the raw public key as 16 upper-case groups of 4 hex digits separated by spaces."""
    digest = hashlib.sha256(public_bytes).hexdigest().upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def short_fingerprint(public_bytes: bytes) -> str:
    """The first 4 groups of the fingerprint (64 bits), to read aloud: "3F2A-91C0-77DE-0B14"."""
    return "-".join(fingerprint(public_bytes).split(" ")[:4])


def generate_device_key() -> Ed25519PrivateKey:
    """A new Ed25519 device key."""
    return Ed25519PrivateKey.generate()


def device_private_bytes(key: Ed25519PrivateKey) -> bytes:
    """The 32-byte raw private key (seed) for the encrypted store."""
    return key.private_bytes_raw()


def load_device_key(raw: bytes) -> Ed25519PrivateKey:
    """The device key from its 32 raw bytes."""
    if len(raw) != ED25519_LEN:
        raise InputError("Khoá thiết bị hỏng (sai độ dài).", "Device key is damaged (wrong length).", code="key")
    return Ed25519PrivateKey.from_private_bytes(raw)


def ed25519_public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    """The 32-byte raw public key of an Ed25519 private or public key."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes_raw()


def load_ed25519_public(raw: bytes) -> Ed25519PublicKey:
    """An Ed25519 public key from 32 raw bytes."""
    if len(raw) != ED25519_LEN:
        raise InputError("Khoá công khai Ed25519 sai độ dài.", "Ed25519 public key has the wrong length.", code="key")
    return Ed25519PublicKey.from_public_bytes(raw)


def load_recipient_public(kid: str, raw: bytes) -> HpkePublicKey:
    """An HPKE recipient public key from its raw bytes; the key id's type says which kind."""
    kind = kid.split(":", 1)[0]
    if kind == "x25519" and len(raw) == X25519_LEN:
        return x25519.X25519PublicKey.from_public_bytes(raw)
    if kind == "mlkem768x25519" and len(raw) == HYBRID_PUBLIC_LEN:
        return MLKEM768X25519PublicKey(mlkem.MLKEM768PublicKey.from_public_bytes(raw[:MLKEM768_PUBLIC_LEN]),
                                       x25519.X25519PublicKey.from_public_bytes(raw[MLKEM768_PUBLIC_LEN:]))
    raise InputError(f"Khoá nhận {kid} không dùng được.", f"Recipient key {kid} is unusable.", code="key")


@dataclass(frozen=True)
class ProvincePublicKeys:
    """The province's public keys as an agency pins them at enrollment (raw bytes)."""

    signing: bytes
    x25519: bytes
    mlkem768x25519: bytes

    @property
    def signing_key_id(self) -> str:
        """Key id of the receipt/feed signing key."""
        return key_id("ed25519", self.signing)

    def recipient(self, suite: str = "x25519") -> tuple[str, HpkePublicKey]:
        """``(key id, public key)`` to encrypt exports to with ``suite`` ("x25519" or "mlkem768x25519")."""
        raw = self.x25519 if suite == "x25519" else self.mlkem768x25519
        kid = key_id(suite, raw)
        return kid, load_recipient_public(kid, raw)

    def to_dict(self) -> dict[str, str]:
        """Hex-encoded, for a settings row or an enrollment response."""
        return {"signing": self.signing.hex(), "x25519": self.x25519.hex(), "mlkem768x25519": self.mlkem768x25519.hex()}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> ProvincePublicKeys:
        """From ``to_dict`` output; lengths are checked."""
        keys = cls(bytes.fromhex(data["signing"]), bytes.fromhex(data["x25519"]),
                   bytes.fromhex(data["mlkem768x25519"]))
        if (len(keys.signing), len(keys.x25519), len(keys.mlkem768x25519)) != (ED25519_LEN, X25519_LEN,
                                                                               HYBRID_PUBLIC_LEN):
            raise InputError("Khoá công khai của tỉnh sai độ dài.", "Province public keys have wrong lengths.",
                             code="key")
        return keys


class ProvinceKeys:
    """The province's private keys: Ed25519 signing, X25519 and ML-KEM-768+X25519 HPKE recipients."""

    def __init__(self, signing: Ed25519PrivateKey, x25519_key: x25519.X25519PrivateKey,
                 mlkem_seed: bytes, hybrid_x25519: x25519.X25519PrivateKey) -> None:
        self.signing = signing
        self.x25519 = x25519_key
        self._mlkem = mlkem.MLKEM768PrivateKey.from_seed_bytes(mlkem_seed)
        self._mlkem_seed = mlkem_seed
        self._hybrid_x25519 = hybrid_x25519
        self.hybrid = MLKEM768X25519PrivateKey(self._mlkem, hybrid_x25519)

    def __repr__(self) -> str:
        return f"ProvinceKeys({self.public().signing_key_id})"

    @classmethod
    def generate(cls) -> ProvinceKeys:
        """Fresh keys (the server's "init keys" command)."""
        return cls(Ed25519PrivateKey.generate(), x25519.X25519PrivateKey.generate(), os.urandom(MLKEM768_SEED_LEN),
                   x25519.X25519PrivateKey.generate())

    def public(self) -> ProvincePublicKeys:
        """The public halves, raw."""
        hybrid = (self._mlkem.public_key().public_bytes_raw()
                  + self._hybrid_x25519.public_key().public_bytes_raw())
        return ProvincePublicKeys(ed25519_public_bytes(self.signing), self.x25519.public_key().public_bytes_raw(),
                                  hybrid)

    def hpke_private_key(self, kid: str) -> HpkePrivateKey | None:
        """The recipient private key named by ``kid``, or None when ``kid`` is not one of ours."""
        public = self.public()
        if kid == key_id("x25519", public.x25519):
            return self.x25519
        if kid == key_id("mlkem768x25519", public.mlkem768x25519):
            return self.hybrid
        return None

    def to_bytes(self) -> bytes:
        """All private keys as one binary blob, for the caller to store encrypted."""
        return b"".join((_PROVINCE_MAGIC, struct.pack(">B", _PROVINCE_VERSION), device_private_bytes(self.signing),
                         self.x25519.private_bytes_raw(), self._mlkem_seed, self._hybrid_x25519.private_bytes_raw()))

    @classmethod
    def from_bytes(cls, blob: bytes) -> ProvinceKeys:
        """Keys from ``to_bytes`` output."""
        if len(blob) != _PROVINCE_LEN or blob[:4] != _PROVINCE_MAGIC or blob[4] != _PROVINCE_VERSION:
            raise InputError("Tệp khoá của tỉnh hỏng.", "Province key file is damaged.", code="key")
        at = 5
        signing = Ed25519PrivateKey.from_private_bytes(blob[at:at + ED25519_LEN])
        at += ED25519_LEN
        x_key = x25519.X25519PrivateKey.from_private_bytes(blob[at:at + X25519_LEN])
        at += X25519_LEN
        seed = blob[at:at + MLKEM768_SEED_LEN]
        at += MLKEM768_SEED_LEN
        return cls(signing, x_key, seed, x25519.X25519PrivateKey.from_private_bytes(blob[at:at + X25519_LEN]))
