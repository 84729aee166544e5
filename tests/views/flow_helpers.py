"""Steps the GUI tests share: waiting for background work and answering every blocking issue."""

from __future__ import annotations

import time

from PySide6.QtCore import QEventLoop, QTimer
from pytestqt.qtbot import QtBot

from desktop.views.main_window import MainWindow
from desktop.views.report_editor import ReportEditor
from desktop.views.worker import busy


def wait_validated(qtbot: QtBot, editor: ReportEditor) -> None:
    """Let the pending (debounced) validation run and answer."""
    qtbot.waitUntil(lambda: not editor.validation_pending(), timeout=30_000)


def open_and_wait(qtbot: QtBot, window: MainWindow, period_code: str | None = None) -> None:
    """Open a report from the window and wait until it is shown (it is read on a worker)."""
    operation = window.open_report(period_code)
    qtbot.waitUntil(lambda: operation.done and window.editor.load_operation is None, timeout=30_000)


def wait_shown(qtbot: QtBot, editor: ReportEditor) -> None:
    """Wait until the report being opened (on a worker) is shown."""
    qtbot.waitUntil(lambda: editor.load_operation is None and editor.view is not None, timeout=30_000)


def answer_every_error(qtbot: QtBot, editor: ReportEditor) -> None:
    """Fill in what each error asks for, through the editor's cells, until none is left."""
    for _ in range(4):
        wait_validated(qtbot, editor)
        if not editor.result.errors:
            return
        for issue in editor.result.errors:
            if issue.item_kind == "task":
                editor.edit_cell("task", issue.item_key, "status", "in_progress")
                editor.edit_cell("task", issue.item_key, "percent", 50.0)
                editor.edit_cell("task", issue.item_key, "result", "Đang triển khai theo kế hoạch.")
            elif issue.item_kind == "indicator":
                editor.edit_cell("indicator", issue.item_key, "not_applicable_reason", "Xã không có số liệu riêng.")
                editor.edit_cell("indicator", issue.item_key, "note", "Số liệu tạm tính, sẽ cập nhật.")
    wait_validated(qtbot, editor)


def settle_workers() -> None:
    """Let every GUI operation finish and deliver (a store must not close under a worker reading it)."""
    deadline = time.monotonic() + 30
    while busy() and time.monotonic() < deadline:
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def type_text(text: str) -> None:
    """Type into the focused widget key by key, as a person does, with no pause between keys.

    QTest.keyClicks knows only ASCII keys; a Vietnamese letter is sent as the key event an input method
    delivers (no key code, the letter as its text).
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for char in text:
        widget = QApplication.focusWidget()
        if widget is None:
            raise AssertionError(f"nothing has the focus to type {char!r} into")
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def confirm_signing(qtbot: QtBot, dialog: object) -> None:
    """Answer «Ký» in the sign dialog's confirmation, as a person does, with Enter on its default button."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    qtbot.waitUntil(lambda: getattr(dialog, "confirm", None) is not None and dialog.confirm.isVisible(),  # type: ignore[attr-defined]
                    timeout=30_000)
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Return)  # type: ignore[attr-defined]


def answer_errors_in_store(store: object, code: str) -> None:
    """What ``answer_every_error`` types, saved through the report service (for tests about what follows)."""
    from desktop.services import reports, validation

    for _ in range(4):
        errors = validation.validate(store, code).errors  # type: ignore[arg-type]
        if not errors:
            return
        tasks = {i.item_key: {"status": "in_progress", "percent": 50, "result": "Đang triển khai theo kế hoạch."}
                 for i in errors if i.item_kind == "task"}
        indicators = {i.item_key: {"not_applicable_reason": "Xã không có số liệu riêng.",
                                   "note": "Số liệu tạm tính, sẽ cập nhật."}
                      for i in errors if i.item_kind == "indicator"}
        reports.apply_values(store, code, tasks=tasks, indicators=indicators)  # type: ignore[arg-type]
