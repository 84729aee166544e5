"""Rules across periods: changes since the previous quarter, and 6-month/year figures against the quarters.

Current ("sống"). An indicator whose actual value moves more than a threshold from the previous quarter
needs a note: a ratio by more than ``jump_points`` percentage points (default 20), a count by more than
``jump_relative`` of its previous value (default 20 %; from 0 to anything above 0 counts as a move), a
level by going down. A task whose percent complete went down, or that was finished and no longer is,
draws a warning unless the difficulties explain it.

Consistent ("thống nhất"). Q2 also gives six-month figures and Q4 full-year figures. How they relate to
the quarters depends on what the indicator counts, given by its ``aggregation``:

- "sum": the figures count events in the window (dossiers handled, products launched), so the window's
  figure is the sum of its quarters' — equal when every quarter is known, at least the sum of those known
  otherwise. For a ratio this holds for the numerator and the denominator separately.
- "stock": the figures are to date (staff trained so far, systems connected), so the window's figure is
  this quarter's, and a to-date value (a count, a ratio's numerator) does not fall from one quarter to the
  next. A ratio's denominator may fall (staff leave).
- not given: only what holds either way: the window's figure (each ratio part) is at least this quarter's,
  and, when every quarter of the window is known, at most their sum; a level for the window equals this
  quarter's level.

An inconsistency is an error, or a warning when the note explains it (the earlier quarters were sent
with estimates before their data windows closed, and the six-month or year figure may correct them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.domain.indicator_targets import COUNT, LEVEL, RATIO
from desktop.domain.validation_issues import ERROR, WARNING, Issue, ItemName, field_label, num
from desktop.domain.validation_rules import IndicatorFacts

_TOLERANCE = 1e-9


@dataclass(frozen=True)
class ValidationSettings:
    """How far a figure may move from the previous quarter before a note is required."""

    jump_points: float = 20.0
    jump_relative: float = 0.20


def task_regression(name: ItemName, percent: float | None, finished: bool, previous_percent: float | None,
                    previous_finished: bool, explained: bool) -> list[Issue]:
    """A warning when a task went backwards since the previous quarter and the difficulties say nothing."""
    if explained:
        return []
    went_back = previous_finished and not finished
    if percent is not None and previous_percent is not None and percent < previous_percent - _TOLERANCE:
        went_back = True
    if not went_back:
        return []
    return [name.issue(
        "task.progress_decreased", "difficulties",
        f"tiến độ giảm so với quý trước ({num(previous_percent, 'vi')}% → {num(percent, 'vi')}%); "
        "hãy kiểm tra lại hoặc ghi lý do vào ô Khó khăn, vướng mắc.",
        f"progress went back since last quarter ({num(previous_percent, 'en')}% → {num(percent, 'en')}%); "
        "check it or explain under difficulties.")]


def indicator_change(name: ItemName, now: IndicatorFacts, before: IndicatorFacts,
                     limits: ValidationSettings) -> list[Issue]:
    """An error when the value moved past the limit since the previous quarter and the note says nothing."""
    issues = _stock_decrease(name, now, before)
    if now.note is not None or now.actual is None or before.actual is None or now.kind != before.kind:
        return issues
    moved = False
    if now.kind == RATIO:
        moved = abs(now.actual - before.actual) > limits.jump_points + _TOLERANCE
    elif now.kind == COUNT:
        if before.actual == 0:
            moved = now.actual != 0
        else:
            moved = abs(now.actual - before.actual) / abs(before.actual) > limits.jump_relative + _TOLERANCE
    elif now.kind == LEVEL:
        moved = now.actual < before.actual
    if not moved:
        return issues
    unit = "%" if now.kind == RATIO else ""
    return [*issues, name.issue(
        "indicator.change_unexplained", "note",
        f"thay đổi lớn so với quý trước ({num(before.actual, 'vi')}{unit} → {num(now.actual, 'vi')}{unit}); "
        "hãy kiểm tra lại số liệu và ghi giải trình vào ô Ghi chú, giải trình.",
        f"changed sharply since last quarter ({num(before.actual, 'en')}{unit} → {num(now.actual, 'en')}{unit}); "
        "check the figures and explain in the note.")]


def window_consistency(name: ItemName, window: IndicatorFacts, quarters: Sequence[IndicatorFacts | None],
                       quarters_in_window: int) -> list[Issue]:
    """The 6-month/year figure against the quarters of its window (the last of ``quarters`` is this one)."""
    current = quarters[-1] if quarters else None
    if current is None or window.not_applicable or current.not_applicable:
        return []
    complete = len(quarters) == quarters_in_window and all(q is not None for q in quarters)
    severity = WARNING if window.note is not None else ERROR
    if window.kind == LEVEL:
        if window.level is not None and current.level is not None and window.level != current.level:
            return [name.issue("consistency.window_level_differs", "level",
                               f"cấp độ {window.level} khác cấp độ của quý này ({current.level}); "
                               "hãy thống nhất hai số hoặc giải trình trong Ghi chú.",
                               f"level {window.level} differs from this quarter's ({current.level}); "
                               "make them agree or explain in the note.", severity)]
        return []
    fields = ("numerator", "denominator") if window.kind == RATIO else ("value",)
    issues: list[Issue] = []
    for field in fields:
        figure = window.numbers.get(field)
        latest = current.numbers.get(field)
        known = [q.numbers.get(field) for q in quarters if q is not None]
        if figure is None or latest is None or any(v is None for v in known):
            continue
        total = sum(v for v in known if v is not None)
        found = _window_breach(window.aggregation, figure, latest, total, complete)
        if found:
            code, expected = found
            issues.append(_window_issue(name, code, field, figure, expected, severity))
    return issues


def _window_breach(aggregation: str | None, figure: float, latest: float, total: float,
                   complete: bool) -> tuple[str, float] | None:
    if aggregation == "sum":
        wrong = not _close(figure, total) if complete else figure < total - _slack(total)
        return ("consistency.window_not_sum", total) if wrong else None
    if aggregation == "stock":
        return None if _close(figure, latest) else ("consistency.window_not_latest", latest)
    if figure < latest - _slack(latest):
        return "consistency.window_below_quarter", latest
    if complete and figure > total + _slack(total):
        return "consistency.window_above_sum", total
    return None


def _window_issue(name: ItemName, code: str, field: str, figure: float, expected: float, severity: str) -> Issue:
    label_vi, label_en = field_label(field, "vi"), field_label(field, "en")
    relation = {
        "consistency.window_not_sum": ("phải bằng tổng các quý", "must equal the sum of the quarters"),
        "consistency.window_not_latest": ("phải bằng số của quý này", "must equal this quarter's"),
        "consistency.window_below_quarter": ("không được nhỏ hơn số của quý này", "cannot be below this quarter's"),
        "consistency.window_above_sum": ("không được lớn hơn tổng các quý", "cannot exceed the sum of the quarters"),
    }[code]
    return name.issue(
        code, field,
        f"{label_vi} {num(figure, 'vi')} {relation[0]} ({num(expected, 'vi')}); "
        "hãy sửa cho thống nhất hoặc giải trình trong Ghi chú.",
        f"{label_en} {num(figure, 'en')} {relation[1]} ({num(expected, 'en')}); "
        "make them agree or explain in the note.", severity)


def _stock_decrease(name: ItemName, now: IndicatorFacts, before: IndicatorFacts) -> list[Issue]:
    if now.aggregation != "stock" or now.kind != before.kind or now.not_applicable or before.not_applicable:
        return []
    field = {RATIO: "numerator", COUNT: "value"}.get(now.kind)
    if field is None:
        return []
    value, previous = now.numbers.get(field), before.numbers.get(field)
    if value is None or previous is None or value >= previous - _slack(previous):
        return []
    label_vi, label_en = field_label(field, "vi"), field_label(field, "en")
    return [name.issue(
        "consistency.stock_decreased", field,
        f"{label_vi} là số lũy kế nhưng giảm so với quý trước ({num(previous, 'vi')} → {num(value, 'vi')}); "
        "hãy kiểm tra lại hoặc giải trình trong Ghi chú.",
        f"{label_en} is cumulative yet fell since last quarter ({num(previous, 'en')} → {num(value, 'en')}); "
        "check it or explain in the note.", WARNING if now.note is not None else ERROR)]


def _slack(value: float) -> float:
    return _TOLERANCE * max(1.0, abs(value))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _slack(max(abs(a), abs(b)))
