"""An agency's PCs over the years, against a real province server process on 127.0.0.1.

- PC replaced: the old PC signs a quarter and syncs; a new PC enrolls with a code that replaces the
  agency's other PCs (the old one is revoked), restores the agency's history from the province, signs
  the next quarter and syncs: accepted (it continues the agency's chain); the old PC's next sync is
  refused with the revocation's message.
- Two PCs of one agency sign revision 1 of one quarter: the first to arrive is accepted, the second
  gets the named conflict, opens revision 2 from the province's copy, and that is accepted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.services import accounts, reports, signing
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.installation import installation_agency
from desktop.services.report_items import editor_context
from desktop.services.snapshots import report_snapshot
from desktop.services.sync import (
    continue_from_province,
    enroll,
    outbox_counts,
    receipt_history,
    restore_from_province,
    sync_now,
)
from desktop.services.sync_status import open_conflicts
from desktop.sync.sync_errors import DeviceRejected
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code

TODAY = date(2026, 11, 23)  # the demo signs 2026Q3 and drafts 2026Q4


def _answers(store: object, period: str) -> list[tuple[str, object, object]]:
    snapshot = report_snapshot(store, period)  # type: ignore[arg-type]
    return [(t.key, t.status, t.percent) for t in snapshot.tasks]


def _sign_current(store: object) -> None:
    view = reports.open_report(store, "2026Q4", TODAY)  # type: ignore[arg-type]
    reports.apply_values(store, "2026Q4",  # type: ignore[arg-type]
                         tasks={t.ref: {"status": "in_progress", "percent": 50, "result": "Đang làm."}
                                for t in view.tasks if t.status is None},
                         indicators={i.ref: {"not_applicable_reason": "Không theo dõi ở cấp xã."}
                                     for i in view.indicators})
    signing.approve_and_sign(store, "2026Q4", TODAY)  # type: ignore[arg-type]


@pytest.mark.timeout(900)  # a demo store, a server process (first in a worker, the province set-up): minutes if loaded
def test_a_replacement_pc_restores_history_and_continues_the_agency_chain(tmp_path: Path,
                                                                          demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        old = setup_demo(tmp_path / "old", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                         enroll=lambda s: enroll(s, province.url, demo_code(province), "Máy cũ")).store
        new = accounts.create_store(tmp_path / "new", "admin", PASSPHRASE, FAST_KDF).store
        try:
            assert [o.outcome for o in sync_now(old).report.outcomes] == ["receipted"]
            old_answers = _answers(old, "2026Q3")

            enroll(new, province.url, demo_code(province, replaces="all"), "Máy mới")
            outcome = restore_from_province(new)
            assert outcome.restored == [("2026Q3", 1)] and outcome.unmatched_rows == 0
            assert outcome.named("vi") == ["Quý III/2026 lần 1"] and outcome.named("en") == ["Q3 2026 revision 1"]
            assert _answers(new, "2026Q3") == old_answers, "the new PC has last quarter's answers"
            [restored] = receipt_history(new)
            assert (restored.period_code, restored.status) == ("2026Q3", "accepted")
            assert all(t.status is None for t in reports.open_report(new, "2026Q4", TODAY).tasks), "starts empty"
            with new.session() as session:
                offered = editor_context(session, installation_agency(session), "2026Q4").previous
            finished = {t.ref for t in reports.open_report(new, "2026Q3", TODAY).tasks if t.status == "done"}
            assert finished and finished <= offered.keys(), "last quarter's answers are offered on the new PC"
            assert restore_from_province(new).restored == [], "restoring again brings nothing twice"

            _sign_current(new)
            sent = sync_now(new).report.outcomes
            assert [(o.outcome, o.code) for o in sent] == [("receipted", None)], sent
            assert {r.period_code: r.status for r in receipt_history(new)} == {"2026Q4": "accepted",
                                                                              "2026Q3": "accepted"}

            _sign_current(old)  # the old PC, still in a drawer, signs the same quarter and tries to send it
            with pytest.raises(DeviceRejected) as refused:
                sync_now(old)
            assert refused.value.code == "device_revoked"
            assert "thu hồi" in refused.value.message("vi") and "revoked" in refused.value.message("en")
            assert outbox_counts(old) == (1, 0), "the old PC's report stays in its outbox, not lost"
            assert {r.period_code for r in receipt_history(new)} == {"2026Q3", "2026Q4"}
        finally:
            old.close()
            new.close()


@pytest.mark.timeout(900)  # a demo store, a server process (first in a worker, the province set-up): minutes if loaded
def test_two_pcs_sign_the_same_revision_the_second_opens_the_next_from_the_province(tmp_path: Path,
                                                                                    demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        first = setup_demo(tmp_path / "a", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                           enroll=lambda s: enroll(s, province.url, demo_code(province), "Máy kế toán")).store
        second = setup_demo(tmp_path / "b", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                            enroll=lambda s: enroll(s, province.url, demo_code(province), "Máy văn thư")).store
        try:
            reports.reopen_report(second, "2026Q3", "Máy văn thư sửa số liệu")
            reports.update_narrative(second, "2026Q3", summary="Bản của máy văn thư.")
            # revision 2 on the second PC is a draft; its signed revision 1 is what clashes
            assert [o.outcome for o in sync_now(first).report.outcomes] == ["receipted"]
            [clash] = sync_now(second).report.outcomes
            assert (clash.outcome, clash.code) == ("needs_attention", "revision_conflict")
            assert "Lần 1 của báo cáo quý III/2026 đã được Sở nhận từ máy Máy kế toán lúc" in clash.message_vi
            assert "hãy mở lần sửa đổi mới" in clash.message_vi
            assert open_conflicts(second) == ["2026Q3"], "the draft made on this PC's own copy is no answer"

            revision = continue_from_province(second, "2026Q3", "Tiếp tục từ bản Sở đang giữ")
            assert open_conflicts(second) == [], "answered: the way out is offered no more"
            assert revision == 3, "above both the province's revision 1 and this PC's own draft 2"
            view = reports.open_report(second, "2026Q3", TODAY)
            assert (view.revision, view.summary) == (3, report_snapshot(first, "2026Q3").summary), \
                "the new revision starts from what the province holds, not from this PC's refused copy"
            signing.approve_and_sign(second, "2026Q3", TODAY)
            outcomes = sync_now(second).report.outcomes
            assert [(o.outcome, o.code) for o in outcomes] == [("receipted", None)], outcomes
            statuses = [(r.revision, r.state, r.status) for r in receipt_history(second)]
            # The refused copy keeps the province's signed refusal (its receipt), as an acceptance keeps its own.
            assert (3, "receipted", "accepted") in statuses and (1, "needs_attention", "rejected") in statuses
            assert outbox_counts(second) == (0, 0), "revision 3 accepted: the refused revision 1 needs no one now"
        finally:
            first.close()
            second.close()
