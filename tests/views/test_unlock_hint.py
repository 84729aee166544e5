"""The demo's unlock window says which user and passphrase open its store (a newcomer who starts the demo
never reads the terminal), and its title names the application once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.views.unlock_window import UnlockWindow


def test_the_demo_says_its_user_and_passphrase_on_the_unlock_window(qtbot: QtBot, tmp_path: Path) -> None:
    window = UnlockWindow(tmp_path / "demo")
    qtbot.addWidget(window)
    window.set_hint("Kho dữ liệu demo: người dùng «admin», mật khẩu «baocao-demo».")
    window.show()
    hint = window.findChild(QLabel, "unlockHint")
    assert hint is not None and hint.isVisible() and "baocao-demo" in hint.text()
    assert window.windowTitle() == "Mở khóa dữ liệu", "Qt adds «baocao»: the title names it once"
