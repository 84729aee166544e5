"""Write the reference plans (sample_plan_data) as workbooks laid out as the provinces lay them out.

Title rows merged across the table, a bold wrapped header (two rows with "Giai đoạn" merged over
its phases for indicators), section rows whose title is merged across the remaining columns, the
header printed again where a page broke, rows that continue a task split by a page, and areas of
indicators merged down. ``write_sample_plans`` is what the demo and the tests use.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

from desktop.documents.sample_plan_data import (
    SAMPLE_PLANS,
    ContinuationRow,
    IndicatorSheet,
    RepeatedHeader,
    SamplePlan,
    SectionRow,
    TaskRow,
    TaskSheet,
)

_FONT = "Times New Roman"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")
_WIDTHS = {"stt": 6, "title": 60, "result": 30, "deadline": 16, "lead": 24, "coordinators": 26}


def write_sample_plans(dest_dir: Path, *, province: str | None = None) -> list[Path]:
    """Write the reference plans (only ``province``'s when given) as .xlsx files into ``dest_dir``."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    chosen = [plan for plan in SAMPLE_PLANS if province is None or plan.province == province]
    return [write_sample_plan(plan, dest_dir / plan.file_name) for plan in chosen]


def write_sample_plan(plan: SamplePlan, path: Path) -> Path:
    """Write one plan's appendices as one workbook at ``path`` (atomically)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in plan.sheets:
        worksheet = workbook.create_sheet(sheet.name)
        if isinstance(sheet, TaskSheet):
            write_task_sheet(worksheet, sheet)
        else:
            write_indicator_sheet(worksheet, sheet)
    save_atomically(workbook, path)
    return path


def save_atomically(workbook: Workbook, path: Path) -> None:
    """Save ``workbook`` to a temp file beside ``path`` and move it into place."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        workbook.save(temp)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_task_sheet(worksheet: Worksheet, sheet: TaskSheet) -> None:
    """Lay out a task appendix on ``worksheet``."""
    roles = [role for role, _label in sheet.columns]
    width = len(roles)
    row = _title_rows(worksheet, sheet.title_rows, width)
    row = _header(worksheet, row, [label for _role, label in sheet.columns])
    for item in sheet.rows:
        if isinstance(item, RepeatedHeader):
            row = _header(worksheet, row, [label for _role, label in sheet.columns])
            continue
        if isinstance(item, SectionRow):
            _cell(worksheet, row, 1, item.code, bold=True)
            _cell(worksheet, row, 2, item.title, bold=True)
            for column in range(3, width + 1):
                _cell(worksheet, row, column, None)
            worksheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)
        elif isinstance(item, TaskRow):
            values = {"stt": item.stt, "title": item.title, "result": item.result, "deadline": item.deadline,
                      "lead": item.lead, "coordinators": item.coordinators}
            for column, role in enumerate(roles, start=1):
                _cell(worksheet, row, column, values[role] or None)
        elif isinstance(item, ContinuationRow):
            for column, role in enumerate(roles, start=1):
                _cell(worksheet, row, column, item.cells.get(role))
        row += 1
    for column, role in enumerate(roles, start=1):
        worksheet.column_dimensions[_letter(column)].width = _WIDTHS[role]


def write_indicator_sheet(worksheet: Worksheet, sheet: IndicatorSheet) -> None:
    """Lay out an indicator appendix: two header rows, group rows, areas merged down."""
    row = _title_rows(worksheet, sheet.title_rows, 7)
    top = ["STT", "Chỉ tiêu", None, "Giai đoạn", None, "Cơ quan chủ trì theo dõi, đánh giá", "Bộ, ngành phối hợp"]
    for column, label in enumerate(top, start=1):
        _cell(worksheet, row, column, label, bold=True, align=_CENTER)
        _cell(worksheet, row + 1, column, None, align=_CENTER)
    _cell(worksheet, row + 1, 4, sheet.phases[0], bold=True, align=_CENTER)
    _cell(worksheet, row + 1, 5, sheet.phases[1], bold=True, align=_CENTER)
    for first, last in ((1, 1), (6, 6), (7, 7)):
        worksheet.merge_cells(start_row=row, start_column=first, end_row=row + 1, end_column=last)
    worksheet.merge_cells(start_row=row, start_column=2, end_row=row + 1, end_column=3)
    worksheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=5)
    row += 2
    for group in sheet.groups:
        _cell(worksheet, row, 1, group.code, bold=True)
        _cell(worksheet, row, 2, group.title, bold=True)
        worksheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
        row += 1
        area_start = row
        for index, indicator in enumerate(group.indicators):
            values = [indicator.stt, indicator.area, indicator.name, *indicator.targets, indicator.monitoring,
                      indicator.ministries]
            for column, value in enumerate(values, start=1):
                same_area = column == 2 and index and group.indicators[index - 1].area == indicator.area
                _cell(worksheet, row, column, None if same_area else value)
            following = group.indicators[index + 1] if index + 1 < len(group.indicators) else None
            if following is None or following.area != indicator.area:
                if row > area_start:
                    worksheet.merge_cells(start_row=area_start, start_column=2, end_row=row, end_column=2)
                area_start = row + 1
            row += 1
    for column, width in enumerate((6, 22, 50, 14, 14, 22, 20), start=1):
        worksheet.column_dimensions[_letter(column)].width = width


def _title_rows(worksheet: Worksheet, titles: tuple[str, ...], width: int) -> int:
    for row, text in enumerate(titles, start=1):
        _cell(worksheet, row, 1, text, bold=row <= 2, border=False, align=_CENTER)
        worksheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    return len(titles) + 2  # a blank row between the titles and the table


def _header(worksheet: Worksheet, row: int, labels: list[str]) -> int:
    for column, label in enumerate(labels, start=1):
        _cell(worksheet, row, column, label, bold=True, align=_CENTER)
    return row + 1


def _cell(worksheet: Worksheet, row: int, column: int, value: str | None, *, bold: bool = False,
          border: bool = True, align: Alignment = _WRAP) -> None:
    cell = worksheet.cell(row=row, column=column, value=value)
    cell.font = Font(name=_FONT, size=12, bold=bold)
    cell.alignment = align
    if border:
        cell.border = _BOX


def _letter(column: int) -> str:
    return chr(ord("A") + column - 1)
