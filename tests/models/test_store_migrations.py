"""A store made by the first schema opens and upgrades under every later one; a newer one is refused."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.errors import StoreError
from desktop.models import migrate
from desktop.models.audit import verify_chain
from desktop.models.outbox import OutboxItem
from desktop.models.plan import Task
from desktop.models.report import TaskProgress
from desktop.models.store import DB_NAME, Store

V1 = Path(__file__).resolve().parent.parent / "data" / "store_v1"


def test_head_constant_matches_the_scripts() -> None:
    assert migrate.head_revision() == migrate.HEAD


def test_first_schema_store_upgrades_with_data_intact(tmp_path: Path) -> None:
    data_dir = tmp_path / "v1"
    shutil.copytree(V1, data_dir)
    store = Store.open(data_dir, "admin", "kho-v1-2026")
    with store.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD
    with store.session() as session:
        assert session.scalars(select(Task.title)).one() == "Triển khai nền tảng số dùng chung"
        assert session.scalars(select(TaskProgress.percent)).one() == 40.0
        assert session.scalars(select(OutboxItem)).all() == []
        assert verify_chain(session).ok
    store.close()


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    data_dir = tmp_path / "v1"
    shutil.copytree(V1, data_dir)
    store = Store.open(data_dir, "admin", "kho-v1-2026")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    store.close()
    before = hashlib.sha256((data_dir / DB_NAME).read_bytes()).hexdigest()
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, "admin", "kho-v1-2026")
    assert caught.value.code == "schema_too_new"
    assert "mới hơn" in caught.value.message("vi")
    assert hashlib.sha256((data_dir / DB_NAME).read_bytes()).hexdigest() == before
