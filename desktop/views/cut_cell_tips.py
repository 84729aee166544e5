"""A table cell whose text is cut (the view ends it in «…») shows its whole text as a tooltip: short texts
such as «UBND các xã, phường» are cut in a narrow column, yet the model only gives tooltips to long ones."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QToolTip

_PADDING = 8  # the cell's margins around its text, in pixels


class CutCellTips(QObject):
    """Installed on a view's viewport: a hover over a cut cell without a tooltip of its own shows its text."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        text = self.cut_text(event.pos())
        if text is None:
            return False
        QToolTip.showText(event.globalPos(), text, self.view.viewport())
        return True

    def cut_text(self, pos: QPoint) -> str | None:
        """The whole text of the cell at ``pos`` when the view cuts it and the model gives no tooltip."""
        index = self.view.indexAt(pos)
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return None
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        room = self.view.visualRect(index).width() - _PADDING
        return text if text and self.view.fontMetrics().horizontalAdvance(text) > room else None
