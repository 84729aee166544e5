"""The Excel 97-2003 (.xls) reader: xlrd with formatting_info, for cell fonts and merged ranges.

xlrd gives each cell's font (so ".VnTime" and "VNI-Times" cells convert from TCVN3 and VNI as in an
.xlsx), its number format (0.95 shown as "95%") and the sheet's merged ranges. A file xlrd cannot
open (a password, a Word 97-2003 .doc, damage) is refused with the file's name and what to do.

xlrd holds a whole sheet in Python objects (232 MB for 100,000 rows) before the first row can be
looked at. So a sheet is measured first, in the workbook stream xlrd already holds (no copy): its
DIMENSIONS record gives its last row, and a sheet that ends within MAX_ROWS is loaded. In a taller
one the cell records are walked, counting the rows that hold a value, and the sheet is refused at
the first row past the bound, before xlrd loads it. xlrd only ever holds a sheet within the bounds.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import xlrd
import xlrd.compdoc

from desktop.documents.plan_readers.base import PlanSource, SourceRejected, clean_text, number_text
from desktop.documents.sheet_grid import MAX_CELL_CHARS, MAX_COLUMNS, MAX_MERGES, MAX_ROWS, GridBuilder, SheetGrid
from desktop.domain.legacy_text import document_encoding


class XlsSource(PlanSource):
    """An .xls workbook; its sheets are the tables, each loaded when asked for."""

    kind = "xls"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        name = path.name
        try:
            self._book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        except (xlrd.XLRDError, xlrd.compdoc.CompDocError) as exc:
            if "encrypt" in str(exc).lower():
                raise SourceRejected(
                    f"Tệp {name} được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ "
                    "làm việc) rồi lưu lại.",
                    f"File {name} is password-protected. Open it in Excel, remove the password (File › Info › "
                    "Protect Workbook) and save it again.", code="workbook_encrypted") from exc
            raise SourceRejected(
                f"Tệp {name} là tệp Office cũ nhưng không đọc được như bảng tính Excel 97-2003 (.xls) ({exc}). "
                "Nếu là văn bản Word 97-2003 (.doc), hãy mở bằng Word và lưu lại dưới dạng .docx.",
                f"File {name} is an old Office file but cannot be read as an Excel 97-2003 workbook (.xls) ({exc}). "
                "If it is a Word 97-2003 document (.doc), open it in Word and save it as .docx.",
                code="xls_unreadable") from exc
        except (OSError, ValueError, IndexError, KeyError, AssertionError) as exc:
            raise SourceRejected(f"Tệp {name} bị hỏng, không đọc được như bảng tính .xls ({exc}).",
                                 f"File {name} is damaged and cannot be read as an .xls workbook ({exc}).",
                                 code="xls_unreadable") from exc
        self.names = self._book.sheet_names()
        # Every text of an .xls is in its shared string table, read with the workbook: the vote of them all.
        self.encoding = document_encoding((text, None) for text in getattr(self._book, "_sharedstrings", []))

    def close(self) -> None:
        """Release the workbook."""
        self._book.release_resources()

    def _check_height(self, name: str, builder: GridBuilder) -> None:
        """Refuse a sheet with more than MAX_ROWS filled rows without loading it into xlrd."""
        index = self.names.index(name)
        last_row = _declared_rows(self._book, index)
        if last_row is not None and last_row <= MAX_ROWS:
            return
        past = _row_past_bound(self._book, index)
        if past is not None:
            raise builder.too_many_rows(past)

    def grid(self, name: str) -> SheetGrid:
        """Read the sheet ``name``."""
        where = self.where(name)
        builder = GridBuilder(name, self.path.name, *where)
        self._check_height(name, builder)
        try:
            sheet = self._book.sheet_by_name(name)
        except (xlrd.XLRDError, AssertionError, IndexError, KeyError, ValueError) as exc:
            raise SourceRejected(f"Tệp {self.path.name}, {where[0]}: trang bị hỏng, không đọc được ({exc}).",
                                 f"File {self.path.name}, {where[1]}: the sheet is damaged ({exc}).",
                                 code="xls_unreadable") from exc
        filled = 0
        for row in range(sheet.nrows):
            values = sheet.row_slice(row, 0, min(sheet.ncols, MAX_COLUMNS))
            texts = [(column, self._text(sheet, row, column, cell)) for column, cell in enumerate(values)]
            if any(text for _c, text in texts):
                filled += 1
                if filled > MAX_ROWS:
                    raise builder.too_many_rows(row + 1)
            for column, text in texts:
                if len(text) > MAX_CELL_CHARS:
                    raise builder.too_large_cell(row + 1, len(text), xlrd.cellname(row, column))
                builder.add(row + 1, column + 1, text)
            if row % 1000 == 999:
                self.check_time(*where)
        builder.fill_merges([(clo + 1, rlo + 1, chi, rhi) for rlo, rhi, clo, chi in sheet.merged_cells[:MAX_MERGES]])
        self._book.unload_sheet(name)
        return builder.grid()

    def _text(self, sheet: Any, row: int, column: int, cell: Any) -> str:
        kind, value = cell.ctype, cell.value
        if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return ""
        if kind == xlrd.XL_CELL_TEXT:
            return clean_text(value, self._font(cell.xf_index), self.encoding)
        if kind == xlrd.XL_CELL_NUMBER:
            return number_text(value, "%" in self._format(cell.xf_index))
        if kind == xlrd.XL_CELL_DATE:
            try:
                return xlrd.xldate_as_datetime(value, self._book.datemode).strftime("%d/%m/%Y")
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                return number_text(value)
        if kind == xlrd.XL_CELL_BOOLEAN:
            return "TRUE" if value else "FALSE"
        return ""

    def _font(self, xf_index: int) -> str | None:
        try:
            return str(self._book.font_list[self._book.xf_list[xf_index].font_index].name)
        except (IndexError, AttributeError):
            return None

    def _format(self, xf_index: int) -> str:
        try:
            key = self._book.xf_list[xf_index].format_key
            return str(self._book.format_map[key].format_str)
        except (IndexError, KeyError, AttributeError):
            return ""


_BOF, _EOF, _DIMENSIONS = 0x0809, 0x000A, 0x0200
# Records of a cell holding a value (LABELSST, LABEL, NUMBER, RK, MULRK, FORMULA, BOOLERR, RSTRING);
# BLANK and MULBLANK carry only formatting. Each starts with its row (u16).
_VALUE_RECORDS = frozenset({0x00FD, 0x0204, 0x0203, 0x027E, 0x00BD, 0x0006, 0x0205, 0x00D6})


def _declared_rows(book: Any, index: int) -> int | None:
    """The row count a BIFF8 sheet declares in its DIMENSIONS record, or None when it cannot be read."""
    try:
        data, position = book.mem, book._sh_abs_posn[index]
    except (AttributeError, IndexError):
        return None
    if book.biff_version < 80:
        return None
    for _record in range(64):  # DIMENSIONS comes within the first few records after the sheet's BOF
        if position + 4 > len(data):
            return None
        code, length = struct.unpack_from("<HH", data, position)
        if code == _DIMENSIONS and length >= 8:
            first, last = struct.unpack_from("<II", data, position + 4)
            return int(last) if last >= first else None
        if code == _BOF and _record:
            return None  # the next sheet: this one has no DIMENSIONS
        position += 4 + length
    return None


def _row_past_bound(book: Any, index: int) -> int | None:
    """The 1-based row at which a sheet has more than MAX_ROWS rows holding values, or None."""
    try:
        data, position = book.mem, book._sh_abs_posn[index]
    except (AttributeError, IndexError):
        return None
    end = len(data)
    filled, last = 0, -1
    first = True
    while position + 4 <= end:
        code, length = struct.unpack_from("<HH", data, position)
        if code == _EOF or (code == _BOF and not first):
            return None
        first = False
        if code in _VALUE_RECORDS and length >= 2:
            (row,) = struct.unpack_from("<H", data, position + 4)
            if row != last:
                last = row
                filled += 1
                if filled > MAX_ROWS:
                    return int(row) + 1
        position += 4 + length
    return None
