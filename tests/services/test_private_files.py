"""The store's folder and files, and the demo province's, are for this user only; the server child gets no secret."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.models.store import Store
from desktop.services.demo_province import DemoProvince
from tests.conftest import FAST_KDF, PASSPHRASE

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes")


def _modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): stat.S_IMODE(p.stat().st_mode) for p in [folder, *folder.rglob("*")]}


def test_a_store_is_0700_and_its_files_0600_even_under_a_loose_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        store, _recovery = Store.create(tmp_path / "data", "admin", PASSPHRASE, FAST_KDF)
        store.close()
        (tmp_path / "data").chmod(0o755)
        Store.open(tmp_path / "data", "admin", PASSPHRASE).close()
    finally:
        os.umask(old)
    modes = _modes(tmp_path / "data")
    assert modes.pop(".") == 0o700
    assert modes and all(mode == 0o600 for mode in modes.values()), modes


@pytest.mark.slow(seconds=35)
def test_the_demo_province_keeps_its_files_private_and_gets_no_passphrase(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_PASSPHRASE", "bí mật của người dùng")
    monkeypatch.setenv("BAOCAO_ENROLL_CODE", "K7QM-2XPA-9RTD")
    with DemoProvince(tmp_path / "province") as province:
        assert province.process is not None
        environ = Path(f"/proc/{province.process.pid}/environ").read_bytes().split(b"\0")
        names = {entry.split(b"=", 1)[0] for entry in environ}
        assert b"BAOCAO_SERVER_DATA_DIR" in names
        assert not names & {b"BAOCAO_PASSPHRASE", b"BAOCAO_ENROLL_CODE"}, "the server child inherited a secret"
        modes = _modes(tmp_path / "province")
    loose = {name: oct(mode) for name, mode in modes.items()
             if mode & 0o077 and not (tmp_path / "province" / name).is_symlink()}
    assert not loose, f"readable by others: {loose}"
