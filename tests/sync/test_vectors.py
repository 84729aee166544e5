"""The test vectors of docs/bundle-format.md, checked against this implementation.

The vectors are read from the document itself (the ``vector`` block), so the specification and the code
cannot drift apart. ``python -m tests.sync.test_vectors`` prints freshly computed values; the bundle and
report vectors depend on zlib's deflate output at level 9 (stable across zlib 1.2.x/1.3.x builds).
"""

from __future__ import annotations

import hashlib
import io
import re
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync.bundle import report_json, verify_bundle
from desktop.sync.bundle_container import HEADER, MANIFEST_TYPE
from desktop.sync.canonical import pae
from desktop.sync.device_keys import ed25519_public_bytes, fingerprint, key_id, short_fingerprint
from desktop.sync.encrypted_export import CHUNK, decrypt_file, header_info, payload_key, seal_chunks
from desktop.sync.receipt import Receipt, make_receipt, verify_receipt
from desktop.sync.signed_document import ReportBinding, make_signed_document, verify_signed_document_bytes
from tests.sync.conftest import DEVICE_SEED, EVIDENCE, evidence_ref, small_bundle
from tests.sync.report_factory import make_snapshot

DOC = Path(__file__).resolve().parents[2] / "docs" / "bundle-format.md"
RECIPIENT_SEED = bytes([0x42] * 32)
PROVINCE_SEED = bytes([0x07] * 32)
FILE_KEY = bytes(range(0x20, 0x40))
STREAM_PLAINTEXT = b"\x61" * (CHUNK + 5)
RECEIPT = Receipt(bundle_sha256="0" * 64, bundle_id="XA-TANHOA-2026Q4-r1", agency="XA-TANHOA", period="2026Q4",
                  revision=1, received_at="2026-11-29T03:15:00Z", status="accepted",
                  message_vi="Đã nhận báo cáo.", message_en="Report received.")

DOCUMENT_PDF = b"%PDF-1.7\n% baocao signed-document vector\n%%EOF\n"
DOCUMENT_CREATED = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
DOCUMENT_SIGNATURES = [{"field": "ChuKyNguoiKy", "role": "signer", "signer": "Nguyễn Văn Thành",
                        "issuer": "CA thử nghiệm", "signed_at": "2026-11-28T15:30:00+07:00", "timestamped": False,
                        "valid": True, "trusted": True, "problem": ""}]


def signed_document_vector(device: Ed25519PrivateKey, bundle_sha256: str) -> bytes:
    """The follow-up of docs/bundle-format.md §9: ``DOCUMENT_PDF`` bound to the vector bundle."""
    binding = ReportBinding("XA-TANHOA", "2026Q4", 1, "XA-TANHOA-2026Q4-r1", bundle_sha256)
    return make_signed_document(DOCUMENT_PDF, binding, created_at=DOCUMENT_CREATED,
                                recipient_key_id="x25519:00112233445566ff", signing_key=device)


def document_receipt(document_sha256: str, bundle_sha256: str) -> Receipt:
    """The receipt of §9's vector: accepted, with the verdict on one signature."""
    return Receipt(bundle_sha256=document_sha256, bundle_id="XA-TANHOA-2026Q4-sd-0123456789abcdef",
                   agency="XA-TANHOA", period="2026Q4", revision=1, received_at="2026-11-29T03:20:00Z",
                   status="accepted", message_vi="Chữ ký số hợp lệ.", message_en="Digital signatures valid.",
                   document={"verdict": "valid", "complete": False, "report_bundle_sha256": bundle_sha256,
                             "signatures": DOCUMENT_SIGNATURES})


def compute_vectors() -> dict[str, str]:
    """Every pinned value, computed now."""
    device = Ed25519PrivateKey.from_private_bytes(DEVICE_SEED)
    public = ed25519_public_bytes(device)
    bundle = small_bundle(device)
    length = HEADER.unpack(bundle[:HEADER.size])[2]
    manifest = bundle[HEADER.size:HEADER.size + length]
    recipient = x25519.X25519PrivateKey.from_private_bytes(RECIPIENT_SEED).public_key().public_bytes_raw()
    recipient_kid = key_id("x25519", recipient)
    stream = io.BytesIO()
    seal_chunks(io.BytesIO(STREAM_PLAINTEXT), stream, payload_key(FILE_KEY), len(STREAM_PLAINTEXT))
    province = Ed25519PrivateKey.from_private_bytes(PROVINCE_SEED)
    report = report_json(make_snapshot(1, 1, attachments=(evidence_ref(),)))
    return {
        "pae_hex": pae(MANIFEST_TYPE, b'{"a":1}').hex(),
        "device_public_hex": public.hex(),
        "device_key_id": key_id("ed25519", public),
        "device_fingerprint": fingerprint(public),
        "device_short_fingerprint": short_fingerprint(public),
        "evidence_sha256": hashlib.sha256(EVIDENCE).hexdigest(),
        "report_json_sha256": hashlib.sha256(report).hexdigest(),
        "report_json_size": str(len(report)),
        "manifest_sha256": hashlib.sha256(manifest).hexdigest(),
        "signature_hex": bundle[HEADER.size + length:HEADER.size + length + 64].hex(),
        "bundle_size": str(len(bundle)),
        "bundle_sha256": hashlib.sha256(bundle).hexdigest(),
        "recipient_public_hex": recipient.hex(),
        "recipient_key_id": recipient_kid,
        "export_info_hex": header_info("x25519", recipient_kid, 100).hex(),
        "payload_key_hex": payload_key(FILE_KEY).hex(),
        "stream_first_chunk_tag_hex": stream.getvalue()[CHUNK:CHUNK + 16].hex(),
        "stream_last_chunk_hex": stream.getvalue()[CHUNK + 16:].hex(),
        "stream_sha256": hashlib.sha256(stream.getvalue()).hexdigest(),
        "province_public_hex": ed25519_public_bytes(province).hex(),
        "receipt_sha256": hashlib.sha256(make_receipt(RECEIPT, province)).hexdigest(),
        **_document_vectors(device, province, hashlib.sha256(bundle).hexdigest()),
    }


def _document_vectors(device: Ed25519PrivateKey, province: Ed25519PrivateKey, bundle_sha256: str) -> dict[str, str]:
    document = signed_document_vector(device, bundle_sha256)
    length = HEADER.unpack(document[:HEADER.size])[2]
    manifest = document[HEADER.size:HEADER.size + length]
    sha = hashlib.sha256(document).hexdigest()
    return {
        "document_manifest_sha256": hashlib.sha256(manifest).hexdigest(),
        "document_signature_hex": document[HEADER.size + length:HEADER.size + length + 64].hex(),
        "document_size": str(len(document)),
        "document_sha256": sha,
        "document_receipt_sha256": hashlib.sha256(make_receipt(document_receipt(sha, bundle_sha256),
                                                               province)).hexdigest(),
    }


def documented() -> dict[str, str]:
    """The ``key: value`` lines of the document's vector blocks."""
    blocks = re.findall(r"```vector\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    pairs = (line.split(":", 1) for block in blocks for line in block.splitlines() if line.strip())
    return {k.strip(): v.strip() for k, v in pairs}


def test_document_vectors_match_the_implementation() -> None:
    expected = documented()
    computed = compute_vectors()
    assert {k: expected.get(k) for k in computed} == computed


def test_pinned_bundle_verifies() -> None:
    device = Ed25519PrivateKey.from_private_bytes(DEVICE_SEED)
    verified = verify_bundle(io.BytesIO(small_bundle(device)),
                             key_for_agency=lambda _a: ed25519_public_bytes(device))
    assert verified.bundle_hash == documented()["bundle_sha256"]


def test_pinned_export_decrypts() -> None:
    vectors = documented()
    private = x25519.X25519PrivateKey.from_private_bytes(RECIPIENT_SEED)
    out = io.BytesIO()
    decrypt_file(io.BytesIO(bytes.fromhex(vectors["export_ciphertext_hex"])), out,
                 lambda kid: private if kid == vectors["recipient_key_id"] else None)
    assert out.getvalue() == bytes.fromhex(vectors["export_plaintext_hex"])


def test_pinned_receipt_verifies() -> None:
    province = Ed25519PrivateKey.from_private_bytes(PROVINCE_SEED)
    assert verify_receipt(make_receipt(RECEIPT, province), ed25519_public_bytes(province)) == RECEIPT


def test_pinned_signed_document_verifies_and_its_receipt_carries_the_verdict() -> None:
    device = Ed25519PrivateKey.from_private_bytes(DEVICE_SEED)
    province = Ed25519PrivateKey.from_private_bytes(PROVINCE_SEED)
    vectors = documented()
    document = signed_document_vector(device, vectors["bundle_sha256"])
    verified = verify_signed_document_bytes(document, ed25519_public_bytes(device))
    assert (verified.pdf, verified.binding.bundle_sha256) == (DOCUMENT_PDF, vectors["bundle_sha256"])
    receipt = document_receipt(verified.sha256, vectors["bundle_sha256"])
    assert verify_receipt(make_receipt(receipt, province), ed25519_public_bytes(province)) == receipt


if __name__ == "__main__":
    for name, value in compute_vectors().items():
        print(f"{name}: {value}")
