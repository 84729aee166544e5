"""What a newcomer reads on the home screen and the sync tab: the one report to do now is marked, the days
late are counted from a last day that is shown, every time is Vietnam time whatever the PC's zone, and an
enrolled PC says so with the province's key."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.models.store import Store
from desktop.services.sync_status import record_success
from desktop.views.formatting import format_datetime
from desktop.views.period_card import PeriodCardView

TODAY = date(2026, 12, 2)  # Q4's deadline ("trước ngày 01/12/2026") has passed; the demo signed Q4


def _window(qtbot: QtBot, store: Store, today: date | None = None):  # type: ignore[no-untyped-def]
    window = create_main_window(store, today=today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.dashboard.is_loading() and window.dashboard.board is not None, timeout=20_000)
    return window


def test_the_report_to_do_now_is_marked_and_its_days_late_count_from_the_last_day(
        qtbot: QtBot, demo_store: Store) -> None:
    window = _window(qtbot, demo_store)
    board = window.dashboard.board
    assert board is not None and board.next_step is not None
    cards = {c.code: c for c in window.dashboard.findChildren(PeriodCardView) if c.isVisible()}
    marked = [code for code, card in cards.items() if card.mark.isVisible()]
    assert marked == [board.next_step.code], "exactly one card says «Cần làm bây giờ»"
    assert window.dashboard.next_step.isVisible() and "Việc cần làm" in window.dashboard.next_step.text()
    shown = cards[marked[0]]
    period = next(c.period for c in board.cards if c.period.code == shown.code)
    assert f"(ngày cuối {period.last_day:%d/%m/%Y})" in shown.due.text()


def test_a_signed_report_waiting_to_be_sent_reads_signed_on_time_not_overdue(qtbot: QtBot, demo_store: Store) -> None:
    """The demo signed last quarter on time; after its deadline the card said «đã quá hạn» in red."""
    window = _window(qtbot, demo_store, TODAY)
    card = next(c for c in window.dashboard.findChildren(PeriodCardView) if c.isVisible() and c.code == "2026Q4")
    assert card.due.text() == ("Hạn nộp trước ngày 01/12/2026 (ngày cuối 30/11/2026): đã ký đúng hạn ngày 30/11/2026, "
                               "chờ gửi Sở")
    assert "#b00020" not in card.due.styleSheet(), "not red: nothing is late"


def test_an_unsigned_report_past_its_deadline_counts_its_days_late_from_the_last_day(
        qtbot: QtBot, demo_store: Store) -> None:
    window = _window(qtbot, demo_store, date(2027, 2, 22))  # Q1 2027 is due before 20/02/2027, never signed
    card = next(c for c in window.dashboard.findChildren(PeriodCardView) if c.isVisible() and c.code == "2027Q1")
    assert card.due.text().endswith("(ngày cuối 19/02/2027): đã quá hạn 3 ngày"), card.due.text()
    assert "#b00020" in card.due.styleSheet()


def test_the_last_sync_is_shown_in_vietnam_time(qtbot: QtBot, demo_store: Store) -> None:
    record_success(demo_store, datetime(2026, 12, 2, 0, 32, tzinfo=UTC))  # a sync by hand, 07:32 in Hà Nội
    window = _window(qtbot, demo_store)
    qtbot.waitUntil(lambda: "02/12/2026 07:32" in window.auto_sync.label.text(), timeout=10_000)
    assert "Chờ gửi: 1" in window.auto_sync.label.text(), "what waits is read at once, not 0 until a sync ran"
    assert format_datetime(datetime(2026, 11, 30, 17, 5, tzinfo=UTC)) == "01/12/2026 00:05"


def test_an_enrolled_pc_says_so_with_the_agency_and_the_province_key(qtbot: QtBot, demo_store: Store) -> None:
    window = _window(qtbot, demo_store)
    window.tabs.setCurrentWidget(window.sync)
    with qtbot.waitSignal(window.sync.refreshed, timeout=20_000):
        pass
    label = window.sync.enrolled
    assert label.isVisible() and "Máy này đã đăng ký với Sở" in label.text()
    assert "Mỹ Hiệp" in label.text() and "Gọi điện cho Sở để đối chiếu" in label.text()
    assert "Mã kiểm tra khóa ký của Sở" in label.text(), "the province key's code to compare by phone"
    assert not window.sync.code.isEnabled() and not window.sync.enroll_button.isEnabled()


def test_the_cards_stay_in_place_when_the_next_step_sentence_grows(qtbot: QtBot, demo_store: Store) -> None:
    """After a sync the sentence went from one line to two and the cards moved under the newcomer's pointer."""
    window = _window(qtbot, demo_store)
    window.resize(1366, 768)
    card = next(c for c in window.dashboard.findChildren(PeriodCardView) if c.isVisible())
    label = window.dashboard.next_step
    label.setText("Việc cần làm bây giờ: báo cáo Quý IV năm 2026 đã ký, đang chờ gửi Sở.")
    qtbot.wait(50)
    before = card.mapTo(window, card.rect().topLeft()).y()
    label.setText("Việc cần làm bây giờ: hoàn thành, ký và gửi báo cáo Quý I năm 2027, hạn nộp trước ngày "
                  "20/02/2027; số liệu tính từ ngày 15/12/2026 đến ngày 14/03/2027. Kỳ số liệu chưa bắt đầu: có "
                  "thể soạn trước, nhưng nên ký khi đã có đủ số liệu.")
    qtbot.wait(50)
    assert label.heightForWidth(label.width()) > label.fontMetrics().lineSpacing(), "the sentence takes two lines"
    assert card.mapTo(window, card.rect().topLeft()).y() == before


def test_a_reopened_report_still_shows_that_its_signed_revision_waits(qtbot: QtBot, demo_store: Store) -> None:
    """The newcomer reopened a signed report not yet sent: the card said «Chưa có gì để gửi» and the sync line
    «Chờ gửi: 0» while the sync tab listed lần 1 as waiting (the line was read only at start and after a sync)."""
    from desktop.services.reports import reopen_report
    from desktop.services.signing import approve_and_sign

    window = _window(qtbot, demo_store, TODAY)
    qtbot.waitUntil(lambda: "Chờ gửi: 1;" in window.auto_sync.label.text(), timeout=10_000)
    assert reopen_report(demo_store, "2026Q4", "Sửa số liệu chỉ tiêu") == 2
    window.dashboard.refresh()

    def card_says(text: str) -> bool:
        card = next(c for c in window.dashboard.findChildren(PeriodCardView) if c.isVisible() and c.code == "2026Q4")
        return card.sync.text() == text

    qtbot.waitUntil(lambda: card_says("Lần 1 đã ký: chờ gửi"), timeout=20_000)
    approve_and_sign(demo_store, "2026Q4", today=TODAY)
    window.dashboard.refresh()
    qtbot.waitUntil(lambda: card_says("Chờ gửi"), timeout=20_000)
    qtbot.waitUntil(lambda: "Chờ gửi: 2;" in window.auto_sync.label.text(), timeout=10_000)
