"""The window opens reports on a worker: what the user asks for while one is being read is done on it once it
is shown, never on the report shown before nor on none."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.documents.report_workbook_identity import read_identity
from desktop.domain.periods import Period
from desktop.models.store import Store
from desktop.services.periods import current_period_code
from desktop.views.main_window import MainWindow
from tests.views.flow_helpers import settle_workers, wait_shown


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    return window


def _period_of(path: Path) -> str:
    identity = read_identity(load_workbook(path))
    assert identity is not None
    return identity.period


def test_an_export_asked_while_a_report_is_read_is_of_that_report(qtbot: QtBot, demo_store: Store,
                                                                  tmp_path: Path) -> None:
    window = _window(qtbot, demo_store)
    first = tmp_path / "chua-mo.xlsx"
    assert window.export_workbook(first) is None  # no report shown yet: the current one is opened first
    assert window.editor.load_operation is not None
    qtbot.waitUntil(first.is_file, timeout=60_000)
    assert _period_of(first) == current_period_code() == window.editor.period_code

    previous = Period.parse(current_period_code()).previous().code
    window.open_report(previous)
    second = tmp_path / "ky-truoc.xlsx"
    assert window.export_workbook(second) is None  # the report shown is not the one being opened
    qtbot.waitUntil(second.is_file, timeout=60_000)
    assert _period_of(second) == previous == window.editor.period_code
    settle_workers()


def test_enter_in_the_item_search_before_the_report_is_read_goes_to_the_item_found(qtbot: QtBot,
                                                                                   demo_store: Store) -> None:
    window = _window(qtbot, demo_store)
    editor = window.editor
    window.find_task()  # Ctrl+F on the dashboard: the plans' search
    window.tabs.setCurrentWidget(editor)  # the report tab: its report is read on a worker
    assert editor.load_operation is not None and editor.view is None
    editor.item_list.search.setFocus()
    # The keys are sent without running the event loop: the report cannot arrive before Enter.
    QTest.keyClicks(editor.item_list.search, "chuyen doi so")
    QTest.keyClick(editor.item_list.search, Qt.Key.Key_Return)
    assert editor.view is None
    wait_shown(qtbot, editor)
    qtbot.waitUntil(lambda: editor.form.item is not None, timeout=30_000)
    assert editor.form.item is not None and "chuyển đổi số" in editor.form.item.title.lower()  # type: ignore[union-attr]
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "form_task_status"
    settle_workers()


class _Paints(QObject):
    """Counts the paints of the widget it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_report_read_again_is_painted_with_what_is_being_typed_kept(qtbot: QtBot, demo_store: Store) -> None:
    """Read again (e.g. after a sync) while the user types: the editor is repainted once the new report is
    swapped in, with the field as typed, the same item selected and every item listed."""
    window = _window(qtbot, demo_store)
    editor = window.editor
    window.open_report(None)
    wait_shown(qtbot, editor)
    first = editor.item_list.first()
    assert first is not None and first[0] == "task"
    editor.go_to("task", first[1], "result")
    field = editor.form_field("task", "result")
    QTest.keyClicks(field, "Da tap huan ")
    typed = field.toPlainText()  # type: ignore[attr-defined]
    assert "Da tap huan" in typed
    paints = _Paints()
    field.viewport().installEventFilter(paints)  # type: ignore[attr-defined]
    window.open_report(editor.period_code)
    wait_shown(qtbot, editor)
    qtbot.waitUntil(lambda: paints.count > 0, timeout=5_000)
    assert field.toPlainText() == typed  # type: ignore[attr-defined]
    assert editor.item_list.current() == f"task|{first[1]}"
    assert len(editor.item_list.shown()) == len(editor.tasks.items()) + len(editor.indicators.items())
    settle_workers()
