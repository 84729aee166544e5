"""Passphrases, the recovery key and several users: each opens the same store independently."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.errors import StoreError, WrongPassphrase
from desktop.models.keyslots import decode_recovery_key, new_recovery_key
from desktop.models.plan import Plan
from desktop.models.store import DB_NAME, Store
from tests.conftest import FAST_KDF, PASSPHRASE


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_changing_a_passphrase_leaves_the_database_bytes_unchanged(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    store, _ = Store.create(data_dir, "admin", PASSPHRASE, FAST_KDF)
    with store.session() as session:
        session.add(Plan(code="594/KH-UBND", title="Kế hoạch"))
    store.close()
    before = _digest(data_dir / DB_NAME)
    store = Store.open(data_dir, "admin", PASSPHRASE)
    store.set_passphrase("admin", "mật khẩu mới hơn", FAST_KDF)
    store.close()
    assert _digest(data_dir / DB_NAME) == before
    with pytest.raises(WrongPassphrase):
        Store.open(data_dir, "admin", PASSPHRASE)
    Store.open(data_dir, "admin", "mật khẩu mới hơn").close()


def test_recovery_key_opens_and_sets_a_new_passphrase(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    store, recovery = Store.create(data_dir, "admin", PASSPHRASE, FAST_KDF)
    store.close()
    recovered = Store.open_with_recovery(data_dir, recovery.lower().replace("-", " "))
    recovered.set_passphrase("admin", "sau khi khôi phục", FAST_KDF)
    recovered.close()
    Store.open(data_dir, "admin", "sau khi khôi phục").close()
    with pytest.raises(WrongPassphrase):
        Store.open_with_recovery(data_dir, new_recovery_key())


def test_second_user_slot_is_independent(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    store, _ = Store.create(data_dir, "admin", PASSPHRASE, FAST_KDF)
    store.set_passphrase("lãnh đạo", "mật khẩu của lãnh đạo", FAST_KDF)
    store.set_passphrase("admin", "admin đổi mật khẩu", FAST_KDF)
    store.close()
    Store.open(data_dir, "lãnh đạo", "mật khẩu của lãnh đạo").close()
    Store.open(data_dir, "admin", "admin đổi mật khẩu").close()
    with pytest.raises(WrongPassphrase):
        Store.open(data_dir, "lãnh đạo", "admin đổi mật khẩu")


def test_passphrase_is_compared_in_nfc(tmp_path: Path) -> None:
    import unicodedata

    data_dir = tmp_path / "d"
    Store.create(data_dir, "admin", PASSPHRASE, FAST_KDF)[0].close()
    Store.open(data_dir, "admin", unicodedata.normalize("NFD", PASSPHRASE)).close()


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="8"):
        Store.create(tmp_path / "d", "admin", "ngắn", FAST_KDF)


def test_recovery_key_encoding_round_trips() -> None:
    key = new_recovery_key()
    assert len(key.replace("-", "")) == 52
    assert len(decode_recovery_key(key)) == 32
    with pytest.raises(WrongPassphrase):
        decode_recovery_key("0000")
