"""``baocao-server user add|list|disable``: Argon2id accounts, the password never in argv, lockout and disabling."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import InputError
from server.cli import main
from server.console.users import LOCK_AFTER, LoginRefused, authenticate
from server.db import Database
from server.models import ConsoleUser


def _db(directory: Path) -> Database:
    return Database(f"sqlite:///{directory / 'server.sqlite3'}")


def test_user_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BAOCAO_CONSOLE_PASSWORD", "một mật khẩu đủ dài")
    monkeypatch.setenv("BAOCAO_LANG", "en")
    assert main(["--data-dir", str(tmp_path), "user", "add", "lan", "--role", "officer"]) == 0
    assert main(["--data-dir", str(tmp_path), "user", "add", "lan", "--role", "viewer"]) != 0
    assert main(["--data-dir", str(tmp_path), "user", "list"]) == 0
    assert "lan\tofficer\tactive" in capsys.readouterr().out
    db = _db(tmp_path)
    with db.transaction() as session:
        stored = session.query(ConsoleUser).one().password_hash
    assert stored.startswith("$argon2id$") and "một mật khẩu" not in stored
    assert authenticate(db, "lan", "một mật khẩu đủ dài").role == "officer"
    assert main(["--data-dir", str(tmp_path), "user", "disable", "lan"]) == 0
    with pytest.raises(LoginRefused):
        authenticate(db, "lan", "một mật khẩu đủ dài")
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "user", "add", "x", "--role", "root"])


def test_short_passwords_are_refused(tmp_path: Path) -> None:
    from server.console.users import add_user

    db = _db(tmp_path)
    db.create_schema()
    with pytest.raises(InputError):
        add_user(db, "an", "viewer", "ngắn")


def test_the_account_locks_after_wrong_passwords_and_opens_again_later(tmp_path: Path) -> None:
    from server.console.users import LOCK_SECONDS, add_user

    db = _db(tmp_path)
    db.create_schema()
    add_user(db, "an", "viewer", "mật khẩu đúng 2026")
    for _ in range(LOCK_AFTER):
        with pytest.raises(LoginRefused):
            authenticate(db, "an", "sai", now=1000.0)
    with pytest.raises(LoginRefused):
        authenticate(db, "an", "mật khẩu đúng 2026", now=1001.0)
    assert authenticate(db, "an", "mật khẩu đúng 2026", now=1001.0 + LOCK_SECONDS).name == "an"
