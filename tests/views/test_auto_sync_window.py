"""Periodic sync in the real main window, against a real province server process on 127.0.0.1, its clock
driven by the test: a receipt arriving by itself is told in the status bar; a sync with nothing to send says
nothing; a tick while a sync by hand holds the line starts no second sync, and the report goes at the next."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.services import sync
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import enroll, outbox_counts, receipt_history
from desktop.views.main_window import MainWindow
from desktop.views.settings_dialog import UiSettings
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.e2e.test_agency_devices import TODAY, _sign_current
from tests.views.flow_helpers import settle_workers

QUIET = "— thông báo của kiểm thử —"


class StepClock:
    """Seconds that move only when the test says so."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.timeout(900)  # a demo store and a server process: minutes on a loaded machine
def test_the_window_tells_a_receipt_says_nothing_of_an_empty_sync_and_never_doubles_one(
        tmp_path: Path, demo_province_folder: Path, qtbot: QtBot) -> None:
    with DemoProvince(demo_province_folder) as province:
        store = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                           enroll=lambda s: enroll(s, province.url, demo_code(province))).store
        try:
            window = MainWindow(store, UiSettings())
            qtbot.addWidget(window)
            auto = window.auto_sync
            auto.timer.stop()  # from here the test ticks
            assert auto.schedule.next_try is not None
            clock = StepClock(auto.schedule.next_try - 1)
            auto._clock = clock
            notices: list[str] = []
            auto.notice.connect(notices.append)

            def tick_at_next_try() -> None:
                assert auto.schedule.next_try is not None
                clock.now = auto.schedule.next_try
                auto.tick()
                qtbot.waitUntil(lambda: not auto.schedule.running, timeout=60_000)
                settle_workers()

            settle_workers()
            assert outbox_counts(store) == (1, 0)
            tick_at_next_try()
            assert [r.status for r in receipt_history(store)] == ["accepted"], "sent with no click"
            assert "Sở đã nhận 1 báo cáo" in window.statusBar().currentMessage()

            window.statusBar().showMessage(QUIET)
            tick_at_next_try()
            assert [what for _t, what in auto.attempts] == ["ok", "ok"]
            assert window.statusBar().currentMessage() == QUIET and len(notices) == 1, \
                "a sync with nothing to send or receive is silent"

            _sign_current(store)
            with sync._ONE_AT_A_TIME:  # a sync by hand is running
                tick_at_next_try()
                assert outbox_counts(store) == (1, 0), "no second sync while one runs"
            assert window.statusBar().currentMessage() == QUIET and len(notices) == 1
            tick_at_next_try()
            assert outbox_counts(store) == (0, 0) and len(receipt_history(store)) == 2
            assert "Sở đã nhận 1 báo cáo" in window.statusBar().currentMessage()
        finally:
            settle_workers()
            store.close()
