"""Signing shortcuts shared by the signing tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

from asn1crypto import x509

from desktop.signing.keys import TokenKey
from desktop.signing.pades import Role, SigningRequest, sign_pdf
from tests.signing import softhsm
from tests.signing.conftest import AGENCY_TOKEN, SIGNER_TOKEN, Pki


def roots(pki: Pki) -> list[x509.Certificate]:
    """The test CA as the only trusted root."""
    return [x509.Certificate.load(pki.ca.cert_der())]


def sign_both(pki: Pki, report: Path, folder: Path) -> tuple[Path, Path]:
    """The report signed by the signer, then that file signed by the agency."""
    first = folder / "da-ky-nguoi-ky.pdf"
    second = folder / "da-ky-co-quan.pdf"
    sign_pdf(report, first, SigningRequest(Role.SIGNER, image=pki.signature_image),
             TokenKey(softhsm.LIBRARY, SIGNER_TOKEN), softhsm.PIN, roots(pki))
    sign_pdf(first, second, SigningRequest(Role.AGENCY, image=pki.seal_image),
             TokenKey(softhsm.LIBRARY, AGENCY_TOKEN), softhsm.PIN, roots(pki))
    return first, second


def pdfsig(pdf: Path, nss_db: str | None = None) -> str:
    """poppler's verdict on every signature of ``pdf``."""
    args = ["pdfsig", *(["-nssdir", nss_db] if nss_db else []), str(pdf)]
    return subprocess.run(args, capture_output=True, text=True, check=False).stdout
