"""Every button of the print preview's toolbar pressed with the mouse, in Vietnamese: moving between pages,
zooming, fitting, the three views, and «In», whose print dialog is Vietnamese and prints the report's own
pages, each turned as exported (to a PDF file here). The orientation and page-setup buttons are hidden: the
pages keep A4 and their own orientation, so what was chosen there was silently undone."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pypdfium2
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QGraphicsView, QToolBar, QToolButton
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from desktop.views.print_preview import preview_dialog
from tests.views.test_qt_dialogs import vietnamese  # noqa: F401  (the fixture)

PAGES = 4


def report_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for number in range(PAGES):
        if number == 1:  # an appendix table, landscape as exported
            page.setPageSize((842, 595))
        page.drawString(72, 500, f"Báo cáo — trang {number + 1}")
        page.showPage()
        page.setPageSize((595, 842))
    page.save()
    return buffer.getvalue()


def answer_modal(kind: type[QDialog], answer: Callable[[QDialog], None], seen: list[str]) -> None:
    """Answer the next modal dialog of ``kind`` (Qt opens it with ``exec``) once it shows."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog.windowTitle())
            answer(dialog)
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)


def press_ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and ok.text().replace("&", "") == "In", ok.text() if ok else None
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_every_toolbar_button_of_the_print_preview(qtbot: QtBot, vietnamese: QApplication,  # noqa: F811
                                                   tmp_path: Path) -> None:
    dialog = preview_dialog(report_pdf(), "bao-cao.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)  # as the window opens it on a 1366×768 screen: the whole toolbar in sight
    dialog.open()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert isinstance(dialog, QPrintPreviewDialog) and preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() == PAGES, timeout=30_000)
    printer: QPrinter = dialog._printer  # type: ignore[attr-defined]
    printed = tmp_path / "in-ra.pdf"
    seen: list[str] = []

    def page_is(number: int) -> Callable[[], None]:
        return lambda: _check(preview.currentPage() == number, f"page {preview.currentPage()}, not {number}")

    def zoom(bigger: bool) -> Callable[[], None]:
        before = preview.zoomFactor()
        return lambda: _check((preview.zoomFactor() > before) == bigger, f"zoom {before} → {preview.zoomFactor()}")

    def print_dialog(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "In"
        press_ok(dialog)

    checks: dict[str, Callable[[], Callable[[], None]]] = {
        "Vừa chiều rộng": lambda: lambda: _check(preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth),
        "Vừa trang": lambda: lambda: _check(preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitInView),
        "Phóng to": lambda: zoom(True),
        "Thu nhỏ": lambda: zoom(False),
        "Trang cuối": lambda: page_is(PAGES),
        "Trang trước": lambda: page_is(PAGES - 1),
        "Trang đầu": lambda: page_is(1),
        "Trang sau": lambda: page_is(2),
        "Xem hai trang đối nhau": lambda: lambda: _check(
            preview.viewMode() == QPrintPreviewWidget.ViewMode.FacingPagesView),
        "Xem toàn bộ các trang": lambda: lambda: _check(
            preview.viewMode() == QPrintPreviewWidget.ViewMode.AllPagesView),
        "Xem từng trang": lambda: lambda: _check(preview.viewMode() == QPrintPreviewWidget.ViewMode.SinglePageView),
        "In": lambda: _printing(printer, printed, print_dialog, seen),
    }
    [bar] = dialog.findChildren(QToolBar)
    hidden = {action.text() for action in bar.actions() if action.text() and not action.isVisible()}
    assert hidden == {"Khổ dọc", "Khổ ngang", "Thiết lập trang"}
    buttons = {action.text(): bar.widgetForAction(action) for action in bar.actions()
               if action.text() and action.isVisible()}
    assert set(buttons) == set(checks), f"buttons without a step: {set(buttons) - set(checks)}"
    for text, prepare in checks.items():
        button = buttons[text]
        assert isinstance(button, QToolButton) and button.isVisible() and button.isEnabled(), text
        assert button.toolTip() == text  # the tooltip says it in Vietnamese too
        check = prepare()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        check()
    assert seen == ["In"], seen
    document = pypdfium2.PdfDocument(str(printed))
    try:
        sizes = [document[n].get_size() for n in range(len(document))]
        assert len(sizes) == PAGES, "«In» prints the report's own pages"
        assert [width > height for width, height in sizes] == [False, True, False, False], sizes
    finally:
        document.close()
    dialog.reject()


def _check(holds: bool, why: str = "") -> None:
    assert holds, why


def _printing(printer: QPrinter, out: Path, answer: Callable[[QDialog], None], seen: list[str]) -> Callable[[], None]:
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    answer_modal(QPrintDialog, answer, seen)
    return lambda: _check(out.is_file() and out.stat().st_size > 0, f"nothing printed to {out}")



def test_the_preview_shows_each_page_on_the_sheet_it_prints_on(qtbot: QtBot, vietnamese: QApplication,  # noqa: F811
                                                                ) -> None:
    """A report ends with landscape appendices. Qt's preview lays every page on one paper size, the one the
    printer has when painting ends: the portrait body was shown on landscape sheets, its text running off the
    bottom. Each page is now shown on portrait A4, a landscape appendix turned as the printer turns it."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.drawString(72, 100, "Nơi nhận (cuối trang dọc)")
    pdf.showPage()
    pdf.setPageSize((842, 595))
    pdf.drawString(72, 500, "Phụ lục I (trang ngang)")
    pdf.showPage()
    pdf.save()
    dialog = preview_dialog(buffer.getvalue(), "bao-cao.pdf")
    qtbot.addWidget(dialog)
    dialog.open()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() == 2, timeout=30_000)
    [view] = preview.findChildren(QGraphicsView)
    sheets = [item.boundingRect() for item in view.scene().items() if item.boundingRect().width() > 100]
    assert len(sheets) == 2 and all(sheet.height() > sheet.width() for sheet in sheets), sheets
