"""Periodic sync with a 2-second interval against a real province server process on 127.0.0.1.

A signed report reaches the province with no click; with the province down the attempts back off;
when it is back the next attempt comes within seconds (the link probe), not after the backoff.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import enroll, outbox_counts, receipt_history
from desktop.views.auto_sync import AutoSync
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.e2e.test_agency_devices import TODAY, _sign_current
from tests.views.flow_helpers import settle_workers


@pytest.mark.timeout(900)  # a demo store, a server process (first in a worker, the province set-up): minutes if loaded
def test_periodic_sync_sends_by_itself_backs_off_and_returns_within_seconds(
        tmp_path: Path, demo_province_folder: Path, qtbot: QtBot) -> None:
    folder = demo_province_folder
    province = DemoProvince(folder).__enter__()
    store = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                       enroll=lambda s: enroll(s, province.url, province.enrollment_code())).store
    window = QWidget()
    qtbot.addWidget(window)
    notices: list[str] = []
    try:
        auto = AutoSync(store, window, interval=2.0)
        auto.notice.connect(notices.append)
        assert outbox_counts(store) == (1, 0)
        qtbot.waitUntil(lambda: outbox_counts(store) == (0, 0), timeout=60_000)
        assert [r.status for r in receipt_history(store)] == ["accepted"], "sent with no click"
        qtbot.waitUntil(lambda: bool(notices), timeout=5_000)
        assert "Sở đã nhận 1 báo cáo" in notices[0]
        assert "Chờ gửi: 0; cần xem lại: 0" in auto.label.text()

        province.__exit__(None, None, None)
        _sign_current(store)
        qtbot.waitUntil(lambda: sum(1 for _t, what in auto.attempts if what == "unreachable") >= 3, timeout=60_000)
        assert auto.schedule.failures >= 3 and auto.schedule.last_delay >= 2.0 * 4 * 0.8, \
            f"attempts back off: the third waits ~8 s, not the 2-s interval ({auto.schedule.last_delay:.1f} s)"
        assert "Chưa kết nối được với Sở" in auto.label.text() and "Chờ gửi: 1" in auto.label.text()

        back = DemoProvince(folder)
        back.port = province.port  # the same address the store knows
        restarting = time.time()
        up: dict[str, float | None] = {}

        def restart() -> None:  # off the UI thread: attempts and probes go on (and back off) meanwhile
            back.__enter__()
            up["at"], up["backoff"] = time.time(), auto.schedule.next_try

        thread = threading.Thread(target=restart)
        thread.start()
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=120_000)
        province = back
        returned, waiting_for = up["at"] or 0.0, up["backoff"]
        qtbot.waitUntil(lambda: any(what == "ok" and t > restarting for t, what in auto.attempts), timeout=30_000)
        assert outbox_counts(store) == (0, 0)
        first_ok = next(t for t, what in auto.attempts if what == "ok" and t > restarting)
        assert first_ok - returned < 8.0, "the next attempt came within seconds of the link returning"
        assert waiting_for is not None and first_ok - waiting_for < 2.0, "…and no later than the backoff's own try"
        assert [r.status for r in receipt_history(store)] == ["accepted", "accepted"]
    finally:
        settle_workers()
        store.close()
        province.__exit__(None, None, None)
