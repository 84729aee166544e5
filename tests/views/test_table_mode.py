"""Table mode as a person uses it: header clicks sort (item numbers in natural order, then reversed), an
edit after sorting lands on the row it was typed in, the first columns stay in sight when the grid is
scrolled right and follow it down; and the plan browser shows the plan's indicators."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.domain.item_filter import matches_words, query_words
from desktop.domain.natural_order import natural_key
from desktop.models.store import Store
from desktop.services.reports import open_report
from desktop.views.main_window import MainWindow
from desktop.views.report_editor.report_table import FROZEN_COLUMNS, ReportTable
from tests.views.flow_helpers import type_text, wait_validated


@pytest.fixture
def window(qtbot: QtBot, demo_store: Store) -> MainWindow:
    made = create_main_window(demo_store)
    qtbot.addWidget(made)
    made.resize(1366, 768)
    made.show()
    made.open_report(None)
    wait_validated(qtbot, made.editor)
    made.editor.show_table_mode(True)
    return made


def click_header(table: ReportTable, column: int) -> None:
    """A mouse click on a column's header, on whichever view shows that header."""
    view = table.frozen if column < FROZEN_COLUMNS else table
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, header.height() // 2))


def test_header_clicks_sort_in_natural_order_and_back(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    table, model = editor.task_table, editor.tasks
    click_header(table, model.column_of("key"))
    keys = [t.key for t in model.items()]
    assert keys == sorted(keys, key=natural_key)
    assert [model.index(n, model.column_of("key")).data() for n in range(model.rowCount())] == keys  # cells follow
    click_header(table, model.column_of("key"))
    assert [t.key for t in model.items()] == sorted(keys, key=natural_key, reverse=True)
    click_header(table, model.column_of("percent"))
    percents = [t.percent if t.percent is not None else -1 for t in model.items()]
    assert percents == sorted(percents)


def test_an_edit_after_sorting_is_stored_on_the_row_typed_in(qtbot: QtBot, window: MainWindow,
                                                             demo_store: Store) -> None:
    editor = window.editor
    table, model = editor.task_table, editor.tasks
    click_header(table, model.column_of("title"))
    row = model.rowCount() - 1
    ref = model.row_item(row).ref
    table.setCurrentIndex(model.index(row, model.column_of("result")))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.selectAll()
    type_text("Đã xong sau khi sắp xếp")
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row_item(row).result == "Đã xong sau khi sắp xếp", timeout=30_000)
    assert next(t for t in open_report(demo_store).tasks if t.ref == ref).result == "Đã xong sau khi sắp xếp"


def test_the_first_columns_stay_in_sight_when_scrolled_right_and_follow_down(qtbot: QtBot,
                                                                             window: MainWindow) -> None:
    table = window.editor.task_table
    frozen = table.frozen
    assert frozen.isVisible()
    assert [n for n in range(table.model().columnCount()) if not frozen.isColumnHidden(n)] == \
        list(range(FROZEN_COLUMNS))
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0, "the grid is wider than the window at 1366 px"
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    title = table.model().index(0, table.source.column_of("title"))
    assert table.visualRect(title).right() < 0 or table.visualRect(title).left() < 0  # scrolled away…
    shown = frozen.visualRect(title)
    assert shown.left() >= 0  # …but in sight, frozen
    assert frozen.columnWidth(title.column()) == table.columnWidth(title.column())
    assert frozen.geometry().left() <= table.viewport().geometry().left() + 2
    for row in range(min(5, table.model().rowCount())):
        assert frozen.rowHeight(row) == table.rowHeight(row)  # wrapped titles: as high as the row beside them
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert frozen.verticalScrollBar().value() == table.verticalScrollBar().value()
    table.setCurrentIndex(table.model().index(2, 4))
    assert frozen.currentIndex() == table.currentIndex()  # one selection: the row edited is marked in both


def test_a_cell_scrolled_to_is_not_left_under_the_frozen_columns(qtbot: QtBot, window: MainWindow) -> None:
    """Scrolled right, then back to the deadline column: it used to stop half hidden behind the frozen ones."""
    table = window.editor.task_table
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    deadline = table.model().index(0, table.source.column_of("deadline_text"))
    table.scrollTo(deadline)
    QApplication.processEvents()
    assert table.visualRect(deadline).left() >= table.frozen.width()


def test_the_plan_browser_shows_the_plans_indicators(qtbot: QtBot, window: MainWindow) -> None:
    browser = window.browser
    window.tabs.setCurrentWidget(browser)
    indicators = window.editor.indicators.items()
    assert indicators and browser.visible_indicators() == [i.name for i in indicators]
    model = browser.indicator_model
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert headers[:5] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Lĩnh vực"]
    first = indicators[0]
    assert model.index(0, 2).data() == first.unit and model.index(0, 4).data() == first.group
    assert all(target in model.index(0, 3).data() for target in first.targets.values())
    word = first.name.split()[-1]
    browser.search.setFocus()
    type_text(word)
    assert browser.visible_indicators() and all(word.lower() in name.lower()
                                                for name in browser.visible_indicators())


def test_the_evidence_names_the_table_row_the_cursor_is_on(qtbot: QtBot, window: MainWindow) -> None:
    """With VI.23 current in the table, the evidence panel said «mục I.1» (the form's item): a file attached
    there would have gone to an item the officer had not chosen."""
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.task_table)
    table = editor.task_table
    table.setFocus()
    table.setCurrentIndex(editor.tasks.index(0, 2))
    for _ in range(5):
        QTest.keyClick(table, Qt.Key.Key_Down)
    key = editor.tasks.row_item(table.currentIndex().row()).key
    assert editor.evidence.ref == editor.tasks.row_item(table.currentIndex().row()).ref
    assert f"mục {key}" in editor.evidence.title.text(), editor.evidence.title.text()


def test_a_long_title_s_tooltip_gives_the_whole_title(window: MainWindow) -> None:
    """The tooltip of a cut title ended in «…» like the cell: the officer could not read the rest anywhere."""
    model = window.editor.tasks
    column = model.column_of("title")
    row = next(n for n, item in enumerate(model.items()) if len(item.title) > 130)
    tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole)).endswith("…")
    plain = QTextDocumentFragment.fromHtml(tip).toPlainText()
    assert plain == model.row_item(row).title and not plain.endswith("…")


def test_ctrl_f_in_table_mode_finds_in_the_grid_without_leaving_it(qtbot: QtBot, window: MainWindow) -> None:
    """The newcomer pressed Ctrl+F in «Nhiệm vụ (bảng)» and was thrown back to «Từng mục»."""
    editor = window.editor
    table, model = editor.task_table, editor.tasks
    table.setCurrentIndex(model.index(0, model.column_of("status")))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = editor.table_search
    assert editor.tabs.currentWidget() is table and QApplication.focusWidget() is search
    QTest.keyClicks(search, "du lieu so")  # no diacritics: «dữ liệu số»
    matching = [row for row in range(model.rowCount())
                if matches_words(query_words("du lieu so"), model.row_item(row).key, model.row_item(row).title)]
    assert len(matching) >= 2 and table.currentIndex().row() == matching[0], "the first match from the top"
    assert table.currentIndex().column() == model.column_of("status"), "the column worked in is kept"
    QTest.keyClick(search, Qt.Key.Key_Return)
    second = table.currentIndex().row()
    assert second == matching[1], "Enter: the next one"
    QTest.keyClick(search, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is table
    search.clear()
    QTest.keyClicks(search, "zqzq")  # no Vietnamese word has a z or a q without u
    assert table.currentIndex().row() == second and "c62828" in search.styleSheet(), "no match: said, not moved"
    editor.tabs.setCurrentWidget(editor.form_page)
    assert not search.isVisible(), "the form has its own search"
