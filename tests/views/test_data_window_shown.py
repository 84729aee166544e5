"""The data window («số liệu tính từ 15/09 đến 14/12») is said where the period is shown: in the report
editor's heading and on each period's card of the home screen."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.views.main_window import MainWindow
from desktop.views.period_card import PeriodCardView


def test_the_editor_heading_and_the_cards_say_which_dates_the_figures_cover(qtbot: QtBot, window: MainWindow) -> None:
    period = window.editor.view.period if window.editor.view else None
    assert period is not None
    said = f"Số liệu báo cáo tính từ ngày {period.data_start:%d/%m/%Y} đến ngày {period.data_end:%d/%m/%Y}"
    assert said in window.editor.heading.text()
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(
        lambda: any(c.code == period.code for c in window.dashboard.findChildren(PeriodCardView)), timeout=20_000
    )
    qtbot.waitUntil(lambda: window.dashboard.board is not None and not window.dashboard.is_loading(), timeout=20_000)
    cards = {c.code: c for c in window.dashboard.findChildren(PeriodCardView)}
    assert period.code in cards, (period.code, list(cards))
    card = cards[period.code]
    shown = [label.text() for label in card.findChildren(QLabel)]
    assert any(said in text for text in shown), shown
