"""Reading a filled report workbook back: the values staff typed in the reported columns, by row ref.

Sheets are recognised by their header row (the one with "Mã"), and columns by their header text, so a
sheet renamed or a column moved still reads. Every cell that cannot be taken becomes a ``CellProblem``
naming the sheet and cell (a status word that is none of the five, a percent outside 0–100, text in a
number cell, a ref that names nothing or appears twice); the caller decides to refuse the whole file.
Numbers typed as text in the Vietnamese way ("99,5", "1.250") are read. The file is bounded: at most
20 MB and 10 000 rows a sheet, and it passes ``workbook_guard`` before openpyxl opens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from desktop.documents.report_text import REF_SEPARATOR
from desktop.documents.report_workbook_identity import WorkbookIdentity, read_identity
from desktop.documents.report_workbook_layout import (
    FORMER_HEADERS,
    INDICATOR_COLUMNS,
    REF_HEADER,
    TASK_COLUMNS,
    Column,
)
from desktop.documents.workbook_guard import check_workbook_file
from desktop.domain.numbers import parse_number
from desktop.domain.report_values import MAX_TEXT_LENGTH, clean_text
from desktop.domain.task_status import NOT_APPLICABLE, outcome_label, parse_status, status_choices
from desktop.domain.text import fold
from desktop.errors import InputError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
MAX_REF_LENGTH = 200
_HEADER_SEARCH_ROWS = 30
_COLUMN_NUMBER = re.compile(r"^\(\d{1,2}\)$")

NOT_APPLICABLE_WORDS = {fold(outcome_label(NOT_APPLICABLE, language)) for language in ("vi", "en")}


@dataclass(frozen=True)
class CellProblem:
    """A cell whose content cannot be taken, and why."""

    sheet: str
    cell: str
    message_vi: str
    message_en: str


@dataclass
class WorkbookValues:
    """The reported values by ref ("3256/QĐ-UBND::II.3"), and every cell that could not be taken."""

    tasks: dict[str, dict[str, Any]] = field(default_factory=dict)
    indicators: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    identity: WorkbookIdentity | None = None


def read_workbook_identity(path: Path) -> WorkbookIdentity | None:
    """What the workbook records it is for, without reading its rows (quick enough to ask before a fill)."""
    workbook = _open(Path(path))
    try:
        return read_identity(workbook)
    finally:
        workbook.close()


def read_report_workbook(path: Path) -> WorkbookValues:
    """The values of a report workbook written by ``write_report_workbook`` and filled by hand."""
    path = Path(path)
    workbook = _open(path)
    values = WorkbookValues(identity=read_identity(workbook))
    found = False
    try:
        for sheet in workbook.worksheets:
            found |= _read_sheet(sheet, path.name, values)
    finally:
        workbook.close()
    if not found:
        raise InputError(f"Tệp {path.name} không phải bảng tính báo cáo: không có sheet nào có cột \"{REF_HEADER}\".",
                         f"File {path.name} is not a report workbook: no sheet has a \"{REF_HEADER}\" column.",
                         code="not_a_report_workbook")
    return values


def _open(path: Path) -> Any:
    if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(f"Tệp {path.name} quá lớn ({path.stat().st_size // 1048576} MB); bảng tính báo cáo "
                         f"tối đa {MAX_FILE_BYTES // 1048576} MB.",
                         f"File {path.name} is too large ({path.stat().st_size // 1048576} MB); a report "
                         f"workbook is at most {MAX_FILE_BYTES // 1048576} MB.", code="workbook_too_large")
    check_workbook_file(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; all mean "cannot read"
        raise InputError(f"Không đọc được tệp {path.name} ({type(exc).__name__}).",
                         f"Cannot read the file {path.name} ({type(exc).__name__}).", code="workbook_unreadable") \
            from exc
    return workbook


def _read_sheet(sheet: Any, file_name: str, values: WorkbookValues) -> bool:
    rows = sheet.iter_rows(values_only=False)
    header: dict[int, Column] = {}
    kind = ""
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise InputError(f"Sheet \"{sheet.title}\" của tệp {file_name} có hơn {MAX_ROWS} dòng; không đọc.",
                             f"Sheet \"{sheet.title}\" of {file_name} has more than {MAX_ROWS} rows; not read.",
                             code="workbook_too_many_rows")
        cells = {index: cell.value for index, cell in enumerate(row, start=1) if cell.value is not None}
        if not header:
            if number > _HEADER_SEARCH_ROWS:
                return False
            header, kind = _header(cells)
            continue
        if cells and all(isinstance(v, str) and _COLUMN_NUMBER.match(v.strip()) for v in cells.values()):
            continue
        percent_cells = {index for index, cell in enumerate(row, start=1)
                         if isinstance(cell.value, int | float) and "%" in str(getattr(cell, "number_format", ""))}
        for index in percent_cells:
            # A cell formatted as a percentage holds 0.6 where the sheet shows 60%.
            cells[index] = cells[index] * 100
        target = values.tasks if kind == "tasks" else values.indicators
        _read_row(sheet.title, number, cells, header, target, seen, values.problems)
    return bool(header)


def _header(cells: dict[int, Any]) -> tuple[dict[int, Column], str]:
    names = {fold(FORMER_HEADERS.get(value.strip(), value)): index for index, value in cells.items()
             if isinstance(value, str)}
    if fold(REF_HEADER) not in names:
        return {}, ""
    for kind, columns in (("tasks", TASK_COLUMNS), ("indicators", INDICATOR_COLUMNS)):
        found = {names[fold(c.header)]: c for c in columns if c.field and fold(c.header) in names}
        if len(found) == sum(1 for c in columns if c.field):
            return found, kind
    return {}, ""


def _read_row(sheet: str, row: int, cells: dict[int, Any], header: dict[int, Column],
              target: dict[str, dict[str, Any]], seen: set[str], problems: list[CellProblem]) -> None:
    ref_column = next(index for index, column in header.items() if column.field == "ref")
    ref_cell = f"{get_column_letter(ref_column)}{row}"
    raw_ref = cells.get(ref_column)
    reported = {index: value for index, value in cells.items() if index in header and index != ref_column}
    if raw_ref is None or (isinstance(raw_ref, str) and not raw_ref.strip()):
        if any(not (isinstance(v, str) and not v.strip()) for v in reported.values()):
            problems.append(CellProblem(sheet, ref_cell, "Dòng có số liệu nhưng thiếu mã nhiệm vụ/chỉ tiêu.",
                                        "The row has values but no ref (Mã)."))
        return
    ref = str(raw_ref).strip()
    plan, _, key = ref.partition(REF_SEPARATOR)
    if not plan.strip() or not key.strip() or len(ref) > MAX_REF_LENGTH:
        problems.append(CellProblem(sheet, ref_cell, f"Mã \"{ref[:60]}\" không chỉ nhiệm vụ hay chỉ tiêu nào.",
                                    f"The ref \"{ref[:60]}\" names no task or indicator."))
        return
    if ref in seen:
        problems.append(CellProblem(sheet, ref_cell, f"Mã \"{ref}\" xuất hiện hai lần.",
                                    f"The ref \"{ref}\" appears twice."))
        return
    seen.add(ref)
    row_values: dict[str, Any] = {}
    ok = True
    for index, column in header.items():
        if column.field == "ref":
            continue
        cell = f"{get_column_letter(index)}{row}"
        value, problem = _take(column.field or "", cells.get(index))
        if problem:
            ok = False
            problems.append(CellProblem(sheet, cell, *problem))
        row_values[column.field or ""] = value
    if ok:
        target[ref] = row_values


def _take(name: str, raw: Any) -> tuple[Any, tuple[str, str] | None]:
    if isinstance(raw, str) and not raw.strip():
        raw = None
    if raw is None:
        return None, None
    if name == "status":
        if isinstance(raw, str) and fold(raw) in NOT_APPLICABLE_WORDS:
            return None, None  # no status: «Lý do không áp dụng» says why
        code = parse_status(raw) if isinstance(raw, str) else None
        if code is None:
            shown = str(raw)[:60]
            return None, (f"Tình trạng \"{shown}\" không hợp lệ; chọn: {status_choices('vi')}.",
                          f"Status \"{shown}\" is not valid; choose: {status_choices('en')}.")
        return code, None
    if name in ("percent", "numerator", "denominator", "value"):
        return _number(name, raw)
    if name == "level" and isinstance(raw, int | float) and not isinstance(raw, bool):
        return (str(int(raw)) if float(raw).is_integer() else str(raw)), None
    if not isinstance(raw, str | int | float) or isinstance(raw, bool):
        return None, ("Ô chứa giá trị không đọc được; hãy ghi dạng văn bản.",
                      "The cell holds a value that cannot be read; write it as text.")
    if isinstance(raw, str) and len(raw) > MAX_TEXT_LENGTH:
        return None, (f"Nội dung dài quá {MAX_TEXT_LENGTH} ký tự.",
                      f"The text is longer than {MAX_TEXT_LENGTH} characters.")
    return clean_text(raw), None


def _number(name: str, raw: Any) -> tuple[float | None, tuple[str, str] | None]:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        number = None
    elif isinstance(raw, str):
        number = parse_number(raw)
    else:
        number = float(raw)
    if number is None:
        shown = str(raw)[:60]
        return None, (f"\"{shown}\" không phải là số.", f"\"{shown}\" is not a number.")
    if name == "percent" and not 0 <= number <= 100:
        return None, (f"Tỷ lệ hoàn thành {number:g}% nằm ngoài khoảng 0–100.",
                      f"The completion percent {number:g} is outside 0–100.")
    return number, None
