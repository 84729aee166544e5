"""The form's field widgets: a line for numbers and short text, a text box that grows with what is
typed, and a status list. Each knows whether the user has changed it since it was last filled, so that a
refresh never replaces what is being typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from desktop.domain.task_status import STATUSES
from desktop.views.report_delegates import editor_text

MIN_LINES, MAX_LINES = 2, 14


class LineField(QLineEdit):
    """A one-line field; ``left`` when the user leaves it or presses Enter."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self.left)

    def _edited(self, _text: str) -> None:
        self.dirty = True

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def fill(self, value: Any, field: str, language: str) -> None:
        """Show a stored value (the user has changed nothing since)."""
        self.setText(editor_text(value, field, language))
        self.dirty = False

    def typed(self) -> str:
        """What the field holds."""
        return self.text()


class TextField(QPlainTextEdit):
    """A multi-line field that grows with its text (up to ``MAX_LINES``); Tab moves on."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        self._filling = False
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._changed)
        self._fit()

    def _changed(self) -> None:
        if not self._filling:
            self.dirty = True
        self._fit()

    def _fit(self) -> None:
        lines = max(MIN_LINES, min(MAX_LINES, self.document().size().toSize().height() or 1))
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def resizeEvent(self, event: Any) -> None:  # the wrapped text's height depends on the width
        super().resizeEvent(event)
        self._fit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def sizeHint(self) -> QSize:
        return QSize(400, self.height())

    def fill(self, value: Any, _field: str, _language: str) -> None:
        """Show a stored value."""
        self._filling = True
        self.setPlainText("" if value is None else str(value))
        self._filling = False
        self.dirty = False

    def typed(self) -> str:
        """What the field holds."""
        return self.toPlainText()


class StatusField(QComboBox):
    """The five statuses and "no status"; ``left`` as soon as one is chosen."""

    left = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        self.addItem("", None)
        for status in STATUSES:
            self.addItem(status.label(language), status.code)
        self.activated.connect(self._chosen)

    def _chosen(self, _n: int) -> None:
        self.dirty = True
        self.left.emit()

    def fill(self, value: Any, _field: str, _language: str) -> None:
        """Show a stored status."""
        self.setCurrentIndex(max(0, self.findData(value)))
        self.dirty = False

    def typed(self) -> str:
        """The chosen status code ("" for none)."""
        return str(self.currentData() or "")


Field = LineField | TextField | StatusField
