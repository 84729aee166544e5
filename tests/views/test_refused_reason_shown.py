"""A value the field refuses says why in words the officer reads without a mouse: in the form's messages and in
the report's issue list, counted as an error, the typed text kept. «150» in a percent used to be listed as
«chưa có tỷ lệ hoàn thành» with «0 lỗi», «4a5» in Tử số as «hãy nhập tử số»: the true reason only on hover."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.indicator_targets import RATIO, indicator_kind
from desktop.views.main_window import MainWindow
from desktop.views.report_editor import ReportEditor
from tests.views.flow_helpers import wait_validated


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key) -> None:
    QTest.keyClick(focused(), key)


def listed(editor: ReportEditor) -> list[str]:
    return [editor.issue_list.item(n).text() for n in range(editor.issue_list.count())]


def test_a_percent_over_100_is_listed_with_its_reason_as_an_error(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    ref = next(r.ref for r in editor.tasks.items() if not any(v not in (None, "") for v in r.values().values()))
    editor.go_to("task", ref, "status")
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)  # «Đang triển khai»
    press(Qt.Key.Key_Tab)
    wait_validated(qtbot, editor)
    errors_before = editor.result.entered_only().errors
    QTest.keyClicks(focused(), "150")
    press(Qt.Key.Key_Tab)
    wait_validated(qtbot, editor)
    field = editor.form_field("task", "percent")
    assert isinstance(field, QLineEdit) and field.text() == "150", "the typed text stays to be corrected"
    shown = editor.form.shown_messages()
    assert "150% nằm ngoài 0–100" in shown and "chưa có tỷ lệ hoàn thành" not in shown, shown
    assert any("150% nằm ngoài 0–100" in text for text in listed(editor))
    assert not any(ref.rpartition("::")[2] in t and "chưa có tỷ lệ hoàn thành" in t for t in listed(editor))
    assert f"{len(errors_before) + 1} lỗi" in editor.issue_summary.text(), editor.issue_summary.text()

    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "45")
    press(Qt.Key.Key_Tab)
    wait_validated(qtbot, editor)
    assert "0–100" not in editor.form.shown_messages()
    assert not any("150%" in text for text in listed(editor))
    assert f"{len(errors_before)} lỗi" in editor.issue_summary.text(), editor.issue_summary.text()


def test_letters_in_a_numerator_say_it_is_not_a_number(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    ref = next(r.ref for r in editor.indicators.items() if r.numerator is None and r.denominator is None
               and indicator_kind(r.name, *r.targets.values()) == RATIO)
    editor.go_to("indicator", ref, "numerator")
    QTest.keyClicks(focused(), "4a5")
    press(Qt.Key.Key_Tab)
    QTest.keyClicks(focused(), "52")
    press(Qt.Key.Key_Tab)  # the denominator is stored: the stored report now lacks only its numerator
    wait_validated(qtbot, editor)
    numerator = editor.form_field("indicator", "numerator")
    assert isinstance(numerator, QLineEdit) and numerator.text() == "4a5"
    shown = editor.form.shown_messages()
    assert "«4a5» không phải là một số" in shown and "hãy nhập tử số" not in shown, shown
    assert any("«4a5» không phải là một số" in text for text in listed(editor))
