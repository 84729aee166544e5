"""A new PC restoring the agency's history gets the evidence files too, against a real province server process:
the bytes are the old PC's, stored encrypted (no plaintext in the new PC's database file), and a file that
two revisions carry is stored once."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktop.models.store import DB_NAME
from desktop.services import accounts, reports, signing
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.evidence import attach_evidence, list_evidence, save_evidence_copy
from desktop.services.sync import enroll, restore_from_province, sync_now
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.e2e.test_agency_devices import TODAY


@pytest.mark.timeout(900)  # a demo store and a server process: minutes on a loaded machine
def test_a_new_pc_restores_the_evidence_bytes_checked_and_encrypted(tmp_path: Path, demo_province_folder: Path) -> None:
    marker = b"BIEN-BAN-NGHIEM-THU-" + os.urandom(8).hex().encode()
    evidence = tmp_path / "bien-bản nghiệm thu.pdf"
    evidence.write_bytes(b"%PDF-1.4\n" + marker * 2000 + b"\n%%EOF\n")
    with DemoProvince(demo_province_folder) as province:
        old = setup_demo(tmp_path / "old", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                         enroll=lambda s: enroll(s, province.url, demo_code(province), "Máy cũ")).store
        new = accounts.create_store(tmp_path / "new", "admin", PASSPHRASE, FAST_KDF).store
        try:
            reports.reopen_report(old, "2026Q3", "Bổ sung minh chứng")
            task = next(t for t in reports.open_report(old, "2026Q3", TODAY).tasks if t.status == "done")
            attach_evidence(old, "2026Q3", "task", task.ref, evidence)
            signing.approve_and_sign(old, "2026Q3", TODAY)
            reports.reopen_report(old, "2026Q3", "Sửa câu chữ")  # revision 3 keeps the file (shared)
            signing.approve_and_sign(old, "2026Q3", TODAY)
            assert [o.outcome for o in sync_now(old).report.outcomes] == ["receipted"] * 3

            enroll(new, province.url, demo_code(province), "Máy mới")
            outcome = restore_from_province(new)
            assert outcome.restored == [("2026Q3", 1), ("2026Q3", 2), ("2026Q3", 3)] and outcome.evidence_files == 2
            [restored] = list_evidence(new, "2026Q3", "task", task.ref)
            digest = hashlib.sha256(evidence.read_bytes()).hexdigest()
            assert (restored.name, restored.sha256) == (evidence.name, digest)
            copy = save_evidence_copy(new, restored.id, tmp_path / "out" / "copy.pdf")
            assert copy.read_bytes() == evidence.read_bytes()
            for path in (tmp_path / "new").glob(f"{DB_NAME}*"):  # the database and its WAL
                assert marker not in path.read_bytes(), f"evidence is stored encrypted ({path.name})"
        finally:
            old.close()
            new.close()
