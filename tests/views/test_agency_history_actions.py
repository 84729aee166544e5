"""The agency's history in the window, pressed as a user would: a backup made from the menu and restored on
a «new PC» from the unlock window (passphrase, then recovery key), the sync interval in Settings, and
against a real province server process on 127.0.0.1: a revision conflict answered from the sync panel
and the agency's history restored from the province on a new PC."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.app import create_main_window
from desktop.errors import Cancelled
from desktop.models.report import Report
from desktop.models.store import Store
from desktop.services import accounts, reports
from desktop.services import sync as sync_service
from desktop.services.backup import write_backup
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import enroll, receipt_history, sync_now
from desktop.services.sync_schedule import interval_minutes
from desktop.views.agency_history.restore_backup_dialog import RestoreBackupDialog
from desktop.views.main_window import MainWindow
from desktop.views.settings_dialog import SettingsDialog
from desktop.views.unlock_window import UnlockWindow
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.views.flow_helpers import settle_workers, type_text, wait_shown
from tests.views.progress_gate import ProgressGate, press_cancel

TODAY = date(2026, 11, 23)  # the demo signs 2026Q3 and drafts 2026Q4


def _action(window: MainWindow, name: str) -> QAction:
    [found] = [a for a in window.findChildren(QAction) if a.objectName() == name]
    return found


def _visible(kind: type[QWidget], name: str = "") -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, kind) and w.isVisible() and (not name or w.objectName() == name)]


def _box_text(box: QWidget) -> str:
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None
    return label.text()


def _periods(store: Store) -> dict[str, int]:
    return {code: reports.open_report(store, code, TODAY).revision for code in ("2026Q3", "2026Q4")}


def _type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Type as a person does, Vietnamese letters included, into ``field`` of the active window."""
    window = field.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=30_000)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=30_000)
    type_text(text)


def _restore_in_unlock_window(qtbot: QtBot, folder: Path, backup: Path, secret: str,
                              new_passphrase: str | None = None) -> Store:
    unlock = UnlockWindow(folder, kdf=FAST_KDF)
    qtbot.addWidget(unlock)
    unlock.show()
    opened: list[Store] = []
    unlock.unlocked.connect(opened.append)
    button = unlock.first_restore_button if not accounts.store_exists(folder) else unlock.restore_backup_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = unlock.restore_dialog
    assert isinstance(dialog, RestoreBackupDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.file, str(backup))
    if new_passphrase is not None:
        qtbot.mouseClick(dialog.use_recovery, Qt.MouseButton.LeftButton)
        assert dialog.new_passphrase.isVisible()
        qtbot.keyClicks(dialog.new_passphrase, new_passphrase)
        qtbot.keyClicks(dialog.confirm, new_passphrase)
    _type_into(qtbot, dialog.secret, secret)
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened) or bool(dialog.message.text()), timeout=60_000)
    assert opened, dialog.message.text()
    assert not dialog.isVisible()
    return opened[0]


def test_a_backup_made_from_the_menu_restores_on_a_new_pc_with_the_passphrase_or_the_recovery_key(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = setup_demo(tmp_path / "old", PASSPHRASE, kdf=FAST_KDF, today=TODAY)
    backup = tmp_path / "usb" / "sao-luu.zip"
    backup.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(backup), ""))
    restored: list[Store] = []
    try:
        expected = _periods(made.store)
        window = create_main_window(made.store, today=TODAY)
        qtbot.addWidget(window)
        window.show()
        _action(window, "backupStore").trigger()
        operation = window.last_operation
        assert operation is not None
        qtbot.waitUntil(lambda: operation.done, timeout=60_000)
        assert operation.error is None and backup.is_file()
        assert "Đã sao lưu" in window.statusBar().currentMessage()
        assert b"2026Q3" not in backup.read_bytes(), "the backup stays encrypted"
        window.close()

        # A wrong passphrase: the dialog stays with the reason, the new PC's folder stays empty.
        unlock = UnlockWindow(tmp_path / "new", kdf=FAST_KDF)
        qtbot.addWidget(unlock)
        unlock.show()
        qtbot.mouseClick(unlock.first_restore_button, Qt.MouseButton.LeftButton)
        dialog = unlock.restore_dialog
        assert dialog is not None
        qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
        assert dialog.isVisible() and "tệp sao lưu" in dialog.message.text()
        qtbot.keyClicks(dialog.file, str(backup))
        qtbot.keyClicks(dialog.secret, "khong-phai-mat-khau")
        qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=60_000)
        assert dialog.isVisible() and not accounts.store_exists(tmp_path / "new")
        dialog.reject()

        restored.append(_restore_in_unlock_window(qtbot, tmp_path / "new", backup, PASSPHRASE))
        assert _periods(restored[0]) == expected

        new_passphrase = "mat-khau-moi-2027"
        assert made.recovery_key is not None
        restored.append(_restore_in_unlock_window(qtbot, tmp_path / "third", backup, made.recovery_key,
                                                  new_passphrase))
        assert _periods(restored[1]) == expected
        restored[1].close()
        restored.pop()
        accounts.unlock(tmp_path / "third", "admin", new_passphrase).close()
    finally:
        settle_workers()
        made.store.close()
        for store in restored:
            store.close()


def test_a_cancelled_backup_leaves_no_file(tmp_path: Path, demo_store: Store) -> None:
    out = tmp_path / "b.zip"
    with pytest.raises(Cancelled):
        write_backup(demo_store, out, cancelled=lambda: True)
    assert not out.exists() and not list(tmp_path.glob(".b.zip*"))


def test_the_sync_interval_is_chosen_in_settings(qtbot: QtBot, demo_store: Store) -> None:
    window = create_main_window(demo_store, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    _action(window, "settings").trigger()
    [dialog] = _visible(SettingsDialog)
    assert isinstance(dialog, SettingsDialog) and dialog.sync_interval is not None
    assert dialog.sync_interval.value() == 15
    dialog.sync_interval.selectAll()
    qtbot.keyClicks(dialog.sync_interval, "5")
    dialog.accept()
    assert interval_minutes(demo_store) == 5
    assert window.auto_sync.schedule.interval == 300
    assert "Lần thử tới" in window.auto_sync.label.text()

    _action(window, "settings").trigger()
    [dialog] = _visible(SettingsDialog)
    assert isinstance(dialog, SettingsDialog) and dialog.sync_interval is not None
    assert dialog.sync_interval.value() == 5
    dialog.sync_interval.setFocus()
    qtbot.keyClick(dialog.sync_interval, Qt.Key.Key_PageDown)  # ten steps down: the lowest, «Tắt»
    assert dialog.sync_interval.text() == "Tắt"
    dialog.accept()
    assert interval_minutes(demo_store) == 0 and window.auto_sync.schedule.interval is None
    assert "Tự động đồng bộ: tắt" in window.auto_sync.label.text()
    window.close()


@pytest.mark.slow(seconds=30)
@pytest.mark.timeout(900)  # two demo stores and a server process: minutes on a loaded machine
def test_a_revision_conflict_is_answered_from_the_sync_panel(qtbot: QtBot, tmp_path: Path,
                                                             demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        first = setup_demo(tmp_path / "a", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                           enroll=lambda s: enroll(s, province.url, demo_code(province), "Máy kế toán")).store
        second = setup_demo(tmp_path / "b", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                            enroll=lambda s: enroll(s, province.url, demo_code(province), "Máy văn thư")).store
        try:
            assert [o.outcome for o in sync_now(first).report.outcomes] == ["receipted"]
            # The second PC's revision 1 clashes: the sync panel offers the way out, the user takes it.
            window = create_main_window(second, today=TODAY)
            qtbot.addWidget(window)
            window.show()
            panel = window.sync
            window.tabs.setCurrentWidget(panel)
            qtbot.waitUntil(lambda: panel.loading is None, timeout=30_000)
            assert not panel.conflict_button.isVisible()
            qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.operation is None and panel.loading is None, timeout=60_000)
            assert panel.conflict_button.isVisible(), panel.state.text()
            # The home screen's sync line counts what needs the user.
            qtbot.waitUntil(lambda: "cần xem lại: 1." in window.auto_sync.label.text(), timeout=30_000)
            window.close()
            settle_workers()

            # The app is opened again: no sync in this session, the stored refusal still offers the way out.
            window = create_main_window(second, today=TODAY)
            qtbot.addWidget(window)
            window.show()
            panel = window.sync
            window.tabs.setCurrentWidget(panel)
            qtbot.waitUntil(lambda: panel.loading is None and panel.conflict_button.isVisible(), timeout=30_000)
            assert panel.operation is None and not panel.last_outcomes, "shown from the store, not a sync"
            assert "Quý III năm 2026" in panel.conflict_button.text()
            qtbot.mouseClick(panel.conflict_button, Qt.MouseButton.LeftButton)
            dialog = window.history.dialog
            assert dialog is not None and dialog.isVisible()
            _type_into(qtbot, dialog.reason, "Tiếp tục từ bản Sở đang giữ")
            qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: window.history.operation is not None and window.history.operation.done,
                            timeout=60_000)
            answered = window.history.operation
            assert answered is not None
            assert answered.error is None, answered.error
            wait_shown(qtbot, window.editor)
            assert window.editor.period_code == "2026Q3" and window.editor.view is not None
            assert window.editor.view.revision == 2
            [box] = _visible(QMessageBox, "historyDoneBox")
            assert "Đã mở lần 2 của kỳ Quý III năm 2026" in _box_text(box)
            box.close()
            # Revision 2 is open: the way out is no longer offered, now or after a restart.
            window.tabs.setCurrentWidget(panel)
            qtbot.waitUntil(lambda: panel.loading is None, timeout=30_000)
            assert not panel.conflict_button.isVisible(), panel.conflict_button.text()
            window.close()
            settle_workers()
            window = create_main_window(second, today=TODAY)
            qtbot.addWidget(window)
            window.show()
            window.tabs.setCurrentWidget(window.sync)
            qtbot.waitUntil(lambda: window.sync.loading is None and window.sync.receipts.topLevelItemCount() > 0,
                            timeout=30_000)
            assert not window.sync.conflict_button.isVisible()
            window.close()
        finally:
            settle_workers()
            first.close()
            second.close()


@pytest.mark.timeout(900)
def test_a_new_pc_restores_the_agency_s_history_from_the_menu(qtbot: QtBot, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        old = setup_demo(tmp_path / "old", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                         enroll=lambda s: enroll(s, province.url, demo_code(province), "Máy cũ")).store
        fresh = accounts.create_store(tmp_path / "new", "admin", PASSPHRASE, FAST_KDF).store
        try:
            assert [o.outcome for o in sync_now(old).report.outcomes] == ["receipted"]
            enroll(fresh, province.url, demo_code(province), "Máy mới")
            window = create_main_window(fresh, today=TODAY)
            qtbot.addWidget(window)
            window.show()

            # «Hủy» pressed while the history is being fetched: nothing of it is kept.
            gate = ProgressGate()
            real = sync_service.restore_from_province
            monkeypatch.setattr(sync_service, "restore_from_province", gate.wrap(real))
            _action(window, "restoreHistory").trigger()
            cancelled = window.history.operation
            assert cancelled is not None
            try:
                press_cancel(qtbot, gate, cancelled)
            finally:
                gate.release()
            assert isinstance(cancelled.error, Cancelled), cancelled.error
            assert receipt_history(fresh) == []
            with fresh.session() as session:
                assert session.scalar(select(func.count(Report.id))) == 0, "no revision restored"
            monkeypatch.setattr(sync_service, "restore_from_province", real)

            _action(window, "restoreHistory").trigger()
            operation = window.history.operation
            assert operation is not None
            qtbot.waitUntil(lambda: operation.done, timeout=120_000)
            assert operation.error is None, operation.error
            [box] = _visible(QMessageBox, "historyDoneBox")
            assert "Đã khôi phục 1 lần báo cáo từ Sở" in _box_text(box)
            assert "Quý III/2026 lần 1" in _box_text(box) and "2026Q3" not in _box_text(box), _box_text(box)
            box.close()
            assert [(r.period_code, r.status) for r in receipt_history(fresh)] == [("2026Q3", "accepted")]
            assert _periods(fresh)["2026Q3"] == 1
            window.close()
        finally:
            settle_workers()
            old.close()
            fresh.close()


def test_the_restore_dialog_asks_for_a_new_passphrase_with_the_recovery_key(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RestoreBackupDialog(tmp_path / "empty", "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.new_passphrase.isVisible() and dialog.findChild(QWidget, "storeKeptAside") is None
    qtbot.mouseClick(dialog.use_recovery, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.file, str(tmp_path / "x.zip"))
    qtbot.keyClicks(dialog.secret, "KHOA")
    qtbot.keyClicks(dialog.new_passphrase, "ngan")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "ít nhất 8" in dialog.message.text()
    assert isinstance(dialog.findChild(QPushButton, "chooseBackup"), QPushButton)
