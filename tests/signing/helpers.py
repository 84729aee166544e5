"""Signing shortcuts shared by the signing tests."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from asn1crypto import pem, x509

from desktop.models.store import Store
from desktop.services import digital_signing
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DEMO_SERVER_PASSPHRASE, DemoProvince
from desktop.services.digital_signing import ImageKind
from desktop.services.sync import enroll, sync_now
from desktop.signing import trust
from desktop.signing.keys import TokenKey
from desktop.signing.pades import Role, SigningRequest, sign_pdf
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.signing import softhsm
from tests.signing.conftest import AGENCY_TOKEN, FOREIGN_TOKEN, SIGNER_TOKEN, Pki


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


def server_admin(province: DemoProvince, *args: str) -> subprocess.CompletedProcess[str]:
    """``baocao-server ARGS`` on the province's folder, as its administrator runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
    env.update(BAOCAO_SERVER_PASSPHRASE=DEMO_SERVER_PASSPHRASE, BAOCAO_SERVER_DATA_DIR=str(province.folder))
    return subprocess.run([sys.executable, "-m", "server.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def enrolled_demo_with_refused_copy(province: DemoProvince, pki: Pki, folder: Path, today: date) -> Store:
    """The demo commune enrolled with ``province`` (which trusts ``pki``'s CA), holding a signed PDF of a CA
    the province does not trust, sent and refused (``refused_copy``)."""
    store = setup_demo(folder / "data", PASSPHRASE, kdf=FAST_KDF, today=today,
                       enroll=lambda store: enroll(store, province.url, demo_code(province))).store
    assert server_admin(province, "trust", "add", str(pki.ca_pem)).returncode == 0
    refused_copy(store, pki, folder)
    return store


def refused_copy(store: Store, pki: Pki, folder: Path) -> Path:
    """The demo quarter signed with the foreign CA's certificate (trusted on this PC only), synced: refused.
    The foreign root is left at ``folder / "ca-la.pem"`` for the province to add later."""
    foreign = folder / "ca-la.pem"
    foreign.write_bytes(pem.armor("CERTIFICATE", pki.foreign_ca.cert_der()))
    trust.add_local_roots(store, foreign)
    digital_signing.set_image(store, ImageKind.SIGNATURE, pki.signature_image)
    digital_signing.set_image(store, ImageKind.SEAL, pki.seal_image)
    signed = folder / "ky" / "nguoi-ky.pdf"
    digital_signing.sign_report(store, "2026Q3", signed, Role.SIGNER, TokenKey(softhsm.LIBRARY, FOREIGN_TOKEN),
                                softhsm.PIN)
    outcome = sync_now(store)
    assert [(o.outcome, o.code) for o in outcome.report.outcomes] == [
        ("receipted", None), ("needs_attention", "document_untrusted")], outcome.report
    return signed
