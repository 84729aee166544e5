"""Every way of switching report or leaving the editor keeps what is being typed (one path,
``MainWindow._keep_typed``): a home card's button, another tab, Ctrl+L, closing the window. A value the
field refuses stops the switch, with the text and its reason kept at the field, as the period chooser does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.services import reports
from desktop.views.main_window import MainWindow
from desktop.views.period_card import PeriodCardView
from tests.views.flow_helpers import settle_workers, type_text, wait_shown

TYPED = "Đã rà soát hồ sơ"


def _type_into(qtbot: QtBot, window: MainWindow, field: str, text: str) -> str:
    """Type ``text`` into a task's form field with real key events; the task's ref."""
    editor = window.editor
    task = next(t for t in editor.view.tasks if not t.result)  # type: ignore[union-attr]
    editor.item_list.select("task", task.ref)
    qtbot.waitUntil(lambda: editor.form.item is not None and editor.form.item.ref == task.ref, timeout=10_000)
    editor.form.fields["task"][field].setFocus()
    type_text(text)
    return task.ref


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _stored(window: MainWindow, code: str, ref: str) -> tuple[str | None, float | None]:
    task = next(t for t in reports.open_report(window.store, code).tasks if t.ref == ref)
    return task.result, task.percent


def _other_card(qtbot: QtBot, window: MainWindow, code: str) -> PeriodCardView:
    """Home (Ctrl+1) and the card of a period other than the one being edited."""
    QTest.keyClick(_focused(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(c.code not in ("", code) for c in window.dashboard._card_views), timeout=30_000)
    return next(c for c in window.dashboard._card_views if c.code not in ("", code))


def test_a_home_card_opens_its_report_with_what_was_typed_saved(qtbot: QtBot, window: MainWindow) -> None:
    code = window.editor.period_code
    ref = _type_into(qtbot, window, "result", TYPED)
    card = _other_card(qtbot, window, code)
    QTest.mouseClick(card.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor.period_code == card.code, timeout=30_000)
    wait_shown(qtbot, window.editor)
    assert _stored(window, code, ref)[0] == TYPED
    settle_workers()


def test_a_home_card_does_not_drop_a_refused_value(qtbot: QtBot, window: MainWindow) -> None:
    """«7 ho so» in «Tiến độ (%)»: the card's report is not opened; back at the field, text and reason kept."""
    editor = window.editor
    code = editor.period_code
    ref = _type_into(qtbot, window, "percent", "7 ho so")
    card = _other_card(qtbot, window, code)
    QTest.mouseClick(card.button, Qt.MouseButton.LeftButton)
    settle_workers()
    field = editor.form.fields["task"]["percent"]
    assert window.tabs.currentWidget() is editor and editor.period_code == code
    assert QApplication.focusWidget() is field and field.typed() == "7 ho so" and field.toolTip()
    assert "Chưa lưu được" in window.statusBar().currentMessage()
    assert _stored(window, code, ref)[1] is None


def test_ctrl_l_saves_what_is_typed_before_locking(qtbot: QtBot, window: MainWindow) -> None:
    code = window.editor.period_code
    ref = _type_into(qtbot, window, "result", TYPED)
    with qtbot.waitSignal(window.lock_requested, timeout=5_000):
        QTest.keyClick(_focused(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, code, ref)[0] == TYPED
    settle_workers()


def test_closing_with_a_refused_value_keeps_the_window_at_the_field(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    _type_into(qtbot, window, "percent", "7 ho so")
    assert not window.close()
    assert window.isVisible() and editor.form.fields["task"]["percent"].typed() == "7 ho so"
    QTest.keyClick(_focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(_focused(), "70")
    assert window.close()
    settle_workers()


def test_a_table_cell_being_typed_in_is_saved_before_locking(qtbot: QtBot, window: MainWindow) -> None:
    """Table mode, F2 in «Kết quả thực hiện», typing, then Ctrl+L without leaving the cell."""
    editor = window.editor
    code = editor.period_code
    editor.show_table_mode(True)
    editor.tabs.setCurrentWidget(editor.task_table)
    row = next(n for n in range(editor.tasks.rowCount()) if not editor.tasks.row_item(n).result)
    ref = editor.tasks.row_item(row).ref
    editor.task_table.setCurrentIndex(editor.tasks.index(row, editor.tasks.column_of("result")))
    editor.task_table.setFocus()
    QTest.keyClick(editor.task_table, Qt.Key.Key_F2)
    assert _focused() is not editor.task_table, "the cell's editor is open"
    type_text(TYPED)
    with qtbot.waitSignal(window.lock_requested, timeout=5_000):
        QTest.keyClick(_focused(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, code, ref)[0] == TYPED
    settle_workers()
