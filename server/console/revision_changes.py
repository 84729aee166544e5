"""What changed between two revisions of a report, in the words the report uses, in Vietnamese or English.

Each change names where (the task or indicator, or nothing for the general text), the field as the report
form labels it ("Tình trạng" / "Status", never the snapshot's ``status``), what was there and what is there
now; a task's status is shown by its name in the page's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.report_snapshot import TASK_STATUSES, ReportSnapshot
from desktop.domain.task_status import status_label

GENERAL_FIELDS = ("summary", "difficulties", "proposals")
TASK_FIELDS = ("status", "percent", "result", "difficulties", "proposals")
INDICATOR_FIELDS = ("value", "numerator", "denominator", "level", "note")
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "summary": ("Kết quả thực hiện chung", "Overall results"),
    "difficulties": ("Khó khăn, vướng mắc", "Difficulties"),
    "proposals": ("Kiến nghị, đề xuất", "Proposals"),
    "status": ("Tình trạng", "Status"),
    "percent": ("Tỷ lệ hoàn thành (%)", "Percent done"),
    "result": ("Kết quả", "Result"),
    "value": ("Giá trị", "Value"),
    "numerator": ("Tử số", "Numerator"),
    "denominator": ("Mẫu số", "Denominator"),
    "level": ("Mức độ", "Level"),
    "note": ("Ghi chú", "Note"),
}


@dataclass(frozen=True)
class Change:
    """One difference between two revisions: where, which field (its label), what was there, what is now."""

    where: str
    field: str
    before: str
    after: str


def field_label(name: str, language: str) -> str:
    """The label of the snapshot field ``name`` in ``language`` ("vi" or "en")."""
    vi, en = FIELD_LABELS[name]
    return en if language == "en" else vi


def changes(before: ReportSnapshot, after: ReportSnapshot, language: str = "vi") -> list[Change]:
    """What changed from one revision to the next: general text, each task's and indicator's values."""
    found = [Change("", field_label(name, language), _text(getattr(before, name)), _text(getattr(after, name)))
             for name in GENERAL_FIELDS if getattr(before, name) != getattr(after, name)]
    old_tasks = {t.key: t for t in before.tasks}
    for task in after.tasks:
        old = old_tasks.get(task.key)
        for name in TASK_FIELDS:
            was, now = (getattr(old, name) if old is not None else None), getattr(task, name)
            if was != now:
                found.append(Change(task.title, field_label(name, language), _value(name, was, language),
                                    _value(name, now, language)))
    old_indicators = {i.key: i for i in before.indicators}
    for indicator in after.indicators:
        old_indicator = old_indicators.get(indicator.key)
        for name in INDICATOR_FIELDS:
            was, now = (getattr(old_indicator, name) if old_indicator is not None else None), getattr(indicator, name)
            if was != now:
                found.append(Change(indicator.name, field_label(name, language), _text(was), _text(now)))
    return found


def _value(name: str, value: object, language: str) -> str:
    if name == "status" and value in TASK_STATUSES:
        return status_label(value, language)
    return _text(value)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
