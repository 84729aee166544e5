"""An overdue task is flagged with what the province asks (reason and new date); done late is suggested."""

from __future__ import annotations

from typing import Any

from desktop.domain.periods import Period
from desktop.domain.validation import ValidationContext, validate_report

Q4 = ValidationContext(period=Period(2026, 4))


def _task(**values: Any) -> dict[str, Any]:
    return {"key": "II.3", "title": "Số hóa hồ sơ hộ tịch", "due": "2025-09-30", "deadline_text": "Quý III/2025",
            "status": "in_progress", "percent": 40, "result": "Đã số hóa 40% hồ sơ.", **values}


def _codes(*tasks: dict[str, Any], context: ValidationContext = Q4) -> list[str]:
    return [i.code for i in validate_report(tasks, (), context).issues]


def test_a_task_past_its_deadline_and_still_in_progress_is_warned() -> None:
    result = validate_report([_task()], (), Q4)
    overdue = [i for i in result.issues if i.code == "task.overdue"]
    assert len(overdue) == 1 and overdue[0].severity == "warning" and not result.blocking
    assert "30/09/2025" in overdue[0].message_vi and "lý do" in overdue[0].message_vi
    assert "thời gian dự kiến hoàn thành mới" in overdue[0].message_vi


def test_not_started_past_its_deadline_is_warned_too() -> None:
    assert "task.overdue" in _codes(_task(status="not_started", percent=0, result=None))


def test_the_warning_goes_once_the_reason_and_a_new_date_are_written() -> None:
    assert "task.overdue" in _codes(_task(difficulties="Thiếu máy quét."))
    assert "task.overdue" not in _codes(_task(difficulties="Thiếu máy quét; dự kiến hoàn thành tháng 3/2027."))


def test_no_warning_before_the_deadline_for_finished_or_not_applicable_tasks() -> None:
    assert "task.overdue" not in _codes(_task(due="2027-03-31"))
    assert "task.overdue" not in _codes(_task(status="done_late", percent=100))
    assert "task.overdue" not in _codes(_task(status=None, percent=None, not_applicable_reason="Không có hồ sơ."))
    assert "task.overdue" not in _codes(_task(), context=ValidationContext())


def test_done_in_a_period_after_the_deadline_suggests_done_late() -> None:
    codes = _codes(_task(status="done", percent=100))
    assert "task.done_after_deadline" in codes
    previous_done = ValidationContext(period=Period(2026, 4), previous_tasks={"II.3": _task(status="done",
                                                                                              percent=100)})
    assert "task.done_after_deadline" not in _codes(_task(status="done", percent=100), context=previous_done)
    assert "task.done_after_deadline" not in _codes(_task(status="done", percent=100, due="2026-12-31"))


def test_the_english_warning_gives_an_english_example_that_clears_it() -> None:
    """The English message used to suggest «expected to finish tháng 3/2027», half in Vietnamese."""
    overdue = next(i for i in validate_report([_task()], (), Q4).issues if i.code == "task.overdue")
    assert "tháng" not in overdue.message_en
    example = overdue.message_en.split('"')[1]
    assert "task.overdue" not in _codes(_task(difficulties=f"No scanner; {example}."))
