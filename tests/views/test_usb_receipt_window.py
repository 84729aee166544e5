"""The receipt a commune without a link brings back on USB, taken in from the window: «Tệp › Nhập biên nhận
của Sở…» and the button in the Đồng bộ tab, the file dialog answered as a user would, with real receipts from a
real ``baocao-server import``; what the receipt says is told in Vietnamese, and a file that is not this PC's
receipt is refused by name with nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.models.store import Store
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import receipt_history
from desktop.views.main_window import MainWindow
from tests.services.usb_round_trip import SIGNED, TODAY, carried, enrolled_pc, server_import
from tests.views.flow_helpers import open_and_wait, settle_workers


def _action(window: MainWindow, name: str) -> QAction:
    [found] = [a for a in window.findChildren(QAction) if a.objectName() == name]
    return found


def _box(qtbot: QtBot, name: str) -> str:
    """The text of the message box ``name`` once it shows; it is closed."""
    def shown() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible() and w.objectName() == name]

    qtbot.waitUntil(lambda: bool(shown()), timeout=60_000)
    [box] = shown()
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None
    text = label.text()
    box.close()
    return text


def _chosen(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The open-file dialog answers ``path``; returns the filters it was shown with."""
    filters: list[str] = []

    def answer(_parent: object, _title: str, _folder: str, pattern: str = "", *_a: object) -> tuple[str, str]:
        filters.append(pattern)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return filters


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = create_main_window(store, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def _states(store: Store) -> list[str]:
    return [row.state for row in receipt_history(store)]


@pytest.mark.timeout(900)  # a server process, two demo stores and two `baocao-server import` runs
def test_receipts_brought_back_on_usb_are_taken_in_from_the_menu_and_the_sync_tab(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        first = enrolled_pc(tmp_path / "a", province, "Máy kế toán")
        second = enrolled_pc(tmp_path / "b", province, "Máy văn thư")
        try:
            # The export from the window says what comes next.
            window = _window(qtbot, first)
            open_and_wait(qtbot, window, SIGNED)
            window.tabs.setCurrentWidget(window.editor)
            export = tmp_path / "usb" / "bao-cao-2026Q3.bcx"
            export.parent.mkdir()
            operation = window.export_encrypted(export)
            assert operation is not None
            said = _box(qtbot, "exportedBox")
            assert "mang lên Sở" in said and "«Tệp › Nhập biên nhận của Sở…»" in said, said
            assert server_import(province, export).returncode == 0
            accepted = export.with_suffix(".bcr")

            # A file that is not a receipt of the province: refused by its name, nothing stored.
            forged = tmp_path / "usb" / "gia-mao.bcr"
            data = bytearray(accepted.read_bytes())
            data[len(data) // 2] ^= 1
            forged.write_bytes(bytes(data))
            _chosen(monkeypatch, forged)
            _action(window, "importReceipt").trigger()
            said = _box(qtbot, "errorBox")
            assert "gia-mao.bcr" in said and "không ghi nhận gì" in said, said
            assert _states(first) == ["new"]

            # The real receipt, from the menu: what it says, in Vietnamese.
            filters = _chosen(monkeypatch, accepted)
            _action(window, "importReceipt").trigger()
            said = _box(qtbot, "receiptTakenBox")
            assert "Sở đã nhận báo cáo Quý III/2026 lần 1 lúc " in said, said
            assert filters and "*.bcr" in filters[0]
            assert _states(first) == ["receipted"]
            window.close()
            settle_workers()

            # The second PC's revision 1 clashes with the first's: the province refuses it on its receipt.
            refused, _said = carried(second, province, tmp_path / "usb" / "may-van-thu.bcx")
            window = _window(qtbot, second)
            panel = window.sync
            window.tabs.setCurrentWidget(panel)
            qtbot.waitUntil(lambda: panel.loading is None, timeout=30_000)
            _chosen(monkeypatch, accepted)  # the other PC's receipt is none of this PC's
            qtbot.mouseClick(panel.receipt_button, Qt.MouseButton.LeftButton)
            said = _box(qtbot, "errorBox")
            assert accepted.name in said and "không ứng với báo cáo nào gửi từ máy này" in said, said
            assert _states(second) == ["new"], "nothing stored"
            _chosen(monkeypatch, refused)
            qtbot.mouseClick(panel.receipt_button, Qt.MouseButton.LeftButton)
            said = _box(qtbot, "receiptTakenBox")
            assert "Sở từ chối báo cáo Quý III/2026 lần 1: " in said, said
            assert _states(second) == ["needs_attention"]
            qtbot.waitUntil(lambda: panel.loading is None and panel.receipts.topLevelItemCount() == 1, timeout=30_000)
            row = panel.receipts.topLevelItem(0)
            assert row is not None and row.text(2) == "Sở từ chối"
            window.close()
        finally:
            settle_workers()
            first.close()
            second.close()
