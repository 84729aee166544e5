"""Document actions of the main window: fill from a workbook of another quarter asks first ("Vẫn nhập" takes
it, Cancel takes nothing), and "Xuất Word" writes the .docx."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.periods import Period
from desktop.models.store import Store
from desktop.services import documents
from desktop.services.reports import open_report
from desktop.views.main_window import MainWindow
from tests.services.test_documents import _set_column


def _other_quarter_workbook(window: MainWindow, store: Store, tmp_path: Path) -> tuple[Path, str, str]:
    """The next quarter's workbook with a result typed in, while the editor shows this quarter."""
    current = window.editor.period_code
    other = Period.parse(current).next().code
    path = documents.export_workbook(store, other, tmp_path / "quy-sau.xlsx")
    ref = open_report(store, current).tasks[0].ref
    assert _set_column(path, "Kết quả thực hiện", {ref: "Nhập từ bảng tính quý sau"}) == 1
    return path, ref, current


def _mismatch_box(qtbot: QtBot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "fillMismatchBox" and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=20_000)
    return found[0]


def test_cancel_takes_nothing(qtbot: QtBot, window: MainWindow, demo_store: Store, tmp_path: Path) -> None:
    path, ref, current = _other_quarter_workbook(window, demo_store, tmp_path)
    window.fill_from_workbook(path)
    box = _mismatch_box(qtbot)
    assert Period.parse(current).next().label("vi") in box.text() and Period.parse(current).label("vi") in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.wait(300)
    assert next(t for t in open_report(demo_store, current).tasks if t.ref == ref).result != \
        "Nhập từ bảng tính quý sau"


def test_take_anyway_fills_the_open_report(qtbot: QtBot, window: MainWindow, demo_store: Store,
                                           tmp_path: Path) -> None:
    path, ref, current = _other_quarter_workbook(window, demo_store, tmp_path)
    window.fill_from_workbook(path)
    box = _mismatch_box(qtbot)
    anyway = box.findChild(QPushButton, "fillAnywayButton")
    assert anyway is not None
    qtbot.mouseClick(anyway, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: next(t for t in open_report(demo_store, current).tasks if t.ref == ref).result
                    == "Nhập từ bảng tính quý sau", timeout=20_000)
    # The officer is told what the workbook changed (the fill used to end without a word).
    qtbot.waitUntil(lambda: "quy-sau.xlsx" in window.statusBar().currentMessage(), timeout=20_000)
    assert "nhiệm vụ" in window.statusBar().currentMessage() and "chỉ tiêu" in window.statusBar().currentMessage()


def test_the_export_word_action_writes_the_docx(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "bao-cao.docx"
    monkeypatch.setattr("desktop.views.main_window.QFileDialog.getSaveFileName",
                        lambda *_args, **_kw: (str(out), "Word (*.docx)"))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.export_docx_action in file_menu.actions()
    window.export_docx_action.trigger()
    operation = window.last_operation
    assert operation is not None
    qtbot.waitUntil(lambda: operation.error is not None or operation.result is not None, timeout=60_000)
    assert operation.error is None, repr(operation.error)
    from docx import Document

    text = " ".join(p.text for p in Document(str(out)).paragraphs)
    assert "BÁO CÁO" in text and "DỰ THẢO" in text
