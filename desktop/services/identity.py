"""This installation's keys: its own Ed25519 device key and the province's pinned public keys.

The device key is made on first use and kept only inside the encrypted store (a ``secret.`` setting, never
echoed in the audit log). The province's keys are pinned at enrollment; nothing signed by another key is
trusted afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from desktop.errors import InputError
from desktop.models.settings import get_setting, set_setting
from desktop.sync.device_keys import (
    ProvincePublicKeys,
    device_private_bytes,
    ed25519_public_bytes,
    fingerprint,
    generate_device_key,
    key_id,
    load_device_key,
)

DEVICE_KEY_SETTING = "secret.device_key"
PROVINCE_KEYS_SETTING = "province.public_keys"
REVOKED_SETTING = "sync.device_revoked"


@dataclass(frozen=True)
class DeviceIdentity:
    """What the user may read out to the province by phone to check an enrollment."""

    key_id: str
    fingerprint: str


def device_key(session: Session) -> Ed25519PrivateKey:
    """The device's signing key, created on first use."""
    stored = get_setting(session, DEVICE_KEY_SETTING)
    if stored:
        return load_device_key(bytes.fromhex(stored))
    key = generate_device_key()
    set_setting(session, DEVICE_KEY_SETTING, device_private_bytes(key).hex())
    return key


def replace_device_key(session: Session) -> str:
    """A new device key for a PC whose key the province revoked (a revoked key never comes back); returns the
    old key's id. The old key is not kept: the province still holds its public half for what it signed."""
    old = key_id("ed25519", ed25519_public_bytes(device_key(session)))
    set_setting(session, DEVICE_KEY_SETTING, device_private_bytes(generate_device_key()).hex())
    set_setting(session, REVOKED_SETTING, None)
    return old


def record_revoked(session: Session, message_vi: str, message_en: str) -> None:
    """The province refused this PC's key as revoked: kept until the PC enrolls again with a new key."""
    set_setting(session, REVOKED_SETTING, {"vi": message_vi, "en": message_en})


def device_revocation(session: Session) -> tuple[str, str] | None:
    """What the province said when it refused this PC's key as revoked, or None."""
    said = get_setting(session, REVOKED_SETTING)
    return (str(said["vi"]), str(said["en"])) if isinstance(said, dict) else None


def device_identity(session: Session) -> DeviceIdentity:
    """The device key's id and fingerprint."""
    public = ed25519_public_bytes(device_key(session))
    return DeviceIdentity(key_id("ed25519", public), fingerprint(public))


def pin_province(session: Session, keys: ProvincePublicKeys) -> None:
    """Pin the province's public keys; a different set replacing a pinned one is refused."""
    current = get_setting(session, PROVINCE_KEYS_SETTING)
    if current and current != keys.to_dict():
        raise InputError("Khóa của Sở khác với khóa đã ghi nhận khi đăng ký; hãy liên hệ Sở trước khi tiếp tục.",
                         "The province's keys differ from those pinned at enrollment; contact the province first.",
                         code="province_key_changed")
    set_setting(session, PROVINCE_KEYS_SETTING, keys.to_dict())


def province_keys(session: Session) -> ProvincePublicKeys | None:
    """The pinned province keys, if this installation has enrolled."""
    data = get_setting(session, PROVINCE_KEYS_SETTING)
    return ProvincePublicKeys.from_dict(data) if data else None


def require_province(session: Session) -> ProvincePublicKeys:
    """The pinned keys, or a clear error asking to enroll first."""
    keys = province_keys(session)
    if keys is None:
        raise InputError("Máy này chưa đăng ký với Sở (chưa có khóa của Sở): hãy đăng ký trong mục Đồng bộ.",
                         "This PC has not enrolled with the province (no province key): enroll under Sync.",
                         code="not_enrolled")
    return keys
