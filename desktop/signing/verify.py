"""Check every signature of a PDF: who signed, who issued the certificate, when, whether the signed bytes
are intact and nothing but signatures was added since, and whether the certificate chains to a trusted root.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from asn1crypto import x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore, NoDSSFoundError
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import ModificationLevel, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from desktop.errors import InputError
from desktop.i18n import tr
from desktop.signing.certificates import SIGNING_KEY_USAGE, validation_context
from desktop.signing.pades import MAX_PDF_BYTES, Role
from desktop.signing.tokens import common_name, subject_name

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
ROLES = {role.field_name: role for role in Role}


@dataclass(frozen=True)
class SignatureCheck:
    """The verdict on one signature."""

    field: str
    role: Role | None
    signer: str
    issuer: str
    signed_at: datetime | None
    timestamped: bool
    intact: bool
    unaltered: bool
    trusted: bool
    problem: str = ""
    # pyHanko's verdict on what was added after this signature ("NONE", "LTA_UPDATES", "FORM_FILLING",
    # "ANNOTATIONS", "OTHER"; "" when the signature could not be checked), and whether it covers its whole
    # revision. The province accepts only signatures and validation data added after a signature.
    modification: str = ""
    whole_revision: bool = False
    # SHA-256 of the signer's certificate (DER), hex; "" when it could not be read. The province compares the
    # signer's and the agency's: one certificate cannot make both signatures.
    certificate_sha256: str = ""
    # The revocation data the document carries (its DSS) says the certificate is revoked.
    revoked: bool = False

    @property
    def ok(self) -> bool:
        """Intact, nothing but signatures added since, and chained to a trusted root."""
        return self.intact and self.unaltered and self.trusted and not self.problem

    def describe(self) -> str:
        """Lines a person reads, in the user's language."""
        role = {Role.SIGNER: tr("người ký", "signer"), Role.AGENCY: tr("cơ quan", "agency")}.get(
            self.role, tr("khác", "other")) if self.role else tr("khác", "other")
        when = self.signed_at.strftime("%H:%M:%S, %d/%m/%Y") if self.signed_at else "—"
        lines = [f"{self.field} ({role}): {self.signer}",
                 tr(f"  Tổ chức cấp: {self.issuer}", f"  Issuer: {self.issuer}"),
                 tr(f"  Thời gian ký: {when} (giờ Việt Nam)", f"  Signed at: {when} (Vietnam time)")
                 + (tr(" — có dấu thời gian", " — timestamped") if self.timestamped else ""),
                 tr("  Nội dung: nguyên vẹn", "  Content: intact") if self.intact and self.unaltered else
                 tr("  Nội dung: ĐÃ BỊ SỬA sau khi ký", "  Content: ALTERED after signing"),
                 tr("  Chứng thư: tin cậy", "  Certificate: trusted") if self.trusted else
                 tr("  Chứng thư: KHÔNG thuộc gốc tin cậy", "  Certificate: NOT chained to a trusted root")]
        if self.problem:
            lines.append(f"  {self.problem}")
        lines.append(tr("  => HỢP LỆ", "  => VALID") if self.ok else tr("  => KHÔNG HỢP LỆ", "  => NOT VALID"))
        return "\n".join(lines)


def verify_pdf_bytes(data: bytes, roots: list[x509.Certificate], name: str = "PDF") -> list[SignatureCheck]:
    """Every signature of the PDF ``data``, checked against ``roots``; a PDF pyHanko cannot read is refused."""
    if len(data) > MAX_PDF_BYTES:
        raise InputError(f"Tệp {name} quá lớn.", f"{name} is too large.", code="bad_pdf")
    reader = pdf_reader(data, name)
    try:
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError) as exc:
        raise _unreadable(name) from exc
    return [_check(sig, roots) for sig in embedded]


def pdf_reader(data: bytes, name: str = "PDF") -> PdfFileReader:
    """A pyHanko reader over ``data``; a clear refusal naming ``name`` when it is not a readable PDF."""
    try:
        return PdfFileReader(io.BytesIO(data), strict=False)
    except (PdfError, ValueError, KeyError) as exc:
        raise _unreadable(name) from exc


def _unreadable(name: str) -> InputError:
    return InputError(f"Tệp {name} không đọc được như PDF (có thể đã bị sửa hoặc hỏng).",
                      f"{name} cannot be read as a PDF (it may be altered or damaged).", code="bad_pdf")


def verify_pdf(path: Path, roots: list[x509.Certificate]) -> list[SignatureCheck]:
    """Every signature of the PDF at ``path``."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {path}.", f"Cannot read {path}.", code="no_pdf") from exc
    return verify_pdf_bytes(data, roots, path.name)


def _check(sig, roots: list[x509.Certificate]) -> SignatureCheck:  # type: ignore[no-untyped-def]
    field = str(sig.field_name)
    role = ROLES.get(field)
    try:
        cert = sig.signer_cert
        signer, issuer = subject_name(cert), common_name(cert.issuer)
        fingerprint = hashlib.sha256(cert.dump()).hexdigest()
    except (ValueError, KeyError, SignatureValidationError):
        signer = issuer = "?"
        fingerprint = ""
    try:
        status = validate_pdf_signature(sig, signer_validation_context=_document_context(sig.reader, roots),
                                        ts_validation_context=validation_context(roots),
                                        key_usage_settings=SIGNING_KEY_USAGE)
    except (SignatureValidationError, PdfError, ValueError, KeyError) as exc:
        return SignatureCheck(field, role, signer, issuer, None, False, False, False, False,
                              tr(f"Chữ ký hỏng: {exc}", f"Damaged signature: {exc}"), certificate_sha256=fingerprint)
    when = status.timestamp_validity.timestamp if status.timestamp_validity else status.signer_reported_dt
    level = status.modification_level
    unaltered = status.docmdp_ok is not False and level is not None and level != ModificationLevel.OTHER
    problem = ""
    if status.timestamp_validity is not None and not status.timestamp_validity.valid:
        problem = tr("Dấu thời gian không hợp lệ.", "The timestamp is not valid.")
    if status.revoked:
        problem = tr("Chứng thư đã bị thu hồi (theo dữ liệu thu hồi kèm trong tệp).",
                     "The certificate is revoked (by the revocation data the file carries).")
    return SignatureCheck(field, role, signer, issuer, when.astimezone(VIETNAM) if when else None,
                          status.timestamp_validity is not None, bool(status.intact and status.valid), unaltered,
                          bool(status.trusted), problem, level.name if level is not None else "",
                          status.coverage in (SignatureCoverageLevel.ENTIRE_REVISION,
                                              SignatureCoverageLevel.ENTIRE_FILE), fingerprint, bool(status.revoked))


def _document_context(reader: PdfFileReader, roots: list[x509.Certificate]) -> ValidationContext:
    """The plain offline context, with the certificates, CRLs and OCSP answers of the document's security store
    (DSS) when it has one: a certificate those say is revoked is caught, nothing is fetched."""
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except (NoDSSFoundError, PdfError, ValueError, KeyError):
        return validation_context(roots)
    return dss.as_validation_context({"trust_roots": list(roots), "allow_fetching": False,
                                      "revocation_mode": "soft-fail"})
