"""The signed assignment package: what the province tells one agency to report on.

The package is a DSSE envelope in canonical JSON, shaped like a receipt (receipt.py)::

    {"payload": base64(body), "payloadType": "application/vnd.baocao.assignments+json",
     "signatures": [{"keyid": "ed25519:…", "sig": base64(Ed25519(PAE(payloadType, body)))}]}

``body`` is canonical JSON ``{"format": "baocao.assignments/1", "agency": {...}, "plans": [...],
"schedule": {...} | null, "issued_at": iso}``. The server signs with ``sign_assignments``; the agency
accepts nothing from the package until ``verify_assignments`` has checked it against the province key
pinned at enrollment.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.errors import IntegrityError
from desktop.sync.canonical import canonical_json, pae, parse_strict_json
from desktop.sync.device_keys import ProvincePublicKeys, ed25519_public_bytes, key_id, load_ed25519_public

ASSIGNMENTS_TYPE = "application/vnd.baocao.assignments+json"
FORMAT = "baocao.assignments/1"
MAX_ASSIGNMENTS_BYTES = 32 * 1024 * 1024
_REQUIRED = {"format": str, "agency": dict, "plans": list, "issued_at": str}


class AssignmentsError(IntegrityError):
    """An assignment package that is malformed or not signed by the pinned province key."""

    code = "assignments"


def sign_assignments(package: dict[str, Any], signing_key: Ed25519PrivateKey) -> bytes:
    """The envelope bytes of ``package`` signed with the province key (the server's side)."""
    _check_package(package)
    body = canonical_json(package)
    signature = signing_key.sign(pae(ASSIGNMENTS_TYPE, body))
    envelope = {"payload": _b64(body), "payloadType": ASSIGNMENTS_TYPE,
                "signatures": [{"keyid": key_id("ed25519", ed25519_public_bytes(signing_key)),
                                "sig": _b64(signature)}]}
    return canonical_json(envelope)


def verify_assignments(envelope: bytes, province: ProvincePublicKeys) -> dict[str, Any]:
    """Check an assignment envelope against the pinned province signing key; return the package."""
    if len(envelope) > MAX_ASSIGNMENTS_BYTES:
        raise _error("gói quá lớn", "package too large")
    try:
        outer = parse_strict_json(envelope)
        payload_type = outer["payloadType"]
        (entry,) = outer["signatures"]
        body = base64.b64decode(outer["payload"], validate=True)
        signature = base64.b64decode(entry["sig"], validate=True)
        keyid = entry["keyid"]
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise _error("cấu trúc không hợp lệ", "malformed envelope") from exc
    if payload_type != ASSIGNMENTS_TYPE:
        raise _error(f"loại nội dung {str(payload_type)[:60]!r} sai", f"wrong payload type {str(payload_type)[:60]!r}")
    if keyid != province.signing_key_id:
        raise _error("được ký bằng khoá khác khoá của tỉnh", "signed by a key other than the province's",
                     "assignments_signature")
    try:
        load_ed25519_public(province.signing).verify(signature, pae(ASSIGNMENTS_TYPE, body))
    except InvalidSignature as exc:
        raise _error("chữ ký không hợp lệ", "invalid signature", "assignments_signature") from exc
    try:
        package = parse_strict_json(body)
    except ValueError as exc:
        raise _error("nội dung không phải JSON", "body is not JSON") from exc
    _check_package(package)
    return package


def _check_package(package: Any) -> None:
    if not isinstance(package, dict):
        raise _error("nội dung không phải đối tượng JSON", "body is not a JSON object")
    for name, kind in _REQUIRED.items():
        if not isinstance(package.get(name), kind):
            raise _error(f"thiếu hoặc sai trường {name!r}", f"missing or invalid field {name!r}")
    if package["format"] != FORMAT:
        raise _error(f"định dạng {package['format'][:40]!r} không được hỗ trợ",
                     f"unsupported format {package['format'][:40]!r}")
    if package.get("schedule") is not None and not isinstance(package["schedule"], dict):
        raise _error("trường 'schedule' sai", "invalid field 'schedule'")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _error(vi: str, en: str, code: str = "assignments") -> AssignmentsError:
    return AssignmentsError(f"Gói nhiệm vụ của tỉnh không hợp lệ: {vi}.", f"Invalid assignment package: {en}.",
                            code=code)
