"""Saving what is typed after a pause, so that validation marks follow the typing: a warning such as "chưa
ghi kết quả thực hiện" goes once the user has written the result and paused, not only when they leave the
field. Only the value is saved; the field being typed in is never written to (``ItemForm.refresh`` skips a
field with the focus).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

TYPING_PAUSE_MS = 700  # about the pause between two words of a slow typist: not every key


class TypingSaver(QObject):
    """Calls ``save(widget)`` once the user has paused ``TYPING_PAUSE_MS`` while typing in a watched field."""

    def __init__(self, save: Callable[[QWidget], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._widget: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self._paused)

    def watch(self, widget: QWidget) -> None:
        """Save ``widget``'s text after each pause in the user's typing (a fill by the program is not typing)."""
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: self._typed(widget))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda: self._typed(widget))

    def _typed(self, widget: QWidget) -> None:
        if getattr(widget, "dirty", False) and widget.hasFocus():
            self._widget = widget
            self.timer.start()

    def _paused(self) -> None:
        widget, self._widget = self._widget, None
        if widget is not None and widget.hasFocus() and getattr(widget, "dirty", False):
            self._save(widget)

