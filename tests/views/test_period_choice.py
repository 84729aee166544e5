"""The report editor opens any period the officer picks: the header's «Kỳ báo cáo» chooser and
Báo cáo › Mở báo cáo kỳ khác… (Ctrl+O), by keyboard, with what is being typed saved before the switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.periods import Period, period_name
from desktop.services import reports
from desktop.services.periods import current_period_code
from desktop.views.main_window import MainWindow
from tests.views.flow_helpers import settle_workers, type_text, wait_shown


def _codes(window: MainWindow) -> list[str]:
    choice = window.editor.period_choice
    return [choice.itemData(n) for n in range(choice.count())]


def test_ctrl_o_lists_the_periods_newest_first_and_opens_the_one_chosen(qtbot: QtBot, window: MainWindow) -> None:
    current = Period.parse(current_period_code())
    previous, following = current.previous().code, current.next().code
    assert _codes(window) == [following, current.code, previous], "the stored reports and the quarters around"
    assert window.editor.period_choice.currentText() == period_name(current.code)

    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    popup = window.editor.period_choice.view()
    qtbot.waitUntil(popup.isVisible, timeout=10_000)
    QTest.keyClick(popup, Qt.Key.Key_Down)  # from the current quarter down to the one before
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.period_code == previous, timeout=30_000)
    wait_shown(qtbot, window.editor)
    assert period_name(previous) in window.editor.heading.text()
    assert window.editor.period_choice.currentText() == period_name(previous)
    shown = window.editor.view
    assert shown is not None and any(t.result for t in shown.tasks), "that quarter's answers are shown"
    settle_workers()


def test_choosing_a_period_saves_what_is_typed_first(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    code = editor.period_code
    task = next(t for t in editor.view.tasks if not t.result)  # type: ignore[union-attr]
    editor.item_list.select("task", task.ref)
    qtbot.waitUntil(lambda: editor.form.item is not None and editor.form.item.ref == task.ref, timeout=10_000)
    editor.form.fields["task"]["result"].setFocus()
    type_text("Đã rà soát hồ sơ")
    typing = QApplication.focusWidget()
    assert typing is not None
    QTest.keyClick(typing, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is editor.period_choice
    QTest.keyClick(editor.period_choice, Qt.Key.Key_Down)  # closed list: the arrow picks the quarter before
    qtbot.waitUntil(lambda: editor.period_code == Period.parse(code).previous().code, timeout=30_000)
    wait_shown(qtbot, editor)
    saved = next(t for t in reports.open_report(window.store, code).tasks if t.ref == task.ref)
    assert saved.result == "Đã rà soát hồ sơ"
    settle_workers()
