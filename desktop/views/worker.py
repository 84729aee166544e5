"""The one way the GUI runs long work: a plain service call on a QThreadPool worker.

``run_operation`` hands the call a ``progress(done, total)`` and a ``cancelled()`` callback (the
shape every long service takes), shows a progress dialog with Cancel when the work lasts, and
delivers the result or the error back on the UI thread. The UI thread never waits on the worker.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from desktop.errors import BaocaoError
from desktop.views.screen_fit import fit_title

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]
PROGRESS_INTERVAL = 0.25  # seconds between progress signals: each one relays out and repaints a progress dialog
# (15–30 ms of the UI thread on a loaded PC); at 20 a second, an export took a third of the UI thread
DIALOG_DELAY_MS = 400

_running: set[Operation] = set()
_held: dict[int, Operation] = {}  # by ticket: kept on the UI thread until the worker has let go of it
_tickets = itertools.count(1)


class _Dispatcher(QObject):
    """Runs, on the UI thread, the callables that workers post: one object for the whole application.

    Operations are plain Python objects. A QObject per operation, freed by Python's reference count once its
    result had been delivered, was destroyed inside its own queued signal, and shiboken then looked up a
    Python override on the half-freed wrapper: a rare crash. This object is a child of the application and
    lives as long as it does.
    """

    posted = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pending: deque[Callable[[], None]] = deque()  # appended on workers, drained on the UI thread
        self.posted.connect(self._run_pending, Qt.ConnectionType.QueuedConnection)

    def post(self, call: Callable[[], None]) -> None:
        """Run ``call`` on the UI thread soon (from any thread)."""
        self._pending.append(call)
        self.posted.emit()

    @Slot()
    def _run_pending(self) -> None:
        while self._pending:
            call = self._pending.popleft()
            try:
                call()
            except Exception:  # one failing callback must not hold back the others' results
                sys.excepthook(*sys.exc_info())


_dispatcher: _Dispatcher | None = None


def _ui_dispatcher() -> _Dispatcher:
    global _dispatcher
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("run_operation needs a QApplication")
    if _dispatcher is None or not isValid(_dispatcher) or _dispatcher.parent() is not app:
        _dispatcher = _Dispatcher(app)
    return _dispatcher


class _Runnable(QRunnable):
    def __init__(self, work: Work, operation: Operation, dispatcher: _Dispatcher, ticket: int) -> None:
        super().__init__()
        self._work, self._operation, self._dispatcher, self._ticket = work, operation, dispatcher, ticket
        self._last = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL or done >= total:
            self._last = now
            operation, done, total = self._operation, int(done), int(total)
            self._post(lambda: operation.progressed(done, total))

    def run(self) -> None:
        try:
            result = self._work(self._progress, self._operation.is_cancelled)
        except BaseException as exc:
            error: BaseException | None = exc
            result = None
        else:
            error = None
        operation = self._operation
        self._post(functools.partial(operation.finish, result, error))
        # The pool deletes this runnable on this thread. Were it to drop the last reference to the operation
        # (whose callbacks hold widgets), a widget would be destroyed off the UI thread: a crash. So this
        # thread lets go of everything first, and only then tells the UI thread, which holds the operation
        # until that message, to let go as well.
        self._work = self._operation = None  # type: ignore[assignment]
        del operation, result, error
        self._post(functools.partial(_release, self._ticket))

    def _post(self, call: Callable[[], None]) -> None:
        with contextlib.suppress(RuntimeError):  # the application is gone (quit while the work ran)
            self._dispatcher.post(call)


class Operation:
    """A running call: its progress, its cancel, and ``done`` once the callbacks have run."""

    def __init__(self, parent: QWidget | None, title: str, on_success: Callable[[Any], None] | None,
                 on_failure: Callable[[BaseException], None] | None, *, dialog: bool, cancellable: bool) -> None:
        self.title = title
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._parent = parent
        self._on_success, self._on_failure = on_success, on_failure
        self._on_progress: list[Callable[[int, int], None]] = []
        self._cancel = threading.Event()
        self._work: Work | None = None
        self.dialog: QProgressDialog | None = None
        if dialog:
            self.dialog = QProgressDialog(title, QCoreApplication.translate("Worker", "&Hủy") if cancellable else "",
                                          0, 0, parent)
            self.dialog.setWindowTitle(title)
            fit_title(self.dialog)
            self.dialog.setMinimumDuration(DIALOG_DELAY_MS)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            if not cancellable:
                self.dialog.setCancelButton(None)
            self.dialog.canceled.connect(self.cancel)
            self.dialog.setValue(0)

    def cancel(self) -> None:
        """Ask the work to stop; the service raises Cancelled and keeps nothing."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """Whether Cancel was asked."""
        return self._cancel.is_set()

    def on_progress(self, callback: Callable[[int, int], None]) -> None:
        """Call ``callback(done, total)`` on the UI thread as the work reports progress."""
        self._on_progress.append(callback)

    def start(self, work: Work) -> Operation:
        _running.add(self)
        self._work = work  # the work's closure may hold widgets too: its last reference stays on this thread
        ticket = next(_tickets)
        _held[ticket] = self
        QThreadPool.globalInstance().start(_Runnable(work, self, _ui_dispatcher(), ticket))
        return self

    def progressed(self, done: int, total: int) -> None:
        """The work reported progress (UI thread)."""
        if self.done:
            return
        if self.dialog is not None and total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        for callback in self._on_progress:
            callback(done, total)

    def finish(self, result: Any, error: BaseException | None) -> None:
        """The work returned or raised (UI thread): close the dialog, then tell whoever asked."""
        _running.discard(self)
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.result, self.error = result, error
        try:
            if self._parent is not None and not isValid(self._parent):
                return  # the widget that asked is gone (the window was locked or closed): nobody to tell
            if error is None:
                if self._on_success is not None:
                    self._on_success(result)
            elif self._on_failure is not None:
                self._on_failure(error)
            else:
                show_error(self._parent, error, self.title)
        finally:
            self.done = True


def run_operation(parent: QWidget | None, work: Work, *, title: str,
                  on_success: Callable[[Any], None] | None = None,
                  on_failure: Callable[[BaseException], None] | None = None,
                  dialog: bool = True, cancellable: bool = True) -> Operation:
    """Run ``work(progress, cancelled)`` on a worker; callbacks run on the UI thread.

    Without ``on_failure`` a refusal is shown in a message box (nothing for a cancel).
    """
    return Operation(parent, title, on_success, on_failure, dialog=dialog, cancellable=cancellable).start(work)


def _release(ticket: int) -> None:
    """The worker of ``ticket`` holds nothing any more: the UI thread lets go of its operation."""
    _held.pop(ticket, None)


def busy() -> bool:
    """Whether any operation is still running (or its result not yet delivered, or its worker not yet done)."""
    return bool(_running or _held)


def cancel_all() -> None:
    """Ask every running operation to stop (locking the app: the store is about to close)."""
    for operation in list(_running):
        operation.cancel()


def when_idle(callback: Callable[[], None], poll_ms: int = 50) -> None:
    """Call ``callback`` on the UI thread once no operation runs (at once when none does), without waiting.

    Closing the store under a worker that is reading it would crash SQLCipher: the store is closed this way.
    """
    if not busy():
        callback()
        return
    QTimer.singleShot(poll_ms, lambda: when_idle(callback, poll_ms))


def is_cancel(error: BaseException) -> bool:
    """Whether the error is the user's own cancel."""
    return isinstance(error, BaocaoError) and error.code == "cancelled"


def error_text(error: BaseException) -> str:
    """What the user reads: the refusal's message, or the type of an unexpected failure (never its data)."""
    if isinstance(error, BaocaoError):
        return error.message()
    return QCoreApplication.translate("Worker", "Lỗi không mong đợi ({0}).").format(type(error).__name__)


def show_error(parent: QWidget | None, error: BaseException, title: str) -> QMessageBox | None:
    """A non-blocking message box with the error (nothing for a cancel)."""
    if is_cancel(error):
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()
    return box

