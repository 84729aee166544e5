"""Ctrl+F in table mode: a search box beside the editor's tabs that moves the grid to the next row whose
number or title holds the words typed, without diacritics («chuyen doi so» finds «Chuyển đổi số»). It finds
rather than filters, so the rows stay as they are, sorted as the user chose, and the cell being edited keeps
its place among them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.domain.item_filter import matches_words, query_words
from desktop.views.report_editor.report_table import ReportTable
from desktop.views.report_models import ReportTableModel

NOT_FOUND_STYLE = "QLineEdit { border: 2px solid #c62828; }"


class TableSearch(QLineEdit):
    """The box; ``shown`` gives the table on screen and its model. Typing finds the first row matching from
    the top, Enter the next one after the current row (wrapping), Escape gives the focus back to the grid."""

    def __init__(self, shown: Callable[[], tuple[ReportTable, ReportTableModel]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tableSearch")
        self.setPlaceholderText(self.tr("Tìm trong bảng (không cần dấu)…"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)
        self._shown = shown
        self.textEdited.connect(lambda _text: self.find_next(from_top=True))
        self.returnPressed.connect(self.find_next)

    def find_next(self, from_top: bool = False) -> bool:
        """Make the next matching row current (the first from the top when ``from_top``); False, with the box
        framed in red, when no row matches."""
        table, model = self._shown()
        words = query_words(self.text())
        count = model.rowCount()
        current = table.currentIndex()
        start = 0 if from_top or not current.isValid() else current.row() + 1
        for step in range(count if words else 0):
            row = (start + step) % count
            item = model.row_item(row)
            if matches_words(words, item.key, getattr(item, "title", None), getattr(item, "name", None)):
                column = current.column() if current.isValid() else model.column_of("title")
                table.setCurrentIndex(model.index(row, max(column, 0)))
                table.scrollTo(table.currentIndex())
                self.setStyleSheet("")
                return True
        self.setStyleSheet(NOT_FOUND_STYLE if words else "")
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._shown()[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        super().keyPressEvent(event)
