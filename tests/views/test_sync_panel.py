"""The sync panel against a real province server on loopback: "sync now" shows each bundle's outcome and
the province's receipt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import enroll
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code
from tests.views.flow_helpers import settle_workers

TODAY = date(2026, 11, 23)


@pytest.mark.timeout(900)  # a demo store, a server process (first in a worker, the province set-up): minutes if loaded
def test_sync_now_shows_the_outcome_and_the_receipt(qtbot: QtBot, tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        store = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                           enroll=lambda store: enroll(store, province.url, demo_code(province))).store
        try:
            window = create_main_window(store, today=TODAY)
            qtbot.addWidget(window)
            window.show()
            panel = window.sync
            window.tabs.setCurrentWidget(panel)
            qtbot.waitUntil(lambda: panel.loading is None, timeout=10_000)
            assert panel.url.text() == province.url
            assert panel.receipts.topLevelItem(0).text(2) == "Chờ gửi"  # the signed demo quarter waits

            qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
            assert not panel.sync_button.isEnabled() and panel.cancel_button.isEnabled()
            qtbot.waitUntil(lambda: panel.operation is None and panel.loading is None, timeout=30_000)

            assert panel.sync_button.isEnabled() and not panel.progress.isVisible()
            assert "Sở đã nhận 1" in panel.state.text(), panel.state.text()
            outcome = panel.outcomes.topLevelItem(0)
            assert (outcome.text(0), outcome.text(2)) == ("Quý III năm 2026", "Sở đã nhận")
            receipt = panel.receipts.topLevelItem(0)
            assert (receipt.text(0), receipt.text(2)) == ("Quý III năm 2026", "Sở đã nhận")
            assert receipt.text(3).count("/") == 2  # received at dd/mm/yyyy hh:mm
            window.close()
        finally:
            settle_workers()
            store.close()
