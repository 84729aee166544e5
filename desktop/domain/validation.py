"""Validate a report's entered values by the province's principle "đúng, đủ, sạch, sống, thống nhất".

``validate_report`` takes plain values — task and indicator items as mappings or objects with the fields
of ``TaskEntry``/``IndicatorEntry`` (an indicator may add ``allowed_levels`` and ``aggregation``) — and
optionally what it is compared with: the previous quarter's items and, for Q2 and Q4, the six-month or
full-year figures and this year's earlier quarters. It returns every issue found; errors block
approval, warnings do not. It never raises, whatever the input.

Items are identified by ``ref`` when they have one (unique across plans), else by ``key``; the mappings
of the context use the same identity. Rules are listed in ``RULES`` (validation_issues.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.periods import Period
from desktop.domain.report_values import read_field, read_number
from desktop.domain.task_status import DONE, DONE_LATE, parse_status
from desktop.domain.validation_history import (
    ValidationSettings,
    indicator_change,
    task_regression,
    window_consistency,
)
from desktop.domain.validation_issues import (
    ERROR,
    PRINCIPLES,
    RULES,
    WARNING,
    Issue,
    ItemName,
    Rule,
)
from desktop.domain.validation_rules import IndicatorFacts, check_indicator, check_overdue, check_task, indicator_facts

__all__ = ["PRINCIPLES", "RULES", "Issue", "Rule", "ValidationContext", "ValidationResult", "ValidationSettings",
           "validate_report"]

MAX_ITEMS = 5_000
UNANSWERED_CODES = frozenset({"task.unanswered", "indicator.unanswered"})
_MAX_TITLE = 60
_MAX_KEY = 40


@dataclass(frozen=True)
class ValidationContext:
    """What the report is compared with.

    ``previous_tasks``/``previous_indicators``: the previous quarter's items by identity.
    ``window_indicators``: for Q2 the six-month figures, for Q4 the full-year figures, by identity (None when
    the caller does not collect them; then they are not checked).
    ``earlier_quarters``: this year's earlier quarter figures of each indicator, oldest first (Q1 for Q2; Q1–Q3
    for Q4); None for a quarter not reported.
    """

    period: Period | None = None
    previous_tasks: Mapping[str, Any] = field(default_factory=dict)
    previous_indicators: Mapping[str, Any] = field(default_factory=dict)
    window_indicators: Mapping[str, Any] | None = None
    earlier_quarters: Mapping[str, Sequence[Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class ValidationResult:
    """Every issue found, in item order."""

    issues: tuple[Issue, ...] = ()

    @property
    def errors(self) -> tuple[Issue, ...]:
        """Issues that block approval."""
        return tuple(i for i in self.issues if i.severity == ERROR)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """Issues shown but not blocking."""
        return tuple(i for i in self.issues if i.severity == WARNING)

    @property
    def blocking(self) -> bool:
        """Whether any error stands in the way of approval."""
        return any(i.severity == ERROR for i in self.issues)

    def by_principle(self) -> dict[str, tuple[Issue, ...]]:
        """Issues grouped by principle, in the order đúng, đủ, sạch, sống, thống nhất."""
        return {p: tuple(i for i in self.issues if i.principle == p) for p in PRINCIPLES}

    def errors_first(self) -> ValidationResult:
        """The same issues with the errors before the warnings (each in item order), as a list to work
        through reads them: what blocks signing first."""
        return ValidationResult(self.errors + tuple(i for i in self.issues if i.severity != ERROR))

    def entered_only(self) -> ValidationResult:
        """The issues about what was entered: an item never touched is a to-do («chưa nhập»), not an error,
        until the user asks for the whole check or signs."""
        return ValidationResult(tuple(i for i in self.issues if i.code not in UNANSWERED_CODES))

    def unanswered(self) -> int:
        """How many items have nothing entered yet."""
        return sum(1 for i in self.issues if i.code in UNANSWERED_CODES)

    def for_item(self, kind: str, key: str) -> tuple[Issue, ...]:
        """The issues about one item."""
        return tuple(i for i in self.issues if i.item_kind == kind and i.item_key == key)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary for the CLI."""
        return {"blocking": self.blocking, "errors": len(self.errors), "warnings": len(self.warnings),
                "issues": [i.to_dict() for i in self.issues]}


def validate_report(tasks: Iterable[Any] = (), indicators: Iterable[Any] = (),
                    context: ValidationContext | None = None,
                    settings: ValidationSettings | None = None) -> ValidationResult:
    """Validate the entered values of one report; never raises."""
    ctx = context if isinstance(context, ValidationContext) else ValidationContext()
    limits = _limits(settings)
    issues: list[Issue] = []
    task_list = _items("task", tasks, issues)
    indicator_list = _items("indicator", indicators, issues)
    for identity, name, item in _named("task", task_list, issues):
        issues += check_task(name, item)
        previous_task = _lookup(ctx.previous_tasks, identity)
        issues += check_overdue(name, item, ctx.period if isinstance(ctx.period, Period) else None, previous_task)
        issues += _task_history(name, item, previous_task)
    for identity, name, item in _named("indicator", indicator_list, issues):
        facts, found = check_indicator(name, item, item)
        issues += found
        previous = _lookup(ctx.previous_indicators, identity)
        if previous is not None:
            before, _ = indicator_facts(name, item, previous)
            issues += indicator_change(name, facts, before, limits)
        issues += _window(ctx, identity, name, item, facts)
    return ValidationResult(tuple(issues))


def _window(ctx: ValidationContext, identity: str, name: ItemName, item: Any, facts: IndicatorFacts) -> list[Issue]:
    period = ctx.period if isinstance(ctx.period, Period) else None
    if (period is None or period.cumulative is None or facts.not_applicable
            or not isinstance(ctx.window_indicators, Mapping)):
        return []
    window_name = ItemName(name.kind, name.key, name.title, period.cumulative)
    values = _lookup(ctx.window_indicators, identity)
    window, issues = check_indicator(window_name, item, values if values is not None else {})
    earlier = _lookup(ctx.earlier_quarters, identity)
    earlier_list = list(earlier)[:3] if isinstance(earlier, list | tuple) else []
    quarters = [None if q is None else indicator_facts(name, item, q)[0] for q in earlier_list]
    quarters.append(facts)
    if not any(i.severity == ERROR for i in issues):
        issues += window_consistency(window_name, window, quarters, len(period.quarters_of(period.cumulative)))
    return issues


def _task_history(name: ItemName, item: Any, previous: Any) -> list[Issue]:
    if previous is None or read_field(item, "status") in (None, ""):
        return []  # an unanswered task is already an error of its own; "went back" would only repeat it
    explained = any(isinstance(read_field(item, f), str) and read_field(item, f).strip()
                    for f in ("difficulties", "not_applicable_reason"))
    status, before = parse_status(read_field(item, "status")), parse_status(read_field(previous, "status"))
    return task_regression(name, read_number(read_field(item, "percent")).value, status in (DONE, DONE_LATE),
                           read_number(read_field(previous, "percent")).value, before in (DONE, DONE_LATE),
                           explained)


def _items(kind: str, items: Any, issues: list[Issue]) -> list[Any]:
    if items is None:
        return []
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        issues.append(_report_issue("report.items_unreadable", kind))
        return []
    out: list[Any] = []
    try:
        for item in items:
            if len(out) >= MAX_ITEMS:
                issues.append(_report_issue("report.items_unreadable", kind))
                break
            out.append(item)
    except Exception:  # a broken iterator is bad input like any other
        issues.append(_report_issue("report.items_unreadable", kind))
    return out


def _named(kind: str, items: list[Any], issues: list[Issue]) -> Iterable[tuple[str, ItemName, Any]]:
    seen: set[str] = set()
    for position, item in enumerate(items, start=1):
        key = _short(read_field(item, "key"), _MAX_KEY)
        title = _short(read_field(item, "title" if kind == "task" else "name"), _MAX_TITLE)
        name = ItemName(kind, key or f"#{position}", title)
        if not key:
            issues.append(name.issue("report.item_without_key", "key",
                                     "không có số thứ tự (mã); hãy nhập lại từ kế hoạch.",
                                     "has no key; import it again from the plan."))
            continue
        identity = _short(read_field(item, "ref"), 200) or key
        if identity in seen:
            issues.append(name.issue("report.duplicate_item", "key",
                                     "xuất hiện hai lần trong báo cáo; hãy xóa dòng trùng.",
                                     "appears twice in the report; remove the duplicate row."))
            continue
        seen.add(identity)
        yield identity, name, item


def _report_issue(code: str, kind: str) -> Issue:
    what_vi, what_en = ("nhiệm vụ", "tasks") if kind == "task" else ("chỉ tiêu", "indicators")
    return ItemName("report", "", "").issue(
        code, None, f"danh sách {what_vi} không đọc được (hoặc quá {MAX_ITEMS} dòng); hãy mở lại báo cáo.",
        f"the list of {what_en} cannot be read (or exceeds {MAX_ITEMS} rows); open the report again.")


def _lookup(mapping: Any, identity: str) -> Any:
    if not isinstance(mapping, Mapping):
        return None
    try:
        return mapping.get(identity)
    except Exception:  # a mapping with a broken __hash__/__eq__ on its keys answers nothing
        return None


def _short(value: Any, limit: int) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return ""
    if isinstance(value, int) and abs(value) >= 10**limit:
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _limits(settings: Any) -> ValidationSettings:
    if not isinstance(settings, ValidationSettings):
        return ValidationSettings()
    return ValidationSettings(_non_negative(settings.jump_points, 20.0), _non_negative(settings.jump_relative, 0.20))


def _non_negative(value: Any, default: float) -> float:
    reading = read_number(value)
    return reading.value if reading.state == "number" and reading.value is not None and reading.value >= 0 \
        else default
