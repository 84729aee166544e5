"""Properties: validation never crashes, and the canonical form of values is stable."""

from __future__ import annotations

import math
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.periods import Period
from desktop.domain.report_values import normalise_indicator_values, normalise_task_values
from desktop.domain.validation import ValidationContext, ValidationResult, validate_report

# BAOCAO_HYPOTHESIS_EXAMPLES=2500 for a deeper search than the quick default.
EXAMPLES = int(os.environ.get("BAOCAO_HYPOTHESIS_EXAMPLES", "150"))
PROFILE = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

garbage = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=10**300, max_value=10**5000)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=30) | st.binary(max_size=8)
    | st.sampled_from(["done", "not_done", "in_progress", "Hoàn thành", "50", "1.000", "99,5", "Cấp độ 3", " ", "-",
                       "100%", "Đạt cấp độ 4, 5", "10 sản phẩm", "nan", "a\u0303"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=10,
)
TASK_KEYS = ["key", "ref", "title", "role", "status", "percent", "result", "difficulties", "proposals",
             "not_applicable_reason"]
INDICATOR_KEYS = ["key", "ref", "name", "kind", "target_text", "target_value", "allowed_levels", "aggregation",
                  "numerator", "denominator", "value", "level", "note", "not_applicable_reason"]
kinds = st.sampled_from(["ratio", "count", "level", "text", None, 7])
task_items = st.fixed_dictionaries({}, optional={k: garbage for k in TASK_KEYS})
indicator_items = st.fixed_dictionaries({"kind": kinds | garbage},
                                        optional={k: garbage for k in INDICATOR_KEYS if k != "kind"})
item_lists = st.lists(task_items | indicator_items | garbage, max_size=6) | garbage


@PROFILE
@given(tasks=item_lists, indicators=item_lists, previous=garbage | st.dictionaries(st.text(max_size=3), garbage),
       window=garbage | st.dictionaries(st.sampled_from(["1", "9", "II.3"]), indicator_items),
       earlier=garbage | st.dictionaries(st.sampled_from(["1", "9"]),
                                         st.lists(indicator_items | st.none(), max_size=4)),
       quarter=st.integers(1, 4))
def test_no_input_crashes_validation(tasks: Any, indicators: Any, previous: Any, window: Any, earlier: Any,
                                     quarter: int) -> None:
    context = ValidationContext(period=Period(2026, quarter), previous_tasks=previous, previous_indicators=previous,
                                window_indicators=window, earlier_quarters=earlier)
    result = validate_report(tasks, indicators, context)
    assert isinstance(result, ValidationResult)
    for issue in result.issues:
        assert issue.severity in ("error", "warning") and issue.message_vi and issue.message_en


@PROFILE
@given(tasks=item_lists, indicators=item_lists, junk=garbage)
def test_garbage_context_and_settings_are_survived(tasks: Any, indicators: Any, junk: Any) -> None:
    assert isinstance(validate_report(tasks, indicators, junk, junk), ValidationResult)


@PROFILE
@given(values=st.dictionaries(st.sampled_from(TASK_KEYS), garbage) | garbage)
def test_task_normalisation_is_idempotent(values: Any) -> None:
    once = normalise_task_values(values)
    assert normalise_task_values(once) == once


@PROFILE
@given(values=st.dictionaries(st.sampled_from(INDICATOR_KEYS), garbage) | garbage)
def test_indicator_normalisation_is_idempotent(values: Any) -> None:
    once = normalise_indicator_values(values)
    assert normalise_indicator_values(once) == once


def _no_clean_issue(result: ValidationResult) -> bool:
    return not result.blocking and not any(i.principle == "clean" for i in result.issues)


def _blank_as_none(values: dict[str, Any]) -> dict[str, Any]:
    """An empty text box and no text are the same value."""
    return {k: None if v == "" else v for k, v in values.items()}


@PROFILE
@given(status=st.sampled_from(["not_started", "in_progress", "done", "done_late", "not_done", None]),
       percent=st.none() | st.floats(0, 100), result=st.none() | st.text(max_size=20),
       difficulties=st.none() | st.text(max_size=20), reason=st.none() | st.text(max_size=10))
def test_task_values_that_pass_are_already_canonical(status: Any, percent: Any, result: Any, difficulties: Any,
                                                     reason: Any) -> None:
    values = {"status": status, "percent": percent, "result": result, "difficulties": difficulties,
              "proposals": None, "not_applicable_reason": reason}
    if _no_clean_issue(validate_report([{"key": "I.1", "title": "t", **values}])):
        assert normalise_task_values(values) == _blank_as_none(values)


@PROFILE
@given(kind=st.sampled_from(["ratio", "count", "level"]), numerator=st.none() | st.floats(0, 1e6),
       denominator=st.none() | st.floats(0, 1e6), value=st.none() | st.integers(0, 10**6).map(float),
       level=st.none() | st.integers(1, 5).map(str), note=st.none() | st.text(max_size=20))
def test_indicator_values_that_pass_are_already_canonical(kind: str, numerator: Any, denominator: Any, value: Any,
                                                          level: Any, note: Any) -> None:
    values = {"numerator": numerator, "denominator": denominator, "value": value, "level": level, "note": note,
              "not_applicable_reason": None}
    item = {"key": "1", "name": "n", "kind": kind, "target_text": "-", **values}
    if _no_clean_issue(validate_report([], [item])):
        normalised = normalise_indicator_values(values)
        assert normalised == _blank_as_none(values)
        assert all(not isinstance(v, float) or math.isfinite(v) for v in normalised.values())
