"""Against a real province server process: a reopened revision carries revision 1's evidence to the province."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from desktop.services import evidence, reports, signing
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.identity import device_key
from desktop.services.sync import enroll, sync_now
from desktop.sync.bundle import verify_bundle
from desktop.sync.device_keys import ed25519_public_bytes
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code

TODAY = date(2026, 11, 23)
PERIOD = "2026Q4"


@pytest.mark.timeout(900)  # a demo store, a server process (first in a worker, the province set-up): minutes if loaded
def test_revision_two_reaches_the_province_with_the_evidence_of_revision_one(tmp_path: Path,
                                                                             demo_province_folder: Path) -> None:
    source = tmp_path / "minh-chung.pdf"
    source.write_bytes(os.urandom(305_860))
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    with DemoProvince(demo_province_folder) as province:
        demo = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                          enroll=lambda store: enroll(store, province.url, demo_code(province)))
        store = demo.store
        try:
            sync_now(store)
            view = reports.open_report(store, PERIOD, TODAY)
            reports.apply_values(store, PERIOD,
                                 tasks={t.ref: {"status": "in_progress", "percent": 60, "result": "Đang làm."}
                                        for t in view.tasks if t.status is None},
                                 indicators={i.ref: {"not_applicable_reason": "Không theo dõi ở cấp xã."}
                                             for i in view.indicators})
            evidence.attach_evidence(store, PERIOD, "task", view.tasks[0].ref, source)
            signing.approve_and_sign(store, PERIOD, TODAY)
            assert [o.outcome for o in sync_now(store).report.outcomes] == ["receipted"]
            reports.reopen_report(store, PERIOD, "Bổ sung kết quả thực hiện")
            reports.update_task(store, PERIOD, view.tasks[0].ref, result="Đã nghiệm thu.")
            signing.approve_and_sign(store, PERIOD, TODAY)
            assert [o.outcome for o in sync_now(store).report.outcomes] == ["receipted"]
            with store.session() as session:
                public = ed25519_public_bytes(device_key(session))
        finally:
            store.close()
    stored = [verify_bundle(path, key_for_agency=lambda _code: public)
              for path in sorted((tmp_path / "province" / "bundles").glob("*.bcb"))]
    revisions = {(b.period, b.revision): {a.sha256 for a in b.attachments} for b in stored}
    assert digest in revisions[(PERIOD, 1)]
    assert digest in revisions[(PERIOD, 2)], "the province holds revision 2 with revision 1's evidence"
