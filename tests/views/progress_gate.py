"""Hold a long service at its first progress report, so that a test can press the dialog's Cancel meanwhile.

The service itself runs for real; only its ``progress`` callback is wrapped: the worker waits there until
the test has pressed Cancel (``release``), then the service goes on and meets the cancel where it asks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from desktop.views.worker import Operation


class ProgressGate:
    """Wraps a service taking ``progress=``; the first report blocks until ``release``."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self._release = threading.Event()

    def wrap(self, service: Callable[..., Any]) -> Callable[..., Any]:
        """``service`` with its first progress report held."""
        def gated(*args: Any, progress: Callable[[int, int], None] | None = None, **kwargs: Any) -> Any:
            def held(done: int, total: int) -> None:
                if progress is not None:
                    progress(done, total)
                if not self.reached.is_set():
                    self.reached.set()
                    self._release.wait(60)
            return service(*args, progress=held, **kwargs)
        return gated

    def release(self) -> None:
        """Let the held worker go on."""
        self._release.set()


def press_cancel(qtbot: QtBot, gate: ProgressGate, operation: Operation) -> None:
    """Wait for the work to be held and its progress dialog on screen, click «Hủy», let the work go on."""
    assert gate.reached.wait(60), "the work reported no progress"
    qtbot.waitUntil(lambda: operation.dialog is not None and operation.dialog.isVisible(), timeout=30_000)
    dialog = operation.dialog
    assert isinstance(dialog, QProgressDialog)
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert cancel.text().replace("&", "") == "Hủy"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert operation.is_cancelled()
    gate.release()
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
