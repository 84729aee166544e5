"""Table mode with more than one plan: each row says its plan (the same "I.1" comes from two plans), the
plan column sorts plan by plan in each plan's own numbering, the sort chosen comes back after the window is
rebuilt or the app restarted, and a report read again keeps the cell being worked on and the rows in sight."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import GuiSession, create_main_window
from desktop.documents.sample_plan_data import AN_GIANG_594
from desktop.documents.sample_plans import write_sample_plan
from desktop.domain.natural_order import natural_key
from desktop.models.store import Store
from desktop.services.plans import import_plan
from desktop.views.main_window import MainWindow
from desktop.views.report_editor.report_table import FROZEN_COLUMNS, ReportTable
from desktop.views.report_editor.table_sorts import restore_table_sorts, save_table_sorts
from desktop.views.settings_dialog import UiSettings
from tests.views.flow_helpers import open_and_wait, settle_workers, type_text, wait_validated


def shown(qtbot: QtBot, window: MainWindow, owned: bool = True) -> MainWindow:
    if owned:  # a session's windows are the session's to delete
        qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    open_and_wait(qtbot, window)
    wait_validated(qtbot, window.editor)
    window.editor.show_table_mode(True)
    return window


@pytest.fixture
def window(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> MainWindow:
    """The demo with a second plan that assigns the commune tasks numbered I.1, I.2… like the first."""
    import_plan(demo_store, write_sample_plan(AN_GIANG_594, tmp_path / "594.xlsx"))
    return shown(qtbot, create_main_window(demo_store))


def click_header(table: ReportTable, column: int) -> None:
    view = table.frozen if column < FROZEN_COLUMNS else table
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, header.height() // 2))


def test_each_row_names_its_plan_and_the_plan_column_sorts_plan_by_plan(window: MainWindow) -> None:
    editor = window.editor
    for table, model in ((editor.task_table, editor.tasks), (editor.indicator_table, editor.indicators)):
        plan = model.column_of("plan")
        assert model.headerData(plan, Qt.Orientation.Horizontal) == "Kế hoạch"
        assert plan < FROZEN_COLUMNS and not table.frozen.isColumnHidden(plan)  # in sight when scrolled right
        cells = [(model.index(n, plan).data(), model.index(n, model.column_of("key")).data())
                 for n in range(model.rowCount())]
        assert [code for code, _key in cells] == [item.plan for item in model.items()]
        assert all(model.index(n, plan).data(Qt.ItemDataRole.ToolTipRole).startswith(f"{code} — ")
                   for n, (code, _key) in enumerate(cells))  # the plan's whole title under the pointer
    keys = [t.key for t in editor.tasks.items()]
    assert len({t.plan for t in editor.tasks.items()}) == 2
    twice = [key for key in set(keys) if keys.count(key) > 1]
    assert twice, "the demo's plans both have an item I.1: the plan column is what tells them apart"
    table, model = editor.task_table, editor.tasks
    click_header(table, model.column_of("title"))
    click_header(table, model.column_of("plan"))
    rows = [(t.plan, t.key) for t in model.items()]
    assert rows == sorted(rows, key=lambda r: (natural_key(r[0]), natural_key(r[1])))
    click_header(table, model.column_of("plan"))
    assert [(t.plan, t.key) for t in model.items()] == rows[::-1]


def test_the_sort_chosen_comes_back_after_the_window_is_rebuilt_and_after_a_restart(
        qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    data_dir = tmp_path / "ui"
    session = GuiSession(QApplication.instance(), data_dir, UiSettings(idle_minutes=0))  # type: ignore[arg-type]
    qtbot.addWidget(session.unlock_window)
    session.show_main(demo_store)
    assert session.window is not None
    first = shown(qtbot, session.window, owned=False)
    click_header(first.editor.task_table, first.editor.tasks.column_of("title"))
    click_header(first.editor.task_table, first.editor.tasks.column_of("title"))  # Z to A
    click_header(first.editor.indicator_table, first.editor.indicators.column_of("unit"))
    titles = [t.title for t in first.editor.tasks.items()]
    units = [i.unit for i in first.editor.indicators.items()]
    session.apply_settings(UiSettings(idle_minutes=0))  # the window is rebuilt, as after any setting changed
    assert session.window is not None and session.window is not first
    rebuilt = shown(qtbot, session.window, owned=False)
    assert [t.title for t in rebuilt.editor.tasks.items()] == titles
    assert [i.unit for i in rebuilt.editor.indicators.items()] == units
    header = rebuilt.editor.task_table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        rebuilt.editor.tasks.column_of("title"), Qt.SortOrder.DescendingOrder)
    save_table_sorts(data_dir, rebuilt.editor)  # what quitting the app does
    restarted = create_main_window(demo_store)
    restore_table_sorts(data_dir, restarted.editor)
    restarted = shown(qtbot, restarted)
    assert [t.title for t in restarted.editor.tasks.items()] == titles
    settle_workers()
    rebuilt.deleteLater()


def test_a_report_read_again_keeps_the_cell_being_worked_on_and_the_rows_in_sight(qtbot: QtBot,
                                                                                   window: MainWindow) -> None:
    editor = window.editor
    table, model = editor.task_table, editor.tasks
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    QApplication.processEvents()
    column = model.column_of("proposals")
    row = table.rowAt(table.viewport().height() // 2)
    spot = table.visualRect(model.index(row, column)).center()
    ref = model.row_item(row).ref
    before = (table.verticalScrollBar().value(), table.horizontalScrollBar().value())
    assert before[0] > 0 and before[1] > 0
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    type_text("Đề nghị tỉnh hỗ trợ kinh phí")
    field = QApplication.focusWidget()
    assert field is not None
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row_item(row).proposals == "Đề nghị tỉnh hỗ trợ kinh phí", timeout=10_000)
    wait_validated(qtbot, editor)
    operation = editor.load_period(editor.period_code)  # read again, as after a fill from Excel or a signing
    qtbot.waitUntil(lambda: operation.done and editor.load_operation is None, timeout=30_000)
    wait_validated(qtbot, editor)
    QApplication.processEvents()
    model = editor.tasks
    assert model is not None and model.row_item(model.row_of(ref) or 0).ref == ref
    current = table.currentIndex()
    assert (model.row_item(current.row()).ref, current.column()) == (ref, column)  # the same cell, by item
    assert (table.verticalScrollBar().value(), table.horizontalScrollBar().value()) == before
    under = table.indexAt(spot)  # the next click lands where the user looked
    assert (model.row_item(under.row()).ref, under.column()) == (ref, column)
    assert under.data() == "Đề nghị tỉnh hỗ trợ kinh phí"
