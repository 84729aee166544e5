"""Qt's own dialogs speak Vietnamese: the file dialog (labels, columns, dd/mm/yyyy dates), the print
dialog and the print preview with its toolbar; Ctrl+P opens the preview at once."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QGroupBox,
    QLabel,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from desktop.app import create_main_window, install_language
from desktop.models.store import Store
from desktop.views.print_preview import preview_dialog
from desktop.views.qt_dialogs import use_translated_dialogs
from tests.views.flow_helpers import open_and_wait, settle_workers

MODIFIED = datetime(2026, 12, 1, 8, 15)


@pytest.fixture
def vietnamese() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "vi")
    use_translated_dialogs(app)
    yield app
    install_language(app, "vi")


def texts(widget: QWidget) -> set[str]:
    """Every label, button and action text of a dialog, without the mnemonic ampersands."""
    found = {label.text() for label in widget.findChildren(QLabel)}
    found |= {button.text() for button in widget.findChildren(QAbstractButton)}
    found |= {action.text() for action in widget.findChildren(QAction)}
    return {text.replace("&", "") for text in found if text}


def mnemonics(widget: QWidget) -> list[str]:
    """The Alt letters of a dialog's visible labels and buttons."""
    shown: list[QLabel | QAbstractButton] = [*widget.findChildren(QLabel), *widget.findChildren(QAbstractButton)]
    texts = [w.text() for w in shown if w.isVisibleTo(widget) and "&" in w.text().replace("&&", "")]
    return [t[t.index("&") + 1].lower() for t in texts]


def while_open(qtbot: QtBot, check: Callable[[QFileDialog], bool]) -> list[str]:
    """Run ``check`` on the file dialog a static call opens, until it says done; then close the dialog."""
    failures: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            done = isinstance(dialog, QFileDialog) and check(dialog)
        except AssertionError as exc:
            failures.append(str(exc))
            done = True
        if done and isinstance(dialog, QFileDialog):
            dialog.reject()
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)
    return failures


def shown_cell(view: QTreeView, index: QModelIndex) -> str:
    option = QStyleOptionViewItem()
    view.itemDelegateForIndex(index).initStyleOption(option, index)  # type: ignore[attr-defined]
    return option.text


def test_the_open_file_dialog_is_vietnamese_with_dates_day_first(qtbot: QtBot, tmp_path: Path,
                                                                  vietnamese: QApplication) -> None:
    (tmp_path / "bao-cao.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 15_000)
    os.utime(tmp_path / "bao-cao.pdf", (MODIFIED.timestamp(), MODIFIED.timestamp()))
    seen: dict[str, object] = {}

    def check(dialog: QFileDialog) -> bool:
        view = dialog.findChild(QTreeView, "treeView")
        model = view.model() if view is not None else None
        if view is None or not isinstance(model, QFileSystemModel):
            return False
        folder = model.index(str(tmp_path))
        if model.rowCount(folder) < 1:
            return False  # the model lists the folder on its own thread
        row = model.index(str(tmp_path / "bao-cao.pdf"))
        seen["labels"] = texts(dialog)
        seen["headers"] = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        seen["date"] = shown_cell(view, row.siblingAtColumn(3))
        seen["size"] = shown_cell(view, row.siblingAtColumn(1))
        return True

    failures = while_open(qtbot, check)
    QFileDialog.getOpenFileName(None, "Chọn tệp minh chứng", str(tmp_path), "PDF (*.pdf)")
    assert not failures
    labels = seen["labels"]
    assert isinstance(labels, set)
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Mở", "Hủy"} <= labels
    assert not {"Look in:", "File name:", "Files of type:", "Open", "Cancel"} & labels
    assert seen["headers"] == ["Tên", "Kích thước", "Loại", "Ngày sửa đổi"]
    assert seen["date"] == "01/12/2026 08:15"
    assert seen["size"] == "14,7 kB"


def test_the_save_dialog_says_luu_with_distinct_alt_letters(qtbot: QtBot, tmp_path: Path,
                                                             vietnamese: QApplication) -> None:
    seen: set[str] = set()
    keys: list[str] = []

    def check(dialog: QFileDialog) -> bool:
        seen.update(texts(dialog))
        keys.extend(mnemonics(dialog))
        return True

    failures = while_open(qtbot, check)
    QFileDialog.getSaveFileName(None, "Xuất PDF", str(tmp_path / "bao-cao.pdf"), "PDF (*.pdf)")
    assert not failures
    assert {"Lưu", "Hủy", "Tên tệp:", "Loại tệp:"} <= seen
    assert len(keys) == len(set(keys)) >= 3, keys


def test_the_print_dialog_is_vietnamese_with_distinct_alt_letters(qtbot: QtBot, vietnamese: QApplication) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = texts(dialog) | {box.title() for box in dialog.findChildren(QGroupBox)}
    assert dialog.windowTitle() == "In"
    assert {"In", "Tùy chọn >>", "Máy in", "Tên:", "Số bản:", "In tất cả", "Các trang từ", "Phạm vi in"} <= shown
    assert not {"Print", "Copies:", "Print all", "Options >>"} & shown
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)) >= 3, keys
    dialog.reject()


def test_the_print_preview_toolbar_is_vietnamese(qtbot: QtBot, vietnamese: QApplication) -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Báo cáo")
    page.save()
    dialog = preview_dialog(buffer.getvalue(), "bao-cao.pdf")
    qtbot.addWidget(dialog)
    dialog.open()
    actions = {action.text() for action in dialog.findChildren(QAction)}
    assert {"In", "Thiết lập trang", "Trang sau", "Trang trước", "Phóng to", "Thu nhỏ", "Vừa trang",
            "Khổ dọc", "Khổ ngang"} <= actions
    assert not {"Print", "Page setup", "Next page", "Zoom in"} & actions
    assert dialog.windowTitle() == "Xem trước khi in — bao-cao.pdf"
    button = dialog.findChild(QToolButton, "previewPrintButton")
    assert button is not None and button.text() == "In"
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    dialog.reject()


def test_ctrl_p_opens_the_preview_with_a_print_button_and_asks_for_no_file(
        qtbot: QtBot, demo_store: Store, vietnamese: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def save_file_name(*_args: object, **_kwargs: object) -> tuple[str, str]:
        asked.append("save")
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    open_and_wait(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=30_000)
    assert window.print_action.shortcut().matches(QKeySequence("Ctrl+P")) == QKeySequence.SequenceMatch.ExactMatch
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=60_000)
    assert not asked
    preview = window.preview
    assert isinstance(preview, QPrintPreviewDialog)
    assert "In" in {action.text() for action in preview.findChildren(QAction)}
    preview.reject()
    settle_workers()
