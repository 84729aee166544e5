"""Where the newcomer's windows open and how a size reads: file dialogs in Documents (it was the bare home
folder, /root), sizes as «582 byte» or «0,6 KB»-style units (not «582 B»), and the guide centred over the main
window (it opened at the screen's top-left corner)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.views.file_folders import remember, start_folder
from desktop.views.formatting import format_size
from desktop.views.screen_fit import centre_over


def test_dialogs_open_in_documents_even_on_a_fresh_account(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    assert start_folder("test-fresh") == tmp_path / "Documents" and (tmp_path / "Documents").is_dir()
    chosen = tmp_path / "usb" / "bao-cao.pdf"
    chosen.parent.mkdir()
    remember("test-fresh", chosen)
    assert start_folder("test-fresh") == chosen.parent, "then the last folder used"


def test_sizes_read_in_words() -> None:
    assert format_size(582, "vi") == "582 byte"
    assert format_size(582, "en") == "582 bytes"
    assert format_size(1_482_113, "vi") == "1,4 MB"


def test_a_window_is_centred_over_its_owner(qtbot: QtBot) -> None:
    """What the guide does when it opens (``open_help``); shown here with windows that fit the test screen."""
    owner, window = QWidget(), QWidget()
    qtbot.addWidget(owner)
    qtbot.addWidget(window)
    owner.setGeometry(150, 120, 500, 400)
    window.resize(300, 200)
    centre_over(window, owner)
    assert window.frameGeometry().center() == owner.frameGeometry().center()
