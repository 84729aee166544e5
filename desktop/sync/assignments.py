"""The signed assignment package: what the province tells one agency to report on.

The package is a DSSE envelope in canonical JSON, shaped like a receipt (receipt.py)::

    {"payload": base64(body), "payloadType": "application/vnd.baocao.assignments+json",
     "signatures": [{"keyid": "ed25519:…", "sig": base64(Ed25519(PAE(payloadType, body)))}]}

``body`` is canonical JSON ``{"format": "baocao.assignments/1", "agency": {...}, "plans": [...],
"schedule": {...} | null, "issued_at": iso, "trust_roots": [pem, …] (optional)}``. The server signs
with ``sign_assignments``; the agency accepts nothing from the package until ``verify_assignments`` has
checked it against the province key pinned at enrollment.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.errors import IntegrityError
from desktop.sync.canonical import canonical_json
from desktop.sync.device_keys import ProvincePublicKeys
from desktop.sync.envelope import open_envelope, seal_envelope

ASSIGNMENTS_TYPE = "application/vnd.baocao.assignments+json"
FORMAT = "baocao.assignments/1"
MAX_ASSIGNMENTS_BYTES = 32 * 1024 * 1024
# Optional "trust_roots": PEM certificates the province trusts for documents' digital signatures.
MAX_TRUST_ROOTS = 64
MAX_ROOT_PEM = 64 * 1024
_REQUIRED = {"format": str, "agency": dict, "plans": list, "issued_at": str}


class AssignmentsError(IntegrityError):
    """An assignment package that is malformed or not signed by the pinned province key."""

    code = "assignments"


def sign_assignments(package: dict[str, Any], signing_key: Ed25519PrivateKey) -> bytes:
    """The envelope bytes of ``package`` signed with the province key (the server's side)."""
    _check_package(package)
    return seal_envelope(ASSIGNMENTS_TYPE, canonical_json(package), signing_key)


def verify_assignments(envelope: bytes, province: ProvincePublicKeys) -> dict[str, Any]:
    """Check an assignment envelope against the pinned province signing key; return the package."""
    package = open_envelope(envelope, ASSIGNMENTS_TYPE, province.signing, MAX_ASSIGNMENTS_BYTES, _error,
                            "assignments_signature")
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
    roots = package.get("trust_roots", [])
    if not isinstance(roots, list) or len(roots) > MAX_TRUST_ROOTS or not all(
            isinstance(r, str) and len(r) <= MAX_ROOT_PEM for r in roots):
        raise _error("trường 'trust_roots' sai", "invalid field 'trust_roots'")


def _error(vi: str, en: str, code: str | None = None) -> AssignmentsError:
    return AssignmentsError(f"Gói nhiệm vụ của tỉnh không hợp lệ: {vi}.", f"Invalid assignment package: {en}.",
                            code=code or "assignments")
