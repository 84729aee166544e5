"""Table mode: every item of one kind in a grid, its first columns (the number and the title) frozen while
the rest scroll right, text wrapped with rows as high as their text, and columns sorted by a header click
(numbers by value, "II.10" after "II.9").

The frozen columns are Qt's "frozen column" pattern: a second view over the same model and selection,
laid over the first columns, showing only them, scrolled with the main view. Sorting reorders the model's
rows (``ReportTableModel.sort``), so a row number means the same row in the grid and in the model.

A report read again (after a fill from Excel, a signing, a new revision) comes as a new model: the grid
keeps the cell being worked on and the rows in sight (``setModel`` alone put it back at the top-left, and
the next click landed in another row).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

from desktop.views.report_delegates import ReportDelegate
from desktop.views.report_models import ReportTableModel

FROZEN_COLUMNS = 3  # the plan, the item's number and its title
COLUMN_WIDTHS = {"plan": 12, "key": 9, "title": 36, "name": 32, "role": 11, "deadline_text": 20, "status": 20,
                 "percent": 10, "result": 28, "difficulties": 20, "proposals": 20, "not_applicable_reason": 18,
                 "evidence": 8, "unit": 7, "targets": 18, "numerator": 8, "denominator": 8, "value": 8, "level": 7,
                 "note": 24}
EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed)


@dataclass(frozen=True)
class Position:
    """Where the user is in the grid, by item rather than row number: the current cell (its item and
    field), the item in the top row with how far it is scrolled past, and the sideways scroll."""

    current: tuple[str, str] | None
    top: str | None
    top_offset: int
    left: int


class ReportTable(QTableView):
    """A sortable grid over a ``ReportTableModel`` with its first ``FROZEN_COLUMNS`` columns frozen."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.frozen = QTableView(self)
        self.frozen.setObjectName(name + "Frozen")
        for view in (self, self.frozen):
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(EDIT_TRIGGERS)
            view.setWordWrap(True)
            view.setAlternatingRowColors(True)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setHighlightSections(False)
            view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.frozen.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.setFrameShape(QFrame.Shape.NoFrame)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setStyleSheet("QTableView { border-right: 2px solid #9e9e9e; }")
        # The report's own order until the user clicks a header.
        for view in (self, self.frozen):  # the frozen header too: it showed an arrow on a column not sorted by
            view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        for header in (self.horizontalHeader(), self.frozen.horizontalHeader()):
            header.setSortIndicatorShown(True)
            header.setSectionsClickable(True)
        self.horizontalHeader().sortIndicatorChanged.connect(self._sorted_here)
        self.frozen.horizontalHeader().sectionClicked.connect(self._clicked_frozen)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.verticalHeader().sectionResized.connect(
            lambda row, _old, size: self.frozen.setRowHeight(row, size))
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self._source: ReportTableModel | None = None
        # The rows in sight while the table is hidden (the form shown instead): measuring the rows' heights
        # to find them (300 wrapped rows) was most of the UI thread's work when a report was opened.
        self._hidden_at: Position | None = None

    # the model -------------------------------------------------------------------------------------
    @property
    def source(self) -> ReportTableModel:
        """The model shown (through the sorting proxy)."""
        if self._source is None:
            raise LookupError("no model shown yet")
        return self._source

    def show_model(self, model: ReportTableModel) -> None:
        """Show ``model`` (a report just opened), in the order the user last sorted by; when it replaces a
        model of the same report, the current cell and the rows in sight stay."""
        kept = self.position() if self._source is not None and self._source.rowCount() else None
        self._source = model
        self.setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        # A delegate each: a delegate's commit and close signals go to every view it serves.
        for view in (self, self.frozen):
            old = view.itemDelegate()
            view.setItemDelegate(ReportDelegate(model, view))
            if old is not None:
                old.deleteLater()
        for n in range(len(model.columns)):
            self.setColumnWidth(n, self._column_width(model, n))
            self.frozen.setColumnHidden(n, n >= FROZEN_COLUMNS)
        header = self.horizontalHeader()
        if 0 <= header.sortIndicatorSection() < len(model.columns):
            model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._place_frozen()
        if kept is not None:
            self._restore_current(kept)
            # The rows' heights are measured from their text once the model is laid out, after this event.
            QTimer.singleShot(0, self, lambda: self._restore_scroll(kept))

    # the place kept across a new model --------------------------------------------------------------
    def position(self) -> Position:
        """Where the user is now (while hidden: the rows in sight when it was hidden, measured then)."""
        source = self.source
        current = self.currentIndex()
        here = None
        if current.isValid():
            here = (source.row_item(current.row()).ref, source.columns[current.column()].field)
        if not self.isVisible():
            kept = self._hidden_at or Position(None, None, 0, 0)
            return Position(here, kept.top, kept.top_offset, kept.left)
        return self._in_sight(here)

    def _in_sight(self, here: tuple[str, str] | None) -> Position:
        """The rows in sight, measured (the rows' heights laid out), with ``here`` as the current cell."""
        source = self.source
        top_row = self.rowAt(0)
        top = source.row_item(top_row).ref if top_row >= 0 else None
        offset = self.rowViewportPosition(top_row) if top_row >= 0 else 0
        return Position(here, top, offset, self.horizontalScrollBar().value())

    def _restore_current(self, kept: Position) -> None:
        if kept.current is None:
            return
        ref, field = kept.current
        row = self.source.row_of(ref)
        if row is not None:
            index = self.source.index(row, self.source.column_of(field))
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _restore_scroll(self, kept: Position) -> None:
        if self._source is None:
            return
        if not self.isVisible():
            self._hidden_at = kept  # scrolled there when shown
            return
        self.horizontalScrollBar().setValue(kept.left)
        row = self._source.row_of(kept.top) if kept.top is not None else None
        if row is not None:
            self.verticalScrollBar().setValue(self.verticalHeader().sectionPosition(row) - kept.top_offset)

    # the sort the user chose -------------------------------------------------------------------------
    def sort_field(self) -> tuple[str, Qt.SortOrder]:
        """The field sorted by ("" when in the report's own order) and the order."""
        header = self.horizontalHeader()
        column = header.sortIndicatorSection()
        columns = self._source.columns if self._source is not None else ()
        field = columns[column].field if 0 <= column < len(columns) else ""
        return field, header.sortIndicatorOrder()

    def sort_by_field(self, field: str, order: Qt.SortOrder) -> None:
        """Sort by the column showing ``field`` (a sort kept from last time); an unknown field is ignored."""
        columns = self._source.columns if self._source is not None else ()
        column = next((n for n, c in enumerate(columns) if c.field == field), None)
        if column is not None:
            self.sortByColumn(column, order)

    def _column_width(self, model: ReportTableModel, number: int) -> int:
        """Wide enough for the header (measured, with room for the sort arrow) and for the column's usual
        text; the plan column fits its longest plan number on one line ("3256/QĐ-UBND" wrapped)."""
        column = model.columns[number]
        char = self.fontMetrics().averageCharWidth()
        header = self.horizontalHeader().fontMetrics().horizontalAdvance(column.header) + 4 * char
        width = max(COLUMN_WIDTHS.get(column.field, 10) * char, header)
        if column.field == "plan":
            plans = {str(item.plan) for item in model.items()}
            width = max([width, *(self.fontMetrics().horizontalAdvance(plan) + 3 * char for plan in plans)])
        return width

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort as a header click does."""
        self.sortByColumn(column, order)

    # keeping the frozen view over the first columns -------------------------------------------------
    def _sorted_here(self, column: int, order: Qt.SortOrder) -> None:
        frozen = self.frozen.horizontalHeader()
        if (frozen.sortIndicatorSection(), frozen.sortIndicatorOrder()) != (column, order):
            frozen.blockSignals(True)
            frozen.setSortIndicator(column, order)
            frozen.blockSignals(False)

    def _clicked_frozen(self, column: int) -> None:
        # The frozen view lies over the main view's first headers: its clicks sort as theirs would.
        header = self.horizontalHeader()
        ascending = header.sortIndicatorSection() != column or \
            header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        self.sortByColumn(column, Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder)

    def _column_resized(self, column: int, _old: int, size: int) -> None:
        if column < FROZEN_COLUMNS:
            self.frozen.setColumnWidth(column, size)
            self._place_frozen()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_frozen()

    def hideEvent(self, event: QHideEvent) -> None:
        if self._source is not None and self._source.rowCount():
            self._hidden_at = self._in_sight(None)  # measured while the rows are still laid out
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        kept, self._hidden_at = self._hidden_at, None
        if kept is not None:
            QTimer.singleShot(0, self, lambda: self._restore_scroll(kept))

    def _place_frozen(self) -> None:
        shown = min(FROZEN_COLUMNS, self._source.columnCount() if self._source is not None else 0)
        width = sum(self.columnWidth(n) for n in range(shown))
        self.frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(), self.frameWidth(), width,
                                self.viewport().height() + self.horizontalHeader().height())
        self.frozen.show()
        self.frozen.raise_()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Moving left into the frozen columns scrolls the hidden cells back into sight."""
        current = super().moveCursor(action, modifiers)
        frozen_width = sum(self.columnWidth(n) for n in range(FROZEN_COLUMNS))
        if (action == QAbstractItemView.CursorAction.MoveLeft and current.column() >= FROZEN_COLUMNS
                and self.visualRect(current).topLeft().x() < frozen_width):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).topLeft().x() - frozen_width)
        return current

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Cells under the frozen columns are not scrolled to sideways (they are always in sight there); a cell
        the scroll left behind the frozen columns is brought out from under them."""
        if index.column() >= FROZEN_COLUMNS:
            super().scrollTo(index, hint)
            hidden = self.frozen.width() - self.visualRect(index).left()
            if hidden > 0:
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - hidden)
        else:
            bar = self.horizontalScrollBar().value()
            super().scrollTo(index, hint)
            self.horizontalScrollBar().setValue(bar)
