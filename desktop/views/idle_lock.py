"""Idle auto-lock: after a configurable time without keyboard or mouse input, ask the app to lock.

Input is watched on the application's windows (``QWindow``), where the platform delivers it before Qt
routes it to a widget, and not with an application-wide event filter: that filter would run Python for
every event of every widget (each paint, timer and layout request), and each of those calls needs the GIL,
which a busy worker holds; the UI thread then waited for it dozens of times a frame. A window sees a few
events a frame. The filter follows the focus: each window that takes it (the main window, a dialog) is
watched from then on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
})


class IdleLock(QObject):
    """Watches the input of the application's windows; emits ``idle`` once the interval passes untouched.

    An interval of 0 turns the lock off.
    """

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._watched: list[QWindow] = []
        self._app = QGuiApplication.instance()
        self.set_interval(interval_ms)
        if isinstance(self._app, QGuiApplication):
            self._app.focusWindowChanged.connect(self.watch)
            self.watch(self._app.focusWindow())

    def set_interval(self, interval_ms: int) -> None:
        """Change the idle time (ms); 0 disables the lock."""
        self._timer.stop()
        self._timer.setInterval(max(0, interval_ms))
        if interval_ms > 0:
            self._timer.start()

    def watch(self, window: QWindow | None) -> None:
        """Count the input of ``window`` as activity (done for each window that takes the focus)."""
        if window is None or window in self._watched:
            return
        self._watched.append(window)
        window.installEventFilter(self)
        window.destroyed.connect(lambda: self._forget(window))

    def _forget(self, window: QWindow) -> None:
        if window in self._watched:
            self._watched.remove(window)

    def stop(self) -> None:
        """Stop watching (the window is closing or locked)."""
        self._timer.stop()
        if isinstance(self._app, QGuiApplication):
            self._app.focusWindowChanged.disconnect(self.watch)
            self._app = None
        for window in self._watched:
            window.removeEventFilter(self)
        self._watched.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.interval() > 0:
            self._timer.start()
        return False
