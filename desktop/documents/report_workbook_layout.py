"""The columns of the report workbook, shared by its writer and its reader.

Plan facts come first (STT, title, role, deadline…), then the reported columns, and last "Mã", the ref
("3256/QĐ-UBND::II.3") by which a filled row is matched back to its task or indicator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.documents.report_text import ROLE_LABELS, item_ref
from desktop.domain.task_status import outcome_label

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
    centred: bool = False


# Widths (in characters) sum to about 190 printed, which a landscape A4 page holds at about 75 %; "Mã" is kept
# outside the print area. STT is the PDF's ("II.3", "CT.1"), so that the workbook and the report it goes with
# can be read side by side.
# A task that does not apply has its reason here; a task not done («Không thực hiện») has it under «Khó khăn».
# Workbooks exported before named this column «Lý do không thực hiện»: they are still read.
NOT_APPLICABLE_HEADER = "Lý do không áp dụng"
FORMER_HEADERS = {"Lý do không thực hiện": NOT_APPLICABLE_HEADER}
TASK_COLUMNS: tuple[Column, ...] = (
    Column("STT", 7, None, lambda t: t.key, centred=True),
    Column("Nhiệm vụ", 38, None, lambda t: t.title),
    Column("Vai trò", 9, None, lambda t: ROLE_LABELS.get(t.role, t.role), centred=True),
    Column("Thời hạn hoàn thành", 12, None, lambda t: t.deadline_text, centred=True),
    Column("Kết quả dự kiến", 16, None, lambda t: t.expected_result),
    Column("Tình trạng", 13, "status", lambda t: outcome_label(t.outcome), centred=True),
    Column("Tỷ lệ hoàn thành (%)", 9, "percent", lambda t: _number(t.percent), centred=True),
    Column("Kết quả thực hiện", 34, "result", lambda t: t.result),
    Column("Khó khăn, vướng mắc", 20, "difficulties", lambda t: t.difficulties),
    Column("Đề xuất, kiến nghị", 18, "proposals", lambda t: t.proposals),
    Column(NOT_APPLICABLE_HEADER, 16, "not_applicable_reason", lambda t: t.not_applicable_reason),
    Column(REF_HEADER, 22, "ref", lambda t: item_ref(t.plan, t.key)),
)
INDICATOR_COLUMNS: tuple[Column, ...] = (
    Column("STT", 7, None, lambda i: None, centred=True),
    Column("Chỉ tiêu", 42, None, lambda i: i.name),
    Column("Đơn vị tính", 9, None, lambda i: i.unit, centred=True),
    Column("Chỉ tiêu giai đoạn", 14, None, lambda i: i.target_text, centred=True),
    Column("Tử số", 10, "numerator", lambda i: _number(i.numerator), centred=True),
    Column("Mẫu số", 10, "denominator", lambda i: _number(i.denominator), centred=True),
    Column("Giá trị", 10, "value", lambda i: _number(i.value), centred=True),
    Column("Mức độ", 10, "level", lambda i: i.level, centred=True),
    Column("Ghi chú", 34, "note", lambda i: i.note),
    Column("Lý do không áp dụng", 20, "not_applicable_reason",
           lambda i: i.not_applicable_reason),
    Column(REF_HEADER, 22, "ref", lambda i: item_ref(i.plan, i.key)),
)


def _number(value: float | None) -> int | float | None:
    """Whole numbers as integers, so that a cell shows "60", not "60.0"."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value
