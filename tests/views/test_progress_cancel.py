"""«Hủy» pressed in the progress dialog of a backup and of a restore from a backup: nothing half-written stays.

The worker is held at its first progress report (``progress_gate``) so that the dialog is on screen when
the test clicks its Cancel button, whatever the machine's load; the service then meets the cancel for real.
The province-history restore's Cancel is pressed in ``test_agency_history_actions``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.models.store import Store
from desktop.services import accounts, backup
from tests.conftest import PASSPHRASE
from tests.views.flow_helpers import settle_workers, type_text
from tests.views.progress_gate import ProgressGate, press_cancel

TODAY = date(2026, 12, 2)


def test_cancel_during_a_backup_leaves_no_file_and_no_working_copy(
        qtbot: QtBot, tmp_path: Path, demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    out = usb / "sao-luu.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    gate = ProgressGate()
    monkeypatch.setattr(backup, "write_backup", gate.wrap(backup.write_backup))
    window = create_main_window(demo_store, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    [action] = [a for a in window.findChildren(QAction) if a.objectName() == "backupStore"]
    action.trigger()
    operation = window.last_operation
    assert operation is not None
    try:
        press_cancel(qtbot, gate, operation)
        assert operation.error is not None and getattr(operation.error, "code", "") == "cancelled"
        assert list(usb.iterdir()) == [], "no backup file, no working folder beside it"
    finally:
        gate.release()
        settle_workers()
        window.close()


def test_cancel_during_a_restore_leaves_the_folder_as_it_was(
        qtbot: QtBot, tmp_path: Path, demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.views.agency_history.restore_backup_dialog import RestoreBackupDialog

    made = backup.write_backup(demo_store, tmp_path / "sao-luu.zip")
    target = tmp_path / "pcs" / "new"
    gate = ProgressGate()
    monkeypatch.setattr(backup, "restore_backup", gate.wrap(backup.restore_backup))
    dialog = RestoreBackupDialog(target, "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.file, str(made.path))
    dialog.activateWindow()
    dialog.secret.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.secret, timeout=10_000)
    type_text(PASSPHRASE)  # Vietnamese letters: typed as an input method delivers them
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    operation = dialog.operation
    assert operation is not None
    try:
        press_cancel(qtbot, gate, operation)
        assert dialog.isVisible() and dialog.message.text() == "Đã hủy; không thay đổi gì."
        assert not accounts.store_exists(target), "no store was put in place"
        assert [p.name for p in target.parent.iterdir()] in ([], ["new"]), "no staging folder is left"
        assert not target.exists() or list(target.iterdir()) == []
        assert dialog.buttons.isEnabled(), "the user can try again"
    finally:
        gate.release()
        settle_workers()
