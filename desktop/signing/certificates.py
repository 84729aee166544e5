"""Checks on a signing certificate before anything is signed: in its validity period, chained to a root."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from datetime import UTC, datetime

from asn1crypto import x509
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, ValidationError

from desktop.signing.errors import CertificateRefused
from desktop.signing.tokens import common_name, subject_name

SIGNING_KEY_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"})


def validation_context(roots: Iterable[x509.Certificate], others: Iterable[x509.Certificate] = (),
                       moment: datetime | None = None) -> ValidationContext:
    """Chains to ``roots`` only; nothing fetched from the network, revocation checked when data is embedded."""
    return ValidationContext(trust_roots=list(roots), other_certs=list(others), allow_fetching=False,
                             revocation_mode="soft-fail", moment=moment)


def fetching_context(roots: Iterable[x509.Certificate], others: Iterable[x509.Certificate] = ()) -> ValidationContext:
    """For PAdES B-LT: the CRLs and OCSP answers the certificates name are fetched (to be embedded), and a
    certificate whose revocation status cannot be had refuses the signature ("hard-fail")."""
    return ValidationContext(trust_roots=list(roots), other_certs=list(others), allow_fetching=True,
                             revocation_mode="hard-fail")


def check_signing_certificate(cert: x509.Certificate, roots: list[x509.Certificate],
                              intermediates: Iterable[x509.Certificate] = ()) -> None:
    """Refuse an expired, not yet valid or untrusted certificate, with a message saying which."""
    name = subject_name(cert)
    now = datetime.now(UTC)
    if now > cert.not_valid_after:
        until = cert.not_valid_after.strftime("%d/%m/%Y")
        raise CertificateRefused(f"Chứng thư số của {name} đã hết hạn ngày {until}; chưa ký gì.",
                                 f"{name}'s certificate expired on {until}; nothing was signed.", code="expired")
    if now < cert.not_valid_before:
        since = cert.not_valid_before.strftime("%d/%m/%Y")
        raise CertificateRefused(f"Chứng thư số của {name} chỉ có hiệu lực từ ngày {since}; chưa ký gì.",
                                 f"{name}'s certificate is valid only from {since}; nothing was signed.",
                                 code="not_yet_valid")
    if not roots:
        raise CertificateRefused("Chưa có chứng thư gốc tin cậy nào: hãy đồng bộ với tỉnh hoặc thêm bằng "
                                 "«baocao trust add»; chưa ký gì.",
                                 "No trusted root yet: sync with the province or add one with «baocao trust add»; "
                                 "nothing was signed.", code="no_roots")
    validator = CertificateValidator(cert, intermediate_certs=list(intermediates),
                                     validation_context=validation_context(roots))
    try:
        asyncio.run(validator.async_validate_path())
    except PathBuildingError as exc:
        raise CertificateRefused(
            f"Chứng thư số của {name} (do {common_name(cert.issuer)} cấp) không thuộc chứng thư gốc tin cậy nào; "
            "chưa ký gì.",
            f"{name}'s certificate (issued by {common_name(cert.issuer)}) does not chain to a trusted root; "
            "nothing was signed.", code="untrusted") from exc
    except (PathValidationError, ValidationError) as exc:
        raise CertificateRefused(f"Chứng thư số của {name} không hợp lệ: {exc}; chưa ký gì.",
                                 f"{name}'s certificate is not valid: {exc}; nothing was signed.",
                                 code="invalid_certificate") from exc
    try:
        SIGNING_KEY_USAGE.validate(cert)
    except Exception as exc:  # InvalidCertificateError; its base differs across pyhanko versions
        raise CertificateRefused(f"Chứng thư số của {name} không dùng để ký được.",
                                 f"{name}'s certificate is not for signing.", code="key_usage") from exc
