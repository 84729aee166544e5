"""Replacing a commune's PC from the command line against the real demo province: ``enroll-code --replaces
all`` says which PC it will revoke (and its Vietnamese --help says what it does), the new PC's ``enroll`` says
the old PC was revoked, and its ``sync`` points to ``restore-history`` while the province holds reports the PC
lacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services import accounts
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import sync_now
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli_in_process
from tests.services.usb_round_trip import enrolled_pc

ENV = {"BAOCAO_PASSPHRASE": PASSPHRASE}
HINT = "Sở có 1 báo cáo cũ của cơ quan mà máy này chưa có; hãy khôi phục lịch sử (lệnh baocao restore-history"


def _server(province: DemoProvince, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", *args], capture_output=True, text=True, timeout=120,
                          env={**province._env(), "BAOCAO_LANG": "vi"}, check=True)


@pytest.mark.timeout(900)  # a server process, a demo store and four `baocao` commands
def test_a_replacement_code_says_what_it_revokes_and_the_new_pc_is_told_and_pointed_to_its_history(
        tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        old = enrolled_pc(tmp_path / "old", province, "Máy cũ")
        try:
            assert [o.outcome for o in sync_now(old).report.outcomes] == ["receipted"]
        finally:
            old.close()
        helped = _server(province, "enroll-code", "--help").stdout
        assert "--replaces all" in helped and "thu hồi" in helped and "restore-history" in helped, helped
        issued = _server(province, "enroll-code", "DT-MYHIEP", "--replaces", "all")
        code = issued.stdout.strip()
        assert len(code) == 14, "stdout holds the code alone, for scripts"
        assert "Sở sẽ thu hồi 1 máy đang dùng của DT-MYHIEP: «Máy cũ»" in issued.stderr, issued.stderr

        accounts.create_store(tmp_path / "new", "admin", PASSPHRASE, FAST_KDF).store.close()
        folder = str(tmp_path / "new")
        enrolled = run_cli_in_process("enroll", "--server", province.url, "--data-dir", folder,
                                      env={**ENV, "BAOCAO_ENROLL_CODE": code})
        assert enrolled.returncode == 0, enrolled.stderr
        assert "Sở đã thu hồi máy cũ của cơ quan: «Máy cũ»" in enrolled.stdout, enrolled.stdout
        synced = run_cli_in_process("sync", "--data-dir", folder, env=ENV)
        assert HINT in synced.stdout, synced.stdout
        restored = run_cli_in_process("restore-history", "--data-dir", folder, env=ENV)
        assert restored.returncode == 0, restored.stderr
        again = run_cli_in_process("sync", "--data-dir", folder, env=ENV)
        assert "báo cáo cũ" not in again.stdout, again.stdout
