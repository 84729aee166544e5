"""What is typed is what is stored: real key events at typing speed while validation and the dashboard
refresh, and values that cannot be stored refused at the field with the reason, the text kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.models.store import Store
from desktop.services.reports import open_report
from desktop.views.main_window import MainWindow
from desktop.views.report_models import ReportTableModel
from desktop.views.settings_dialog import UiSettings
from tests.views.flow_helpers import type_text, wait_validated


def type_here(text: str) -> None:
    """Type into whatever has the focus, key by key, as a person does."""
    type_text(text)


def press(key: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key)


def stored_indicator(store: Store, ref: str) -> object:
    return next(i for i in open_report(store).indicators if i.ref == ref)


def start_in_cell(table: QTableView, row: int, column: int) -> None:
    table.setCurrentIndex(table.model().index(row, column))
    table.setFocus()


def test_denominator_typed_while_validation_answers_is_stored(qtbot: QtBot, window: MainWindow,
                                                              demo_store: Store) -> None:
    editor = window.editor
    editor.show_table_mode(True)
    editor.tabs.setCurrentWidget(editor.indicator_table)
    model = editor.indicators
    row = next(n for n, item in enumerate(model.items()) if item.numerator is None and item.denominator is None)
    ref = model.row_item(row).ref
    start_in_cell(editor.indicator_table, row, model.column_of("numerator"))
    type_here("60")
    press(Qt.Key.Key_Tab)  # saved; the delayed validation now runs while the next number is typed
    type_here("2")
    window.dashboard.refresh()
    wait_validated(qtbot, editor)  # its marks land on the row whose cell is being typed in
    type_here("50")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row_item(row).denominator is not None, timeout=30_000)
    stored = stored_indicator(demo_store, ref)
    assert (stored.numerator, stored.denominator) == (60, 250)  # type: ignore[attr-defined]


def test_percent_over_100_is_refused_at_the_field_with_the_text_kept(qtbot: QtBot, window: MainWindow,
                                                                     demo_store: Store) -> None:
    editor = window.editor
    editor.show_table_mode(True)
    editor.tabs.setCurrentWidget(editor.task_table)
    model = editor.tasks
    ref = model.row_item(0).ref
    before = next(t for t in open_report(demo_store).tasks if t.ref == ref).percent
    start_in_cell(editor.task_table, 0, model.column_of("percent"))
    press(Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.selectAll()
    type_here("150")
    press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is field and field.text() == "150"  # still open, nothing lost
    assert "100" in field.toolTip()
    assert next(t for t in open_report(demo_store).tasks if t.ref == ref).percent == before
    field.selectAll()
    type_here("95")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row_item(0).percent == 95, timeout=30_000)
    assert next(t for t in open_report(demo_store).tasks if t.ref == ref).percent == 95


def _edit_first_value(window: MainWindow, store: Store) -> tuple[ReportTableModel, str, object, QLineEdit]:
    """The first indicator's value cell open for typing (F2 in table mode), all selected: the grid's model,
    the indicator's ref, its stored value, and the editing field."""
    editor = window.editor
    editor.show_table_mode(True)
    editor.tabs.setCurrentWidget(editor.indicator_table)
    model = editor.indicators
    ref = model.row_item(0).ref
    before = stored_indicator(store, ref).value  # type: ignore[attr-defined]
    start_in_cell(editor.indicator_table, 0, model.column_of("value"))
    press(Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.selectAll()
    return model, ref, before, field


def test_words_in_a_number_cell_are_refused_with_a_message(qtbot: QtBot, window: MainWindow,
                                                           demo_store: Store) -> None:
    _model, ref, before, field = _edit_first_value(window, demo_store)
    type_here("7 ho so")
    press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is field and field.text() == "7 ho so"
    assert "không phải là một số" in field.toolTip()
    assert stored_indicator(demo_store, ref).value == before  # type: ignore[attr-defined]
    assert window.undo_stack.count() == 0


def test_a_lone_comma_before_three_digits_is_refused_in_vietnamese_with_both_readings(
        qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    """"1,250" is 1250 to an English reader and 1,25 to a Vietnamese one: refused at the cell, text kept."""
    model, ref, before, field = _edit_first_value(window, demo_store)
    type_here("1,250")
    press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is field and field.text() == "1,250"
    assert "1250" in field.toolTip() and "1,25" in field.toolTip()
    assert stored_indicator(demo_store, ref).value == before  # type: ignore[attr-defined]
    field.selectAll()
    type_here("1.250")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row_item(0).value == 1250, timeout=30_000)
    assert stored_indicator(demo_store, ref).value == 1250  # type: ignore[attr-defined]


def test_in_english_1250_with_a_comma_is_one_thousand_two_hundred_and_fifty(
        qtbot: QtBot, demo_store: Store) -> None:
    made = create_main_window(demo_store, UiSettings(language="en"))
    qtbot.addWidget(made)
    made.show()
    made.open_report(None)
    editor = made.editor
    wait_validated(qtbot, editor)
    model = editor.indicators
    ref = model.row_item(0).ref
    editor.go_to("indicator", ref, "denominator")
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and field.objectName() == "form_indicator_denominator"
    field.selectAll()
    type_here("1,250")
    editor.validate_now()
    made.dashboard.refresh()
    press(Qt.Key.Key_Tab)
    assert editor.language == "en" and "could be" not in field.toolTip(), field.toolTip()  # no refusal at the field
    assert stored_indicator(demo_store, ref).denominator == 1250  # type: ignore[attr-defined]
