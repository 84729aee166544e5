"""Every validation rule, on both sides of its boundary."""

from __future__ import annotations

import math
from typing import Any

import pytest

from desktop.domain.periods import Period
from desktop.domain.report_snapshot import IndicatorEntry, TaskEntry
from desktop.domain.validation import RULES, ValidationContext, ValidationSettings, validate_report
from desktop.domain.validation_issues import PRINCIPLES


def task(**values: Any) -> dict[str, Any]:
    return {"key": "II.3", "title": "Ban hành kế hoạch chuyển đổi số", "role": "lead", "status": "done",
            "percent": 100.0, "result": "Đã ban hành Kế hoạch số 12/KH-UBND", **values}


def ratio(**values: Any) -> dict[str, Any]:
    return {"key": "1", "name": "Tỷ lệ DVCTT toàn trình", "kind": "ratio", "target_text": "100%",
            "numerator": 50.0, "denominator": 50.0, **values}


def count(**values: Any) -> dict[str, Any]:
    return {"key": "9", "name": "Số sản phẩm số", "kind": "count", "target_text": "10 sản phẩm", "value": 12.0,
            **values}


def level(**values: Any) -> dict[str, Any]:
    return {"key": "12", "name": "Mức độ trưởng thành về quản trị dữ liệu", "kind": "level",
            "target_text": "Đạt cấp độ 3", "level": "3", **values}


def run(tasks: Any = (), indicators: Any = (), **context: Any) -> Any:
    return validate_report(tasks, indicators, ValidationContext(**context) if context else None)


def codes(result: Any) -> set[str]:
    return {i.code for i in result.issues}


Q4 = Period(2026, 4)
Q2 = Period(2026, 2)

# (rule code, arguments of ``run`` that break it, arguments on the other side of the boundary that do not)
CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("report.items_unreadable", {"tasks": 42}, {"tasks": []}),
    ("report.duplicate_item", {"tasks": [task(), task()]}, {"tasks": [task(), task(key="II.4")]}),
    ("report.item_without_key", {"tasks": [task(key="  ")]}, {"tasks": [task(key="1")]}),
    ("number.as_text", {"tasks": [task(percent="100")]}, {"tasks": [task(percent=100)]}),
    ("number.not_number", {"indicators": [ratio(numerator="năm mươi")]}, {"indicators": [ratio(numerator=50)]}),
    ("number.not_finite", {"indicators": [count(value=math.inf)]}, {"indicators": [count(value=1e300)]}),
    ("text.not_text", {"tasks": [task(result=12)]}, {"tasks": [task(result="12")]}),
    ("text.whitespace_only", {"tasks": [task(proposals=" \t ")]}, {"tasks": [task(proposals="")]}),
    ("text.untrimmed", {"tasks": [task(result=" Đã ban hành")]}, {"tasks": [task(result="Đã ban hành")]}),
    ("text.not_nfc", {"tasks": [task(result="Đã ban hành".replace("ã", "a\u0303"))]},
     {"tasks": [task(result="Đã ban hành")]}),
    ("text.control_characters", {"tasks": [task(result="Đã\x07 ban hành")]}, {"tasks": [task(result="Đã\nban\thành")]}),
    ("text.too_long", {"tasks": [task(result="x" * 20_001)]}, {"tasks": [task(result="x" * 20_000)]}),
    ("task.unanswered", {"tasks": [task(status=None, percent=None)]},
     {"tasks": [task(status=None, percent=None, not_applicable_reason="Không thuộc thẩm quyền cấp xã")]}),
    ("task.status_unknown", {"tasks": [task(status="finished")]}, {"tasks": [task(status="Hoàn thành")]}),
    ("task.percent_out_of_range", {"tasks": [task(status="in_progress", percent=100.01)]},
     {"tasks": [task(status="in_progress", percent=99.99)]}),
    ("task.percent_out_of_range", {"tasks": [task(status="not_started", percent=-0.01)]},
     {"tasks": [task(status="not_started", percent=0)]}),
    ("task.done_below_100", {"tasks": [task(percent=99.9)]}, {"tasks": [task(percent=100)]}),
    ("task.done_below_100", {"tasks": [task(status="done_late", percent=50)]}, {"tasks": [task(status="done_late")]}),
    ("task.not_started_with_progress", {"tasks": [task(status="not_started", percent=5)]},
     {"tasks": [task(status="not_started", percent=0)]}),
    ("task.in_progress_at_100", {"tasks": [task(status="in_progress", percent=100)]},
     {"tasks": [task(status="in_progress", percent=99)]}),
    ("task.percent_missing", {"tasks": [task(status="in_progress", percent=None)]},
     {"tasks": [task(status="in_progress", percent=40)]}),
    ("task.result_missing", {"tasks": [task(result=None)]}, {"tasks": [task(result="Đã xong")]}),
    ("task.not_done_reason_missing", {"tasks": [task(status="not_done", percent=None, result=None)]},
     {"tasks": [task(status="not_done", percent=None, result=None, difficulties="Chưa có kinh phí")]}),
    ("task.not_done_reason_missing", {"tasks": [task(status="not_done", percent=None, result="Chưa làm")]},
     {"tasks": [task(status="not_done", percent=None, result=None, difficulties="Chưa có kinh phí")]}),
    ("task.overdue", {"tasks": [task(status="in_progress", percent=40, due="2025-09-30")], "period": Q4},
     {"tasks": [task(status="in_progress", percent=40, due="2025-09-30",
                     difficulties="Thiếu kinh phí; dự kiến hoàn thành Quý I/2027")], "period": Q4}),
    ("task.done_after_deadline", {"tasks": [task(due="2025-09-30")], "period": Q4},
     {"tasks": [task(status="done_late", due="2025-09-30")], "period": Q4}),
    ("task.not_applicable_with_values", {"tasks": [task(not_applicable_reason="Không giao cho xã")]},
     {"tasks": [task(status=None, percent=None, not_applicable_reason="Không giao cho xã")]}),
    ("task.progress_decreased",
     {"tasks": [task(status="in_progress", percent=40)],
      "previous_tasks": {"II.3": task(status="in_progress", percent=60)}},
     {"tasks": [task(status="in_progress", percent=40, difficulties="Điều chỉnh phạm vi")],
      "previous_tasks": {"II.3": task(status="in_progress", percent=60)}}),
    ("task.progress_decreased",
     {"tasks": [task(status="in_progress", percent=100)], "previous_tasks": {"II.3": task()}},
     {"tasks": [task()], "previous_tasks": {"II.3": task()}}),
    ("indicator.unanswered", {"indicators": [ratio(numerator=None, denominator=None)]},
     {"indicators": [ratio(numerator=None, denominator=None, not_applicable_reason="Xã chưa có DVCTT")]}),
    ("indicator.unanswered", {"indicators": [count(value=None)]}, {"indicators": [count(value=0, note="Chưa có")]}),
    ("indicator.unanswered", {"indicators": [level(level=None)]}, {"indicators": [level(level=None, value=3)]}),
    ("indicator.ratio_part_missing", {"indicators": [ratio(denominator=None)]}, {"indicators": [ratio()]}),
    ("indicator.denominator_not_positive", {"indicators": [ratio(numerator=0, denominator=0)]},
     {"indicators": [ratio(numerator=0, denominator=1, note="Chưa triển khai")]}),
    ("indicator.numerator_negative", {"indicators": [ratio(numerator=-1)]}, {"indicators": [ratio(numerator=50)]}),
    ("indicator.numerator_exceeds_denominator", {"indicators": [ratio(numerator=50.001)]},
     {"indicators": [ratio(numerator=50)]}),
    ("indicator.value_negative", {"indicators": [count(value=-1)]}, {"indicators": [count(value=0, note="Chưa có")]}),
    ("indicator.count_not_whole", {"indicators": [count(value=10.5)]}, {"indicators": [count(value=10)]}),
    ("indicator.level_unreadable", {"indicators": [level(level="cao")]}, {"indicators": [level(level="Cấp độ 3")]}),
    ("indicator.level_not_allowed", {"indicators": [level(level="6")]}, {"indicators": [level(level="5")]}),
    ("indicator.level_not_allowed", {"indicators": [level(level="5", allowed_levels=[1, 2, 3, 4])]},
     {"indicators": [level(level="4", allowed_levels=[1, 2, 3, 4])]}),
    ("indicator.unused_field", {"indicators": [ratio(value=100)]}, {"indicators": [ratio()]}),
    ("indicator.not_applicable_with_values", {"indicators": [ratio(not_applicable_reason="Không áp dụng")]},
     {"indicators": [ratio(numerator=None, denominator=None, not_applicable_reason="Không áp dụng")]}),
    ("indicator.below_target_unexplained", {"indicators": [ratio(numerator=49.99)]},
     {"indicators": [ratio(numerator=49.99, note="Còn 1 thủ tục chưa đủ điều kiện")]}),
    ("indicator.below_target_unexplained", {"indicators": [level(level="2")]}, {"indicators": [level(level="3")]}),
    ("indicator.below_target_unexplained", {"indicators": [count(value=9)]}, {"indicators": [count(value=10)]}),
    ("indicator.change_unexplained",
     {"indicators": [ratio(numerator=30, denominator=50, note=None, target_text="50%")],
      "previous_indicators": {"1": ratio(numerator=40.5, denominator=50)}},  # 60 % from 81 %: 21 points
     {"indicators": [ratio(numerator=30, denominator=50, target_text="50%")],
      "previous_indicators": {"1": ratio(numerator=40, denominator=50)}}),  # exactly 20 points
    ("indicator.change_unexplained",
     {"indicators": [count(value=13)], "previous_indicators": {"9": count(value=10)}},
     {"indicators": [count(value=12)], "previous_indicators": {"9": count(value=10)}}),
    ("indicator.change_unexplained",
     {"indicators": [level(level="3")], "previous_indicators": {"12": level(level="4")}},
     {"indicators": [level(level="4")], "previous_indicators": {"12": level(level="3")}}),
    ("consistency.window_not_sum",
     {"indicators": [count(value=12, aggregation="sum")], "period": Q2,
      "window_indicators": {"9": {"value": 23}}, "earlier_quarters": {"9": [count(value=12)]}},
     {"indicators": [count(value=12, aggregation="sum")], "period": Q2,
      "window_indicators": {"9": {"value": 24}}, "earlier_quarters": {"9": [count(value=12)]}}),
    ("consistency.window_not_latest",
     {"indicators": [ratio(aggregation="stock")], "period": Q4,
      "window_indicators": {"1": {"numerator": 49, "denominator": 50, "note": "x"}}},
     {"indicators": [ratio(aggregation="stock")], "period": Q4,
      "window_indicators": {"1": {"numerator": 50, "denominator": 50}}}),
    ("consistency.window_below_quarter",
     {"indicators": [count(value=12)], "period": Q4, "window_indicators": {"9": {"value": 11}}},
     {"indicators": [count(value=12)], "period": Q4, "window_indicators": {"9": {"value": 12}}}),
    ("consistency.window_above_sum",
     {"indicators": [count(value=12)], "period": Q4, "window_indicators": {"9": {"value": 49}},
      "earlier_quarters": {"9": [count(value=12), count(value=12), count(value=12)]}},
     {"indicators": [count(value=12)], "period": Q4, "window_indicators": {"9": {"value": 48}},
      "earlier_quarters": {"9": [count(value=12), count(value=12), count(value=12)]}}),
    ("consistency.window_level_differs",
     {"indicators": [level(level="3")], "period": Q4, "window_indicators": {"12": {"level": "4"}}},
     {"indicators": [level(level="3")], "period": Q4, "window_indicators": {"12": {"level": "3"}}}),
    ("consistency.stock_decreased",
     {"indicators": [count(value=12, aggregation="stock")], "previous_indicators": {"9": count(value=13)}},
     {"indicators": [count(value=13, aggregation="stock")], "previous_indicators": {"9": count(value=13)}}),
]


@pytest.mark.parametrize(("code", "breaks", "holds"), CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_rule_on_both_sides(code: str, breaks: dict[str, Any], holds: dict[str, Any]) -> None:
    found = run(**breaks)
    issue = next(i for i in found.issues if i.code == code)
    assert (issue.severity, issue.principle) == (RULES[code].severity, RULES[code].principle) or \
        code.startswith("consistency.")
    assert code not in codes(run(**holds))


def test_every_rule_is_exercised_and_grouped_by_a_principle() -> None:
    assert {case[0] for case in CASES} == set(RULES)
    assert {rule.principle for rule in RULES.values()} == set(PRINCIPLES)


def test_a_clean_report_has_no_issue() -> None:
    result = run([task(), task(key="II.4", status="in_progress", percent=40, result="Đang khảo sát")],
                 [ratio(), count(), level()])
    assert result.issues == () and not result.blocking


def test_messages_name_the_item_and_say_what_to_do() -> None:
    issue = run([task(percent=80)]).errors[0]
    assert issue.item_key == "II.3" and issue.field == "percent"
    assert issue.message_vi.startswith("Nhiệm vụ II.3 «Ban hành kế hoạch chuyển đổi số»:")
    assert "hãy nhập 100%" in issue.message_vi
    assert issue.message_en.startswith("Task II.3 “Ban hành kế hoạch chuyển đổi số”:")
    assert "enter 100%" in issue.message_en
    assert issue.message("en") == issue.message_en
    window = run([], [count(value=12)], period=Q4, window_indicators={"9": {"value": 11}}).issues[0]
    assert "(số liệu cả năm)" in window.message_vi and window.figure == "year"


def test_long_titles_are_shortened_in_messages() -> None:
    issue = run([task(title="Nhiệm vụ " * 30, percent=10)]).errors[0]
    assert "…»" in issue.message_vi and len(issue.message_vi) < 300


def test_errors_block_and_warnings_do_not() -> None:
    warned = run([task(result=None)])
    assert warned.warnings and not warned.errors and not warned.blocking
    assert run([task(percent=80)]).blocking


def test_consistency_is_a_warning_once_the_note_explains_it() -> None:
    unexplained = run([], [count(value=12)], period=Q4, window_indicators={"9": {"value": 11}})
    explained = run([], [count(value=12)], period=Q4, window_indicators={"9": {"value": 11, "note": "Số ước Q3"}})
    assert [i.severity for i in unexplained.issues] == ["error"]
    assert [(i.code, i.severity) for i in explained.issues] == [("consistency.window_below_quarter", "warning")]


def test_window_figures_are_validated_like_quarter_figures() -> None:
    result = run([], [ratio()], period=Q2, window_indicators={"1": {"numerator": 60, "denominator": 50}})
    assert [(i.code, i.figure) for i in result.issues] == [("indicator.numerator_exceeds_denominator", "six_months")]
    missing = run([], [ratio()], period=Q2, window_indicators={})
    assert [(i.code, i.figure) for i in missing.issues] == [("indicator.unanswered", "six_months")]


def test_window_is_not_checked_for_quarters_without_one_or_when_not_collected() -> None:
    assert run([], [count(value=12)], period=Period(2026, 3), window_indicators={"9": {"value": 1}}).issues == ()
    assert run([], [count(value=12)], period=Q4).issues == ()


def test_sum_window_with_missing_quarters_only_needs_to_reach_the_known_sum() -> None:
    args = {"period": Q4, "earlier_quarters": {"9": [count(value=10), None, count(value=10)]}}
    assert "consistency.window_not_sum" in codes(run([], [count(value=12, aggregation="sum")],
                                                     window_indicators={"9": {"value": 31}}, **args))
    assert run([], [count(value=12, aggregation="sum")], window_indicators={"9": {"value": 40}}, **args).issues == ()


def test_ratio_window_checks_numerator_and_denominator() -> None:
    result = run([], [ratio(numerator=40, denominator=50, note="Đang bổ sung")], period=Q2,
                 window_indicators={"1": {"numerator": 70, "denominator": 120, "note": "x"}},
                 earlier_quarters={"1": [ratio(numerator=30, denominator=60)]})
    assert [(i.code, i.field) for i in result.issues] == [("consistency.window_above_sum", "denominator")]


def test_thresholds_are_settings() -> None:
    ctx = ValidationContext(previous_indicators={"9": count(value=10)})
    assert validate_report([], [count(value=13)], ctx, ValidationSettings(jump_relative=0.5)).issues == ()
    assert validate_report([], [count(value=13)], ctx, ValidationSettings(jump_relative=math.nan)).issues != ()


def test_count_from_zero_needs_a_note() -> None:
    result = run([], [count(value=12)], previous_indicators={"9": count(value=0)})
    assert codes(result) == {"indicator.change_unexplained"}


def test_refs_identify_items_across_plans() -> None:
    result = run([task(ref="A::II.3"), task(ref="B::II.3")])
    assert result.issues == ()
    previous = run([task(ref="B::II.3", status="in_progress", percent=10, result="x")],
                   previous_tasks={"B::II.3": task()})
    assert codes(previous) == {"task.progress_decreased"}


def test_snapshot_entries_are_accepted_as_items() -> None:
    entry = TaskEntry(key="I.1", section="I", section_title="", title="Rà soát", role="lead", status="done",
                      percent=100.0, result="Đã rà soát")
    indicator = IndicatorEntry(key="5", group="", name="Tỷ lệ hồ sơ số hóa", unit="%", kind="ratio",
                               target_text="100%", numerator=3.0, denominator=4.0)
    assert codes(validate_report([entry], [indicator])) == {"indicator.below_target_unexplained"}


def test_target_value_is_used_when_there_is_no_target_text() -> None:
    assert "indicator.below_target_unexplained" in codes(run([], [count(target_text=None, target_value=20)]))


def test_result_groups_and_serialises() -> None:
    result = run([task(percent=80, result=None)])
    groups = result.by_principle()
    assert list(groups) == list(PRINCIPLES)
    assert [i.code for i in groups["correct"]] == ["task.done_below_100"]
    assert len(result.for_item("task", "II.3")) == 2
    data = result.to_dict()
    assert data["blocking"] is True and data["errors"] == 1 and data["warnings"] == 1
    assert data["issues"][0]["code"] == "task.done_below_100"


def test_not_done_and_not_applicable_each_have_one_reason_field_and_one_message() -> None:
    """Choosing "Không thực hiện" asks for the reason under difficulties; writing it as a not-applicable
    reason instead gives one message that says where each belongs, never "clear the status" alone."""
    asked = run(tasks=[task(status="not_done", percent=None, result=None)])
    assert [i.field for i in asked.issues if i.code == "task.not_done_reason_missing"] == ["difficulties"]
    mixed = run(tasks=[task(status="not_done", percent=None, result=None, not_applicable_reason="Không có kinh phí")])
    assert [i.code for i in mixed.issues] == ["task.not_applicable_with_values"]
    message = mixed.issues[0].message("vi")
    assert "ô Lý do không thực hiện, khó khăn" in message and "bỏ chọn Tình trạng" in message
    done_right = run(tasks=[task(status="not_done", percent=None, result=None, difficulties="Không có kinh phí")])
    assert not done_right.issues
    not_applicable = run(tasks=[task(status=None, percent=None, result=None,
                                     not_applicable_reason="Không thuộc thẩm quyền cấp xã")])
    assert not not_applicable.issues


def test_task_outcome_counts_not_done_and_not_applicable_as_what_they_are() -> None:
    from desktop.domain.task_status import NOT_APPLICABLE, UNANSWERED, task_outcome

    assert task_outcome("not_done", None) == "not_done"
    assert task_outcome("Không thực hiện", None) == "not_done"
    assert task_outcome(None, "Không thuộc thẩm quyền cấp xã") == NOT_APPLICABLE
    assert task_outcome(None, "  ") == UNANSWERED
    assert task_outcome("not_done", "Không có kinh phí") == "not_done"
