"""Sign a PDF (PAdES) as the signer or as the agency, each as an incremental update.

PAdES B-B always; B-T when a timestamp server is configured (or a timestamper is given); B-LT when asked
to embed revocation data, which needs the CA's OCSP/CRL servers to answer. The output is written to a
temporary file next to ``out`` and moved into place only when signing succeeded: a refusal writes nothing.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from zoneinfo import ZoneInfo

from asn1crypto import x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.requests_client import HTTPTimeStamper
from pyhanko.stamp import BaseStampStyle

from desktop.errors import InputError
from desktop.signing import appearance
from desktop.signing.certificates import check_signing_certificate, fetching_context
from desktop.signing.errors import SigningError
from desktop.signing.keys import KeySource, open_signer, signer_certificate
from desktop.signing.tokens import common_name, subject_name

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_PDF_BYTES = 200 << 20


class Role(Enum):
    """Who signs: the person who signs the report, or the agency (the văn thư with the agency's certificate)."""

    SIGNER = "signer"
    AGENCY = "agency"

    @property
    def field_name(self) -> str:
        """The signature field of this role."""
        return {Role.SIGNER: "ChuKyNguoiKy", Role.AGENCY: "ChuKyCoQuan"}[self]


@dataclass(frozen=True)
class SigningRequest:
    """What to sign and how it looks.

    ``image`` is the signer's signature (for ``Role.SIGNER``) or the agency's seal (``Role.AGENCY``); the
    seal is placed against the signer's signature already in the PDF. ``appendix_number`` switches to the
    separate-appendix form (agency only, no image).
    """

    role: Role
    image: bytes | None = None
    appendix_number: str | None = None
    timestamp_url: str | None = None
    embed_revocation: bool = False


@dataclass(frozen=True)
class SignResult:
    """What was signed; ``queued`` is the follow-up's id when the services queued the signed PDF for the
    province (desktop/services/signed_documents.py)."""

    out: Path
    field: str
    signer: str
    issuer: str
    signed_at: datetime
    timestamped: bool
    queued: str | None = None


def sign_pdf(src: Path, out: Path, request: SigningRequest, key: KeySource, pin: str, roots: list,  # type: ignore[type-arg]
             *, timestamper: TimeStamper | None = None) -> SignResult:
    """Sign ``src`` into ``out`` with the key of ``key``; the certificate must chain to ``roots``."""
    data = _read_pdf(src)
    reader = readable_pdf(data, src.name)
    _check_role(reader, request.role, src)
    style, placement = _appearance(reader, request)
    if request.timestamp_url and timestamper is None:
        timestamper = HTTPTimeStamper(request.timestamp_url, timeout=30)
    with open_signer(key, pin) as signer:
        cert = signer_certificate(signer)
        intermediates = list(signer.cert_registry)
        check_signing_certificate(cert, roots, intermediates)
        _check_not_the_signer_s(reader, request.role, cert, src)
        meta = signers.PdfSignatureMetadata(
            field_name=request.role.field_name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
            reason="Ký số văn bản" if request.role is Role.SIGNER else "Ký số của cơ quan",
            embed_validation_info=request.embed_revocation,
            validation_context=fetching_context(roots, intermediates) if request.embed_revocation else None)
        field_spec = fields.SigFieldSpec(request.role.field_name, on_page=placement.page,
                                         box=tuple(round(v) for v in placement.box))  # type: ignore[arg-type]
        pdf_signer = signers.PdfSigner(meta, signer=signer, timestamper=timestamper, stamp_style=style,
                                       new_field_spec=field_spec)
        signed_at = datetime.now(VIETNAM)
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        try:
            output = pdf_signer.sign_pdf(writer)
        except PyHankoSigningError as exc:
            if request.embed_revocation:
                # The chain was checked above without revocation: what fails now is its revocation status.
                name = subject_name(cert)
                raise SigningError(
                    f"Không lấy được dữ liệu thu hồi (CRL/OCSP) cho chứng thư của {name}, hoặc chứng thư đã bị thu "
                    "hồi: máy chủ của CA không trả lời. Hãy thử lại khi có mạng, hoặc ký không kèm dữ liệu thu hồi; "
                    "chưa ký gì.",
                    f"The revocation data (CRL/OCSP) for {name}'s certificate could not be fetched, or the certificate "
                    "is revoked: the CA's server does not answer. Try again online, or sign without revocation data; "
                    "nothing was signed.", code="revocation_unavailable") from exc
            raise SigningError(f"Không ký được {src.name}: {exc}", f"Cannot sign {src.name}: {exc}") from exc
        except (PdfError, ValueError, OSError) as exc:
            raise SigningError(f"Không ký được {src.name}: {exc}", f"Cannot sign {src.name}: {exc}") from exc
    _write_atomically(out, output.getvalue())
    return SignResult(out, request.role.field_name, subject_name(cert), common_name(cert.issuer), signed_at,
                      timestamper is not None)


def _read_pdf(src: Path) -> bytes:
    try:
        with src.open("rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {src}.", f"Cannot read {src}.", code="no_pdf") from exc
    if len(data) > MAX_PDF_BYTES:
        raise InputError(f"Tệp {src.name} quá lớn (tối đa 200 MB).", f"{src.name} is too large (200 MB at most).",
                         code="bad_pdf")
    return data


def readable_pdf(data: bytes, name: str) -> PdfFileReader:
    """pyHanko's reader over ``data``; a file it cannot read is an ``InputError`` naming ``name``."""
    try:
        return PdfFileReader(io.BytesIO(data), strict=False)
    except (PdfError, ValueError, KeyError) as exc:
        raise InputError(f"Tệp {name} không phải PDF đọc được.", f"{name} is not a readable PDF.",
                         code="bad_pdf") from exc


def _check_role(reader: PdfFileReader, role: Role, src: Path) -> None:
    signed = {sig.field_name for sig in reader.embedded_signatures}
    if role.field_name in signed:
        who_vi, who_en = ("người ký", "the signer") if role is Role.SIGNER else ("cơ quan", "the agency")
        raise SigningError(f"{src.name} đã có chữ ký số của {who_vi}.", f"{src.name} is already signed by {who_en}.",
                           code="already_signed")
    if role is Role.SIGNER and Role.AGENCY.field_name in signed:
        raise SigningError(f"{src.name} đã có chữ ký của cơ quan: người ký phải ký trước.",
                           f"{src.name} already carries the agency's signature: the signer signs first.",
                           code="order")


def _check_not_the_signer_s(reader: PdfFileReader, role: Role, cert: x509.Certificate, src: Path) -> None:
    """The agency's signature is made with the agency's certificate (the văn thư's token): a certificate that
    already signed this file as the signer cannot sign it again as the agency."""
    if role is not Role.AGENCY:
        return
    for sig in reader.embedded_signatures:
        if sig.field_name == Role.SIGNER.field_name and sig.signer_cert.dump() == cert.dump():
            name = subject_name(cert)
            raise SigningError(
                f"Chứng thư của {name} đã ký {src.name} với tư cách người ký; chữ ký của cơ quan phải dùng chứng thư "
                "của cơ quan (token do văn thư giữ). Chưa ký gì.",
                f"{name}'s certificate already signed {src.name} as the signer; the agency's signature needs the "
                "agency's certificate (the token the clerk holds). Nothing was signed.", code="same_certificate")


def _appearance(reader: PdfFileReader, request: SigningRequest) -> tuple[BaseStampStyle, appearance.Placement]:
    if request.appendix_number is not None:
        if request.role is not Role.AGENCY:
            raise InputError("Phụ lục riêng chỉ mang chữ ký của cơ quan.",
                             "A separate appendix carries only the agency's signature.", code="appendix_role")
        placement = appearance.appendix_placement(reader)
        return appearance.appendix_style(request.appendix_number, datetime.now(VIETNAM), placement.box), placement
    if request.image is None:
        raise InputError(*_NO_IMAGE[request.role], code="no_image")
    if request.role is Role.SIGNER:
        signature = appearance.check_png(request.image, "chữ ký", "signature")
        room = appearance.signature_room(reader)
        return (appearance.image_style(signature),
                appearance.Placement(room.page, appearance.signature_box(room.box, signature)))
    seal = appearance.check_png(request.image, "con dấu", "seal")
    placement = appearance.signer_placement(reader, Role.SIGNER.field_name)
    return appearance.image_style(seal), appearance.Placement(placement.page, appearance.seal_box(placement.box, seal))


_NO_IMAGE = {
    Role.SIGNER: ("Chưa chọn ảnh chữ ký (PNG nền trong suốt): hãy chọn một lần trong «Ký số» hoặc "
                  "«baocao pdf images --signature …».",
                  "No signature image chosen (transparent PNG): choose it once in «Ký số» or with "
                  "«baocao pdf images --signature …»."),
    Role.AGENCY: ("Chưa chọn ảnh con dấu (PNG nền trong suốt): hãy chọn một lần trong «Ký số» hoặc "
                  "«baocao pdf images --seal …».",
                  "No seal image chosen (transparent PNG): choose it once in «Ký số» or with "
                  "«baocao pdf images --seal …»."),
}


def _write_atomically(out: Path, data: bytes) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
