"""A report nobody has typed in yet (a period not started, or one just opened) lists its items as to-do
(«chưa nhập»), not as red errors; F5, asked for, counts them as the errors that stop signing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.domain.periods import Period
from desktop.views.main_window import MainWindow
from tests.views.flow_helpers import open_and_wait, wait_validated


def test_an_empty_report_lists_no_errors_until_f5_asks(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    open_and_wait(qtbot, window, Period.parse(editor.period_code).next().code)  # not started: nothing typed
    wait_validated(qtbot, editor)
    untouched = editor.result.unanswered()
    assert untouched > 0 and editor.issue_list.count() == len(editor.listed.issues)
    assert not editor.listed.errors, [i.message_vi for i in editor.listed.errors]
    assert editor.issue_summary.text() == (f"{untouched} mục chưa nhập, 0 lỗi, 0 cảnh báo "
                                           "(chưa nhập hết thì chưa ký được)")
    assert not editor.form.shown_messages(), "no red message under the first item's fields"

    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Kiểm tra xong"), timeout=20_000)
    assert len(editor.listed.errors) >= untouched and editor.issue_list.count() == len(editor.listed.issues)
    assert editor.issue_summary.text().startswith(f"{untouched} mục chưa nhập, 0 lỗi"), "the same count after F5"
