"""The province's intake of signed-document follow-ups, in-process over a real SQLite store, with PDFs signed
on real SoftHSM2 tokens: what is accepted, what is refused and why, and that every refusal names its reason
in the signed receipt. (The whole road through a server process is tests/signing/test_signed_document_sync.py.)"""

from __future__ import annotations

import base64
import hashlib
import io
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asn1crypto import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.documents.report_pdf import write_report_pdf
from desktop.domain.periods import Period
from desktop.signing.errors import SigningError
from desktop.signing.keys import TokenKey
from desktop.signing.pades import Role, SigningRequest, sign_pdf
from desktop.sync.bundle import make_bundle, report_json
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes
from desktop.sync.encrypted_export import encrypt_file
from desktop.sync.receipt import verify_receipt
from desktop.sync.signed_document import ReportBinding, make_signed_document
from server.app import create_app
from server.cli import import_file
from server.config import Settings
from server.enrollment import add_agency, enroll, issue_code
from server.intake import Intake
from server.problems import ApiError
from server.summary import load_reports
from server.summary_data import SIGNED_FULL, SIGNED_INVALID, SIGNED_PARTLY, SIGNED_UNTRUSTED, signed_state
from server.trust_roots import add_roots
from tests.signing import softhsm
from tests.signing.conftest import AGENCY_TOKEN, FOREIGN_TOKEN, SIGNER_TOKEN, Pki, pki  # noqa: F401 - fixture
from tests.sync.report_factory import make_snapshot

AGENCY = "XA-TANHOA"


@dataclass
class Province:
    """A province store with one enrolled agency, its trust root, and one accepted bundle."""

    settings: Settings
    keys: ProvinceKeys
    intake: Intake
    device: Ed25519PrivateKey
    bundle: bytes
    folder: Path

    @property
    def bundle_sha256(self) -> str:
        return hashlib.sha256(self.bundle).hexdigest()

    def binding(self) -> ReportBinding:
        return ReportBinding(AGENCY, "2026Q4", 1, "XA-TANHOA-2026Q4-r1", self.bundle_sha256)

    def follow_up(self, pdf: bytes, binding: ReportBinding | None = None) -> bytes:
        return make_signed_document(pdf, binding or self.binding(), created_at=datetime.now(UTC).replace(microsecond=0),
                                    recipient_key_id=self.keys.public().recipient()[0], signing_key=self.device)

    def take(self, data: bytes, agency_code: str | None = AGENCY):  # type: ignore[no-untyped-def]
        path = self.folder / f"in-{hashlib.sha256(data).hexdigest()[:12]}.bcb"
        path.write_bytes(data)
        result = self.intake.take(path, source="network", agency_code=agency_code)
        return result, verify_receipt(result.receipt, ed25519_public_bytes(self.keys.signing))


@pytest.fixture
def province(tmp_path: Path, pki: Pki) -> Iterator[Province]:  # noqa: F811
    settings = Settings.from_env(tmp_path / "server")
    keys = ProvinceKeys.generate()
    app = create_app(settings, keys)
    db = app.state.baocao.db
    add_agency(db, AGENCY, "UBND xã Tân Hòa")
    device = Ed25519PrivateKey.generate()
    enroll(db, issue_code(db, AGENCY), base64.b64encode(ed25519_public_bytes(device)).decode(), "Máy 1",
           now=time.time())
    add_roots(db, pki.ca_pem)
    snapshot = make_snapshot(3, 2)
    bundle = make_bundle(report_json(snapshot), agency_code=AGENCY, period="2026Q4", revision=1, supersedes=None,
                         sequence=1, previous_hash=None, created_at=datetime.now(UTC).replace(microsecond=0),
                         recipient_key_id=keys.public().recipient()[0], bundle_id="XA-TANHOA-2026Q4-r1",
                         signing_key=device)
    yield Province(settings, keys, app.state.baocao.intake, device, bundle, tmp_path)
    db.dispose()


def _roots(pki: Pki) -> list[x509.Certificate]:  # noqa: F811
    return [x509.Certificate.load(pki.ca.cert_der()), x509.Certificate.load(pki.foreign_ca.cert_der())]


def _signed(pki: Pki, folder: Path, bundle_sha256: str | None, *tokens: tuple[Role, str]) -> bytes:  # noqa: F811
    """The report PDF naming ``bundle_sha256``, signed on the tokens in order."""
    folder.mkdir(parents=True, exist_ok=True)
    current = write_report_pdf(make_snapshot(3, 2), folder / "bao-cao.pdf", bundle_sha256=bundle_sha256)
    for n, (role, token) in enumerate(tokens):
        out = folder / f"ky-{n}.pdf"
        image = pki.signature_image if role is Role.SIGNER else pki.seal_image
        sign_pdf(current, out, SigningRequest(role, image=image), TokenKey(softhsm.LIBRARY, token), softhsm.PIN,
                 _roots(pki))
        current = out
    return current.read_bytes()


def test_a_document_before_its_bundle_is_refused_then_taken_once_the_bundle_is_there(
        province: Province, pki: Pki, tmp_path: Path) -> None:  # noqa: F811
    pdf = _signed(pki, tmp_path, province.bundle_sha256, (Role.SIGNER, SIGNER_TOKEN), (Role.AGENCY, AGENCY_TOKEN))
    document = province.follow_up(pdf)
    early, receipt = province.take(document)
    assert (early.status, early.code, early.stored) == ("rejected", "document_bundle", False)
    assert "gửi (nhập) gói báo cáo trước" in receipt.message_vi

    assert province.take(province.bundle)[0].status == "accepted"
    taken, receipt = province.take(document)
    assert (taken.status, taken.stored) == ("accepted", True)
    assert receipt.document is not None and receipt.document["verdict"] == "valid" and receipt.document["complete"]
    assert [s["signer"] for s in receipt.document["signatures"]] == ["Nguyễn Văn An", "UBND xã Thử Nghiệm"]
    again, _ = province.take(document)
    assert again.receipt == taken.receipt and not again.stored, "the same bytes get the same receipt"
    [report] = load_reports(province.intake._db, Period.parse("2026Q4"))
    assert report.signed == SIGNED_FULL


def test_untrusted_altered_rebound_and_tampered_documents_each_name_their_reason(
        province: Province, pki: Pki, tmp_path: Path) -> None:  # noqa: F811
    province.take(province.bundle)
    signer_only = _signed(pki, tmp_path / "a", province.bundle_sha256, (Role.SIGNER, SIGNER_TOKEN))
    partly, receipt = province.take(province.follow_up(signer_only))
    assert partly.status == "accepted" and receipt.document["complete"] is False
    assert "Chưa có đủ chữ ký" in receipt.message_vi

    stranger = _signed(pki, tmp_path / "b", province.bundle_sha256, (Role.SIGNER, FOREIGN_TOKEN))
    untrusted, receipt = province.take(province.follow_up(stranger))
    assert (untrusted.status, untrusted.code, receipt.document["verdict"]) == \
        ("rejected", "document_untrusted", "untrusted")
    assert "Người Lạ (do CA la cấp)" in receipt.message_vi and untrusted.stored
    assert "Văn bản ký số của báo cáo Quý IV/2026 lần 1" in receipt.message_vi, receipt.message_vi
    assert "the Q4 2026 report, revision 1," in receipt.message_en and "2026Q4" not in receipt.message_vi

    unbound = _signed(pki, tmp_path / "c", None, (Role.SIGNER, SIGNER_TOKEN))
    assert province.take(province.follow_up(unbound))[0].code == "document_binding"

    altered = _stamped(signer_only)
    refused, receipt = province.take(province.follow_up(altered))
    assert (refused.code, receipt.document["verdict"]) == ("document_altered", "invalid")

    tampered = bytearray(signer_only)
    tampered[tampered.index(b"stream", len(tampered) // 4) + 40] ^= 0x01
    broken, _ = province.take(province.follow_up(bytes(tampered)))
    assert broken.code in ("document_signature", "document_unreadable")

    flipped = bytearray(province.follow_up(signer_only))
    flipped[-100] ^= 0x01
    assert province.take(bytes(flipped))[0].code == "hash", "the device signature covers the PDF's hash"

    other = make_signed_document(signer_only, province.binding(), created_at=datetime.now(UTC),
                                 recipient_key_id=province.keys.public().recipient()[0],
                                 signing_key=Ed25519PrivateKey.generate())
    assert province.take(other)[0].code == "signature"
    with pytest.raises(ApiError) as wrong:
        province.take(province.follow_up(signer_only), agency_code="XA-KHAC")
    assert wrong.value.status == 403

    [report] = load_reports(province.intake._db, Period.parse("2026Q4"))
    assert report.signed == SIGNED_PARTLY, "a valid copy counts over the invalid ones"


def test_the_signed_column_says_the_best_copy_or_why_the_newest_is_not_recognised() -> None:
    assert signed_state([]) == ""
    assert signed_state([("invalid", False), ("valid", True), ("untrusted", False)]) == SIGNED_FULL
    assert signed_state([("valid", False), ("invalid", False)]) == SIGNED_PARTLY
    assert signed_state([("invalid", False), ("untrusted", False)]) == SIGNED_UNTRUSTED
    assert signed_state([("untrusted", False), ("invalid", False)]) == SIGNED_INVALID


def test_usb_import_of_an_encrypted_follow_up_gives_the_same_verdict(province: Province, pki: Pki,  # noqa: F811
                                                                     tmp_path: Path) -> None:
    province.take(province.bundle)
    pdf = _signed(pki, tmp_path, province.bundle_sha256, (Role.SIGNER, SIGNER_TOKEN))
    export = tmp_path / "ky-so.bcx"
    kid, public = province.keys.public().recipient()
    with export.open("wb") as out:
        encrypt_file(io.BytesIO(province.follow_up(pdf)), out, public, recipient_key_id=kid)
    result = import_file(province.settings, province.keys, export)
    receipt = verify_receipt(result.receipt, ed25519_public_bytes(province.keys.signing))
    assert (result.status, receipt.document["verdict"]) == ("accepted", "valid")
    assert receipt.document["signatures"][0]["signed_at"].endswith("+07:00")


def _stamped(pdf: bytes) -> bytes:
    """A text stamp added to page 1 as an incremental update: a change that is not a signature."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.stamp import TextStamp, TextStampStyle

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    TextStamp(writer, TextStampStyle(stamp_text="DA SUA")).apply(0, 100, 100)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_one_certificate_cannot_sign_as_both_the_signer_and_the_agency(
        province: Province, pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    with pytest.raises(SigningError) as refused:
        _signed(pki, tmp_path / "a", province.bundle_sha256, (Role.SIGNER, SIGNER_TOKEN), (Role.AGENCY, SIGNER_TOKEN))
    assert refused.value.code == "same_certificate" and "chứng thư của cơ quan" in refused.value.message("vi")
    assert not (tmp_path / "a" / "ky-1.pdf").exists(), "nothing written"

    # A file made elsewhere without that check is refused by the province.
    monkeypatch.setattr("desktop.signing.pades._check_not_the_signer_s", lambda *_args: None)
    forged = _signed(pki, tmp_path / "b", province.bundle_sha256, (Role.SIGNER, SIGNER_TOKEN),
                     (Role.AGENCY, SIGNER_TOKEN))
    province.take(province.bundle)
    taken, receipt = province.take(province.follow_up(forged))
    assert (taken.status, taken.code, receipt.document["verdict"]) == ("rejected", "document_roles", "invalid")
    assert "chính chứng thư của người ký (Nguyễn Văn An)" in receipt.message_vi
