"""A province's plan (its appendices of tasks and indicators) read into a ParsedPlan, from any format.

``parse_plan_workbook(path, sheet=None)`` checks the file before opening it (workbook_guard), has
the reader of its format (plan_readers: .xlsx, .xls, .docx, PDF) turn each sheet or table into the
row model (sheet_grid), finds every table by its header row (plan_header) and reads task tables
(plan_tasks) and indicator tables (plan_indicators). Nothing is stored.

A Word document's tables are "Bảng 1", "Bảng 2"… (each with the paragraphs above it as its title
rows, so the first page gives the plan's number and date); a PDF's tables, page after page, are one
grid "PDF" (a row split by a page break continues the task above). Without ``sheet``, every sheet
is looked at and tables are read from all that have a recognisable header: a plan often has
Phụ lục 1 (indicators) and Phụ lục 2 (tasks) on two sheets, or both on one.
``ParsedPlan.sheets`` lists those sheets in workbook order and ``sheet`` joins them with ", ".
Rows above a table's header, rows after its end ("Phụ lục 2", "Nơi nhận", the signature block),
and sheets without a table are not read as data; the title rows give the plan's number, date and
title when they name them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop.documents.plan_header import INDICATORS, Header, detect_header, is_column_number_row
from desktop.documents.plan_indicators import IndicatorTable
from desktop.documents.plan_model import ParsedPlan, ParseWarning, PlanInfo
from desktop.documents.plan_readers import PlanSource, open_plan_source
from desktop.documents.plan_tasks import TaskTable
from desktop.documents.sheet_grid import SheetGrid
from desktop.domain.text import fold
from desktop.errors import InputError

MAX_SHEETS = 50

_FOOTER = re.compile(r"^(phu luc\b|noi nhan|tm\.|t/m\b|kt\.|chu tich\b|pho chu tich\b|giam doc\b|nguoi lap\b)")
_PLAN_NUMBER = re.compile(r"\bsố\s*:?\s*(\d{1,5}\s*/\s*[A-ZĐ]{1,6}(?:-[A-ZĐ&]{1,10}){0,3})", re.IGNORECASE)
_PLAN_DATE = re.compile(r"ngày\s+(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
                        re.IGNORECASE)
_NOT_A_TITLE = re.compile(r"^(phu luc\b|\(?(ban hanh )?kem theo|so\s*:|cong hoa|doc lap|uy ban|ubnd\b|so\s+\d)")
# "Đồng Tháp, ngày 05 tháng 6 năm 2025": the place and date line of a cover or header block, never a title.
_DATE_LINE = re.compile(r"^[^\n]{0,40}\bngay\s*(\d{1,2}|[.…]+)?\s*thang\s*(\d{1,2}|[.…]+)?\s*nam\s*\d{4}\s*$")
_ATTACHED = re.compile(r"\bkem theo\b")


class PlanWorkbookError(InputError):
    """The workbook opened but holds no plan table that can be read."""

    code = "plan_workbook"


def parse_plan_workbook(path: Path, sheet: str | None = None) -> ParsedPlan:
    """Read the plan tables of the .xlsx, .xls, .docx or PDF at ``path`` (only ``sheet`` when given)."""
    path = Path(path)
    source = open_plan_source(path)
    try:
        return _parse(path, source, sheet)
    finally:
        source.close()


def _parse(path: Path, source: PlanSource, sheet: str | None) -> ParsedPlan:
    names = source.names
    if sheet is not None and sheet not in names:
        raise PlanWorkbookError(f"Tệp {path.name} không có trang «{sheet}». Các trang: {', '.join(names)}.",
                                f"File {path.name} has no sheet «{sheet}». Sheets: {', '.join(names)}.",
                                code="sheet_missing")
    plan = ParsedPlan()
    empty: list[str] = []
    title_texts: list[str] = []
    grids: dict[str, SheetGrid] = {}
    for name in [sheet] if sheet is not None else names[:MAX_SHEETS]:
        grid = grids[name] = source.grid(name)
        if not grid.rows:
            empty.append(name)
            continue
        if _read_tables(grid, plan, title_texts):
            plan.sheets.append(name)
    if not plan.sheets:
        raise _nothing_found(path, sheet, source, empty)
    plan.plan = _plan_info(title_texts)
    _dedupe_keys(plan)
    plan.warnings = [_placed(w, grids.get(w.sheet)) for w in plan.warnings]
    return plan


def _placed(warning: ParseWarning, grid: SheetGrid | None) -> ParseWarning:
    """The warning with its page and the row of that page when the grid is a PDF's run of pages."""
    if grid is None:
        return warning
    page, row = grid.place(warning.row)
    return warning if page is None else ParseWarning(warning.sheet, row, warning.message, page)


def _read_tables(grid: SheetGrid, plan: ParsedPlan, title_texts: list[str]) -> bool:
    """Read every table of ``grid`` into ``plan``; True when the sheet had one."""
    table: TaskTable | IndicatorTable | None = None
    header: Header | None = None
    found = False
    skip_to: int | None = None
    for row in grid.rows:
        if skip_to is not None and row <= skip_to:
            continue
        detected = detect_header(grid, row)
        if detected is not None:
            skip_to = detected.last_row
            if table is not None and header is not None and detected.kind == header.kind and \
                    set(detected.roles.values()) == set(header.roles.values()):
                continue  # the header repeated mid-table (a new page)
            _finish(table, plan)
            header, found = detected, True
            table = IndicatorTable(grid, header) if header.kind == INDICATORS else TaskTable(grid, header)
            continue
        if table is None:
            title_texts.extend(t for c in grid.columns(row) if (t := grid.text(row, c)))
            continue
        if is_column_number_row(grid, row):
            continue
        if _is_footer(grid, row, header):
            _finish(table, plan)
            table = header = None
            title_texts.extend(t for c in grid.columns(row) if (t := grid.text(row, c)))
            continue
        table.read_row(row)
    _finish(table, plan)
    return found


def _finish(table: TaskTable | IndicatorTable | None, plan: ParsedPlan) -> None:
    if table is None:
        return
    table.finish()
    if isinstance(table, TaskTable):
        plan.sections.extend(table.sections)
        plan.groups.extend(table.groups)
        plan.tasks.extend(table.tasks)
        empty = not table.tasks
    else:
        plan.indicators.extend(table.indicators)
        empty = not table.indicators
    plan.warnings.extend(table.warnings)
    if empty:
        plan.warnings.append(ParseWarning(table.grid.name, table.header.first_row,
                                          "Bảng có tiêu đề cột nhưng không có dòng dữ liệu nào."))


def _is_footer(grid: SheetGrid, row: int, header: Header | None) -> bool:
    stt_column = header.column("stt") if header else None
    if stt_column and grid.text(row, stt_column, down=False) and not _FOOTER.match(
            fold(grid.text(row, stt_column) or "")):
        return False
    first = next((t for c in grid.columns(row) if (t := grid.text(row, c, down=False))), "")
    return bool(_FOOTER.match(fold(first)))


def _plan_info(texts: list[str]) -> PlanInfo:
    """Number, date and title: the "(Kèm theo Kế hoạch số … ngày …)" line first, then the header block."""
    attached = [t for t in texts if _ATTACHED.search(fold(t))]
    ordered = attached + [t for t in texts if t not in attached]
    code = next((m.group(1).replace(" ", "") for t in ordered if (m := _PLAN_NUMBER.search(t))), None)
    issued = next((d for t in ordered if (d := _issued_on(t))), None)
    title = next((t for t in texts if len(t) > 15 and not _NOT_A_TITLE.match(fold(t))
                  and not _DATE_LINE.search(fold(t))), None)
    return PlanInfo(code=code, title=" ".join(title.split()) if title else None, issued_on=issued)


def _issued_on(text: str) -> str | None:
    """The ISO date of "ngày 19/5/2025" or "ngày 05 tháng 6 năm 2025" in ``text`` (a real date), else None."""
    match = _PLAN_DATE.search(text)
    if match is None:
        return None
    day, month, year = (int(n) for n in re.findall(r"\d+", match.group(1)))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _dedupe_keys(plan: ParsedPlan) -> None:
    """Keys stay unique across tables and sheets: a repeat gets "-2", "-3"… and a warning."""
    seen: set[str] = set()
    for index, task in enumerate(plan.tasks):
        key, number = task.key, 2
        while key in seen:
            key, number = f"{task.key}-{number}", number + 1
        if key != task.key:
            plan.warnings.append(ParseWarning(task.sheet, task.row, f"Mã nhiệm vụ {task.key} trùng; đổi thành {key}."))
            plan.tasks[index] = replace(task, key=key)
        seen.add(key)
    seen = set()
    for index, indicator in enumerate(plan.indicators):
        key, number = indicator.key, 2
        while key in seen:
            key, number = f"{indicator.key}-{number}", number + 1
        if key != indicator.key:
            plan.warnings.append(ParseWarning(indicator.sheet, indicator.row,
                                              f"Mã chỉ tiêu {indicator.key} trùng; đổi thành {key}."))
            plan.indicators[index] = replace(indicator, key=key)
        seen.add(key)


def _nothing_found(path: Path, sheet: str | None, source: PlanSource, empty: list[str]) -> PlanWorkbookError:
    names = source.names
    if sheet is not None and empty:
        return PlanWorkbookError(f"Tệp {path.name}, trang «{sheet}»: trang trống, không có dữ liệu.",
                                 f"File {path.name}, sheet «{sheet}»: the sheet is empty.", code="sheet_empty")
    if len(empty) == len(names):
        return PlanWorkbookError(f"Tệp {path.name}: mọi trang đều trống.",
                                 f"File {path.name}: every sheet is empty.", code="sheet_empty")
    where, where_en = source.where(sheet) if sheet is not None else source.where_all()
    if (why := source.why_no_table()) is not None:
        return PlanWorkbookError(f"Không đọc được bảng của tệp {path.name} ({where}): {why[0]}",
                                 f"The tables of {path.name} ({where_en}) could not be read: {why[1]}",
                                 code="no_header")
    return PlanWorkbookError(
        f"Tệp {path.name}, {where}: không tìm thấy dòng tiêu đề cột của bảng nhiệm vụ (STT, Nhiệm vụ, Cơ quan chủ trì, "
        "Thời hạn hoàn thành…) hay bảng chỉ tiêu (Chỉ tiêu, Giai đoạn…). Hãy kiểm tra đây đúng là phụ lục của "
        "kế hoạch, hoặc xin Sở bản Word hoặc Excel của phụ lục.",
        f"File {path.name}, {where_en}: no header row of a task table (STT, Nhiệm vụ, Cơ quan chủ trì, Thời hạn "
        "hoàn thành…) or an indicator table (Chỉ tiêu, Giai đoạn…) was found. Check that this is the plan's "
        "appendix, or ask the province for the appendix as a Word or Excel file.", code="no_header")
