"""The row model every plan reader fills: one table's text cells by row and column, merges resolved.

A format reader (desktop.documents.plan_readers: .xlsx, .xls, .docx, PDF) turns each sheet, Word
table or PDF's run of tables into a SheetGrid through a GridBuilder, so every layout rule of the plan
importer (headers, sections, groups, continuations) applies to every format. Every cell of a merged
range carries the text of the range's top-left cell and that cell's position (its anchor), so a
reader can choose to fill a merge down, across, or not at all. Text is converted from TCVN3/VNI by
the reader (it knows the fonts), made NFC and stripped at both ends.

Bounds (the same for every format): at most MAX_ROWS non-empty rows and MAX_COLUMNS columns, no cell
longer than MAX_CELL_CHARS (Excel's own limit), no row past MAX_ROW_NUMBER. ``where`` in the errors is
the reader's name for the grid ("trang «Phụ lục 2»", "bảng 2", "PDF"). A grid made of several pages
(a PDF's run of tables) knows, for each of its rows, the page and the row of that page's tables it
came from (``place``), so that errors and warnings name "trang 3, dòng 2" and not a row of the run.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.errors import InputError

MAX_ROWS = 20_000
MAX_ROW_NUMBER = 200_000
MAX_COLUMNS = 64
MAX_CELL_CHARS = 32_767
MAX_MERGES = 50_000


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

    def __init__(self, name: str, cells: dict[int, dict[int, GridCell]],
                 pages: dict[int, tuple[int, int]] | None = None) -> None:
        self.name = name
        self._cells = cells
        self._pages = pages or {}
        self.rows = sorted(cells)

    def place(self, row: int) -> tuple[int | None, int]:
        """(page, row on that page) for a row of a paged grid; (None, ``row``) for a sheet or a table."""
        return self._pages.get(row, (None, row))

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


class GridBuilder:
    """Collects a grid's cells within the bounds; ``file_name`` and ``where`` name it in errors."""

    def __init__(self, name: str, file_name: str, where_vi: str, where_en: str) -> None:
        self.name = name
        self._file = file_name
        self._where = (where_vi, where_en)
        self.cells: dict[int, dict[int, GridCell]] = {}
        self.pages: dict[int, tuple[int, int]] = {}

    def locate(self, row: int, page: int, page_row: int) -> None:
        """Record that ``row`` is row ``page_row`` of the tables on page ``page`` (a paged grid)."""
        self.pages[row] = (page, page_row)

    def add(self, row: int, column: int, text: str, anchor: tuple[int, int] | None = None) -> None:
        """Put ``text`` at ``row``, ``column`` (anchored at ``anchor`` when part of a merge)."""
        if column > MAX_COLUMNS or not text:
            return
        if len(text) > MAX_CELL_CHARS:
            raise self.too_large_cell(row, len(text))
        if row > MAX_ROW_NUMBER or (row not in self.cells and len(self.cells) >= MAX_ROWS):
            raise self.too_many_rows(row)
        self.cells.setdefault(row, {})[column] = GridCell(text, anchor or (row, column))

    def fill_merges(self, ranges: list[tuple[int, int, int, int]]) -> None:
        """Give every cell of each (min_col, min_row, max_col, max_row) range its top-left cell."""
        _fill_merges(self.cells, ranges)

    def grid(self) -> SheetGrid:
        """The grid built so far."""
        return SheetGrid(self.name, self.cells, self.pages)

    def _at(self, row: int) -> tuple[str, str]:
        if row in self.pages:
            page, page_row = self.pages[row]
            return f"trang {page}, dòng {page_row}", f"page {page}, row {page_row}"
        return f"dòng {row}", f"row {row}"

    def too_many_rows(self, row: int) -> SheetTooLarge:
        """The error for a table past MAX_ROWS (or MAX_ROW_NUMBER) at ``row``."""
        vi, en = self._where
        row_vi, row_en = self._at(row)
        return SheetTooLarge(
            f"Tệp {self._file}, {vi}, {row_vi}: bảng có quá nhiều dòng (tối đa {MAX_ROWS:,} dòng có dữ liệu). "
            "Hãy tách phụ lục hoặc xóa các dòng thừa.",
            f"File {self._file}, {en}, {row_en}: too many rows (at most {MAX_ROWS:,} rows with data). "
            "Split the appendix or delete the extra rows.")

    def too_large_cell(self, row: int, length: int, cell: str | None = None) -> SheetTooLarge:
        """The error for a cell longer than MAX_CELL_CHARS at ``row`` (``cell`` its A1 name, if any)."""
        vi, en = self._where
        row_vi, row_en = self._at(row)
        at_vi = f"ô {cell} ({row_vi})" if cell else row_vi
        at_en = f"cell {cell} ({row_en})" if cell else row_en
        return SheetTooLarge(
            f"Tệp {self._file}, {vi}, {at_vi}: nội dung một ô dài {length:,} ký tự, vượt giới hạn "
            f"{MAX_CELL_CHARS:,} ký tự của một ô.",
            f"File {self._file}, {en}, {at_en}: one cell holds {length:,} characters, more than the "
            f"{MAX_CELL_CHARS:,} a cell may hold.")


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


