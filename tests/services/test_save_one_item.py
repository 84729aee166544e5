"""Saving one field reads only the item named (not every task of the plans) and still finds exactly that
item: the same key in two plans, and a name the agency is not given, refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import InputError
from desktop.models.plan import Plan, Task, TaskAgency
from desktop.models.store import Store
from desktop.services import evidence, reports
from tests.services.conftest import TODAY


def test_a_key_two_plans_share_saves_the_named_plans_task_only(demo_store: Store) -> None:
    view = reports.open_report(demo_store, None, TODAY)
    first = view.tasks[0]
    with demo_store.session() as session:  # a second plan numbering a task as the first plan does
        plan = Plan(code="999/KH-UBND", title="Kế hoạch thứ hai")
        session.add(plan)
        session.flush()
        task = Task(plan_id=plan.id, key=first.key, title="Nhiệm vụ cùng số của kế hoạch khác",
                    lead_text="UBND các xã, phường", deadline_text="Thường xuyên",
                    deadline_kind="recurring", position=0)
        task.agencies = [TaskAgency(role="lead", agency_name="UBND các xã, phường")]
        session.add(task)
    other = f"999/KH-UBND::{first.key}"
    reports.update_task(demo_store, view.period.code, other, result="Chỉ mục của kế hoạch thứ hai")
    reports.update_task(demo_store, view.period.code, first.ref, result="Chỉ mục này")
    after = {t.ref: t for t in reports.open_report(demo_store, view.period.code, TODAY).tasks}
    assert after[first.ref].result == "Chỉ mục này"
    assert after[other].result == "Chỉ mục của kế hoạch thứ hai"


def test_a_name_not_given_to_the_agency_is_refused_and_nothing_is_saved(demo_store: Store, tmp_path: Path) -> None:
    view = reports.open_report(demo_store, None, TODAY)
    task = view.tasks[0]
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban")
    for ref in (f"999/KH-KHONG-CO::{task.key}", f"{task.plan}::KHONG-CO", task.key):
        with pytest.raises(InputError) as refused:
            reports.update_task(demo_store, view.period.code, ref, result="không được lưu")
        assert refused.value.code == "not_assigned"
        with pytest.raises(InputError) as refused:
            evidence.attach_evidence(demo_store, view.period.code, "task", ref, scan)
        assert refused.value.code == "not_assigned"
    indicator = view.indicators[0]
    with pytest.raises(InputError) as refused:
        reports.update_indicator(demo_store, view.period.code, f"999/KH-KHONG-CO::{indicator.key}", note="x")
    assert refused.value.code == "not_assigned"
    after = reports.open_report(demo_store, view.period.code, TODAY)
    assert "không được lưu" not in {t.result for t in after.tasks}
