"""The dashboard: a late report still owed comes first and opens in one click; cards read while another tab
is shown appear as soon as the dashboard is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.domain.periods import Period
from desktop.models.store import Store
from desktop.services.periods import current_period_code
from desktop.views.period_card import PeriodCardView
from tests.views.flow_helpers import wait_shown


def test_the_late_report_comes_first_and_opens_in_one_click(qtbot: QtBot, demo_store: Store) -> None:
    current = current_period_code()
    late = Period.parse(current).previous().code  # the demo signed it; the province has not received it
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.dashboard.is_loading(), timeout=10_000)
    cards = [c for c in window.dashboard.findChildren(PeriodCardView) if c.isVisible()]
    assert [c.objectName() for c in sorted(cards, key=lambda c: c.x())] == [
        f"card_{late}", f"card_{current}", f"card_{Period.parse(current).next().code}"]
    button = window.dashboard.findChild(QPushButton, f"open_{late}")
    # signed on time: opened as last period's report, not «Mở báo cáo quá hạn» beside «đã ký đúng hạn»
    assert button is not None and button.text().replace("&", "") == "Mở báo cáo kỳ trước"
    due = window.dashboard.findChild(PeriodCardView, f"card_{late}").due.text()
    assert "đã ký đúng hạn" in due and "chờ gửi Sở" in due, "signed on time, waiting to be sent: not «đã quá hạn»"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.editor  # at once; the report follows, read on a worker
    wait_shown(qtbot, window.editor)
    assert window.editor.period_code == late


def test_cards_read_behind_another_tab_show_when_the_dashboard_does(qtbot: QtBot, demo_store: Store) -> None:
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    window.open_report(None)  # the editor is in front before the dashboard has answered
    qtbot.waitUntil(lambda: not window.dashboard.is_loading(), timeout=10_000)
    assert window.dashboard.board is not None
    window.tabs.setCurrentWidget(window.dashboard)
    assert window.dashboard.findChild(QPushButton, f"open_{current_period_code()}") is not None, \
        "the cards already read are shown at once, before the refresh the tab starts has answered"
