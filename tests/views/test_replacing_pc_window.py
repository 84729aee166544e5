"""Enrolling a new PC in the window with a code that replaces the old one: the Đồng bộ tab names the old PC the
province revoked and points to the next step, restoring the agency's history from the Sở."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.services import accounts
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import sync_now
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.usb_round_trip import TODAY, enrolled_pc
from tests.views.flow_helpers import settle_workers


@pytest.mark.timeout(900)  # a server process and two stores
def test_window_enrollment_names_the_revoked_pc_and_points_to_restoring_history(
        qtbot: QtBot, tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        old = enrolled_pc(tmp_path / "old", province, "Máy cũ")
        try:
            assert [o.outcome for o in sync_now(old).report.outcomes] == ["receipted"]
        finally:
            old.close()
        new = accounts.create_store(tmp_path / "new", "admin", PASSPHRASE, FAST_KDF).store
        try:
            window = create_main_window(new, today=TODAY)
            qtbot.addWidget(window)
            window.show()
            panel = window.sync
            window.tabs.setCurrentWidget(panel)
            qtbot.waitUntil(lambda: panel.loading is None, timeout=30_000)
            panel.url.setText(province.url)
            panel.code.setText(province.enrollment_code("all"))
            panel.enroll_button.click()
            qtbot.waitUntil(lambda: panel.operation is None and "Đã đăng ký" in panel.state.text(), timeout=120_000)
            said = panel.state.text()
            assert "Sở đã thu hồi máy cũ của cơ quan: «Máy cũ»" in said, said
            assert "Công cụ › Khôi phục lịch sử báo cáo từ Sở…" in said, said
            window.close()
        finally:
            settle_workers()
            new.close()
