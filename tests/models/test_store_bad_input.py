"""A folder that is not a store, a truncated store, a damaged key file: clear messages, nothing overwritten."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from desktop.errors import StoreError
from desktop.models.store import DB_NAME, SLOTS_NAME, Store
from tests.conftest import run_cli
from tests.conftest import run_cli_in_process as baocao

V1 = Path(__file__).resolve().parent.parent / "data" / "store_v1"


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "ghi chú.txt").write_text("không phải kho dữ liệu", encoding="utf-8")
    before = _digests(tmp_path)
    done = run_cli("audit", "verify", "--data-dir", str(tmp_path), env={"BAOCAO_PASSPHRASE": "x" * 10})
    assert done.returncode != 0
    assert "không phải kho dữ liệu baocao" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert _digests(tmp_path) == before


def test_truncated_store(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    shutil.copytree(V1, data_dir)
    db = data_dir / DB_NAME
    db.write_bytes(db.read_bytes()[:10_000])
    before = _digests(data_dir)
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, "admin", "kho-v1-2026")
    assert caught.value.code == "store_damaged"
    assert "cắt cụt" in caught.value.message("vi")
    assert _digests(data_dir) == before


def test_store_truncated_on_a_page_boundary(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    shutil.copytree(V1, data_dir)
    db = data_dir / DB_NAME
    db.write_bytes(db.read_bytes()[:4096 * 3])
    before = _digests(data_dir)
    done = baocao("audit", "verify", "--data-dir", str(data_dir), env={"BAOCAO_PASSPHRASE": "kho-v1-2026"})
    assert done.returncode != 0
    assert "hỏng" in done.stderr and "Traceback" not in done.stderr
    assert {k: v for k, v in _digests(data_dir).items() if k in before} == before


def test_damaged_key_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    shutil.copytree(V1, data_dir)
    (data_dir / SLOTS_NAME).write_text("{ not json", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, "admin", "kho-v1-2026")
    assert caught.value.code == "keyslots_damaged"


def test_database_missing_beside_key_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    shutil.copytree(V1, data_dir)
    (data_dir / DB_NAME).unlink()
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, "admin", "kho-v1-2026")
    assert caught.value.code == "not_a_store"
    assert not (data_dir / DB_NAME).exists()
