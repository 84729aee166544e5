"""PAdES B-LT on a real SoftHSM2 token: the test CA publishes its CRL over HTTP on 127.0.0.1, the signer's
certificate names that distribution point, and signing with ``embed_revocation`` (and a timestamp, B-T being
part of B-LT) fetches the CRL and embeds it in the document security store (DSS). Afterwards the document
validates with revocation checked strictly and nothing fetched: the CRL server is offline and not asked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from asn1crypto import crl as asn1_crl
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from desktop.signing.errors import SigningError
from desktop.signing.keys import TokenKey
from desktop.signing.pades import Role, SigningRequest, sign_pdf
from desktop.signing.verify import verify_pdf
from tests.signing import softhsm
from tests.signing.conftest import LT_TOKEN, SIGNER_TOKEN, Pki
from tests.signing.helpers import roots
from tests.signing.tsa import timestamp_server

STRICT_OFFLINE = {"allow_fetching": False, "revocation_mode": "hard-fail"}


def _lt_validate(pdf: Path, pki: Pki, *, use_dss: bool = True):  # type: ignore[no-untyped-def]
    """pyHanko's verdict with revocation checked strictly ("hard-fail") and nothing fetched, from the
    document's DSS (``use_dss``) or from nothing but the trusted root."""
    reader = PdfFileReader(io.BytesIO(pdf.read_bytes()))
    [signature] = reader.embedded_signatures
    settings = {"trust_roots": roots(pki), **STRICT_OFFLINE}
    context = (DocumentSecurityStore.read_dss(reader).as_validation_context(settings) if use_dss
               else ValidationContext(**settings, crls=[], ocsps=[]))  # type: ignore[arg-type]
    return validate_pdf_signature(signature, signer_validation_context=context,
                                  ts_validation_context=ValidationContext(trust_roots=roots(pki)))


def test_b_lt_embeds_the_crl_and_validates_offline(pki: Pki, report_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "b-lt.pdf"
    before = pki.crl.requests
    with timestamp_server(pki.tsa, pki.ca) as tsa_url:
        sign_pdf(report_pdf, out, SigningRequest(Role.SIGNER, image=pki.signature_image, embed_revocation=True),
                 TokenKey(softhsm.LIBRARY, LT_TOKEN), softhsm.PIN, roots(pki), timestamper=HTTPTimeStamper(tsa_url))
    assert pki.crl.requests > before, "signing fetched the CRL from the distribution point"

    reader = PdfFileReader(io.BytesIO(out.read_bytes()))
    dss = reader.root["/DSS"]
    embedded = [asn1_crl.CertificateList.load(ref.get_object().data) for ref in dss["/CRLs"]]
    assert [c.issuer.native["common_name"] for c in embedded] == ["CA thu nghiem chuyen dung Chinh phu"]
    assert pki.lt_signer.cert.serial_number not in {
        r["user_certificate"].native for c in embedded for r in c["tbs_cert_list"]["revoked_certificates"]}

    pki.crl.online = False
    try:
        asked = pki.crl.requests
        status = _lt_validate(out, pki)
        assert status.bottom_line and status.trusted and status.intact, status.pretty_print_details()
        assert status.timestamp_validity is not None and status.timestamp_validity.valid, "B-LT includes B-T"
        assert pki.crl.requests == asked, "validation used the embedded CRL, fetched nothing"
        [check] = verify_pdf(out, roots(pki))
        assert check.ok and check.timestamped and check.modification == "LTA_UPDATES", check
    finally:
        pki.crl.online = True


def test_without_embedded_revocation_data_strict_offline_validation_fails(pki: Pki, report_pdf: Path,
                                                                          tmp_path: Path) -> None:
    """The control: the same certificate signed B-B (no DSS) cannot pass the strict offline check, so the
    test above passes because of the embedded CRL and nothing else."""
    out = tmp_path / "b-b.pdf"
    sign_pdf(report_pdf, out, SigningRequest(Role.SIGNER, image=pki.signature_image),
             TokenKey(softhsm.LIBRARY, LT_TOKEN), softhsm.PIN, roots(pki))
    pki.crl.online = False
    try:
        status = _lt_validate(out, pki, use_dss=False)
    finally:
        pki.crl.online = True
    assert status.intact and not status.trusted, "no revocation data: the strict check must not pass"


def test_b_lt_with_the_crl_server_down_is_refused_and_writes_nothing(pki: Pki, report_pdf: Path,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "khong-co-crl.pdf"
    pki.crl.online = False
    try:
        with pytest.raises(SigningError) as refused:
            sign_pdf(report_pdf, out, SigningRequest(Role.SIGNER, image=pki.signature_image, embed_revocation=True),
                     TokenKey(softhsm.LIBRARY, LT_TOKEN), softhsm.PIN, roots(pki))
    finally:
        pki.crl.online = True
    assert refused.value.code == "revocation_unavailable" and "thu hồi" in refused.value.message_vi, \
        (refused.value.message_en, repr(refused.value.__cause__))
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_certificate_without_revocation_sources_still_signs_b_lt(pki: Pki, report_pdf: Path,
                                                                   tmp_path: Path) -> None:
    """A certificate that names no CRL or OCSP server has nothing to embed; "hard-fail" does not refuse it."""
    out = tmp_path / "khong-dp.pdf"
    sign_pdf(report_pdf, out, SigningRequest(Role.SIGNER, image=pki.signature_image, embed_revocation=True),
             TokenKey(softhsm.LIBRARY, SIGNER_TOKEN), softhsm.PIN, roots(pki))
    [check] = verify_pdf(out, roots(pki))
    assert check.ok


def test_b_lt_of_a_revoked_certificate_is_refused(pki: Pki, report_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "da-thu-hoi.pdf"
    pki.crl.revoked.add(pki.lt_signer.cert.serial_number)
    try:
        with pytest.raises(SigningError) as refused:
            sign_pdf(report_pdf, out, SigningRequest(Role.SIGNER, image=pki.signature_image, embed_revocation=True),
                     TokenKey(softhsm.LIBRARY, LT_TOKEN), softhsm.PIN, roots(pki))
    finally:
        pki.crl.revoked.clear()
    assert refused.value.code == "revocation_unavailable" and not out.exists()


def test_a_certificate_the_document_s_newer_crl_says_is_revoked_is_refused(pki: Pki, report_pdf: Path,
                                                                           tmp_path: Path) -> None:
    """Signed B-LT while valid; later a newer CRL listing the certificate is added to the document's DSS (as a
    later signer's B-LT update would): ``pdf verify`` and the province read the DSS, and refuse it."""
    out = tmp_path / "b-lt.pdf"
    sign_pdf(report_pdf, out, SigningRequest(Role.SIGNER, image=pki.signature_image, embed_revocation=True),
             TokenKey(softhsm.LIBRARY, LT_TOKEN), softhsm.PIN, roots(pki))
    [before] = verify_pdf(out, roots(pki))
    assert before.ok and not before.revoked

    pki.crl.revoked.add(pki.lt_signer.cert.serial_number)
    try:
        newer = asn1_crl.CertificateList.load(pki.crl.crl_der())
    finally:
        pki.crl.revoked.clear()
    buffer = io.BytesIO(out.read_bytes())
    [signature] = PdfFileReader(buffer).embedded_signatures
    DocumentSecurityStore.add_dss(buffer, signature.pkcs7_content, crls=[newer])
    revoked = tmp_path / "thu-hoi-sau.pdf"
    revoked.write_bytes(buffer.getvalue())

    [check] = verify_pdf(revoked, roots(pki))
    assert check.revoked and not check.ok and "thu hồi" in check.problem, check
    assert check.intact and check.modification == "LTA_UPDATES", "the bytes signed are intact: only the CRL says"
