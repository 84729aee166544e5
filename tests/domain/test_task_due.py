"""A task due within the report's period is not called «đã quá hạn»: the newcomer read «hạn 31/12/2026, còn 28
ngày» just above «đã quá hạn (31/12/2026)» for the same task in the Quý I/2027 report (its data run to
14/03/2027)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.domain.periods import Period
from desktop.domain.task_due import AFTER, BEFORE, WITHIN, due_in_window
from desktop.domain.validation import ValidationContext, validate_report
from desktop.domain.validation_rules import overdue_explained

Q1_2027 = Period(2027, 1)


def _overdue(**values: Any) -> str:
    task = {"key": "VI.23", "title": "Số hóa hồ sơ", "deadline_text": "31/12/2026", "status": "in_progress",
            "percent": 40, "result": "Đã số hóa 40%.", **values}
    issues = validate_report([task], (), ValidationContext(period=Q1_2027)).issues
    return next(i.message_vi for i in issues if i.code == "task.overdue")


def test_a_deadline_within_the_period_says_when_it_falls_not_that_it_passed() -> None:
    message = _overdue(due="2026-12-31")
    assert "hạn 31/12/2026, trước khi kỳ báo cáo này kết thúc (14/03/2027)" in message
    assert "quá hạn" not in message


def test_a_deadline_before_the_period_is_past() -> None:
    assert "đã quá hạn (31/10/2026)" in _overdue(due="2026-10-31")


def test_where_a_deadline_falls_against_the_period() -> None:
    window = Q1_2027.data_window  # 15/12/2026 to 14/03/2027
    assert due_in_window(date(2026, 12, 14), window) == BEFORE
    assert due_in_window(date(2026, 12, 31), window) == WITHIN
    assert due_in_window(date(2027, 3, 14), window) == AFTER, "due on the last day: not due before the period ends"


def test_a_late_task_is_explained_by_a_reason_and_a_new_date() -> None:
    assert not overdue_explained({"difficulties": "Thiếu kinh phí và nhân lực chuyên trách."})
    assert overdue_explained({"difficulties": "Thiếu kinh phí; dự kiến hoàn thành tháng 3/2027."})
    assert not overdue_explained({"result": "Dự kiến hoàn thành tháng 3/2027."}), "a date without a reason"
