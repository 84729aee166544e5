"""The editor: every edit saved at once and undoable, Vietnamese numbers, evidence by drop and by dialog,
and the plan browser's diacritic-free search."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.periods import Period
from desktop.domain.task_status import status_label
from desktop.domain.text import fold
from desktop.models.store import Store
from desktop.services.evidence import list_evidence
from desktop.services.reports import open_report
from desktop.views.main_window import MainWindow
from desktop.views.report_models import READ_ONLY_BRUSH


def stored_task(store: Store, ref: str) -> object:
    return next(t for t in open_report(store).tasks if t.ref == ref)


def test_undo_and_redo_save_through_the_services(window: MainWindow, demo_store: Store) -> None:
    editor = window.editor
    ref = editor.tasks.row_item(1).ref
    before = stored_task(demo_store, ref).result  # type: ignore[attr-defined]
    assert editor.edit_cell("task", ref, "result", "Đã tổ chức 3 lớp tập huấn.")
    assert stored_task(demo_store, ref).result == "Đã tổ chức 3 lớp tập huấn."  # type: ignore[attr-defined]
    window.undo_stack.undo()
    assert stored_task(demo_store, ref).result == before  # type: ignore[attr-defined]
    assert editor.tasks.row_item(1).result == before
    window.undo_stack.redo()
    assert stored_task(demo_store, ref).result == "Đã tổ chức 3 lớp tập huấn."  # type: ignore[attr-defined]
    assert "Sửa" in window.undo_stack.undoText()


def test_number_cell_reads_the_vietnamese_decimal_comma(qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.indicator_table)
    model = editor.indicators
    index = model.index(0, model.column_of("value"))
    editor.indicator_table.setCurrentIndex(index)
    editor.indicator_table.setFocus()
    qtbot.keyClick(editor.indicator_table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.setText("1.250,5")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row_item(0).value is not None, timeout=30_000)  # the delegate commits queued
    ref = model.row_item(0).ref
    stored = next(i for i in open_report(demo_store).indicators if i.ref == ref)
    assert stored.value == 1250.5
    assert index.data() == "1.250,5"


def test_bad_number_is_refused_and_nothing_saved(qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.indicator_table)
    model = editor.indicators
    ref = model.row_item(0).ref
    before = next(i for i in open_report(demo_store).indicators if i.ref == ref).denominator
    index = model.index(0, model.column_of("denominator"))
    editor.indicator_table.setCurrentIndex(index)
    editor.indicator_table.setFocus()
    qtbot.keyClick(editor.indicator_table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.setText("năm mươi")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.wait(50)  # the delegate commits queued
    assert next(i for i in open_report(demo_store).indicators if i.ref == ref).denominator == before
    assert window.undo_stack.count() == 0


def test_evidence_by_drag_and_drop_then_by_dialog_then_removed(qtbot: QtBot, window: MainWindow,
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = window.editor
    editor.task_table.setCurrentIndex(editor.tasks.index(0, 0))
    panel = editor.evidence
    ref = editor.tasks.row_item(0).ref
    qtbot.waitUntil(lambda: panel.ref == ref and panel.editable, timeout=30_000)  # the item reaches the panel
    scan = tmp_path / "biên bản họp.pdf"
    scan.write_bytes(b"%PDF-1.4 minh chung\n" * 5000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, drop)
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 1, timeout=10_000)
    row = panel.list.topLevelItem(0)
    assert row.text(0) == "biên bản họp.pdf"
    assert row.text(2) == "97,7 KB"
    assert editor.tasks.index(0, editor.tasks.column_of("evidence")).data() == "1"

    photo = tmp_path / "ảnh.jpg"
    photo.write_bytes(b"\xff\xd8jpeg")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 2, timeout=10_000)
    assert [e.name for e in list_evidence(window.store, editor.period_code, "task", ref)] == [
        "biên bản họp.pdf", "ảnh.jpg"]

    panel.list.setCurrentItem(panel.list.topLevelItem(1))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    box = panel.findChild(QMessageBox, "confirmRemoveEvidence")
    assert box is not None and "ảnh.jpg" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 1, timeout=30_000)


def test_plan_browser_search_ignores_diacritics(qtbot: QtBot, window: MainWindow) -> None:
    browser = window.browser
    window.tabs.setCurrentWidget(browser)
    total = len(browser.visible_keys())
    assert total == len(window.editor.tasks.items())
    qtbot.keyClicks(browser.search, "chuyen doi so")
    shown = browser.model.items()
    assert 0 < len(shown) < total
    for task in shown:
        text = fold(" ".join([task.key, task.title, task.section_title, task.lead, task.coordinators,
                              task.deadline_text, task.expected_result or ""]))
        assert all(word in text for word in ("chuyen", "doi", "so"))
    assert any("chuyển đổi số" in t.title.lower() for t in shown)
    browser.search.clear()
    browser.role.setCurrentIndex(browser.role.findData("lead"))
    assert all(t.role == "lead" for t in browser.model.items())


def test_double_click_in_browser_opens_the_task_in_the_editor(qtbot: QtBot, window: MainWindow) -> None:
    browser = window.browser
    window.tabs.setCurrentWidget(browser)
    index = browser.model.index(2, 0)
    browser.table.setCurrentIndex(index)
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.editor
    current = window.editor.task_table.currentIndex()
    assert window.editor.tasks.row_item(current.row()).ref == browser.model.row_item(2).ref


def test_general_text_is_saved_as_typed_and_frozen_once_signed(qtbot: QtBot, window: MainWindow,
                                                                demo_store: Store) -> None:
    editor = window.editor
    editor.show_narrative()
    box = editor.narrative.boxes["difficulties"]
    box.setFocus()
    box.selectAll()
    box.insertPlainText("Thiếu máy tính ở bộ phận một cửa")  # keyClicks takes ASCII only
    qtbot.waitUntil(lambda: open_report(demo_store, editor.period_code).difficulties
                    == "Thiếu máy tính ở bộ phận một cửa", timeout=30_000)
    editor.open_period(Period.parse(editor.period_code).previous().code)  # the demo signed the last quarter
    assert editor.narrative.boxes["summary"].isReadOnly()
    assert editor.narrative.boxes["summary"].toPlainText().startswith("UBND xã đã quán triệt")


def test_the_same_table_shows_a_signed_revision_read_only_then_the_draft_editable(qtbot: QtBot,
                                                                                 window: MainWindow) -> None:
    editor = window.editor
    draft = editor.period_code
    column = editor.tasks.column_of("status")
    assert editor.tasks.index(0, column).flags() & Qt.ItemFlag.ItemIsEditable
    editor.open_period(Period.parse(draft).previous().code)  # the demo signed it: its cells are reused
    signed = editor.tasks.index(0, column)
    assert not signed.flags() & Qt.ItemFlag.ItemIsEditable
    assert signed.data(Qt.ItemDataRole.BackgroundRole) == READ_ONLY_BRUSH
    assert signed.data() == status_label(editor.tasks.row_item(0).status, "vi")
    editor.open_period(draft)
    again = editor.tasks.index(0, column)
    assert again.flags() & Qt.ItemFlag.ItemIsEditable and again.data(Qt.ItemDataRole.BackgroundRole) != READ_ONLY_BRUSH
