"""Two admins disabling (or demoting) each other at the same moment leave one admin, on SQLite and on
PostgreSQL (BAOCAO_TEST_PG_URL; skipped without it, except in CI). Each action is held just after its
"another admin remains" check until the other has reached the same point (or for two seconds, when the
other waits on a lock): without a lock both checks pass and both commit, leaving the console without an
admin."""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.errors import InputError
from server.console import users
from server.db import Database
from tests.server.postgres_url import postgres_url


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'server.sqlite3'}" if request.param == "sqlite" else postgres_url())
    database.create_schema()
    yield database
    database.dispose()


def _at_once(monkeypatch: pytest.MonkeyPatch, actions: list[Callable[[], object]]) -> list[str]:
    """Run ``actions`` in two threads, each held after its last-admin check; the refusals' codes."""
    meet = threading.Barrier(len(actions))
    check = users._keep_an_admin

    def held(*args: object) -> None:
        check(*args)  # type: ignore[arg-type]
        with contextlib.suppress(threading.BrokenBarrierError):  # the other waits for this one's lock
            meet.wait(timeout=2)

    monkeypatch.setattr(users, "_keep_an_admin", held)
    refused: list[str] = []

    def run(action: Callable[[], object]) -> None:
        try:
            action()
        except InputError as exc:
            refused.append(exc.code)

    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return refused


def _enabled_admins(db: Database, names: set[str]) -> set[str]:
    return {u.name for u in users.list_users(db) if u.name in names and u.role == "admin" and not u.disabled}


@pytest.mark.parametrize("how", ["disable", "demote"])
def test_two_admins_acting_on_each_other_at_once_leave_one(db: Database, monkeypatch: pytest.MonkeyPatch,
                                                           how: str) -> None:
    first, second = f"a-{uuid.uuid4().hex[:8]}", f"b-{uuid.uuid4().hex[:8]}"
    for name in (first, second):
        users.add_user(db, name, "admin", "mật khẩu quản trị 2026")
    for other in users.list_users(db):  # a PostgreSQL database may hold earlier tests' admins
        if other.name not in (first, second) and other.role == "admin" and not other.disabled:
            users.disable_user(db, other.name)

    def act(name: str) -> Callable[[], object]:
        return (lambda: users.disable_user(db, name)) if how == "disable" else (
            lambda: users.change_role(db, name, "viewer"))

    refused = _at_once(monkeypatch, [act(second), act(first)])
    assert refused == ["last_admin"]
    assert len(_enabled_admins(db, {first, second})) == 1
