"""Periodic sync against a real province server process on 127.0.0.1.

A signed report reaches the province with no click (a real 2-second timer). The back-off and the return
of the link are driven on a test clock, tick by tick, so that the machine's load cannot reorder them:
with the province down the attempts back off; when it is back the next probe brings the attempt forward,
before the try the back-off had planned.

Why the clock: on a loaded machine the wall-clock version of this test saw the back-off's own attempt
already running (its client retrying inside ``RetryPolicy``) when the province came back; that attempt
then succeeded and looked like "no earlier than the back-off", while the probe had nothing left to beat.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import enroll, outbox_counts, receipt_history
from desktop.views.auto_sync import AutoSync
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.e2e.test_agency_devices import TODAY, _sign_current
from tests.views.flow_helpers import settle_workers


class StepClock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.slow(seconds=30)
@pytest.mark.timeout(900)  # a demo store, a server process (first in a worker, the province set-up): minutes if loaded
def test_periodic_sync_sends_by_itself_backs_off_and_the_probe_beats_the_backoff(
        tmp_path: Path, demo_province_folder: Path, qtbot: QtBot) -> None:
    folder = demo_province_folder
    province = DemoProvince(folder).__enter__()
    store = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                       enroll=lambda s: enroll(s, province.url, demo_code(province))).store
    window = QWidget()
    qtbot.addWidget(window)
    notices: list[str] = []
    try:
        timed = AutoSync(store, window, interval=2.0)  # the real timer and clock
        timed.notice.connect(notices.append)
        assert outbox_counts(store) == (1, 0)
        qtbot.waitUntil(lambda: outbox_counts(store) == (0, 0), timeout=60_000)
        assert [r.status for r in receipt_history(store)] == ["accepted"], "sent with no click"
        qtbot.waitUntil(lambda: bool(notices), timeout=30_000)
        assert "Sở đã nhận 1 báo cáo" in notices[0]
        qtbot.waitUntil(lambda: "Chờ gửi: 0; cần xem lại: 0" in timed.label.text(), timeout=30_000)
        timed.timer.stop()
        settle_workers()

        province.__exit__(None, None, None)
        _sign_current(store)
        clock = StepClock()
        auto = AutoSync(store, window, interval=2.0, clock=clock)
        auto.timer.stop()  # from here the test ticks

        def settled() -> bool:
            return not auto.schedule.running and not auto._probing

        def tick_at(moment: float) -> None:
            clock.now = moment
            auto.tick()
            qtbot.waitUntil(settled, timeout=30_000)

        qtbot.waitUntil(lambda: "Chờ gửi: 1" in auto.label.text(), timeout=30_000)
        delays = []
        for _ in range(3):
            assert auto.schedule.next_try is not None
            tick_at(auto.schedule.next_try)
            delays.append(auto.schedule.next_try - clock.now)
        assert [what for _t, what in auto.attempts] == ["unreachable"] * 3
        assert delays[2] >= 2.0 * 4 * 0.8 and delays[2] > delays[0], \
            f"attempts back off: the third waits ~8 s, not the 2-s interval ({delays})"
        assert "Chưa kết nối được với Sở (3 lần)" in auto.label.text() and "Chờ gửi: 1" in auto.label.text()

        planned = auto.schedule.next_try
        assert planned is not None
        tick_at(clock.now + auto.schedule.probe_every)  # a probe while the province is still down
        assert auto.schedule.next_try == planned and len(auto.attempts) == 3, "a failed probe moves nothing"

        back = DemoProvince(folder)
        back.port = province.port  # the same address the store knows
        province = back.__enter__()
        returned = clock.now + auto.schedule.probe_every
        assert returned < planned
        tick_at(returned)  # the probe finds the province
        assert len(auto.attempts) == 3 and auto.schedule.next_try == returned, "the try is brought forward"
        tick_at(returned + 1.0)  # the next tick starts it
        assert auto.attempts[3:] == [(returned + 1.0, "ok")]
        assert returned + 1.0 < planned, "the attempt came before the back-off would have tried"
        assert outbox_counts(store) == (0, 0)
        assert [r.status for r in receipt_history(store)] == ["accepted", "accepted"]
        assert auto.schedule.failures == 0 and "Chưa kết nối" not in auto.label.text()
    finally:
        settle_workers()
        store.close()
        province.__exit__(None, None, None)
