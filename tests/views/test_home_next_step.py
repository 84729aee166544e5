"""The home screen's cards say what to do now on each report, as the newcomer of 03/12/2026 needed: Quý IV is
signed and only waits to be sent («Cần gửi Sở», not «Mở báo cáo quá hạn» on a card signed on time), Quý I/2027
can be drafted but not yet signed (its data window opens 15/12/2026), and once the province has everything no
card says «Cần làm bây giờ» under «Chưa có việc cần làm»."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.models.store import Store
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import enroll, sync_now
from desktop.views.main_window import MainWindow
from desktop.views.period_card import PeriodCardView
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.views.flow_helpers import settle_workers, wait_validated

TODAY = date(2026, 12, 3)
EARLY = "Chưa đến kỳ số liệu (bắt đầu 15/12/2026): có thể soạn trước, chưa nên ký."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    made = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY)  # Q4 signed, Q1 2027 drafted
    yield made.store
    settle_workers()
    made.store.close()


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = create_main_window(store, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.dashboard.is_loading() and window.dashboard.board is not None, timeout=20_000)
    return window


def _cards(window: MainWindow) -> dict[str, PeriodCardView]:
    return {c.code: c for c in window.dashboard.findChildren(PeriodCardView) if c.isVisible()}


def test_the_signed_report_says_send_and_the_early_draft_says_not_to_sign_yet(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    cards = _cards(window)
    q4, q1 = cards["2026Q4"], cards["2027Q1"]
    assert q4.mark.isVisible() and q4.mark.text() == "Cần gửi Sở"
    assert "quá hạn" not in q4.button.text().replace("&", ""), "a report signed on time is not opened as overdue"
    assert "đã ký đúng hạn" in q4.due.text()
    assert q4.window_line.text().endswith("Sở yêu cầu gửi trước khi kỳ số liệu kết thúc; số liệu từ ngày ký đến "
                                          "ngày 14/12/2026 là số ước thực hiện."), "due 01/12, data to 14/12"
    assert not q1.mark.isVisible()
    assert q1.early.isVisible() and q1.early.text() == EARLY
    assert not q4.early.isVisible(), "a signed report is not a draft"
    assert not q1.bar.isTextVisible() and re.fullmatch(r"Đã nhập \d+/\d+ mục", q1.filled.text()), \
        "the count beside the bar, not printed half white half black across it"
    window.dashboard.open_period.emit("2027Q1")
    qtbot.waitUntil(lambda: window.editor.view is not None and window.editor.view.period.code == "2027Q1",
                    timeout=20_000)
    qtbot.waitUntil(lambda: EARLY in window.editor.heading.text(), timeout=10_000)
    wait_validated(qtbot, window.editor)
    counts = q1.check.text()
    assert re.fullmatch(r"\d+ mục chưa nhập, 0 lỗi, 1 cảnh báo", counts), "items not answered are not «lỗi»"
    assert window.editor.issue_summary.text() == counts + " (chưa nhập hết thì chưa ký được)", "one count everywhere"
    view = window.editor.view
    assert view is not None
    task = next(t for t in view.tasks if t.due == "2026-12-31")  # due within Quý I/2027's data window
    window.editor.go_to("task", task.ref)
    deadline = window.editor.form.deadline.text()
    left = (date(2026, 12, 31) - window.editor.form.today).days  # the form counts from the Vietnam date it is
    assert f"còn {left} ngày — trước khi kỳ báo cáo này kết thúc (14/03/2027)" in deadline, deadline
    assert window._suggested("2027Q1", ".pdf") == "bao-cao-quy-I-2027.pdf", "a name, not «bao-cao-2027Q1.pdf»"


def test_once_the_province_has_everything_no_card_asks_for_work(
        qtbot: QtBot, tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        made = setup_demo(tmp_path / "sent", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                          enroll=lambda s: enroll(s, province.url, province.enrollment_code()))
        store = made.store
        try:
            setup_demo(tmp_path / "sent", PASSPHRASE, today=date(2027, 2, 25)).store.close()  # Q1 filled, signed
            sync_now(store)
            window = _window(qtbot, store)
            assert "Chưa có việc cần làm" in window.dashboard.next_step.text()
            assert not any(card.mark.isVisible() for card in _cards(window).values())
            assert window.dashboard.marked_period() is None
            window.tabs.setCurrentWidget(window.sync)
            qtbot.waitUntil(lambda: window.sync.receipts.topLevelItemCount() >= 2, timeout=20_000)
            receipts = window.sync.receipts
            rows = [receipts.topLevelItem(n) for n in range(receipts.topLevelItemCount())]
            shown = {(row.text(0), row.text(4)) for row in rows if row is not None}
            assert ("Quý I năm 2027", "Đã nhận báo cáo Quý I năm 2027 lần 1.") in shown, shown
        finally:
            settle_workers()
            store.close()
