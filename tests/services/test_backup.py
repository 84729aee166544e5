"""``baocao backup`` / ``baocao restore`` as a user runs them: encrypted, passphrase or recovery key, no overwrite.

The first backup runs as a child process, as a user runs it; the other commands run in this process
(``run_cli_in_process``: the same ``main``, without seconds of imports each)."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from desktop.services.demo import setup_demo
from desktop.services.periods import current_period_code
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli
from tests.conftest import run_cli_in_process as baocao

SECRET = {"BAOCAO_PASSPHRASE": PASSPHRASE}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("backup") / "demo"
    made = setup_demo(folder, PASSPHRASE, kdf=FAST_KDF)
    made.store.close()
    assert made.recovery_key
    return folder, made.recovery_key


def _summary(folder: Path) -> str:
    done = baocao("report", "show", "--json", "--period", current_period_code(), "--data-dir", str(folder),
                  env=SECRET)
    assert done.returncode == 0, done.stderr
    return json.dumps(json.loads(done.stdout), sort_keys=True)


def test_backup_then_restore_with_the_passphrase_gives_the_same_reports(demo: tuple[Path, str],
                                                                       tmp_path: Path) -> None:
    folder, _recovery = demo
    backup = tmp_path / "sao-luu.bcbak"
    done = run_cli("backup", "--out", str(backup), "--data-dir", str(folder), env=SECRET)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with zipfile.ZipFile(backup) as archive:
        assert sorted(archive.namelist()) == ["backup.json", "baocao.db", "keyslots.json"]
        content = b"".join(archive.read(name) for name in archive.namelist())
    assert "UBND xã".encode() not in content and b"SQLite format 3" not in content, "the backup stays encrypted"

    target = tmp_path / "new-pc"
    done = baocao("restore", str(backup), "--data-dir", str(target), env=SECRET)
    assert done.returncode == 0, done.stderr
    assert _summary(target) == _summary(folder)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700

    again = baocao("restore", str(backup), "--data-dir", str(target), env=SECRET)
    assert again.returncode != 0 and "không ghi đè" in again.stderr + again.stdout
    replaced = baocao("restore", str(backup), "--data-dir", str(target), "--replace", env=SECRET)
    assert replaced.returncode == 0, replaced.stderr
    assert list(tmp_path.glob("new-pc.replaced-*")), "the replaced store is kept beside, not deleted"


def test_restore_with_the_recovery_key_and_refusals_leave_nothing(demo: tuple[Path, str], tmp_path: Path) -> None:
    folder, recovery = demo
    backup = tmp_path / "b.bcbak"
    assert baocao("backup", "--out", str(backup), "--data-dir", str(folder), env=SECRET).returncode == 0
    wrong = baocao("restore", str(backup), "--data-dir", str(tmp_path / "x"), env={"BAOCAO_PASSPHRASE": "sai"})
    assert wrong.returncode != 0 and not (tmp_path / "x").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["b.bcbak"], "a refused restore leaves no folder behind"
    done = baocao("restore", str(backup), "--recovery", "--data-dir", str(tmp_path / "r"),
                   env={"BAOCAO_RECOVERY_KEY": recovery})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r" / "baocao.db").exists()
    damaged = tmp_path / "d.bcbak"
    damaged.write_bytes(backup.read_bytes()[:-4000])
    bad = baocao("restore", str(damaged), "--data-dir", str(tmp_path / "d"), env=SECRET)
    assert bad.returncode != 0 and "d.bcbak" in bad.stderr + bad.stdout
