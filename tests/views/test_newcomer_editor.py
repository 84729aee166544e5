"""What a newcomer stumbled on in the report editor, pressed with real keys and clicks: the error list (one
click or Enter goes to the item; errors before warnings), F5 saying what it found, a warning that clears
while typing without the form jumping, the rate in the "Giá trị" cell, the evidence panel on the general
part, file dialogs that start in Documents and remember the folder, and a deadline date said once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop.domain.issue_tally import tally
from desktop.domain.validation_issues import ERROR
from desktop.models.store import Store
from desktop.services.reports import open_report
from desktop.views.main_window import MainWindow
from tests.views.flow_helpers import type_text, wait_validated


def test_the_error_list_shows_errors_first_and_one_click_or_enter_goes_to_the_item(
        qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    QTest.keyClick(window, Qt.Key.Key_F5)  # the items not answered yet are errors once the check is asked for
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Kiểm tra xong"), timeout=20_000)
    severities = [issue.severity for issue in editor.listed.issues]
    assert ERROR in severities and severities == sorted(severities, key=lambda s: s != ERROR), \
        "every error is listed before the first warning"
    assert editor.issue_hint.isVisible() and "Bấm vào một dòng" in editor.issue_hint.text()
    rows = editor.issue_list
    first = editor.listed.issues[0]
    rect = rows.visualItemRect(rows.item(0))
    QTest.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert editor.form.item is not None and editor.form.item.ref == first.item_key, "one click goes to the item"

    second = next(i for i in editor.listed.issues if i.item_key != first.item_key)
    rows.setFocus()
    rows.setCurrentRow(editor.listed.issues.index(second))
    QTest.keyClick(rows, Qt.Key.Key_Return)
    assert editor.form.item is not None and editor.form.item.ref == second.item_key, "Enter goes there too"


def test_f5_says_what_it_found_and_focuses_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.dashboard)
    QTest.keyClick(window, Qt.Key.Key_F5)
    editor = window.editor
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Kiểm tra xong"), timeout=20_000)
    counts = tally(editor.result)
    expected = (f"Kiểm tra xong: {counts.unanswered} mục chưa nhập, {counts.errors} lỗi, {counts.warnings} cảnh báo; "
                "chưa nhập hết thì chưa ký được.")
    assert window.statusBar().currentMessage().startswith(expected)
    assert window.tabs.currentWidget() is editor
    assert QApplication.focusWidget() is editor.issue_list and editor.issue_list.currentRow() == 0


def test_a_warning_clears_while_typing_and_the_form_does_not_jump(qtbot: QtBot, window: MainWindow,
                                                                  demo_store: Store) -> None:
    editor = window.editor
    ref = next(t.ref for t in editor.tasks.items() if not any(v not in (None, "") for v in t.values().values()))
    assert editor.edit_cell("task", ref, "status", "in_progress") and editor.edit_cell("task", ref, "percent", 50.0)
    wait_validated(qtbot, editor)
    issue = next(i for i in editor.result.issues if i.item_key == ref and i.field == "result")
    editor.go_to("task", issue.item_key, "result")
    assert issue.message("vi") in editor.form.shown_messages()
    below = editor.form_field("task", "difficulties")
    qtbot.wait(100)  # the form laid out, as the user sees it
    y_before = below.mapTo(editor.form, QPoint(0, 0)).y()

    type_text("Đã triển khai.")
    field = editor.form_field("task", "result")
    qtbot.waitUntil(lambda: not any(i.item_key == issue.item_key and i.field == "result"
                                    for i in editor.result.issues) and not editor.validation_pending(),
                    timeout=20_000)
    assert issue.message("vi") not in editor.form.shown_messages(), "the warning went, the focus still in the field"
    assert QApplication.focusWidget() is field and isinstance(field, QPlainTextEdit)
    assert field.toPlainText() == "Đã triển khai."
    assert below.mapTo(editor.form, QPoint(0, 0)).y() == y_before, "the fields below did not move"
    stored = next(t for t in open_report(demo_store).tasks if t.ref == issue.item_key)
    assert stored.result == "Đã triển khai."


def test_the_value_cell_shows_the_rate_typed_and_cap_do_is_explained(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    model = editor.indicators
    row = next(n for n, item in enumerate(model.items()) if item.name.lower().startswith("tỷ lệ"))
    ref = model.row_item(row).ref
    assert editor.edit_cell("indicator", ref, "numerator", 60.0)
    assert editor.edit_cell("indicator", ref, "denominator", 250.0)
    assert model.index(row, model.column_of("value")).data() == "= 24%"
    level = model.headerData(model.column_of("level"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert level and "Mức 3" in level
    editor.go_to("indicator", ref, "level")
    assert "Cấp độ" in editor.form_field("indicator", "level").toolTip()


def test_a_warning_taller_than_the_issue_list_can_be_scrolled_to_its_end(qtbot: QtBot, window: MainWindow) -> None:
    rows = window.editor.issue_list
    rows.clear()
    rows.addItem("Cảnh báo dài: " + "số liệu chưa khớp với kỳ trước, cần ghi rõ lý do. " * 30)
    rows.setFixedSize(220, 60)
    QApplication.processEvents()
    assert rows.visualItemRect(rows.item(0)).height() > rows.viewport().height(), "the one line is taller"
    bar = rows.verticalScrollBar()
    assert bar.maximum() > 0, "a scroll bar to reach the end of the line"
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert rows.visualItemRect(rows.item(0)).bottom() <= rows.viewport().height()


def test_the_general_part_has_no_evidence_of_the_last_task(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    editor.go_to("task", editor.tasks.row_item(0).ref, "result")
    qtbot.waitUntil(lambda: editor.evidence.attach_button.isEnabled(), timeout=10_000)
    editor.show_narrative()
    assert not editor.evidence.attach_button.isEnabled()
    assert editor.tasks.row_item(0).key not in editor.evidence.title.text()


def test_file_dialogs_start_in_documents_and_remember_the_folder(qtbot: QtBot, window: MainWindow,
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    chosen = tmp_path / "USB" / "bao-cao.pdf"
    chosen.parent.mkdir()

    def answer(_parent: object, _title: str, start: str, _pattern: str = "") -> tuple[str, str]:
        asked.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    window.export_pdf()
    qtbot.waitUntil(lambda: chosen.is_file(), timeout=60_000)
    assert Path(asked[0]).parent != Path.cwd() and Path(asked[0]).name.endswith(".pdf")
    window.export_pdf()
    assert Path(asked[1]).parent == chosen.parent, "the next PDF starts where the last one went"
    qtbot.waitUntil(lambda: window.last_operation is None or window.last_operation.done, timeout=60_000)

    def cancel(_parent: object, _title: str, start: str, _pattern: str = "") -> tuple[str, str]:
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    window.export_encrypted()
    assert asked[2].endswith(".bcx"), "the USB file has the extension the province imports"


def test_a_deadline_written_as_a_date_is_said_once(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    task = next(t for t in editor.tasks.items() if t.due)
    editor.go_to("task", task.ref, "result")
    label = editor.form.findChild(QLabel, "formDeadline")
    assert label is not None
    text = label.text()
    # "Trước ngày 30/5/2025 — hạn 30/05/2025" said the date twice; the deadline's date is written once.
    assert editor.view is not None
    end = f"{editor.view.period.data_end:%d/%m/%Y}"  # «trước khi kỳ báo cáo này kết thúc (…)» names another date
    dates = [d for d in re.findall(r"\d{1,2}/\d{1,2}/\d{4}", text) if d != end]
    assert len(dates) == 1, text
    assert "ngày" in text
