"""One worksheet read into memory as text cells, with merged ranges and legacy encodings resolved.

openpyxl reads the sheet in read-only (streaming) mode, which does not report merged ranges; they
are read from the sheet's XML part here. Every cell of a merged range carries the text of the
range's top-left cell and that cell's position (its anchor), so a reader can choose to fill a merge
down, across, or not at all. Each text cell is converted from TCVN3/VNI by its font name (see
desktop.domain.legacy_text), made NFC and stripped at both ends. Numbers keep their displayed form
("95%" for 0.95 formatted as a percentage), dates become dd/mm/yyyy.

Bounds: at most MAX_ROWS non-empty rows and MAX_COLUMNS columns are read, no cell longer than
MAX_CELL_CHARS (Excel's own limit), no row past MAX_ROW_NUMBER.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils.cell import get_column_letter, range_boundaries

from desktop.domain.legacy_text import to_unicode
from desktop.errors import InputError

MAX_ROWS = 20_000
MAX_ROW_NUMBER = 200_000
MAX_COLUMNS = 64
MAX_CELL_CHARS = 32_767
MAX_MERGES = 50_000

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


class SheetTooLarge(InputError):
    """A sheet or a cell beyond the importer's bounds."""

    code = "sheet_too_large"


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell's text and the position (row, column) of the cell that holds it (itself unless merged)."""

    text: str
    anchor: tuple[int, int]


class SheetGrid:
    """The non-empty text cells of a sheet, by 1-based row and column."""

    def __init__(self, name: str, cells: dict[int, dict[int, GridCell]]) -> None:
        self.name = name
        self._cells = cells
        self.rows = sorted(cells)

    def cell(self, row: int, column: int) -> GridCell | None:
        """The cell at ``row``, ``column`` (merged ranges filled), or None when empty."""
        return self._cells.get(row, {}).get(column)

    def text(self, row: int, column: int | None, *, down: bool = True, across: bool = False) -> str | None:
        """The text at a position; a merged range counts when filling ``down`` or ``across`` reaches it."""
        if column is None:
            return None
        found = self.cell(row, column)
        if found is None:
            return None
        anchor_row, anchor_column = found.anchor
        if (anchor_row != row and not down) or (anchor_column != column and not across):
            return None
        return found.text

    def columns(self, row: int) -> list[int]:
        """The columns of ``row`` that hold text (merged ranges filled both ways)."""
        return sorted(self._cells.get(row, {}))


def read_sheet(path: Path, workbook: Any, sheet_name: str) -> SheetGrid:
    """Read ``sheet_name`` of an openpyxl read-only ``workbook`` opened from ``path``."""
    worksheet = workbook[sheet_name]
    worksheet.reset_dimensions()  # the declared dimension may be wrong or missing: read every row there is
    cells: dict[int, dict[int, GridCell]] = {}
    for row in worksheet.iter_rows(max_col=MAX_COLUMNS):
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None:
                continue
            text = _cell_text(cell, value, path, sheet_name)
            if text:
                cells.setdefault(cell.row, {})[cell.column] = GridCell(text, (cell.row, cell.column))
        _check_bounds(cells, row, path, sheet_name)
    _fill_merges(cells, _merged_ranges(path, workbook, sheet_name))
    return SheetGrid(sheet_name, cells)


def _check_bounds(cells: dict[int, dict[int, GridCell]], row: tuple[Any, ...], path: Path, sheet: str) -> None:
    row_number = next((c.row for c in row if getattr(c, "row", None)), 0)
    if len(cells) > MAX_ROWS or row_number > MAX_ROW_NUMBER:
        raise SheetTooLarge(
            f"Tệp {path.name}, trang «{sheet}», dòng {row_number}: bảng có quá nhiều dòng "
            f"(tối đa {MAX_ROWS:,} dòng có dữ liệu). Hãy tách phụ lục hoặc xóa các dòng thừa.",
            f"File {path.name}, sheet «{sheet}», row {row_number}: too many rows (at most {MAX_ROWS:,} rows "
            "with data). Split the appendix or delete the extra rows.")


def _cell_text(cell: Any, value: Any, path: Path, sheet: str) -> str:
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            where = f"{get_column_letter(cell.column)}{cell.row}"
            raise SheetTooLarge(
                f"Tệp {path.name}, trang «{sheet}», ô {where} (dòng {cell.row}): nội dung dài {len(value):,} ký tự, "
                f"vượt giới hạn {MAX_CELL_CHARS:,} ký tự của một ô Excel.",
                f"File {path.name}, sheet «{sheet}», cell {where} (row {cell.row}): {len(value):,} characters, "
                f"more than the {MAX_CELL_CHARS:,} an Excel cell holds.")
        font = getattr(getattr(cell, "font", None), "name", None) if not value.isascii() else None
        return to_unicode(value, font).strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        if "%" in (getattr(cell, "number_format", "") or ""):
            return f"{_number(value * 100)}%"
        return _number(value)
    return str(value).strip()


def _number(value: float) -> str:
    rounded = round(value, 6)
    return str(int(rounded)) if float(rounded).is_integer() else f"{rounded:g}"


def _fill_merges(cells: dict[int, dict[int, GridCell]], ranges: list[tuple[int, int, int, int]]) -> None:
    last_row = max(cells, default=0)
    for min_col, min_row, max_col, max_row in ranges:
        anchor = cells.get(min_row, {}).get(min_col)
        if anchor is None:
            continue
        for row in range(min_row, min(max_row, last_row) + 1):
            target = cells.setdefault(row, {})
            for column in range(min_col, min(max_col, MAX_COLUMNS) + 1):
                target[column] = anchor


def _merged_ranges(path: Path, workbook: Any, sheet_name: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges (min_col, min_row, max_col, max_row) of a sheet, from its XML part."""
    index = workbook.sheetnames.index(sheet_name)
    ranges: list[tuple[int, int, int, int]] = []
    with zipfile.ZipFile(path) as archive:
        part = _sheet_parts(archive)[index]
        with archive.open(part) as source:
            for _event, element in ElementTree.iterparse(source):
                if element.tag == f"{{{_MAIN_NS}}}mergeCell" and element.get("ref"):
                    bounds = range_boundaries(element.get("ref", ""))
                    if None not in bounds:
                        ranges.append(bounds)  # type: ignore[arg-type]
                    if len(ranges) > MAX_MERGES:
                        break
                element.clear()
    return ranges


def _sheet_parts(archive: zipfile.ZipFile) -> list[str]:
    """The XML part of every sheet, in workbook order."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in relations.iter(f"{{{_PKG_REL_NS}}}Relationship")}
    parts = []
    for sheet in workbook.iter(f"{{{_MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
        parts.append(target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}"))
    return parts
