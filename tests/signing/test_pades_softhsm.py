"""Signing on a real PKCS#11 token (SoftHSM2): the signer, then the agency, each valid for pyHanko and for
poppler's pdfsig (an independent implementation); a changed byte is caught by both; refusals write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.signing.errors import CertificateRefused, SigningError, TokenError, WrongPin
from desktop.signing.keys import FileKey, TokenKey
from desktop.signing.pades import Role, SigningRequest, sign_pdf
from desktop.signing.tokens import list_certificates, list_tokens
from desktop.signing.verify import verify_pdf
from tests.signing import softhsm
from tests.signing.conftest import AGENCY_TOKEN, EXPIRED_TOKEN, FOREIGN_TOKEN, SIGNER_TOKEN, Pki
from tests.signing.helpers import pdfsig, roots, sign_both


def test_tokens_and_certificates_are_listed_without_a_pin(pki: Pki) -> None:
    labels = {token.label for token in list_tokens(softhsm.LIBRARY)}
    assert {SIGNER_TOKEN, AGENCY_TOKEN, EXPIRED_TOKEN, FOREIGN_TOKEN} <= labels
    [cert] = list_certificates(softhsm.LIBRARY, SIGNER_TOKEN)
    assert cert.subject == "Nguyễn Văn An" and cert.label == "Nguyen Van An"
    assert cert.issuer == "CA thu nghiem chuyen dung Chinh phu"


def test_signer_then_agency_both_valid_for_pyhanko_and_pdfsig(pki: Pki, report_pdf: Path, tmp_path: Path,
                                                              nss_db: str) -> None:
    first, second = sign_both(pki, report_pdf, tmp_path)
    assert second.read_bytes().startswith(first.read_bytes()), "the agency's signature is an incremental update"
    checks = verify_pdf(second, roots(pki))
    assert [(c.role, c.signer, c.ok) for c in checks] == [(Role.SIGNER, "Nguyễn Văn An", True),
                                                           (Role.AGENCY, "UBND xã Thử Nghiệm", True)]
    assert all(c.signed_at is not None and str(c.signed_at.utcoffset()) == "7:00:00" for c in checks)
    poppler = pdfsig(second, nss_db)
    assert poppler.count("Signature Validation: Signature is Valid.") == 2, poppler
    assert poppler.count("Certificate Validation: Certificate is Trusted.") == 2, poppler
    assert "Signer Certificate Common Name: Nguyễn Văn An" in poppler
    assert "Signer Certificate Common Name: UBND xã Thử Nghiệm" in poppler


def test_a_changed_byte_is_caught_by_pyhanko_and_pdfsig(pki: Pki, report_pdf: Path, tmp_path: Path,
                                                        nss_db: str) -> None:
    _first, second = sign_both(pki, report_pdf, tmp_path)
    data = bytearray(second.read_bytes())
    # A byte inside the body's first content stream: covered by both signatures.
    at = data.index(b"stream", len(data) // 4) + 40
    data[at] ^= 0x01
    altered = tmp_path / "sua.pdf"
    altered.write_bytes(bytes(data))
    checks = verify_pdf(altered, roots(pki))
    assert checks and not any(c.ok for c in checks) and not any(c.intact for c in checks)
    poppler = pdfsig(altered, nss_db)
    assert "Signature is Valid" not in poppler and "Digest Mismatch" in poppler, poppler


def test_wrong_pin_is_refused_and_nothing_is_written(pki: Pki, report_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "ky.pdf"
    with pytest.raises(WrongPin) as caught:
        sign_pdf(report_pdf, out, SigningRequest(Role.SIGNER, image=pki.signature_image),
                 TokenKey(softhsm.LIBRARY, SIGNER_TOKEN), "000000", roots(pki))
    assert "Mã PIN không đúng" in caught.value.message("vi") and "Wrong PIN" in caught.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_missing_token_is_refused(pki: Pki, report_pdf: Path, tmp_path: Path) -> None:
    with pytest.raises(TokenError) as caught:
        sign_pdf(report_pdf, tmp_path / "ky.pdf", SigningRequest(Role.SIGNER, image=pki.signature_image),
                 TokenKey(softhsm.LIBRARY, "KHONG-CO"), softhsm.PIN, roots(pki))
    assert caught.value.code == "no_token"
    assert "cắm token" in caught.value.message("vi") and "plug the token in" in caught.value.message("en")
    with pytest.raises(TokenError) as no_library:
        sign_pdf(report_pdf, tmp_path / "ky.pdf", SigningRequest(Role.SIGNER, image=pki.signature_image),
                 TokenKey(str(tmp_path / "eTPKCS11.dll")), softhsm.PIN, roots(pki))
    assert no_library.value.code == "no_library"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("token", "code", "vi", "en"), [
    (EXPIRED_TOKEN, "expired", "đã hết hạn", "expired on"),
    (FOREIGN_TOKEN, "untrusted", "không thuộc chứng thư gốc tin cậy", "does not chain to a trusted root"),
])
def test_expired_or_untrusted_certificate_is_refused(pki: Pki, report_pdf: Path, tmp_path: Path, token: str,
                                                     code: str, vi: str, en: str) -> None:
    with pytest.raises(CertificateRefused) as caught:
        sign_pdf(report_pdf, tmp_path / "ky.pdf", SigningRequest(Role.SIGNER, image=pki.signature_image),
                 TokenKey(softhsm.LIBRARY, token), softhsm.PIN, roots(pki))
    assert caught.value.code == code
    assert vi in caught.value.message("vi") and en in caught.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_signing_twice_as_the_same_role_or_out_of_order_is_refused(pki: Pki, report_pdf: Path,
                                                                   tmp_path: Path) -> None:
    _first, second = sign_both(pki, report_pdf, tmp_path)
    with pytest.raises(SigningError) as twice:
        sign_pdf(second, tmp_path / "x.pdf", SigningRequest(Role.AGENCY, image=pki.seal_image),
                 TokenKey(softhsm.LIBRARY, AGENCY_TOKEN), softhsm.PIN, roots(pki))
    assert twice.value.code == "already_signed" and "already signed by the agency" in twice.value.message("en")
    agency_only = tmp_path / "co-quan.pdf"
    sign_pdf(report_pdf, agency_only, SigningRequest(Role.AGENCY, image=pki.seal_image),
             TokenKey(softhsm.LIBRARY, AGENCY_TOKEN), softhsm.PIN, roots(pki))
    with pytest.raises(SigningError) as late:
        sign_pdf(agency_only, tmp_path / "y.pdf", SigningRequest(Role.SIGNER, image=pki.signature_image),
                 TokenKey(softhsm.LIBRARY, SIGNER_TOKEN), softhsm.PIN, roots(pki))
    assert late.value.code == "order" and "the signer signs first" in late.value.message("en")
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_a_pkcs12_file_instead_of_a_token(pki: Pki, report_pdf: Path, tmp_path: Path) -> None:
    p12 = tmp_path / "ky.p12"
    p12.write_bytes(pki.signer.p12("mật khẩu p12", [pki.ca.cert]))
    with pytest.raises(WrongPin):
        sign_pdf(report_pdf, tmp_path / "sai.pdf", SigningRequest(Role.SIGNER, image=pki.signature_image),
                 FileKey(p12), "sai", roots(pki))
    assert not (tmp_path / "sai.pdf").exists()
    out = tmp_path / "ky.pdf"
    sign_pdf(report_pdf, out, SigningRequest(Role.SIGNER, image=pki.signature_image), FileKey(p12),
             "mật khẩu p12", roots(pki))
    assert [c.ok for c in verify_pdf(out, roots(pki))] == [True]
    assert [c.ok for c in verify_pdf(out, [])] == [False], "no root, no trust"
