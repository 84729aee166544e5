"""Print preview and printing of the report PDF (QtPrintSupport), pages rendered by PDFium.

What is printed is the exported PDF itself, page for page, so the paper matches the file sent.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter, QTransform
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

PRINT_DPI = 200


def pdf_pages(pdf: Path | bytes, dpi: int = PRINT_DPI) -> Generator[QImage, None, None]:
    """Each page of the PDF (a file, or its bytes held in memory) as an image at ``dpi``."""
    import pypdfium2

    from desktop.documents.plan_readers.pdf_pages import PDFIUM_LOCK

    # PDFium is not thread-safe and a plan import may be reading a PDF on a worker: each call takes the lock,
    # never across a ``yield``.
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
        count = len(document)
    try:
        for number in range(count):
            with PDFIUM_LOCK:
                page = document[number]
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                width, height = bitmap.width, bitmap.height
                image = QImage(bitmap.buffer, width, height, bitmap.stride, QImage.Format.Format_RGBX8888 if
                               bitmap.n_channels == 4 else QImage.Format.Format_RGB888).copy()
                bitmap.close()
                page.close()
            yield image
    finally:
        with PDFIUM_LOCK:
            document.close()


def print_pdf(path: Path | bytes, printer: QPrinter) -> int:
    """Paint every page of the PDF on ``printer`` (fit to its page, each page turned as it was exported);
    returns the number of pages.

    A page's orientation is set before the page begins: set after ``newPage`` it took effect one page late,
    and a landscape appendix was printed portrait with the page after it landscape.
    """
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    preview = _is_preview(printer)
    pages = (_as_on_paper(page) for page in pdf_pages(path)) if preview else pdf_pages(path)
    image = next(pages, None)
    if image is None:
        return 0
    printer.setPageOrientation(_orientation(image))
    painter = QPainter()
    if not painter.begin(printer):
        pages.close()
        return 0
    count = 0
    try:
        while image is not None:
            if count:
                printer.setPageOrientation(_orientation(image))
                printer.newPage()
            _draw_fitted(painter, image, QRect(0, 0, printer.width(), printer.height()))
            count += 1
            image = next(pages, None)
    finally:
        painter.end()
        pages.close()
    return count


def _is_preview(printer: QPrinter) -> bool:
    """Whether ``printer`` is recording a print preview: Qt's preview lays every page on the paper size the
    printer has when painting ends, so it cannot show portrait and landscape pages side by side."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def _as_on_paper(image: QImage) -> QImage:
    """A landscape page turned a quarter left, as it comes out of the printer on portrait A4: the preview
    shows every page on the sheet it is printed on, nothing cut off."""
    if image.width() <= image.height():
        return image
    return image.transformed(QTransform().rotate(-90))


def _orientation(image: QImage) -> QPageLayout.Orientation:
    return QPageLayout.Orientation.Landscape if image.width() > image.height() else QPageLayout.Orientation.Portrait


def _draw_fitted(painter: QPainter, image: QImage, target: QRect) -> None:
    scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.setViewport(QRect(target.x(), target.y(), scaled.width(), scaled.height()))
    painter.setWindow(image.rect())
    painter.drawImage(0, 0, image)
    painter.setViewport(target)
    painter.setWindow(target)


def preview_dialog(pdf: Path | bytes, name: str, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of the PDF (a file or its bytes); its Print button prints the same pages."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(QCoreApplication.translate("PrintPreview", "Xem trước khi in — {0}").format(name))
    dialog.paintRequested.connect(lambda target: print_pdf(pdf, target))
    _label_print_button(dialog)
    _hide_page_format(dialog)
    dialog._printer = printer  # type: ignore[attr-defined]  # the dialog does not own its printer: keep it alive
    return dialog


def _label_print_button(dialog: QPrintPreviewDialog) -> None:
    """The toolbar's Print button shows its word ("In") beside its icon: it is what the dialog is for."""
    for bar in dialog.findChildren(QToolBar):
        actions = bar.actions()
        if actions:  # Qt puts Print last, after Page setup
            button = bar.widgetForAction(actions[-1])
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                button.setObjectName("previewPrintButton")


def _hide_page_format(dialog: QPrintPreviewDialog) -> None:
    """Hide the toolbar's «Khổ dọc», «Khổ ngang» and «Thiết lập trang»: the report prints on A4 with each page
    turned as it was exported (``print_pdf`` sets both for every page), so a choice made there was silently
    undone — «Khổ ngang» left the pages as they were."""
    for bar in dialog.findChildren(QToolBar):
        actions = bar.actions()
        # Qt names only its fit and view-mode actions; the orientation pair is the other checkable one.
        orientation = [action for action in actions if action.isCheckable() and not action.objectName()]
        hidden = [*orientation, actions[-2]] if len(actions) > 2 else orientation  # page setup: before Print
        after = actions.index(orientation[-1]) + 1 if orientation else len(actions)
        if after < len(actions) and actions[after].isSeparator():
            hidden.append(actions[after])
        for action in hidden:
            action.setVisible(False)
