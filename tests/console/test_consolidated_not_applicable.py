"""The Sở's consolidated report counts a task «Không áp dụng» for a lead as what it is: that lead is left out of
the task's combined status and the completion rate; a task that applies to none of its leads is «Không áp dụng»
with their reasons, neither done nor «chưa có báo cáo»; a task no lead did is «Không thực hiện»."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.report_snapshot import ReportSnapshot, TaskEntry
from server.console.consolidated_tasks import completion, covered_tasks
from tests.sync.report_factory import AGENCY, make_snapshot

DEPARTMENT = "Sở Khoa học và Công nghệ"
NO_PARK = "Trên địa bàn không có cụm công nghiệp"


def _report(code: str, name: str, *tasks: TaskEntry) -> ReportSnapshot:
    return replace(make_snapshot(1, 0, agency=replace(AGENCY, code=code, name=name)), tasks=tasks)


def _task(key: str, **answer: object) -> TaskEntry:
    base = TaskEntry(key=key, section="X", section_title="Thử", title=f"Nhiệm vụ {key}", role="lead")
    return replace(base, **{"status": None, "percent": None, **answer})


def _tasks() -> dict[str, TaskEntry]:
    not_here = {"not_applicable_reason": NO_PARK}
    reports = [
        _report("XA-A", "Ủy ban nhân dân xã An Bình", _task("X.1", **not_here), _task("X.2", **not_here),
                _task("X.3", status="not_done", difficulties="Chưa có kinh phí")),
        _report("XA-B", "Ủy ban nhân dân xã Bình Thành",
                _task("X.1", status="done", percent=100.0, result="Đã xong."), _task("X.2", **not_here)),
    ]
    return {t.key: t for t in covered_tasks([], reports, DEPARTMENT, [])}


def test_a_lead_it_does_not_apply_to_is_left_out_of_the_tasks_status() -> None:
    found = _tasks()["X.1"]
    assert found.status == "done" and found.percent == 100.0
    assert "1/1 cơ quan chủ trì đã báo cáo hoàn thành." in str(found.result)


def test_a_task_that_applies_to_none_of_its_leads_is_not_applicable_with_their_reasons() -> None:
    found = _tasks()["X.2"]
    assert found.outcome == "not_applicable"
    assert f"xã An Bình: {NO_PARK}" in str(found.not_applicable_reason)
    assert f"xã Bình Thành: {NO_PARK}" in str(found.not_applicable_reason)


def test_a_task_no_lead_did_is_not_done_and_the_rate_leaves_out_what_does_not_apply() -> None:
    tasks = _tasks()
    assert tasks["X.3"].status == "not_done"
    assert completion(tuple(tasks.values())) == (
        "Tỷ lệ nhiệm vụ chủ trì đã hoàn thành: 50% (1/2 nhiệm vụ có báo cáo đã hoàn thành; 0 nhiệm vụ chưa có "
        "báo cáo; 1 nhiệm vụ không áp dụng).")
