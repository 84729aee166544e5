"""DSSE envelopes signed by the province: receipts and assignment packages share this one format.

    {"payload": base64(body), "payloadType": "...", "signatures": [{"keyid": "ed25519:…", "sig": base64(sig)}]}

The signature covers PAE(payloadType, body), the exact body bytes, so verification never depends on
re-serialising JSON. ``open_envelope`` checks size, shape, type, key id and signature, in that order, and
only then parses the body.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.errors import IntegrityError
from desktop.sync.canonical import canonical_json, pae, parse_strict_json
from desktop.sync.device_keys import ed25519_public_bytes, key_id, load_ed25519_public

ErrorFactory = Callable[[str, str, str | None], IntegrityError]


def seal_envelope(payload_type: str, body: bytes, signing_key: Ed25519PrivateKey) -> bytes:
    """The canonical envelope bytes of ``body`` signed with ``signing_key``."""
    signature = signing_key.sign(pae(payload_type, body))
    envelope = {"payload": _b64(body), "payloadType": payload_type,
                "signatures": [{"keyid": key_id("ed25519", ed25519_public_bytes(signing_key)),
                                "sig": _b64(signature)}]}
    return canonical_json(envelope)


def open_envelope(data: bytes, payload_type: str, public_key: bytes, max_bytes: int, error: ErrorFactory,
                  signature_code: str) -> Any:
    """The parsed JSON body of an envelope signed by ``public_key``; ``error(vi, en, code)`` for any fault."""
    if len(data) > max_bytes:
        raise error("quá lớn", "too large", None)
    try:
        outer = parse_strict_json(data)
        found_type = outer["payloadType"]
        (entry,) = outer["signatures"]
        body = base64.b64decode(outer["payload"], validate=True)
        signature = base64.b64decode(entry["sig"], validate=True)
        keyid = entry["keyid"]
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise error("cấu trúc không hợp lệ", "malformed envelope", None) from exc
    if found_type != payload_type:
        raise error(f"loại nội dung {str(found_type)[:60]!r} sai", f"wrong payload type {str(found_type)[:60]!r}", None)
    if keyid != key_id("ed25519", public_key):
        raise error("được ký bằng khoá khác khoá của tỉnh", "signed by a key other than the province's",
                    signature_code)
    try:
        load_ed25519_public(public_key).verify(signature, pae(payload_type, body))
    except InvalidSignature as exc:
        raise error("chữ ký không hợp lệ", "invalid signature", signature_code) from exc
    try:
        return parse_strict_json(body)
    except ValueError as exc:
        raise error("nội dung không phải JSON", "body is not JSON", None) from exc


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
