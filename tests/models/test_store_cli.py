"""The store's commands as a user meets them: one line, in Vietnamese or English, nothing changed.

The module's ``baocao init`` and the verify that finds the store through BAOCAO_DATA_DIR run as child
processes, as a user runs them; the other commands run in this process (``run_cli_in_process``: the same
``main``, without seconds of imports each)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.conftest import run_cli_in_process as baocao

PHRASE = "mật khẩu đúng 2026"


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("cli") / "data"
    done = run_cli("init", "--data-dir", str(data_dir), env={"BAOCAO_PASSPHRASE": PHRASE})
    assert done.returncode == 0, done.stderr
    assert "KHÓA KHÔI PHỤC" in done.stdout
    return data_dir


def test_wrong_passphrase_one_line_vietnamese_store_unchanged(cli_store: Path) -> None:
    before = _snapshot(cli_store)
    done = baocao("audit", "verify", "--data-dir", str(cli_store), env={"BAOCAO_PASSPHRASE": "sai mật khẩu"})
    assert done.returncode != 0
    assert done.stderr.strip() == "baocao: Sai tên người dùng hoặc mật khẩu."
    assert "Traceback" not in done.stderr + done.stdout
    assert _snapshot(cli_store) == before


def test_wrong_passphrase_in_english(cli_store: Path) -> None:
    done = baocao("audit", "verify", "--data-dir", str(cli_store),
                   env={"BAOCAO_PASSPHRASE": "sai mật khẩu", "LANG": "en"})
    assert done.returncode != 0
    assert done.stderr.strip() == "baocao: Wrong user name or passphrase."


def test_data_dir_from_environment(cli_store: Path) -> None:
    done = run_cli("audit", "verify", env={"BAOCAO_PASSPHRASE": PHRASE, "BAOCAO_DATA_DIR": str(cli_store)})
    assert done.returncode == 0, done.stderr
    assert "nguyên vẹn" in done.stdout


def test_passwd_then_recover(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    init = baocao("init", "--data-dir", str(data_dir), env={"BAOCAO_PASSPHRASE": PHRASE})
    recovery = init.stdout.strip().splitlines()[-1]
    db_before = hashlib.sha256((data_dir / "baocao.db").read_bytes()).hexdigest()
    done = baocao("passwd", "--data-dir", str(data_dir),
                   env={"BAOCAO_PASSPHRASE": PHRASE, "BAOCAO_NEW_PASSPHRASE": "mật khẩu thứ hai"})
    assert done.returncode == 0, done.stderr
    assert hashlib.sha256((data_dir / "baocao.db").read_bytes()).hexdigest() == db_before
    done = baocao("recover", "--data-dir", str(data_dir),
                   env={"BAOCAO_RECOVERY_KEY": recovery, "BAOCAO_NEW_PASSPHRASE": "mật khẩu thứ ba!"})
    assert done.returncode == 0, done.stderr
    done = baocao("audit", "verify", "--data-dir", str(data_dir), env={"BAOCAO_PASSPHRASE": "mật khẩu thứ ba!"})
    assert done.returncode == 0, done.stderr


def test_init_refuses_to_overwrite(cli_store: Path) -> None:
    before = _snapshot(cli_store)
    done = baocao("init", "--data-dir", str(cli_store), env={"BAOCAO_PASSPHRASE": PHRASE})
    assert done.returncode != 0
    assert "không ghi đè" in done.stderr
    assert _snapshot(cli_store) == before
