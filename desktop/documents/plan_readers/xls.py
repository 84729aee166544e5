"""The Excel 97-2003 (.xls) reader: xlrd with formatting_info, for cell fonts and merged ranges.

xlrd gives each cell's font (so ".VnTime" and "VNI-Times" cells convert from TCVN3 and VNI as in an
.xlsx), its number format (0.95 shown as "95%") and the sheet's merged ranges. A file xlrd cannot
open (a password, a Word 97-2003 .doc, damage) is refused with the file's name and what to do.

xlrd holds a whole sheet in Python objects (232 MB for 100,000 rows) before the first row can be
looked at. So a sheet is first measured with calamine (Rust; its rows come one at a time): a sheet
taller than MAX_ROWS has its filled rows counted as they stream by and is refused at the first row
past the bound, before xlrd loads it. xlrd only ever holds a sheet within the bounds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlrd
import xlrd.compdoc
from python_calamine import CalamineError, CalamineWorkbook

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
        try:
            workbook = CalamineWorkbook.from_path(str(self.path))
        except (CalamineError, OSError, ValueError):
            return  # calamine cannot read it: xlrd's own error will name the problem
        try:
            sheet = workbook.get_sheet_by_name(name)
            if sheet.total_height <= MAX_ROWS:
                return
            filled = 0
            for number, values in enumerate(sheet.iter_rows(), start=sheet.start[0] + 1 if sheet.start else 1):
                if any(value not in ("", None) for value in values):
                    filled += 1
                    if filled > MAX_ROWS:
                        raise builder.too_many_rows(number)
        except CalamineError:
            return
        finally:
            workbook.close()

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
