"""The agency's accepted history as the province publishes it to the agency's own devices (restore).

A province-signed DSSE envelope (payloadType ``application/vnd.baocao.history+json``) whose payload is

    {"format": "baocao.history/1", "agency": "XA-C", "issued_at": "…Z",
     "devices": [{"key_id", "public_key": b64(32 bytes), "name", "enrolled_at", "revoked_at"}, ...],
     "bundles": [{"bundle_id", "sha256", "period", "revision", "sequence", "size", "received_at",
                  "receipt": b64(receipt envelope)}, ...]}

The bundles' bytes come one by one from ``GET /v1/history/bundles/{sha256}``. A device trusts nothing of
them before: the bytes hash to the listed SHA-256, the bundle verifies (``verify_bundle``) against the
key of the device that signed it *as published in this envelope*, for this agency, and its receipt
verifies against the pinned province key and names the same bundle.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.errors import IntegrityError
from desktop.sync.canonical import canonical_json
from desktop.sync.device_keys import ProvincePublicKeys, key_id
from desktop.sync.envelope import open_envelope, seal_envelope

HISTORY_TYPE = "application/vnd.baocao.history+json"
FORMAT = "baocao.history/1"
MAX_HISTORY_BYTES = 16 * 1024 * 1024
MAX_BUNDLES = 5000


class HistoryError(IntegrityError):
    """A history envelope that is malformed or not signed by the pinned province key."""

    code = "history"


@dataclass(frozen=True)
class PublishedDevice:
    """A device key of the agency as the province publishes it."""

    key_id: str
    public_key: bytes
    name: str
    enrolled_at: int
    revoked_at: int | None


@dataclass(frozen=True)
class HistoryEntry:
    """One accepted bundle of the agency and its receipt."""

    bundle_id: str
    sha256: str
    period: str
    revision: int
    sequence: int
    size: int
    received_at: int
    receipt: bytes


@dataclass(frozen=True)
class AgencyHistory:
    """The verified content of a history envelope."""

    agency: str
    issued_at: str
    devices: tuple[PublishedDevice, ...]
    bundles: tuple[HistoryEntry, ...]

    def device_key(self, kid: str) -> bytes | None:
        """The published public key with this key id."""
        return next((d.public_key for d in self.devices if d.key_id == kid), None)


def sign_history(payload: dict[str, Any], signing_key: Ed25519PrivateKey) -> bytes:
    """The envelope bytes of ``payload`` signed with the province key (the server's side)."""
    return seal_envelope(HISTORY_TYPE, canonical_json(payload), signing_key)


def verify_history(envelope: bytes, province: ProvincePublicKeys, agency: str) -> AgencyHistory:
    """Check the envelope against the pinned province key and that it is this agency's; return its content."""
    data = open_envelope(envelope, HISTORY_TYPE, province.signing, MAX_HISTORY_BYTES, _error, "history_signature")
    try:
        if data["format"] != FORMAT:
            raise _error(f"định dạng {str(data['format'])[:40]!r} không được hỗ trợ", "unsupported format")
        if data["agency"] != agency:
            raise _error(f"dành cho cơ quan {str(data['agency'])[:64]}", f"meant for agency {str(data['agency'])[:64]}")
        devices = tuple(_device(d) for d in data["devices"])
        bundles = tuple(_entry(b) for b in data["bundles"][:MAX_BUNDLES + 1])
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        if isinstance(exc, HistoryError):
            raise
        raise _error("thiếu hoặc sai trường", "missing or invalid field") from exc
    if len(bundles) > MAX_BUNDLES:
        raise _error("quá nhiều gói", "too many bundles")
    return AgencyHistory(agency, str(data["issued_at"]), devices, bundles)


def _device(data: dict[str, Any]) -> PublishedDevice:
    public = base64.b64decode(data["public_key"], validate=True)
    if len(public) != 32 or key_id("ed25519", public) != data["key_id"]:
        raise _error("khoá thiết bị không khớp mã khoá", "a device key does not match its key id")
    revoked = data.get("revoked_at")
    return PublishedDevice(data["key_id"], public, str(data.get("name", ""))[:100], int(data["enrolled_at"]),
                           int(revoked) if revoked is not None else None)


def _entry(data: dict[str, Any]) -> HistoryEntry:
    sha256 = str(data["sha256"])
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise _error("mã băm sai", "invalid SHA-256")
    return HistoryEntry(str(data["bundle_id"])[:64], sha256, str(data["period"])[:16], int(data["revision"]),
                        int(data["sequence"]), int(data["size"]), int(data["received_at"]),
                        base64.b64decode(data["receipt"], validate=True))


def _error(vi: str, en: str, code: str | None = None) -> HistoryError:
    return HistoryError(f"Lịch sử báo cáo Sở gửi không hợp lệ: {vi}.", f"Invalid history from the province: {en}.",
                        code=code or "history")
