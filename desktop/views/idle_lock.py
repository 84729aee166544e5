"""Idle auto-lock: after a configurable time without keyboard or mouse input, ask the app to lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
})


class IdleLock(QObject):
    """Watches the whole application's input; emits ``idle`` once the interval passes untouched.

    An interval of 0 turns the lock off.
    """

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_interval(interval_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_interval(self, interval_ms: int) -> None:
        """Change the idle time (ms); 0 disables the lock."""
        self._timer.stop()
        self._timer.setInterval(max(0, interval_ms))
        if interval_ms > 0:
            self._timer.start()

    def stop(self) -> None:
        """Stop watching (the window is closing or locked)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.interval() > 0:
            self._timer.start()
        return False
