"""Receipts: the province's signed answer to a bundle, small enough to travel back as a file.

A receipt is a DSSE envelope in canonical JSON::

    {"payload": base64(body), "payloadType": "application/vnd.baocao.receipt+json",
     "signatures": [{"keyid": "ed25519:…", "sig": base64(Ed25519(PAE(payloadType, body)))}]}

where ``body`` is the canonical JSON of the fields of ``Receipt`` (format ``baocao.receipt/1``). The
signature covers the exact body bytes, so verification never depends on re-serialising JSON.

A receipt for a signed-document follow-up (desktop/sync/signed_document.py) also has ``document``: the
province's verdict on the PDF's digital signatures (``DocumentVerdict``). Every other receipt omits the key
(it is never written as null), so receipts of bundles are byte for byte what they were before it existed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.errors import IntegrityError
from desktop.sync.canonical import canonical_json
from desktop.sync.envelope import open_envelope, seal_envelope

RECEIPT_TYPE = "application/vnd.baocao.receipt+json"
FORMAT = "baocao.receipt/1"
STATUSES = ("accepted", "superseded", "rejected", "duplicate")
MAX_RECEIPT_BYTES = 64 * 1024
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")
_LOCAL_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00\Z")
VERDICTS = ("valid", "invalid", "untrusted")
MAX_SIGNATURES = 8
SIGNATURE_KEYS = frozenset({"field", "role", "signer", "issuer", "signed_at", "timestamped", "valid", "trusted",
                            "problem"})


class ReceiptError(IntegrityError):
    """A receipt that is malformed or not signed by the pinned province key."""

    code = "receipt"


@dataclass(frozen=True)
class Receipt:
    """What the province says it did with one bundle. ``code`` is the refusal's error code when rejected."""

    bundle_sha256: str
    bundle_id: str | None
    agency: str | None
    period: str | None
    revision: int | None
    received_at: str
    status: str
    message_vi: str
    message_en: str
    code: str | None = None
    supersedes: int | None = None
    format: str = FORMAT
    document: dict[str, Any] | None = None


def make_receipt(receipt: Receipt, signing_key: Ed25519PrivateKey) -> bytes:
    """Sign ``receipt`` with the province key; returns the receipt file's bytes."""
    body = _body(receipt)
    _check_body(body)
    return seal_envelope(RECEIPT_TYPE, canonical_json(body), signing_key)


def _body(receipt: Receipt) -> dict[str, Any]:
    body = asdict(receipt)
    if body["document"] is None:
        del body["document"]
    return body


def receipt_time(moment: datetime) -> str:
    """``received_at`` form: UTC, seconds, "Z"."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def verify_receipt(data: bytes, province_public_key: bytes) -> Receipt:
    """Check a receipt file against the pinned province signing key and return its content."""
    fields = open_envelope(data, RECEIPT_TYPE, province_public_key, MAX_RECEIPT_BYTES, _error, "receipt_signature")
    _check_body(fields)
    return Receipt(**fields)


def _check_body(fields: Any) -> None:
    expected = set(Receipt.__dataclass_fields__) - {"document"}
    if not isinstance(fields, dict) or set(fields) - {"document"} != expected:
        raise _error("thiếu hoặc thừa trường", "missing or unexpected fields")
    if "document" in fields and not _document_ok(fields["document"]):
        raise _error("kết quả kiểm tra văn bản ký số không hợp lệ", "invalid signed-document verdict")
    ok = (fields["format"] == FORMAT and fields["status"] in STATUSES
          and isinstance(fields["bundle_sha256"], str) and _HEX64.match(fields["bundle_sha256"])
          and isinstance(fields["received_at"], str) and _TIME.match(fields["received_at"])
          and all(isinstance(fields[k], str) and len(fields[k]) <= 2000 for k in ("message_vi", "message_en"))
          and all(fields[k] is None or (isinstance(fields[k], str) and 0 < len(fields[k]) <= 64)
                  for k in ("bundle_id", "agency", "period", "code"))
          and all(fields[k] is None or type(fields[k]) is int for k in ("revision", "supersedes")))
    if not ok:
        raise _error("giá trị trường không hợp lệ", "invalid field values")
    if fields["status"] != "rejected" and None in (fields["bundle_id"], fields["agency"], fields["period"],
                                                   fields["revision"]):
        raise _error("thiếu thông tin gói", "bundle fields missing")


def _document_ok(document: Any) -> bool:
    """The ``document`` verdict: its keys, types and bounds (nothing in it is trusted before this)."""
    if not isinstance(document, dict) or set(document) != {"verdict", "complete", "report_bundle_sha256",
                                                             "signatures"}:
        return False
    signatures = document["signatures"]
    return (document["verdict"] in VERDICTS and type(document["complete"]) is bool
            and isinstance(document["report_bundle_sha256"], str)
            and bool(_HEX64.match(document["report_bundle_sha256"]))
            and isinstance(signatures, list) and len(signatures) <= MAX_SIGNATURES
            and all(_signature_ok(s) for s in signatures))


def _signature_ok(entry: Any) -> bool:
    return (isinstance(entry, dict) and set(entry) == SIGNATURE_KEYS
            and all(isinstance(entry[k], str) and len(entry[k]) <= 300
                    for k in ("field", "signer", "issuer", "problem"))
            and entry["role"] in ("signer", "agency", None)
            and (entry["signed_at"] is None or (isinstance(entry["signed_at"], str)
                                                and bool(_LOCAL_TIME.match(entry["signed_at"]))))
            and all(type(entry[k]) is bool for k in ("timestamped", "valid", "trusted")))


def _error(vi: str, en: str, code: str | None = None) -> ReceiptError:
    return ReceiptError(f"Biên nhận không hợp lệ: {vi}.", f"Invalid receipt: {en}.", code=code or "receipt")
