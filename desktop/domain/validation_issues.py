"""What validation reports: issues, the rules that raise them, and how items are named in messages.

Rules are grouped by the province's principle "đúng, đủ, sạch, sống, thống nhất": correct (values in
range), complete (everything answered), clean (tidy text, numbers as numbers), current (explanations where
figures fall short or move), consistent (figures agree with each other and over time).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from desktop.domain.numbers import format_number
from desktop.i18n import current_language

ERROR = "error"
WARNING = "warning"
CORRECT, COMPLETE, CLEAN, CURRENT, CONSISTENT = "correct", "complete", "clean", "current", "consistent"
PRINCIPLES = (CORRECT, COMPLETE, CLEAN, CURRENT, CONSISTENT)
PRINCIPLE_LABELS = {CORRECT: ("Đúng", "Correct"), COMPLETE: ("Đủ", "Complete"), CLEAN: ("Sạch", "Clean"),
                    CURRENT: ("Sống", "Current"), CONSISTENT: ("Thống nhất", "Consistent")}
QUARTER_FIGURE = "quarter"


@dataclass(frozen=True)
class Rule:
    """A validation rule: its principle, how severe a breach is, and what it checks."""

    principle: str
    severity: str
    description: str


RULES: dict[str, Rule] = {
    "report.items_unreadable": Rule(CORRECT, ERROR, "the task or indicator list is not a list of items"),
    "report.duplicate_item": Rule(CONSISTENT, ERROR, "two items share a key"),
    "report.item_without_key": Rule(COMPLETE, ERROR, "an item has no key"),
    "number.as_text": Rule(CLEAN, ERROR, "a number field holds text, even if it reads as a number"),
    "number.not_number": Rule(CORRECT, ERROR, "a number field holds something that is not a number"),
    "number.not_finite": Rule(CORRECT, ERROR, "a number field holds NaN, infinity or an overflowing number"),
    "text.not_text": Rule(CLEAN, WARNING, "a text field holds something other than text"),
    "text.whitespace_only": Rule(CLEAN, WARNING, "a text field holds only blanks"),
    "text.untrimmed": Rule(CLEAN, WARNING, "a text starts or ends with blanks"),
    "text.not_nfc": Rule(CLEAN, WARNING, "a text is not in Unicode NFC (e.g. Unikey 'tổ hợp')"),
    "text.control_characters": Rule(CLEAN, WARNING, "a text holds invisible control characters"),
    "text.too_long": Rule(CORRECT, ERROR, "a text is longer than the store keeps"),
    "task.unanswered": Rule(COMPLETE, ERROR, "a task has no status and is not marked not applicable"),
    "task.status_unknown": Rule(CORRECT, ERROR, "a status that is none of the five"),
    "task.percent_out_of_range": Rule(CORRECT, ERROR, "percent complete outside 0–100"),
    "task.done_below_100": Rule(CORRECT, ERROR, "a done task with percent complete below 100"),
    "task.not_started_with_progress": Rule(CORRECT, WARNING, "a not-started task with progress above 0 %"),
    "task.in_progress_at_100": Rule(CORRECT, WARNING, "a task in progress at 100 %"),
    "task.percent_missing": Rule(COMPLETE, WARNING, "a task in progress without percent complete"),
    "task.result_missing": Rule(COMPLETE, WARNING, "a started or done task without its result"),
    "task.not_done_reason_missing": Rule(COMPLETE, ERROR, "a task not done without the reason"),
    "task.overdue": Rule(CURRENT, WARNING, "a task past its deadline and not finished, without the reason and the "
                                           "new expected date"),
    "task.done_after_deadline": Rule(CORRECT, WARNING, "a task reported done in a period after its deadline: "
                                                       "\"Hoàn thành quá hạn\" is suggested"),
    "task.not_applicable_with_values": Rule(CONSISTENT, WARNING, "a task marked not applicable also has values"),
    "task.progress_decreased": Rule(CURRENT, WARNING, "a task's progress went back since last quarter, unexplained"),
    "indicator.unanswered": Rule(COMPLETE, ERROR, "an indicator has no value and is not marked not applicable"),
    "indicator.ratio_part_missing": Rule(COMPLETE, ERROR, "a ratio without its numerator or denominator"),
    "indicator.denominator_not_positive": Rule(CORRECT, ERROR, "a ratio's denominator is 0 or negative"),
    "indicator.numerator_negative": Rule(CORRECT, ERROR, "a ratio's numerator is negative"),
    "indicator.numerator_exceeds_denominator": Rule(CORRECT, ERROR, "a ratio's numerator exceeds its denominator"),
    "indicator.value_negative": Rule(CORRECT, ERROR, "a count is negative"),
    "indicator.count_not_whole": Rule(CORRECT, WARNING, "a count with a fractional part"),
    "indicator.level_unreadable": Rule(CORRECT, ERROR, "a level that is not a level number"),
    "indicator.level_not_allowed": Rule(CORRECT, ERROR, "a level outside the indicator's allowed levels"),
    "indicator.unused_field": Rule(CLEAN, WARNING, "a value in a field this kind of indicator does not use"),
    "indicator.not_applicable_with_values": Rule(CONSISTENT, WARNING,
                                                 "an indicator marked not applicable also has values"),
    "indicator.below_target_unexplained": Rule(CURRENT, ERROR, "a value short of its target without a note"),
    "indicator.change_unexplained": Rule(CURRENT, ERROR,
                                         "a value moved more than the threshold since last quarter without a note"),
    "consistency.window_not_sum": Rule(CONSISTENT, ERROR, "a summed indicator's 6-month/year figure is not "
                                       "the sum of its quarters"),
    "consistency.window_not_latest": Rule(CONSISTENT, ERROR, "a to-date indicator's 6-month/year figure differs "
                                          "from its latest quarter"),
    "consistency.window_below_quarter": Rule(CONSISTENT, ERROR, "a 6-month/year figure below this quarter's"),
    "consistency.window_above_sum": Rule(CONSISTENT, ERROR, "a 6-month/year figure above the sum of all its "
                                         "quarters"),
    "consistency.window_level_differs": Rule(CONSISTENT, ERROR, "a 6-month/year level differs from this "
                                             "quarter's level"),
    "consistency.stock_decreased": Rule(CONSISTENT, ERROR, "a to-date figure fell since last quarter"),
}


@dataclass(frozen=True)
class Issue:
    """One finding: what rule, about which item and field, and what to do, in Vietnamese and English."""

    severity: str
    principle: str
    code: str
    item_kind: str
    item_key: str
    field: str | None
    message_vi: str
    message_en: str
    figure: str = QUARTER_FIGURE

    def message(self, language: str | None = None) -> str:
        """The message in ``language`` (the user's language by default)."""
        return self.message_en if (language or current_language()) == "en" else self.message_vi

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class ItemName:
    """How messages name an item: "Nhiệm vụ II.3 «Ban hành…»", with the figure for 6-month/year values."""

    kind: str
    key: str
    title: str
    figure: str = QUARTER_FIGURE

    def vi(self) -> str:
        noun = {"task": "Nhiệm vụ", "indicator": "Chỉ tiêu"}.get(self.kind, "Báo cáo")
        figure = {"six_months": " (số liệu 6 tháng đầu năm)", "year": " (số liệu cả năm)"}.get(self.figure, "")
        title = f" «{self.title}»" if self.title else ""
        return f"{noun} {self.key}{title}{figure}".strip()

    def en(self) -> str:
        noun = {"task": "Task", "indicator": "Indicator"}.get(self.kind, "Report")
        figure = {"six_months": " (six-month figures)", "year": " (full-year figures)"}.get(self.figure, "")
        title = f" “{self.title}”" if self.title else ""
        return f"{noun} {self.key}{title}{figure}".strip()

    def issue(self, code: str, field: str | None, vi: str, en: str, severity: str | None = None) -> Issue:
        """An issue of rule ``code`` about this item; ``vi``/``en`` follow the item's name."""
        rule = RULES[code]
        return Issue(severity=severity or rule.severity, principle=rule.principle, code=code,
                     item_kind=self.kind, item_key=self.key, field=field,
                     message_vi=f"{self.vi()}: {vi}", message_en=f"{self.en()}: {en}", figure=self.figure)


FIELD_LABELS = {
    "status": ("Tình trạng", "status"),
    "percent": ("Tỷ lệ hoàn thành (%)", "percent complete"),
    "result": ("Kết quả thực hiện", "result"),
    "difficulties": ("Khó khăn, vướng mắc", "difficulties"),
    "proposals": ("Đề xuất, kiến nghị", "proposals"),
    "not_applicable_reason": ("Lý do không áp dụng", "reason not applicable"),
    "numerator": ("Tử số", "numerator"),
    "denominator": ("Mẫu số", "denominator"),
    "value": ("Giá trị", "value"),
    "level": ("Cấp độ", "level"),
    "note": ("Ghi chú, giải trình", "note"),
    "evidence": ("Minh chứng", "evidence"),
}


def field_label(field: str, language: str) -> str:
    """The column name users see for ``field``."""
    vi, en = FIELD_LABELS.get(field, (field, field))
    return en if language == "en" else vi


def num(value: float | None, language: str) -> str:
    """A number for a message ("99,5" in Vietnamese)."""
    return "—" if value is None else format_number(value, language)
