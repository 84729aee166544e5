"""What the window says and where it opens: the place and size kept across a lock and a restart, a progress
dialog's whole title in sight, and the status bar never left saying "Đang kiểm tra…" after the check ended
(by its result, a failure, or another report opened meanwhile)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import GuiSession
from desktop.domain.periods import Period
from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services import validation
from desktop.services.accounts import create_store
from desktop.views.main_window import MainWindow
from desktop.views.screen_fit import TITLE_MARGIN_PX
from desktop.views.settings_dialog import UiSettings, load_ui_settings
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.views.flow_helpers import open_and_wait, settle_workers, type_text, wait_shown, wait_validated

CHECKING = "Đang kiểm tra báo cáo…"


def unlocked(qtbot: QtBot, session: GuiSession) -> MainWindow:
    session.start()
    qtbot.addWidget(session.unlock_window)
    session.unlock_window.passphrase_field.setText(PASSPHRASE)
    session.unlock_window.unlock()
    qtbot.waitUntil(lambda: session.window is not None, timeout=30_000)
    assert session.window is not None
    return session.window


def test_the_window_opens_where_it_was_left_after_a_lock_and_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    create_store(data, "admin", PASSPHRASE, FAST_KDF).store.close()
    session = GuiSession(QApplication.instance(), data, UiSettings(idle_minutes=0))  # type: ignore[arg-type]
    first = unlocked(qtbot, session)
    first.move(37, 29)
    first.resize(701, 497)
    placed = (first.pos().toTuple(), first.size().toTuple())
    assert placed[0] != (0, 0), "the offscreen screen honours a move"
    session.lock()
    again = unlocked(qtbot, session)
    assert (again.pos().toTuple(), again.size().toTuple()) == placed
    session.lock()
    restarted = GuiSession(QApplication.instance(), data, load_ui_settings(data))  # type: ignore[arg-type]
    last = unlocked(qtbot, restarted)
    assert (last.pos().toTuple(), last.size().toTuple()) == placed
    restarted.lock()
    settle_workers()


def test_a_progress_dialog_shows_its_whole_title(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, Period.parse(window.editor.period_code).previous().code)  # the demo signed it
    operation = window.export_encrypted(tmp_path / "bao-cao.bcx")
    assert operation is not None and operation.dialog is not None
    dialog = operation.dialog
    assert dialog.windowTitle() == "Đang xuất tệp mã hóa"
    shown = f"{dialog.windowTitle()} — {QApplication.applicationDisplayName()}"
    assert dialog.minimumWidth() >= dialog.fontMetrics().horizontalAdvance(shown) + TITLE_MARGIN_PX
    assert dialog.labelText() == "Đang xuất tệp mã hóa"
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert operation.error is None and (tmp_path / "bao-cao.bcx").is_file()
    settle_workers()


def press_f5(window: MainWindow) -> None:
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)


def test_the_check_replaces_its_checking_message_with_what_it_found(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    press_f5(window)
    assert window.statusBar().currentMessage() == CHECKING
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != CHECKING, timeout=30_000)
    assert window.statusBar().currentMessage().startswith("Kiểm tra xong: ")


def test_a_failed_check_says_so_and_a_later_validation_leaves_the_focus_alone(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    real = validation.validate

    def unreadable(store: Store, code: str) -> object:
        raise BaocaoError("Không đọc được báo cáo.", "The report could not be read.")

    monkeypatch.setattr(validation, "validate", unreadable)  # the store failing under the check
    press_f5(window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != CHECKING, timeout=30_000)
    assert window.statusBar().currentMessage() == "Không kiểm tra được báo cáo. Hãy thử lại (F5)."
    monkeypatch.setattr(validation, "validate", real)
    editor = window.editor
    editor.show_table_mode(False)
    field = editor.form_field("task", "result")
    field.setFocus()
    type_text(" thêm")  # typing sets off a validation: it must not pull the focus to the issue list
    editor.form.save_all()
    wait_validated(qtbot, editor)
    assert QApplication.focusWidget() is field
    assert not window.statusBar().currentMessage().startswith("Kiểm tra xong")


def test_a_check_overtaken_by_another_report_leaves_no_stale_message(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    first = editor.period_code
    press_f5(window)
    window.open_report(Period.parse(first).previous().code)  # before the check has answered
    wait_shown(qtbot, editor)
    wait_validated(qtbot, editor)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != CHECKING, timeout=30_000)
    assert not window.statusBar().currentMessage().startswith("Kiểm tra xong"), \
        "the result of one report's check is not told over another"
