"""The signed-document follow-up (format ``baocao.signed-document/1``): the digitally signed report PDF,
sent after the report's bundle and bound to it.

The bundle is made when the report is signed with the device key, before anyone has signed the PDF with a
token, so the PDF cannot travel inside it. It follows in a container of its own, framed exactly like a
bundle (same magic, container version, canonical manifest, Ed25519 signature by the device key, payload):
the same outbox, upload, export and receipt paths carry it. What differs is the manifest (below) and the
payload type under the signature, ``application/vnd.baocao.signed-document+json``, so a bundle signature can
never be taken for a follow-up's or the reverse. docs/bundle-format.md §9 is the specification.

Manifest keys (exactly): ``format``, ``document_id``, ``agency``, ``period``, ``revision``,
``report_bundle_id``, ``report_bundle_sha256`` (SHA-256 of the report's bundle file), ``created_at``,
``recipient``, ``signer``, ``file`` (``media_type`` = ``application/pdf``, ``sha256``, ``size``). The payload
is the PDF's bytes and nothing else.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync.bundle_container import Frame, Limits, frame_prefix, read_frame
from desktop.sync.bundle_errors import ContainerError, HashMismatch, SignatureError, SizeMismatch, UnknownAgencyError
from desktop.sync.canonical import canonical_json, pae
from desktop.sync.device_keys import ed25519_public_bytes, key_id, load_ed25519_public

FORMAT = "baocao.signed-document/1"
DOCUMENT_TYPE = "application/vnd.baocao.signed-document+json"
PDF_MEDIA_TYPE = "application/pdf"
MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_BYTES = 4096
MANIFEST_KEYS = frozenset({"format", "document_id", "agency", "period", "revision", "report_bundle_id",
                           "report_bundle_sha256", "created_at", "recipient", "signer", "file"})
FILE_KEYS = frozenset({"media_type", "sha256", "size"})
# The PDF's Info /Keywords carry this token and the report bundle's SHA-256 (documents/report_pdf.py): it is
# inside what the first digital signature covers, which is how the province ties the signed bytes to a bundle.
BINDING_PREFIX = "baocao-bundle-sha256:"
_CODE = re.compile(r"[A-Za-z0-9._-]{1,64}\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_KID = re.compile(r"(ed25519|x25519|mlkem768x25519):[0-9a-f]{16}\Z")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")
LIMITS = Limits(max_bundle_bytes=MAX_PDF_BYTES + MAX_MANIFEST_BYTES + 64 + 14, max_manifest_bytes=MAX_MANIFEST_BYTES)


@dataclass(frozen=True)
class ReportBinding:
    """The report bundle a signed PDF belongs to."""

    agency: str
    period: str
    revision: int
    bundle_id: str
    bundle_sha256: str


@dataclass(frozen=True)
class VerifiedDocument:
    """A follow-up whose device signature and PDF hash verified; the PDF itself is not judged yet."""

    document_id: str
    binding: ReportBinding
    created_at: str
    signer: str
    recipient: str
    sha256: str
    pdf: bytes


def is_signed_document(manifest: dict[str, Any]) -> bool:
    """Whether a container's (untrusted) manifest says it is a signed-document follow-up."""
    return manifest.get("format") == FORMAT


def document_id_for(binding: ReportBinding, pdf_sha256: str) -> str:
    """A stable id: the same PDF for the same bundle always gets the same id (≤ 64 characters)."""
    return f"{binding.agency[:30]}-{binding.period[:12]}-sd-{pdf_sha256[:16]}"


def make_signed_document(pdf: bytes, binding: ReportBinding, *, created_at: datetime, recipient_key_id: str,
                         signing_key: Ed25519PrivateKey) -> bytes:
    """The follow-up's bytes: the PDF, bound to the report bundle, signed with the device key."""
    if len(pdf) > MAX_PDF_BYTES:
        raise ContainerError(f"tệp PDF {len(pdf):,} byte vượt giới hạn {MAX_PDF_BYTES:,} byte.",
                             f"PDF of {len(pdf):,} bytes exceeds the {MAX_PDF_BYTES:,}-byte limit.")
    digest = hashlib.sha256(pdf).hexdigest()
    manifest = {"format": FORMAT, "document_id": document_id_for(binding, digest), "agency": binding.agency,
                "period": binding.period, "revision": binding.revision, "report_bundle_id": binding.bundle_id,
                "report_bundle_sha256": binding.bundle_sha256,
                "created_at": created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "recipient": recipient_key_id, "signer": key_id("ed25519", ed25519_public_bytes(signing_key)),
                "file": {"media_type": PDF_MEDIA_TYPE, "sha256": digest, "size": len(pdf)}}
    check_document_manifest(manifest)
    manifest_bytes = canonical_json(manifest)
    return frame_prefix(manifest_bytes, signing_key.sign(pae(DOCUMENT_TYPE, manifest_bytes))) + pdf


def read_document_frame(stream: BinaryIO) -> Frame:
    """The container read within the follow-up's bounds (a bigger file is refused before it is read)."""
    return read_frame(stream, LIMITS)


def check_document_manifest(manifest: dict[str, Any]) -> None:
    """Exactly the keys of the format, each of its type and pattern."""
    if set(manifest) != MANIFEST_KEYS:
        extra = sorted(set(manifest) ^ MANIFEST_KEYS)
        raise _field("manifest", f"trường thừa hoặc thiếu: {extra}", f"unexpected or missing fields: {extra}")
    for key, pattern in (("document_id", _CODE), ("agency", _CODE), ("period", _CODE), ("report_bundle_id", _CODE),
                         ("report_bundle_sha256", _HEX64), ("created_at", _TIME), ("recipient", _KID),
                         ("signer", _KID)):
        value = manifest.get(key)
        if not isinstance(value, str) or not pattern.match(value):
            raise _field(key, f"giá trị không hợp lệ {str(value)[:80]!r}", f"invalid value {str(value)[:80]!r}")
    if not manifest["signer"].startswith("ed25519:"):
        raise _field("signer", "không phải khoá Ed25519", "not an Ed25519 key id")
    if type(manifest["revision"]) is not int or not 1 <= manifest["revision"] <= 2**53 - 1:
        raise _field("revision", "phải là số nguyên ≥ 1", "must be an integer ≥ 1")
    file = manifest["file"]
    if (not isinstance(file, dict) or set(file) != FILE_KEYS or file["media_type"] != PDF_MEDIA_TYPE
            or not isinstance(file["sha256"], str) or not _HEX64.match(file["sha256"])
            or type(file["size"]) is not int or not 0 < file["size"] <= MAX_PDF_BYTES):
        raise _field("file", "phải là một tệp PDF có mã băm và kích thước hợp lệ",
                     "must be one PDF with a valid hash and size")


def verify_signed_document(stream: BinaryIO, frame: Frame, sha256: str, public_key: bytes | None
                           ) -> VerifiedDocument:
    """Check a follow-up read by ``read_document_frame``: manifest, device signature, PDF size and hash.

    ``public_key`` is the enrolled key of the device named by ``signer`` (None: none enrolled). Raises the
    first failing check as a ``BundleError`` (codes as for bundles: container, signature, size, hash).
    """
    manifest = frame.manifest
    if frame.version != 1:
        raise ContainerError(f"phiên bản vỏ {frame.version} không được hỗ trợ.",
                             f"container version {frame.version} is not supported.")
    check_document_manifest(manifest)
    if public_key is None:
        raise UnknownAgencyError(f"không có khoá đã đăng ký cho cơ quan {manifest['agency']!r}.",
                                 f"no enrolled key for agency {manifest['agency']!r}.")
    if manifest["signer"] != key_id("ed25519", public_key):
        raise SignatureError(f"văn bản được ký bằng khoá {manifest['signer']}, không phải khoá đã đăng ký.",
                             f"signed with key {manifest['signer']}, not an enrolled key.")
    try:
        load_ed25519_public(public_key).verify(frame.signature, pae(DOCUMENT_TYPE, frame.manifest_bytes))
    except InvalidSignature as exc:
        raise SignatureError("chữ ký trên bản kê văn bản ký số không hợp lệ.",
                             "the signed document's manifest signature does not verify.") from exc
    size, have = manifest["file"]["size"], frame.total_size - frame.payload_offset
    if have != size:
        raise SizeMismatch(f"tệp PDF có {have:,} byte, bản kê ghi {size:,}.",
                           f"the PDF has {have:,} bytes; the manifest says {size:,}.")
    stream.seek(frame.payload_offset)
    pdf = stream.read(size)
    if hashlib.sha256(pdf).hexdigest() != manifest["file"]["sha256"]:
        raise HashMismatch("mã băm của tệp PDF khác bản kê.", "the PDF's SHA-256 differs from the manifest.")
    binding = ReportBinding(manifest["agency"], manifest["period"], manifest["revision"],
                            manifest["report_bundle_id"], manifest["report_bundle_sha256"])
    return VerifiedDocument(manifest["document_id"], binding, manifest["created_at"], manifest["signer"],
                            manifest["recipient"], sha256, pdf)


def verify_signed_document_bytes(data: bytes, public_key: bytes | None) -> VerifiedDocument:
    """``verify_signed_document`` over bytes in memory (the desktop's own check, tests)."""
    stream = io.BytesIO(data)
    return verify_signed_document(stream, read_document_frame(stream), hashlib.sha256(data).hexdigest(), public_key)


def _field(where: str, vi: str, en: str) -> ContainerError:
    return ContainerError(f"bản kê văn bản ký số, trường {where}: {vi}.",
                          f"signed-document manifest field {where}: {en}.")
