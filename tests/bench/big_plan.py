"""A large plan for the benchmarks: 300 tasks led by the communes and 50 indicators."""

from __future__ import annotations

from desktop.models.plan import Indicator, Plan, Task, TaskAgency
from desktop.models.store import Store


def add_big_plan(store: Store, tasks: int = 300, indicators: int = 50) -> None:
    """A plan assigning ``tasks`` tasks (led by the communes) and ``indicators`` indicators."""
    with store.session() as s:
        plan = Plan(code="BENCH/KH-UBND", title="Kế hoạch thử tải")
        s.add(plan)
        s.flush()
        for n in range(tasks):
            task = Task(plan_id=plan.id, key=f"B.{n + 1}", title=f"Nhiệm vụ chuyển đổi số thử tải số {n + 1}",
                        lead_text="UBND các xã, phường", deadline_text="Thường xuyên", deadline_kind="recurring",
                        position=n)
            task.agencies = [TaskAgency(role="lead", agency_name="UBND các xã, phường")]
            s.add(task)
        s.add_all(Indicator(plan_id=plan.id, key=f"B{n + 1}", name=f"Chỉ tiêu thử tải {n + 1}", unit="%",
                            position=n) for n in range(indicators))
