"""The newcomer's path against a real province server process: enroll, pull, sign, sync, receipt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models.outbox import OutboxItem
from desktop.models.plan import Plan
from desktop.services import reports, signing
from desktop.services.dashboard import dashboard
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.snapshots import report_snapshot
from desktop.services.sync import enroll, receipt_history, sync_now
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 11, 23)


@pytest.mark.slow(seconds=25)
@pytest.mark.timeout(900)  # a demo store, a server process (first in a worker, the province set-up): minutes if loaded
def test_enroll_pull_sign_push_receipt_and_no_duplicate(tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        demo = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                          enroll=lambda store: enroll(store, province.url, province.enrollment_code()))
        store = demo.store
        try:
            signed = report_snapshot(store, "2026Q3")  # signed after enrolling: the header names the place
            assert (signed.agency.place, signed.agency.signer_name) == ("Mỹ Hiệp", "Nguyễn Văn Bình"), \
                "enrolling kept the commune's place and signer, which the province does not send"
            late = dashboard(store, TODAY).cards[0]
            assert (late.role, late.period.code, late.sync_state) == ("overdue", "2026Q3", "new")
            first = sync_now(store)
            # The package is taken; its plans are the ones the demo imported, so no task is new («Có nhiệm vụ
            # mới» is not said).
            assert first.assignments_changed and first.plans == []
            with store.session() as session:
                codes = set(session.scalars(select(Plan.code)))
            assert "3256/QĐ-UBND" in codes
            assert "594/KH-UBND" not in codes, "the Đồng Tháp demo province publishes no An Giang plan"
            assert [o.outcome for o in first.report.outcomes] == ["receipted"]
            [row] = receipt_history(store)
            assert (row.period_code, row.state, row.status) == ("2026Q3", "receipted", "accepted")
            assert [c.period.code for c in dashboard(store, TODAY).cards] == ["2026Q4", "2027Q1"], \
                "once the province has the late report, its card leaves the dashboard"

            view = reports.open_report(store, "2026Q4", TODAY)
            reports.apply_values(store, "2026Q4",
                                 tasks={t.ref: {"status": "in_progress", "percent": 60, "result": "Đang làm."}
                                        for t in view.tasks if t.status is None},
                                 indicators={i.ref: {"not_applicable_reason": "Không theo dõi ở cấp xã."}
                                             for i in view.indicators})
            signing.approve_and_sign(store, "2026Q4", TODAY)
            second = sync_now(store)
            assert not second.assignments_changed
            assert [o.outcome for o in second.report.outcomes] == ["receipted"]
            assert sync_now(store).report.outcomes == []
            with store.session() as session:
                receipts = [i.receipt for i in session.scalars(select(OutboxItem).order_by(OutboxItem.sequence))]
            assert all(receipts) and len(set(receipts)) == 2
            card = dashboard(store, TODAY).cards[0]
            assert card.status == "acknowledged" and card.sync_state == "receipted"
        finally:
            store.close()


@pytest.mark.timeout(900)  # a demo store, a server process (first in a worker, the province set-up): minutes if loaded
def test_sync_and_outbox_commands(tmp_path: Path, demo_province_folder: Path) -> None:
    from tests.conftest import run_cli

    env = {"BAOCAO_PASSPHRASE": PASSPHRASE}
    with DemoProvince(demo_province_folder) as province:
        setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                   enroll=lambda store: enroll(store, province.url, province.enrollment_code())).store.close()
        done = run_cli("sync", "--data-dir", str(tmp_path / "data"), env=env)
        assert done.returncode == 0, done.stderr
        assert "Đã nhận phân công mới" in done.stdout and "Sở đã nhận, có biên nhận" in done.stdout
        again = run_cli("sync", "--data-dir", str(tmp_path / "data"), env={**env, "LANG": "en_US.UTF-8"})
        assert again.returncode == 0 and "No report is waiting to be sent." in again.stdout
    listing = run_cli("outbox", "--data-dir", str(tmp_path / "data"), env=env)
    assert "Quý III/2026" in listing.stdout and "Sở đã nhận" in listing.stdout
    offline = run_cli("sync", "--data-dir", str(tmp_path / "data"), env=env)
    assert offline.returncode != 0
    assert offline.stderr.startswith("baocao: ") and len(offline.stderr.strip().splitlines()) == 1
