"""The worker never lets go last of what the UI thread gave it: a widget freed on a worker thread crashes Qt.

The pool deletes a finished runnable on its own thread. The callbacks it carried (bound methods of dialogs)
must not have their last reference dropped there, however late that thread runs after the result was shown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from desktop.views import worker
from desktop.views.worker import busy, run_operation


class _Probe:
    """Stands for a widget: records on which thread its last reference went."""

    def __init__(self, freed_on: list[bool]) -> None:
        self._freed_on = freed_on

    def __del__(self) -> None:
        self._freed_on.append(threading.current_thread() is threading.main_thread())

    def shown(self, _result: object) -> None:
        """The success callback (a bound method, as the dialogs pass)."""


def _posts_wait_until_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each post from a worker returns only once the UI thread has run the call and let go of it (the timer
    fires after the dispatcher's loop is done): the worker thread then runs as late as a loaded machine may."""
    original = worker._Dispatcher.post

    def post(self: worker._Dispatcher, call: Callable[[], None]) -> None:
        if threading.current_thread() is threading.main_thread():
            original(self, call)
            return
        ran = threading.Event()

        def run_then_tell() -> None:
            try:
                call()
            finally:
                QTimer.singleShot(0, ran.set)

        original(self, run_then_tell)
        ran.wait(30)

    monkeypatch.setattr(worker._Dispatcher, "post", post)


def test_the_callbacks_of_a_finished_operation_are_let_go_on_the_ui_thread(qtbot: QtBot,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _posts_wait_until_run(monkeypatch)
    freed_on: list[bool] = []
    probe = _Probe(freed_on)
    operation = run_operation(None, lambda _p, _c: 42, title="t", on_success=probe.shown, dialog=False)
    del probe, operation
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)
    qtbot.waitUntil(lambda: bool(freed_on), timeout=30_000)
    assert freed_on == [True]


def test_the_work_s_own_references_are_let_go_on_the_ui_thread(qtbot: QtBot,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _posts_wait_until_run(monkeypatch)
    freed_on: list[bool] = []
    probe = _Probe(freed_on)

    def work(_progress: object, _cancelled: object, held: _Probe = probe) -> int:
        return 1

    operation = run_operation(None, work, title="t", dialog=False)
    del probe, work, operation
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)
    qtbot.waitUntil(lambda: bool(freed_on), timeout=30_000)
    assert freed_on == [True]
