"""Unlock: a clear message on a wrong passphrase, the recovery path, and the idle auto-lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from desktop.app import GuiSession, create_main_window
from desktop.models.store import Store
from desktop.services.accounts import create_store
from desktop.views.settings_dialog import UiSettings, load_ui_settings, save_ui_settings
from desktop.views.unlock_window import UnlockWindow
from tests.conftest import FAST_KDF, PASSPHRASE


def make_store(data_dir: Path) -> str:
    created = create_store(data_dir, "admin", PASSPHRASE, FAST_KDF)
    created.store.close()
    return created.recovery_key


def test_wrong_passphrase_says_so_and_stays_locked(qtbot: QtBot, tmp_path: Path) -> None:
    make_store(tmp_path / "data")
    window = UnlockWindow(tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentWidget() is window.unlock_page
    opened: list[object] = []
    window.unlocked.connect(opened.append)
    qtbot.keyClicks(window.passphrase_field, "not the passphrase")
    qtbot.keyClick(window.passphrase_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.isEnabled() and window.message.text() != "", timeout=10_000)
    assert window.message.text() == "Sai tên người dùng hoặc mật khẩu."
    # The cursor is back in the field with the wrong text selected: typing replaces it.
    assert window.focusWidget() is window.passphrase_field
    assert window.passphrase_field.selectedText() == "not the passphrase"
    assert opened == []
    window.passphrase_field.clear()
    qtbot.keyClick(window.passphrase_field, Qt.Key.Key_Return)  # Enter on an empty field does not try it
    assert window.pages.isEnabled() and window.message.text() == "Hãy nhập mật khẩu."
    assert window.focusWidget() is window.passphrase_field


def test_right_passphrase_opens(qtbot: QtBot, tmp_path: Path) -> None:
    make_store(tmp_path / "data")
    window = UnlockWindow(tmp_path / "data")
    qtbot.addWidget(window)
    window.passphrase_field.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000) as opened:
        qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    opened.args[0].close()


def test_recovery_key_sets_a_new_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    recovery = make_store(tmp_path / "data")
    window = UnlockWindow(tmp_path / "data")
    qtbot.addWidget(window)
    qtbot.mouseClick(window.forgot_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.recover_page
    window.recovery_field.setText(recovery)
    window.recover_passphrase_field.setText("mật khẩu mới 2027")
    window.recover_confirm_field.setText("mật khẩu mới 2027")
    with qtbot.waitSignal(window.unlocked, timeout=30_000) as opened:
        qtbot.mouseClick(window.recover_button, Qt.MouseButton.LeftButton)
    opened.args[0].close()


def test_mismatched_new_passphrases_are_refused(qtbot: QtBot, tmp_path: Path) -> None:
    window = UnlockWindow(tmp_path / "new")
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.create_page
    window.new_passphrase_field.setText("một mật khẩu dài")
    window.confirm_field.setText("một mật khẩu khác")
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert window.message.text() == "Hai mật khẩu không giống nhau."
    assert not (tmp_path / "new").exists()


def test_idle_auto_lock_closes_the_store_and_shows_unlock(qtbot: QtBot, tmp_path: Path) -> None:
    make_store(tmp_path / "data")
    session = GuiSession(QApplication.instance(), tmp_path / "data", UiSettings(idle_minutes=10))  # type: ignore[arg-type]
    session.start()
    qtbot.addWidget(session.unlock_window)
    session.unlock_window.passphrase_field.setText(PASSPHRASE)
    session.unlock_window.unlock()
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    window = session.window
    assert window is not None and window.isVisible()
    window.setGeometry(40, 50, 700, 500)
    window_size = window.geometry().size()
    window.idle_lock.set_interval(300)  # the setting is in minutes; the test cannot wait that long
    with qtbot.waitSignal(window.lock_requested, timeout=30_000):
        pass
    assert session.store is None and session.window is None
    unlock = session.unlock_window
    assert unlock.isVisible()
    assert unlock.pages.currentWidget() is unlock.unlock_page
    notice = ("Ứng dụng đã tự khóa sau 10 phút không dùng. Nhập lại mật khẩu để tiếp tục; "
              "những gì đã nhập đều đã được lưu.")
    assert unlock.notice.isVisible() and unlock.notice.text() == notice
    assert unlock.geometry().size() != window_size, "its own size, not stretched to the main window's"
    area = unlock.screen().availableGeometry()
    assert (unlock.frameGeometry().center() - area.center()).manhattanLength() <= 2, "centred on the screen"
    layout = unlock.layout()
    assert layout is not None and unlock.height() >= layout.heightForWidth(unlock.width()), "nothing cut off"
    assert unlock.focusWidget() is unlock.passphrase_field

    QTest.keyClicks(unlock.passphrase_field, "20")  # keys meant for the report, typed without looking
    QTest.keyClick(unlock.passphrase_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: unlock.pages.isEnabled() and unlock.message.text() != "", timeout=10_000)
    assert unlock.message.text() == "Sai tên người dùng hoặc mật khẩu."
    assert unlock.notice.isVisible() and unlock.notice.text() == notice, "the wrong passphrase keeps the notice"


def test_window_size_is_kept_across_a_settings_change_and_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    """The offscreen screen is 800×600 and Qt fits a restored window into it: the size chosen fits."""
    make_store(tmp_path / "data")
    session = GuiSession(QApplication.instance(), tmp_path / "data", UiSettings())  # type: ignore[arg-type]
    session.start()
    qtbot.addWidget(session.unlock_window)
    session.unlock_window.passphrase_field.setText(PASSPHRASE)
    session.unlock_window.unlock()
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    assert session.window is not None
    session.window.resize(761, 543)
    session.apply_settings(UiSettings(idle_minutes=5))
    assert session.window.size().toTuple() == (761, 543)
    session.lock()  # the kept size is what the next unlock (or start) shows
    kept = QSettings(str(tmp_path / "data" / "giao-dien.ini"), QSettings.Format.IniFormat)
    assert isinstance(kept.value("main_window_geometry"), QByteArray)
    restarted = GuiSession(QApplication.instance(), tmp_path / "data", load_ui_settings(tmp_path / "data"))  # type: ignore[arg-type]
    restarted.start()
    qtbot.addWidget(restarted.unlock_window)
    restarted.unlock_window.passphrase_field.setText(PASSPHRASE)
    restarted.unlock_window.unlock()
    qtbot.waitUntil(lambda: restarted.window is not None, timeout=10_000)
    assert restarted.window is not None and restarted.window.size().toTuple() == (761, 543)
    assert restarted.ui.idle_minutes == 5
    restarted.lock()


def test_typing_in_the_window_or_a_dialog_postpones_the_lock(qtbot: QtBot, demo_store: Store) -> None:
    """Keys reach the windows as the platform delivers them; while they keep coming, no lock."""
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=30_000)
    locked: list[bool] = []
    window.lock_requested.connect(lambda: locked.append(True))
    window.idle_lock.set_interval(1_500)
    dialog = QInputDialog(window)
    for n in range(10):  # 3 s of typing, twice the idle time; the second half in a dialog
        if n == 5:
            dialog.show()
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle(), timeout=30_000)
        target = dialog if n >= 5 else window
        QTest.keyClick(target.windowHandle(), Qt.Key.Key_Shift)
        qtbot.wait(300)
    assert not locked
    with qtbot.waitSignal(window.lock_requested, timeout=30_000):
        pass
    dialog.close()


def test_interface_settings_survive_a_restart(tmp_path: Path) -> None:
    save_ui_settings(tmp_path, UiSettings(language="en", idle_minutes=3, font_points=14))
    assert load_ui_settings(tmp_path) == UiSettings(language="en", idle_minutes=3, font_points=14)
    (tmp_path / "giao-dien.ini").write_text("[General]\nlanguage=fr\nidle_minutes=abc\n", encoding="utf-8")
    assert load_ui_settings(tmp_path) == UiSettings()
