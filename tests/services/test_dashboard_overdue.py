"""The home screen's «Nhiệm vụ quá hạn» lists the late tasks this agency has a role in, and drops one once the
officer has written what the warning asks (the reason and a new date); it stayed listed after that."""

from __future__ import annotations

from desktop.models.store import Store
from desktop.services.dashboard import dashboard
from desktop.services.reports import update_task
from tests.services.conftest import TODAY


def test_a_late_task_leaves_the_list_once_its_reason_and_new_date_are_written(demo_store: Store) -> None:
    board = dashboard(demo_store, TODAY)
    late = [t for t in board.overdue if t.key == "I.2"]
    assert late and all(t.role in ("lead", "coordinator") for t in board.overdue), "only tasks with a role here"
    code = "2026Q4"  # the current report on the demo's day, whose tasks the list shows
    update_task(demo_store, code, late[0].ref, difficulties="Thiếu kinh phí và nhân lực chuyên trách.")
    assert any(t.key == "I.2" for t in dashboard(demo_store, TODAY).overdue), "a reason without a new date"
    update_task(demo_store, code, late[0].ref,
                difficulties="Thiếu kinh phí và nhân lực chuyên trách; dự kiến hoàn thành tháng 6/2027.")
    assert not any(t.key == "I.2" for t in dashboard(demo_store, TODAY).overdue)
