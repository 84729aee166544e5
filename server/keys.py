"""The province's private keys at rest: wrapped under the server passphrase, never written in clear.

``province-keys.json`` holds one key slot (``desktop.models.keyslots``: Argon2id of the passphrase,
ChaCha20-Poly1305) around ``ProvinceKeys.to_bytes()``, plus the public keys in hex so that their
fingerprints can be shown without the passphrase. Nothing here logs or prints a private key.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from desktop.errors import InputError, WrongPassphrase
from desktop.models.keyslots import KdfParams, Slot, unwrap, wrap
from desktop.sync.device_keys import ProvinceKeys, ProvincePublicKeys, short_fingerprint

FORMAT = "baocao.server-keys/1"
_SLOT_KIND = "server"
_SLOT_USER = "province"


def create_keys(path: Path, passphrase: str, kdf: KdfParams | None = None) -> ProvinceKeys:
    """Generate the province keys and write them wrapped under ``passphrase``; refuses to overwrite."""
    if path.exists():
        raise InputError(f"Khoá của tỉnh đã có tại {path}; không ghi đè.",
                         f"Province keys already exist at {path}; not overwriting.", code="keys_exist")
    if len(passphrase) < 8:
        raise InputError("Mật khẩu máy chủ phải có ít nhất 8 ký tự.",
                         "The server passphrase must have at least 8 characters.", code="weak_passphrase")
    keys = ProvinceKeys.generate()
    slot = wrap(keys.to_bytes(), _SLOT_KIND, _SLOT_USER, passphrase, kdf or KdfParams())
    body = {"format": FORMAT, "public": keys.public().to_dict(), "slot": asdict(slot)}
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(body, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
    return keys


def load_public_keys(path: Path) -> ProvincePublicKeys:
    """The public keys (no passphrase needed)."""
    return ProvincePublicKeys.from_dict(_read(path)["public"])


def load_keys(path: Path, passphrase: str) -> ProvinceKeys:
    """Unwrap the private keys; ``WrongPassphrase`` if the passphrase does not open them."""
    data = _read(path)
    raw = data["slot"]
    kdf = raw.get("kdf")
    slot = Slot(kind=str(raw["kind"]), user=str(raw["user"]), salt=str(raw["salt"]), nonce=str(raw["nonce"]),
                wrapped=str(raw["wrapped"]), kdf=KdfParams(**kdf) if isinstance(kdf, dict) else None)
    blob = unwrap(slot, passphrase)
    if blob is None:
        raise WrongPassphrase("Mật khẩu máy chủ không đúng.", "Wrong server passphrase.")
    keys = ProvinceKeys.from_bytes(blob)
    if keys.public() != load_public_keys(path):
        raise InputError(f"Tệp khoá {path} không nhất quán.", f"Key file {path} is inconsistent.", code="key")
    return keys


def describe(public: ProvincePublicKeys) -> str:
    """The fingerprints an agency reads over the phone to check what its app pinned."""
    return (f"signing {public.signing_key_id}  {short_fingerprint(public.signing)}\n"
            f"x25519  {public.recipient('x25519')[0]}  {short_fingerprint(public.x25519)}\n"
            f"hybrid  {public.recipient('mlkem768x25519')[0]}  {short_fingerprint(public.mlkem768x25519)}")


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("format")
        return data
    except FileNotFoundError as exc:
        raise InputError(f"Chưa có khoá của tỉnh ({path}): chạy `baocao-server init` trước.",
                         f"No province keys ({path}): run `baocao-server init` first.", code="no_keys") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"Tệp khoá {path} bị hỏng.", f"Key file {path} is damaged.", code="key") from exc
