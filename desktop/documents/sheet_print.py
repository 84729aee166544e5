"""Making a worksheet print: row heights from the text and the column widths, and the page setup.

Neither openpyxl nor LibreOffice sizes a row to wrapped text on opening a file, so every row's height is
written: the lines each cell needs at its column's width, the tallest cell deciding. Pages are landscape
A4, fit to the width only (as many pages down as the rows take), with the header rows printed on every
page. Shared by the report workbook and the province's summary.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

# A 12 pt Times New Roman line is 15.75 pt high in Excel; an average Vietnamese character is slightly wider
# than the "0" a column-width unit measures, so a column of width w holds about 0.95·w of them per line.
LINE_HEIGHT_12PT = 15.75
CHARS_PER_WIDTH = 0.95
MAX_ROW_HEIGHT = 409.0
_PADDING = 4.0


def lines_needed(text: str, width: float, font_size: float = 12) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (every line break counts)."""
    per_line = max(1.0, width * CHARS_PER_WIDTH * 12 / font_size)
    return sum(max(1, math.ceil(_wrapped_length(line, per_line) / per_line)) for line in text.split("\n"))


def row_height(cells: Iterable[tuple[object, float]], font_size: float = 12) -> float:
    """The height (pt) that shows every (value, column width) of a row in full."""
    lines = max((lines_needed(str(value), width, font_size) for value, width in cells
                 if value is not None and str(value) != ""), default=1)
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT_12PT * font_size / 12 + _PADDING)


def fit_rows(sheet: Worksheet, first_row: int, last_row: int, widths: list[float], font_size: float = 12) -> None:
    """Set the height of rows ``first_row``–``last_row`` from their cells; merged cells count with their
    whole merged width."""
    merged = {(rng.min_row, rng.min_col): sum(widths[c - 1] for c in range(rng.min_col, rng.max_col + 1)
                                              if c - 1 < len(widths))
              for rng in sheet.merged_cells.ranges}
    for row in range(first_row, last_row + 1):
        cells = []
        for column, width in enumerate(widths, start=1):
            value = sheet.cell(row, column).value
            cells.append((value, merged.get((row, column), width)))
        sheet.row_dimensions[row].height = row_height(cells, font_size)


def print_landscape(sheet: Worksheet, *, title_rows: str, last_printed_column: int, last_row: int,
                    footer: str = "Trang &P/&N") -> None:
    """Landscape A4, fit to the width of the printed columns, ``title_rows`` ("5:6") on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
    sheet.print_area = f"A1:{get_column_letter(last_printed_column)}{max(last_row, 1)}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left, sheet.page_margins.right = 0.6, 0.4
    sheet.page_margins.top, sheet.page_margins.bottom = 0.6, 0.6
    sheet.oddFooter.center.text = footer


def _wrapped_length(line: str, per_line: float) -> float:
    """The length a line takes once wrapped at words: a word that does not fit starts a new line."""
    used, lines = 0, 0
    for word in line.split():
        size = len(word) + (1 if used else 0)
        if used + size > per_line and used:
            lines, used = lines + 1, len(word)
        else:
            used += size
    return lines * per_line + used
