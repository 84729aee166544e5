"""The audit log records every change and any edit or deletion of it is found and named.

``baocao audit verify`` runs in this process here (``run_cli_in_process``); the bundle build runs it as a
program on the same first-release store, and tests/models/test_store_cli.py as a child process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models.audit import AuditEvent, verify_chain
from desktop.models.plan import Plan
from desktop.models.settings import set_setting
from desktop.models.store import Store
from tests.conftest import run_cli_in_process

V1 = Path(__file__).resolve().parent.parent / "data" / "store_v1"


def test_every_change_is_recorded_with_who(store: Store) -> None:
    with store.session(actor="cán bộ A") as session:
        plan = Plan(code="594/KH-UBND", title="Kế hoạch")
        session.add(plan)
    with store.session(actor="lãnh đạo B") as session:
        session.get(Plan, plan.id).title = "Kế hoạch đã sửa"
    with store.session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "plan")).all()
        assert [(e.actor, e.action) for e in events] == [("cán bộ A", "insert"), ("lãnh đạo B", "update")]
        assert "Kế hoạch đã sửa" in events[1].details
        assert verify_chain(session).ok


def test_secrets_are_not_copied_into_the_log(store: Store) -> None:
    with store.session() as session:
        set_setting(session, "secret.device_key", "a1b2c3d4e5f6")
    with store.session() as session:
        details = session.scalars(select(AuditEvent.details).where(AuditEvent.entity == "setting")).one()
    assert "a1b2c3d4e5f6" not in details


def test_the_log_refuses_updates_and_deletes(store: Store) -> None:
    with store.engine.begin() as conn, pytest.raises(Exception, match="append-only"):
        conn.exec_driver_sql("DELETE FROM audit_event")


def _tamper(data_dir: Path, sql: str) -> None:
    store = Store.open(data_dir, "admin", "kho-v1-2026")
    with store.session() as session:
        for i in range(3):
            session.add(Plan(code=f"KH-{i}", title=f"Kế hoạch {i}"))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_event_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_event_no_delete")
        conn.exec_driver_sql(sql)
    store.close()


@pytest.mark.parametrize(("sql", "named"), [
    ("UPDATE audit_event SET actor = 'kẻ gian' WHERE id = 3", "#3"),
    ("DELETE FROM audit_event WHERE id = 2", "#3"),
    ("DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)", "sau #"),
])
def test_tampering_makes_audit_verify_fail_naming_the_event(tmp_path: Path, sql: str, named: str) -> None:
    data_dir = tmp_path / "d"
    shutil.copytree(V1, data_dir)
    ok = run_cli_in_process("audit", "verify", "--data-dir", str(data_dir), env={"BAOCAO_PASSPHRASE": "kho-v1-2026"})
    assert ok.returncode == 0, ok.stderr
    _tamper(data_dir, sql)
    done = run_cli_in_process("audit", "verify", "--data-dir", str(data_dir), env={"BAOCAO_PASSPHRASE": "kho-v1-2026"})
    assert done.returncode != 0
    assert named in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
