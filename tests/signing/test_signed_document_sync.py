"""The digitally signed report reaches the province: a real demo store, a real server process, real SoftHSM2
tokens. The report is signed (bundle), synced, signed with the tokens as signer then agency (queued after
each, the unsent first copy dropped), synced again: the receipt says the signatures are valid, who signed
and when (Vietnam time), and the province's summary says "Đã ký số"."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.models.outbox import OutboxItem
from desktop.services import digital_signing
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DEMO_SERVER_PASSPHRASE, DemoProvince
from desktop.services.digital_signing import ImageKind
from desktop.services.identity import require_province
from desktop.services.signed_documents import queue_signed_document
from desktop.services.sync import enroll, receipt_history, sync_now
from desktop.signing import trust
from desktop.signing.keys import TokenKey
from desktop.signing.pades import Role
from desktop.sync.receipt import verify_receipt
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.signing import softhsm
from tests.signing.conftest import AGENCY_TOKEN, SIGNER_TOKEN, Pki

TODAY = date(2026, 11, 23)


def _server_admin(province: DemoProvince, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
    env.update(BAOCAO_SERVER_PASSPHRASE=DEMO_SERVER_PASSPHRASE, BAOCAO_SERVER_DATA_DIR=str(province.folder))
    return subprocess.run([sys.executable, "-m", "server.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


# A server process with its plans imported, a demo store, two syncs and two token signatures: a few minutes
# on a loaded 2-core machine, more than the suite's default limit.
@pytest.mark.slow(seconds=75)
@pytest.mark.timeout(900)
def test_signed_pdf_follows_the_bundle_and_the_receipt_says_who_signed(pki: Pki, tmp_path: Path,
                                                                       demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        demo = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                          enroll=lambda store: enroll(store, province.url, demo_code(province)))
        store = demo.store
        try:
            assert _server_admin(province, "trust", "add", str(pki.ca_pem)).returncode == 0
            trust.add_local_roots(store, pki.ca_pem)
            digital_signing.set_image(store, ImageKind.SIGNATURE, pki.signature_image)
            digital_signing.set_image(store, ImageKind.SEAL, pki.seal_image)
            signer_pdf, final_pdf = tmp_path / "ky" / "nguoi-ky.pdf", tmp_path / "ky" / "co-quan.pdf"
            first = digital_signing.sign_report(store, "2026Q3", signer_pdf, Role.SIGNER,
                                                TokenKey(softhsm.LIBRARY, SIGNER_TOKEN), softhsm.PIN)
            assert first.queued is not None, "the signer's copy is queued at once"
            with store.session() as session:
                assert session.scalar(select(OutboxItem.bundle_id).where(OutboxItem.kind.is_not(None))) == first.queued

            second = digital_signing.sign_file(store, signer_pdf, final_pdf, Role.AGENCY,
                                               TokenKey(softhsm.LIBRARY, AGENCY_TOKEN), softhsm.PIN)
            assert second.queued is not None and second.queued != first.queued
            with store.session() as session:
                queued = session.scalars(select(OutboxItem.bundle_id).where(OutboxItem.kind.is_not(None))).all()
            assert queued == [second.queued], "the signer's copy, not yet sent, gave way to the complete one"

            outcome = sync_now(store)
            assert [o.outcome for o in outcome.report.outcomes] == ["receipted", "receipted"], outcome.report
            rows = {row.bundle_id: row for row in receipt_history(store)}
            document_row = rows[second.queued]
            assert (document_row.kind, document_row.status, document_row.verdict) == \
                ("signed_document", "accepted", "valid")
            assert "Nguyễn Văn An lúc" in (document_row.message_vi or "")
            with store.session() as session:
                envelope = session.scalar(select(OutboxItem.receipt).where(OutboxItem.bundle_id == second.queued))
                receipt = verify_receipt(envelope, require_province(session).signing)
            assert receipt.document is not None and receipt.document["complete"] is True
            signers = {s["role"]: s for s in receipt.document["signatures"]}
            assert signers["signer"]["signer"] == "Nguyễn Văn An"
            assert signers["agency"]["signer"] == "UBND xã Thử Nghiệm"
            assert all(s["signed_at"].endswith("+07:00") and s["valid"] and s["trusted"] for s in signers.values())

            again = queue_signed_document(store, final_pdf)
            assert not again.new and sync_now(store).report.outcomes == [], "the same PDF is not sent twice"

            summary = tmp_path / "tong-hop.xlsx"
            done = _server_admin(province, "summary", "--period", "2026Q3", "--out", str(summary))
            assert done.returncode == 0, done.stderr
            sheet = openpyxl.load_workbook(summary).worksheets[0]
            rows_text = [[str(c.value or "") for c in row] for row in sheet.iter_rows()]
            header = next(r for r in rows_text if "Đã ký số" in r)
            column = header.index("Đã ký số")
            agency_row = next(r for r in rows_text if any("Mỹ Hiệp" in c for c in r) and r is not header)
            assert agency_row[column] == "Đủ (người ký, cơ quan)", agency_row
        finally:
            store.close()
