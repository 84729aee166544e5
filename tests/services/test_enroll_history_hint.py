"""``baocao enroll`` points to restoring the agency's history only when the province holds some that this PC
lacks: a commune's first PC, enrolled before any report reached the Sở, is not sent to restore nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import accounts
from desktop.services.demo_province import DemoProvince
from desktop.services.identity import device_identity
from desktop.services.sync import sync_now
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code, run_cli_in_process
from tests.services.usb_round_trip import enrolled_pc

ENV = {"BAOCAO_PASSPHRASE": PASSPHRASE}
HINT = "Sở có 1 báo cáo cũ của cơ quan mà máy này chưa có; hãy khôi phục lịch sử (lệnh baocao restore-history"


def _enroll_new_pc(folder: Path, province: DemoProvince, replaces: str | None) -> str:
    accounts.create_store(folder, "admin", PASSPHRASE, FAST_KDF).store.close()
    done = run_cli_in_process("enroll", "--server", province.url, "--data-dir", str(folder),
                              env={**ENV, "BAOCAO_ENROLL_CODE": demo_code(province, replaces)})
    assert done.returncode == 0, done.stderr
    return done.stdout


def _key_id(folder: Path) -> str:
    store = accounts.unlock(folder, "admin", PASSPHRASE)
    try:
        with store.session() as session:
            return device_identity(session).key_id
    finally:
        store.close()


@pytest.mark.timeout(900)  # a server process and four stores
def test_enroll_suggests_restoring_history_only_when_the_province_holds_some(
        tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        old = enrolled_pc(tmp_path / "old", province, "Máy cũ")
        try:
            _enroll_new_pc(tmp_path / "spare", province, None)
            said = _enroll_new_pc(tmp_path / "second", province, _key_id(tmp_path / "spare"))
            assert "Sở đã thu hồi máy cũ của cơ quan" in said, said
            assert "restore-history" not in said and "báo cáo cũ" not in said, "the Sở holds nothing yet: " + said
            assert [o.outcome for o in sync_now(old).report.outcomes] == ["receipted"]
        finally:
            old.close()
        said = _enroll_new_pc(tmp_path / "new", province, "all")
        assert "Sở đã thu hồi máy cũ của cơ quan: «Máy cũ»" in said, said
        assert HINT in said and said.count("restore-history") == 1, said
