"""The columns of the report workbook, shared by its writer and its reader.

Plan facts come first (STT, title, role, deadline…), then the reported columns, and last "Mã", the ref
("3256/QĐ-UBND::II.3") by which a filled row is matched back to its task or indicator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.documents.report_text import ROLE_LABELS, item_ref, status_text, task_number

TASK_SHEET = "Nhiệm vụ"
INDICATOR_SHEET = "Chỉ tiêu"
REF_HEADER = "Mã"
HEADER_ROW = 5
FIRST_DATA_ROW = HEADER_ROW + 2
FONT_NAME = "Times New Roman"


@dataclass(frozen=True)
class Column:
    """One column: its header, width, the reported field it holds (None for plan facts) and its value."""

    header: str
    width: float
    field: str | None
    value: Callable[[Any], object]


TASK_COLUMNS: tuple[Column, ...] = (
    Column("STT", 6, None, lambda t: task_number(t)),
    Column("Nhiệm vụ", 48, None, lambda t: t.title),
    Column("Vai trò", 10, None, lambda t: ROLE_LABELS.get(t.role, t.role)),
    Column("Thời hạn hoàn thành", 14, None, lambda t: t.deadline_text),
    Column("Kết quả dự kiến", 20, None, lambda t: t.expected_result),
    Column("Tình trạng", 15, "status", lambda t: status_text(t)),
    Column("Tỷ lệ hoàn thành (%)", 11, "percent", lambda t: _number(t.percent)),
    Column("Kết quả thực hiện", 40, "result", lambda t: t.result),
    Column("Khó khăn, vướng mắc", 26, "difficulties", lambda t: t.difficulties),
    Column("Đề xuất, kiến nghị", 26, "proposals", lambda t: t.proposals),
    Column("Lý do không thực hiện", 22, "not_applicable_reason",
           lambda t: t.not_applicable_reason),
    Column(REF_HEADER, 20, "ref", lambda t: item_ref(t.plan, t.key)),
)
INDICATOR_COLUMNS: tuple[Column, ...] = (
    Column("STT", 6, None, lambda i: None),
    Column("Chỉ tiêu", 48, None, lambda i: i.name),
    Column("Đơn vị tính", 10, None, lambda i: i.unit),
    Column("Chỉ tiêu giai đoạn", 14, None, lambda i: i.target_text),
    Column("Tử số", 11, "numerator", lambda i: _number(i.numerator)),
    Column("Mẫu số", 11, "denominator", lambda i: _number(i.denominator)),
    Column("Giá trị", 11, "value", lambda i: _number(i.value)),
    Column("Mức độ", 12, "level", lambda i: i.level),
    Column("Ghi chú", 34, "note", lambda i: i.note),
    Column("Lý do không áp dụng", 22, "not_applicable_reason",
           lambda i: i.not_applicable_reason),
    Column(REF_HEADER, 20, "ref", lambda i: item_ref(i.plan, i.key)),
)


def _number(value: float | None) -> int | float | None:
    """Whole numbers as integers, so that a cell shows "60", not "60.0"."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value
