"""``baocao sync-interval`` sets the same interval as Settings («Tự động đồng bộ mỗi»), in the store."""

from __future__ import annotations

from pathlib import Path

from desktop.services import accounts
from desktop.services.sync_schedule import interval_seconds
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli
from tests.conftest import run_cli_in_process as baocao

SECRET = {"BAOCAO_PASSPHRASE": PASSPHRASE}


def test_the_interval_is_shown_set_turned_off_and_bounded(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    accounts.create_store(folder, "admin", PASSPHRASE, FAST_KDF).store.close()
    shown = run_cli("sync-interval", "--data-dir", str(folder), env=SECRET)
    assert shown.returncode == 0 and "mỗi 15 phút" in shown.stdout, shown.stderr
    assert "mỗi 5 phút" in baocao("sync-interval", "5", "--data-dir", str(folder), env=SECRET).stdout
    refused = baocao("sync-interval", "5000", "--data-dir", str(folder), env=SECRET)
    assert refused.returncode != 0 and "5000" in refused.stderr + refused.stdout
    assert "tắt" in baocao("sync-interval", "0", "--data-dir", str(folder), env=SECRET).stdout
    store = accounts.unlock(folder, "admin", PASSPHRASE)
    try:
        assert interval_seconds(store) is None
    finally:
        store.close()
