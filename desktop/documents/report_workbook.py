"""The report workbook: the province's appendix layout with the reported columns, ready to print or fill.

One sheet for tasks ("Nhiệm vụ") and one for indicators ("Chỉ tiêu"). Each opens with the appendix's
number, title and "(Kèm theo Báo cáo số …)" line, then a bold header and a row of column numbers that
print on every page; rows are grouped under their section (or indicator group). The last column, "Mã",
holds each row's ref ("3256/QĐ-UBND::II.3") so that ``report_workbook_reader`` can take back what staff
typed in the reported columns. Status is written in Vietnamese words, with a drop-down of the five.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop.documents.report_text import (
    agency_in_text,
    grouped_tasks,
    indicator_code,
    iso_day,
    issued_number,
    long_date,
    plan_code,
    plan_heading,
)
from desktop.documents.report_workbook_identity import WorkbookIdentity, stamp_identity
from desktop.documents.report_workbook_layout import (
    FIRST_DATA_ROW,
    FONT_NAME,
    HEADER_ROW,
    INDICATOR_COLUMNS,
    INDICATOR_SHEET,
    TASK_COLUMNS,
    TASK_SHEET,
    Column,
)
from desktop.documents.report_workbook_reader import CellProblem, WorkbookValues, read_report_workbook
from desktop.documents.sheet_print import fit_rows, print_landscape, row_height
from desktop.domain.report_snapshot import IndicatorEntry, ReportSnapshot, TaskEntry
from desktop.domain.task_status import NOT_APPLICABLE, STATUSES, outcome_label
from desktop.sync.atomic_file import atomic_output

__all__ = ["CellProblem", "WorkbookValues", "read_report_workbook", "write_report_workbook"]

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = Font(name=FONT_NAME, size=12)
_BOLD = Font(name=FONT_NAME, size=12, bold=True)
_ITALIC = Font(name=FONT_NAME, size=12, italic=True)
_TITLE = Font(name=FONT_NAME, size=14, bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(wrap_text=True, horizontal="center", vertical="top")
_HEAD = Alignment(wrap_text=True, horizontal="center", vertical="center")


def write_report_workbook(snapshot: ReportSnapshot, out: Path) -> Path:
    """Write the tasks and indicators of ``snapshot`` to ``out`` (replaced atomically)."""
    workbook = Workbook()
    tasks = workbook.active
    tasks.title = TASK_SHEET
    _write_tasks(tasks, snapshot)
    _write_indicators(workbook.create_sheet(INDICATOR_SHEET), snapshot)
    workbook.properties.title = (f"Báo cáo số {issued_number(snapshot)} - {snapshot.period.label} - "
                                 f"{agency_in_text(snapshot.agency.name)} (lần {snapshot.revision})")
    stamp_identity(workbook, WorkbookIdentity(snapshot.agency.code, snapshot.period.code, snapshot.revision))
    workbook.properties.creator = agency_in_text(snapshot.agency.name)
    workbook.properties.language = "vi-VN"
    out = Path(out)
    with atomic_output(out) as handle:
        workbook.save(handle)
    return out


def _write_tasks(sheet: Worksheet, snapshot: ReportSnapshot) -> None:
    _heading(sheet, "Phụ lục I", f"Kết quả thực hiện nhiệm vụ {snapshot.period.label}", snapshot, TASK_COLUMNS)
    row = FIRST_DATA_ROW
    current: tuple[str, str] | None = None
    known = {plan_code(p): p for p in snapshot.plans}
    for task in grouped_tasks(snapshot.tasks):
        if task.plan and (current is None or current[0] != task.plan):
            _group_row(sheet, row, "", plan_heading(known.get(task.plan), task.plan), TASK_COLUMNS)
            current, row = (task.plan, ""), row + 1
        if current != (task.plan, task.section):
            _group_row(sheet, row, task.section, task.section_title, TASK_COLUMNS)
            current, row = (task.plan, task.section), row + 1
        _item_row(sheet, row, task, TASK_COLUMNS)
        row += 1
    status_column = get_column_letter(_field_index(TASK_COLUMNS, "status"))
    # «Không áp dụng» is offered beside the five statuses: it is what the column shows for such a task.
    words = [*(s.label_vi for s in STATUSES), outcome_label(NOT_APPLICABLE)]
    choices = DataValidation(type="list", formula1='"' + ",".join(words) + '"',
                             allow_blank=True, showErrorMessage=True, errorTitle="Tình trạng",
                             error="Chọn một tình trạng của danh sách.")
    if row > FIRST_DATA_ROW:
        choices.add(f"{status_column}{FIRST_DATA_ROW}:{status_column}{row - 1}")
        sheet.add_data_validation(choices)
    _print_setup(sheet, TASK_COLUMNS, row - 1)


def _write_indicators(sheet: Worksheet, snapshot: ReportSnapshot) -> None:
    _heading(sheet, "Phụ lục II", f"Kết quả thực hiện các chỉ tiêu {snapshot.period.label}", snapshot,
             INDICATOR_COLUMNS)
    row = FIRST_DATA_ROW
    current: str | None = None
    for number, indicator in enumerate(snapshot.indicators, start=1):
        if indicator.group and indicator.group != current:
            _group_row(sheet, row, "", indicator.group, INDICATOR_COLUMNS)
            current, row = indicator.group, row + 1
        _item_row(sheet, row, indicator, INDICATOR_COLUMNS)
        sheet.cell(row, 1, indicator_code(number, indicator))
        row += 1
    _print_setup(sheet, INDICATOR_COLUMNS, row - 1)


def _heading(sheet: Worksheet, number: str, title: str, snapshot: ReportSnapshot, columns: Sequence[Column]) -> None:
    last = get_column_letter(len(columns) - 1)
    reference = (f"(Kèm theo Báo cáo số {issued_number(snapshot)} "
                 f"{long_date(iso_day(snapshot.document.date))} của {agency_in_text(snapshot.agency.name)})")
    for row, text, font in ((1, number, _TITLE), (2, title.upper(), _TITLE), (3, reference, _ITALIC)):
        cell = sheet.cell(row, 1, text)
        cell.font, cell.alignment = font, _HEAD
        sheet.merge_cells(f"A{row}:{last}{row}")
    sheet.row_dimensions[2].height = 20
    for index, column in enumerate(columns, start=1):
        head = sheet.cell(HEADER_ROW, index, column.header)
        head.font, head.alignment, head.border = _BOLD, _HEAD, _BOX
        mark = sheet.cell(HEADER_ROW + 1, index, f"({index})")
        mark.font, mark.alignment, mark.border = _ITALIC, _HEAD, _BOX
        sheet.column_dimensions[get_column_letter(index)].width = column.width


def _group_row(sheet: Worksheet, row: int, number: str, title: str, columns: Sequence[Column]) -> None:
    for index in range(1, len(columns) + 1):
        cell = sheet.cell(row, index)
        cell.font, cell.border, cell.alignment = _BOLD, _BOX, _WRAP
    sheet.cell(row, 1, number or None).alignment = _CENTRE
    sheet.cell(row, 2, title)
    # The title runs across the plan's columns (not into "Mã", which stays empty for the reader).
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(columns) - 1)


def _item_row(sheet: Worksheet, row: int, item: TaskEntry | IndicatorEntry, columns: Sequence[Column]) -> None:
    for index, column in enumerate(columns, start=1):
        value = column.value(item)
        cell = sheet.cell(row, index, None if value == "" else value)
        cell.font, cell.border = _FONT, _BOX
        cell.alignment = _CENTRE if column.centred else _WRAP


def _print_setup(sheet: Worksheet, columns: Sequence[Column], last_row: int) -> None:
    widths = [column.width for column in columns]
    fit_rows(sheet, HEADER_ROW, max(last_row, HEADER_ROW + 1), widths)
    sheet.row_dimensions[3].height = row_height([(sheet.cell(3, 1).value, sum(widths[:-1]))])
    # "Mã" stays in the file for ``fill`` but outside the print area.
    print_landscape(sheet, title_rows=f"{HEADER_ROW}:{HEADER_ROW + 1}", last_printed_column=len(columns) - 1,
                    last_row=last_row)
    sheet.freeze_panes = f"C{FIRST_DATA_ROW}"


def _field_index(columns: Sequence[Column], field: str) -> int:
    return next(index for index, column in enumerate(columns, start=1) if column.field == field)

