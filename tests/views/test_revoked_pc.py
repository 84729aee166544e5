"""A PC the province revoked (another PC enrolled with ``--replaces all``) against a real province server: it is
told when and why in the officer's words (no «(403)», no key id), the window offers a new enrollment instead of
greying the code field, the home screen no longer suggests a USB export the province would refuse, and a new
code enrolls a new key (the old one stays revoked) instead of being refused the same way for ever."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.services import accounts
from desktop.services.dashboard import dashboard
from desktop.services.demo_province import DemoProvince
from desktop.services.identity import device_identity
from desktop.services.sync import enroll, sync_now
from desktop.sync.sync_errors import DeviceRejected
from desktop.views.next_step_text import next_step_text
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli_in_process
from tests.services.usb_round_trip import TODAY, enrolled_pc
from tests.views.flow_helpers import settle_workers


def _key_id(store) -> str:
    with store.session() as session:
        return device_identity(session).key_id


@pytest.mark.timeout(900)  # a server process and two stores
def test_a_revoked_pc_is_told_why_and_enrolls_again_with_a_new_key(qtbot: QtBot, tmp_path: Path,
                                                                    demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        old = enrolled_pc(tmp_path / "old", province, "Máy cũ")
        new = accounts.create_store(tmp_path / "new", "admin", PASSPHRASE, FAST_KDF).store
        try:
            enroll(new, province.url, province.enrollment_code("all"), "Máy mới")
            old_key = _key_id(old)
            with pytest.raises(DeviceRejected) as refused:
                sync_now(old)
            said = refused.value.message("vi")
            assert "đã bị Sở thu hồi lúc" in said and "vì một máy khác của cơ quan đã đăng ký thay máy này" in said
            assert "mã đăng ký mới" in said and "khóa mới" in said, said
            assert "403" not in said and "ed25519:" not in said, said

            # The window: the code field takes a new code, and the home screen does not send the officer to USB.
            board = dashboard(old, TODAY)
            assert board.revoked
            home = next_step_text(board, "vi")
            assert "thu hồi" in home and "Xuất tệp mã hóa" not in home, home
            window = create_main_window(old, today=TODAY)
            qtbot.addWidget(window)
            window.show()
            panel = window.sync
            window.tabs.setCurrentWidget(panel)
            qtbot.waitUntil(lambda: panel.loading is None and panel.enrolled.isVisible(), timeout=30_000)
            assert panel.code.isEnabled() and panel.enroll_button.isEnabled()
            assert "thu hồi" in panel.enrolled.text() and "403" not in panel.enrolled.text()
            window.close()
            settle_workers()
        finally:
            settle_workers()
            old.close()
            new.close()

        # A new code: a new key is enrolled, the old one stays revoked, and the PC syncs again.
        again = run_cli_in_process("enroll", "--server", province.url, "--data-dir", str(tmp_path / "old"),
                                   env={"BAOCAO_PASSPHRASE": PASSPHRASE,
                                        "BAOCAO_ENROLL_CODE": province.enrollment_code()})
        assert again.returncode == 0, again.stderr
        assert "Đã tạo khóa mới cho máy này" in again.stdout and "khóa cũ vẫn bị thu hồi" in again.stdout
        synced = run_cli_in_process("sync", "--data-dir", str(tmp_path / "old"), env={"BAOCAO_PASSPHRASE": PASSPHRASE})
        assert "thu hồi" not in synced.stdout + synced.stderr, synced.stdout + synced.stderr
        devices = province._admin("device", "list", "DT-MYHIEP")
        [old_line] = [line for line in devices.splitlines() if old_key in line]
        assert "revoked" in old_line or "thu hồi" in old_line
        store = accounts.unlock(tmp_path / "old", "admin", PASSPHRASE)
        try:
            new_key = _key_id(store)
        finally:
            store.close()
        [new_line] = [line for line in devices.splitlines() if new_key in line]
        assert new_key != old_key and ("active" in new_line or "đang dùng" in new_line), devices
