"""The .xlsx reader: openpyxl in read-only (streaming) mode, merged ranges from the sheet's XML.

openpyxl's read-only mode does not report merged ranges; they are read from the sheet's XML part.
Each text cell is converted from TCVN3/VNI by its font name. Numbers keep their displayed form ("95%"
for 0.95 formatted as a percentage), dates become dd/mm/yyyy.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
from openpyxl.utils.cell import get_column_letter, range_boundaries

from desktop.documents.plan_readers.base import PlanSource, SourceRejected, clean_text, number_text
from desktop.documents.sheet_grid import MAX_CELL_CHARS, MAX_COLUMNS, MAX_MERGES, GridBuilder, SheetGrid
from desktop.domain.legacy_text import document_encoding

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


class XlsxSource(PlanSource):
    """An .xlsx workbook; its sheets are the tables."""

    kind = "xlsx"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self._workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
            raise SourceRejected(f"Tệp {path.name} bị hỏng hoặc không phải bảng tính Excel (.xlsx): {exc}",
                                 f"File {path.name} is damaged or not an Excel workbook (.xlsx): {exc}",
                                 code="not_a_workbook") from exc
        self.names = [ws.title for ws in self._workbook.worksheets]
        self.encoding = document_encoding((text, None) for text in _shared_strings(path))

    def close(self) -> None:
        """Close the workbook."""
        self._workbook.close()

    def grid(self, name: str) -> SheetGrid:
        """Read the sheet ``name``."""
        worksheet = self._workbook[name]
        worksheet.reset_dimensions()  # the declared dimension may be wrong or missing: read every row there is
        where = self.where(name)
        builder = GridBuilder(name, self.path.name, *where)
        for number, row in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS)):
            for cell in row:
                value = getattr(cell, "value", None)
                if value is None:
                    continue
                if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                    raise builder.too_large_cell(cell.row, len(value), f"{get_column_letter(cell.column)}{cell.row}")
                builder.add(cell.row, cell.column, _cell_text(cell, value, self.encoding))
            if number % 1000 == 999:
                self.check_time(*where)
        builder.fill_merges(_merged_ranges(self.path, self.names.index(name)))
        return builder.grid()


def _cell_text(cell: Any, value: Any, encoding: str) -> str:
    if isinstance(value, str):
        return clean_text(value, getattr(getattr(cell, "font", None), "name", None), encoding)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        return number_text(value, "%" in (getattr(cell, "number_format", "") or ""))
    return str(value).strip()


def _shared_strings(path: Path) -> Iterator[str]:
    """Every text of the workbook's shared string table (where Excel keeps the text of text cells)."""
    with zipfile.ZipFile(path) as archive:
        if "xl/sharedStrings.xml" not in archive.namelist():
            return
        with archive.open("xl/sharedStrings.xml") as source:
            for _event, element in ElementTree.iterparse(source):
                if element.tag == f"{{{_MAIN_NS}}}si":
                    yield "".join(t.text or "" for t in element.iter(f"{{{_MAIN_NS}}}t"))
                    element.clear()


def _merged_ranges(path: Path, index: int) -> list[tuple[int, int, int, int]]:
    """The merged ranges (min_col, min_row, max_col, max_row) of a sheet, from its XML part."""
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
