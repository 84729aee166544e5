"""Periodic sync while the app is open, and the line on the dashboard that says how it stands.

A one-second timer asks ``SyncSchedule`` whether an attempt is due; the attempt (and, while the province
is unreachable, a tiny health probe every few seconds) runs through ``views/worker.py`` without a dialog.
Nothing is shown when nothing happened; a receipt that arrives or a bundle that needs attention gives a
status-bar ``notice``. A sync the user started by hand is never doubled (``services.sync.sync_if_idle``), and
counts as the last sync and the start of the next interval (``synced_by_hand``). The line reads what waits
and the last successful sync from the store (``services.sync_status``) as soon as the window opens, so it
never says "Chờ gửi: 0" while a card says a report waits; every time in it is Vietnam time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services.sync_schedule import SyncSchedule, interval_seconds
from desktop.services.sync_status import SyncStatus, sync_status
from desktop.sync.sync_errors import TransientError
from desktop.views.formatting import format_datetime
from desktop.views.worker import run_operation

TICK_MS = 1000


def _sync_service() -> Any:
    from desktop.services import sync

    return sync


class AutoSync(QObject):
    """Runs sync by itself on ``schedule``; ``label`` is the status line for the dashboard."""

    notice = Signal(str)

    def __init__(self, store: Store, parent: QWidget, *, interval: float | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self.store, self._parent, self._clock = store, parent, clock
        self.schedule = SyncSchedule(interval if interval is not None else interval_seconds(store))
        if interval is not None and interval < 30:
            self.schedule.retry_base = interval  # a short interval (tests, a demo) backs off on its own scale
            self.schedule.probe_every = min(self.schedule.probe_every, interval)
        self.attempts: list[tuple[float, str]] = []  # (start, "ok" / "unreachable" / "refused")
        self.waiting, self.attention = 0, 0
        self.last_success: datetime | None = None  # the store's, so a sync by hand or before a restart counts
        self.label = QLabel()
        self.label.setObjectName("autoSyncStatus")
        self.label.setWordWrap(True)
        self.schedule.start_clock(clock())
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        self._probing = False
        self._started = 0.0
        self._show()
        self.read_status()

    def read_status(self) -> None:
        """Read what waits and the last successful sync from the store, on a worker."""
        run_operation(self._parent, lambda _p, _c: sync_status(self.store), title=self.tr("Tự động đồng bộ"),
                      on_success=self._status_read, on_failure=lambda _error: None, dialog=False)

    def synced_by_hand(self) -> None:
        """A sync the user ran has finished: it is the last sync, and the next one waits a full interval."""
        if not self.schedule.running:
            self.schedule.succeeded(self._clock())
        self.read_status()

    def _status_read(self, status: SyncStatus) -> None:
        self.waiting, self.attention, self.last_success = status.waiting, status.attention, status.last_success
        self._show()

    def set_interval(self, interval: float | None) -> None:
        """Follow a new interval (seconds; None = off) from now, as chosen in Settings."""
        self.schedule.set_interval(interval, self._clock())
        self._show()

    def tick(self) -> None:
        """Start an attempt or a probe when one is due."""
        now = self._clock()
        if self.schedule.due(now):
            self._attempt()
        elif not self._probing and self.schedule.probe_due(now):  # a probe still out must not stamp the next
            self._probe()
        self._show()

    def _attempt(self) -> None:
        self.schedule.begin()
        self._started = self._clock()
        sync = _sync_service()

        def work(_progress: Any, cancelled: Any) -> tuple[Any, SyncStatus]:
            try:
                outcome: Any = sync.sync_if_idle(self.store, cancelled=cancelled)
            except TransientError as exc:  # unreachable: still count what waits, for the dashboard line
                outcome = exc
            return outcome, sync_status(self.store)

        run_operation(self._parent, work, title=self.tr("Tự động đồng bộ"), on_success=self._done,
                      on_failure=self._failed, dialog=False)

    def _done(self, result: tuple[Any, SyncStatus]) -> None:
        outcome, status = result
        self.waiting, self.attention, self.last_success = status.waiting, status.attention, status.last_success
        now = self._clock()
        if isinstance(outcome, TransientError):
            self._failed(outcome)
            return
        if outcome is None:  # a sync by hand was running: it counts as this try
            self.schedule.succeeded(now)
        elif outcome.report.stopped_by is not None and isinstance(outcome.report.stopped_by, TransientError):
            self.attempts.append((self._started, "unreachable"))
            self.schedule.unreachable(now, moved=outcome.report.progressed)
        else:
            self.attempts.append((self._started, "ok"))
            self.schedule.succeeded(now)
            received = outcome.report.with_outcome("receipted") + outcome.report.with_outcome("already_received")
            refused = outcome.report.with_outcome("needs_attention")
            if received:
                self.notice.emit(self.tr("Sở đã nhận %Ln báo cáo; biên nhận đã lưu.", "", len(received)))
            if refused:
                self.notice.emit(self.tr("%Ln báo cáo bị Sở từ chối, cần xem lại (mục Đồng bộ).", "", len(refused)))
        self._show()

    def _failed(self, error: BaseException) -> None:
        now = self._clock()
        if isinstance(error, TransientError):
            self.attempts.append((self._started, "unreachable"))
            self.schedule.unreachable(now)
        else:
            self.attempts.append((self._started, "refused"))
            self.schedule.succeeded(now)  # not a link problem: the regular interval, and tell the user once
            if isinstance(error, BaocaoError) and error.code not in ("no_server", "not_enrolled"):
                self.notice.emit(error.message())
        self._show()

    def _probe(self) -> None:
        self._probing = True
        sync = _sync_service()

        def work(_progress: Any, _cancelled: Any) -> bool:
            return bool(sync.province_reachable(self.store))

        def answered(reachable: bool) -> None:
            self._probing = False
            if reachable:
                self.schedule.link_returned(self._clock())

        def failed(_error: BaseException) -> None:
            self._probing = False

        run_operation(self._parent, work, title=self.tr("Tự động đồng bộ"), on_success=answered,
                      on_failure=failed, dialog=False)

    def _show(self) -> None:
        s = self.schedule
        if s.interval is None:
            self.label.setText(self.tr("Tự động đồng bộ: tắt. Chờ gửi: {0}; cần xem lại: {1}.").format(
                self.waiting, self.attention))
            return
        last = format_datetime(self.last_success) if self.last_success else self.tr("chưa có")
        upcoming = self.tr("đang đồng bộ") if s.running else _clock_text(s.next_try) if s.next_try else "—"
        text = self.tr("Đồng bộ thành công gần nhất: {0}. Lần thử tới: {1}. Chờ gửi: {2}; cần xem lại: {3}.").format(
            last, upcoming, self.waiting, self.attention)
        if s.failures:
            text += " " + self.tr("Chưa kết nối được với Sở ({0} lần).").format(s.failures)
        if text != self.label.text():
            self.label.setText(text)


def _clock_text(moment: float) -> str:
    return format_datetime(datetime.fromtimestamp(moment, UTC))
