"""Key slots: the store's random database key, wrapped once per user and once for recovery.

The 32-byte database key is never derived from a password. Each user's slot wraps it under a key
derived from that user's passphrase with Argon2id; the recovery slot wraps it under a key derived
with HKDF from a 256-bit recovery key shown once to the user (it has full entropy, so stretching
would add nothing). Changing a passphrase rewrites one slot in ``keyslots.json``; the database
file is not touched. Each slot's AEAD binds the slot's identity (kind, user, KDF parameters) as
associated data, so a slot cannot be moved to another user or weakened without failing to open.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.domain.text import nfc
from desktop.errors import StoreError, WrongPassphrase

FORMAT = "baocao.keyslots/1"
RECOVERY_USER = "*recovery*"
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: 128 MiB, 3 passes, 4 lanes ≈ 0.3–0.6 s on a 2-core PC (see docs/store.md)."""

    memory_kib: int = 128 * 1024
    iterations: int = 3
    lanes: int = 4


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the database key."""

    kind: str
    user: str
    salt: str
    nonce: str
    wrapped: str
    kdf: KdfParams | None = None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(kind: str, user: str, kdf: KdfParams | None) -> bytes:
    return json.dumps([FORMAT, kind, user, asdict(kdf) if kdf else None]).encode("utf-8")


def passphrase_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    """Argon2id of the NFC passphrase (so the same typed text opens on every keyboard layout)."""
    return Argon2id(salt=salt, length=32, iterations=kdf.iterations, lanes=kdf.lanes,
                    memory_cost=kdf.memory_kib).derive(nfc(passphrase).encode("utf-8"))


def recovery_wrapping_key(recovery_key: str, salt: bytes) -> bytes:
    """HKDF of the recovery key's 32 bytes."""
    raw = decode_recovery_key(recovery_key)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"baocao recovery slot").derive(raw)


def new_recovery_key() -> str:
    """32 random bytes written as 52 unambiguous characters in groups of four."""
    value = int.from_bytes(secrets.token_bytes(32), "big")
    chars = []
    for _ in range(52):
        value, index = divmod(value, 32)
        chars.append(RECOVERY_ALPHABET[index])
    text = "".join(chars)
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def decode_recovery_key(text: str) -> bytes:
    """Back to 32 bytes; spaces, dashes and case do not matter."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) != 52 or any(ch not in RECOVERY_ALPHABET for ch in cleaned):
        raise WrongPassphrase("Khóa khôi phục không đúng định dạng.", "The recovery key is not well formed.")
    value = 0
    for ch in reversed(cleaned):
        value = value * 32 + RECOVERY_ALPHABET.index(ch)
    if value >= 1 << 256:
        raise WrongPassphrase("Khóa khôi phục không đúng định dạng.", "The recovery key is not well formed.")
    return value.to_bytes(32, "big")


def wrap(db_key: bytes, kind: str, user: str, secret: str, kdf: KdfParams | None) -> Slot:
    """Make a slot holding ``db_key`` for a passphrase (kind "user") or recovery key ("recovery")."""
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = passphrase_key(secret, salt, kdf) if kdf else recovery_wrapping_key(secret, salt)
    wrapped = ChaCha20Poly1305(kek).encrypt(nonce, db_key, _aad(kind, user, kdf))
    return Slot(kind=kind, user=user, salt=_b64(salt), nonce=_b64(nonce), wrapped=_b64(wrapped), kdf=kdf)


def unwrap(slot: Slot, secret: str) -> bytes | None:
    """The database key if ``secret`` opens this slot, else None."""
    salt = _unb64(slot.salt)
    kek = passphrase_key(secret, salt, slot.kdf) if slot.kdf else recovery_wrapping_key(secret, salt)
    try:
        return ChaCha20Poly1305(kek).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped),
                                             _aad(slot.kind, slot.user, slot.kdf))
    except InvalidTag:
        return None


class KeySlotFile:
    """``keyslots.json`` beside the database: read, write atomically, find slots."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        """Whether the file is there."""
        return self.path.exists()

    def load(self) -> list[Slot]:
        """Every slot; a clear StoreError if the file is missing or damaged."""
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("format")
            return [_slot_from_dict(item) for item in data["slots"]]
        except FileNotFoundError as exc:
            raise StoreError(
                f"Không tìm thấy tệp khóa {self.path}: thư mục này không phải kho dữ liệu baocao.",
                f"Key file {self.path} not found: this folder is not a baocao store.",
                code="not_a_store") from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"Tệp khóa {self.path} bị hỏng.", f"Key file {self.path} is damaged.",
                             code="keyslots_damaged") from exc

    def save(self, slots: list[Slot]) -> None:
        """Write all slots atomically (temp file, fsync, rename)."""
        body = json.dumps({"format": FORMAT, "slots": [asdict(s) for s in slots]}, ensure_ascii=False,
                          indent=1)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        _fsync_dir(self.path.parent)


def _slot_from_dict(item: dict[str, object]) -> Slot:
    kdf = item.get("kdf")
    return Slot(kind=str(item["kind"]), user=str(item["user"]), salt=str(item["salt"]),
                nonce=str(item["nonce"]), wrapped=str(item["wrapped"]),
                kdf=KdfParams(**kdf) if isinstance(kdf, dict) else None)


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
