"""The PDF reader: ruled tables of a text PDF (a Word document exported to PDF).

PDFium (pdf_pages) gives each page's characters and ruling lines; pdfplumber's table finder (snap,
join, intersections, cells) turns the lines into tables; the text of each cell is its characters'
lines, joined where the layout wrapped them and kept apart where the writer broke them
(pdf_cell_lines). pdfminer, pdfplumber's own parser, took three times the time budget for the same.

The tables of every page, in order, are one grid "PDF": a task that a page break splits (its two parts
boxed, or left open at the page's foot and head: pdf_open_rows) continues on the next page as a row
with no number (read as the continuation of the task above), and the
header row Word repeats on each page is recognised as a repeated header. The text above the first
table (the first page's header block, the title, "Kèm theo Kế hoạch số … ngày …") comes first, at
rows 0, -1, -2…, as title text. Merged cells are found from the cells' boxes: a cell missing in a
row lies under the box of a cell to its left (merged across) or above (merged down). Every row knows
its page and its row on that page, so errors and warnings name both. The encoding (Unicode, TCVN3,
VNI) is voted over the text of all pages before any cell is decoded.

A PDF whose pages carry no text is a scan: it is refused with what to do instead. Bounds: the page
count is read from the document's page tree before any page is, MAX_PAGES pages, and the bounds of
the row model.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from pdfplumber import table as tables
from pdfplumber import utils

from desktop.documents.plan_readers.base import PlanSource, SourceRejected, clean_text
from desktop.documents.plan_readers.pdf_cell_lines import cell_lines, join_cell_lines
from desktop.documents.plan_readers.pdf_open_rows import close_open_rows
from desktop.documents.plan_readers.pdf_pages import PDFIUM_LOCK, Char, PageContent, read_page
from desktop.documents.sheet_grid import GridBuilder, SheetGrid
from desktop.domain.legacy_text import DocumentVote
from desktop.domain.text import fold

MAX_PAGES = 300
NAME = "PDF"
_MAX_HEADER_ROWS = 3  # a repeated header of up to two rows, then the first row of the page
_TOLERANCE = 3  # pdfplumber's defaults for snapping, joining and intersecting ruling lines


class PdfSource(PlanSource):
    """A text PDF; all its tables make one grid."""

    kind = "pdf"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        name = path.name
        with PDFIUM_LOCK:
            try:
                self._pdf = pdfium.PdfDocument(str(path))
                count = len(self._pdf)
            except pdfium.PdfiumError as exc:
                if "password" in str(exc).lower():
                    raise SourceRejected(
                        f"Tệp {name} được đặt mật khẩu nên không đọc được. Hãy xin tỉnh bản Word hoặc Excel của "
                        "phụ lục, hoặc bản PDF không đặt mật khẩu.",
                        f"File {name} is password-protected and cannot be read. Ask the province for the appendix "
                        "as a Word or Excel file, or a PDF without a password.", code="pdf_encrypted") from exc
                raise SourceRejected(f"Tệp {name} bị hỏng hoặc không phải PDF đọc được ({exc}).",
                                     f"File {name} is damaged or not a readable PDF ({exc}).",
                                     code="not_a_pdf") from exc
        if count > MAX_PAGES:
            self.close()
            raise SourceRejected(
                f"Tệp {name} có {count:,} trang, vượt giới hạn {MAX_PAGES} trang. Hãy tách phụ lục ra một tệp riêng "
                "hoặc xin tỉnh bản Word hay Excel.",
                f"File {name} has {count:,} pages, more than the {MAX_PAGES} allowed. Put the appendix in a file "
                "of its own, or ask the province for the Word or Excel file.", code="pdf_too_many_pages")
        self._count = count
        self.names = [NAME]
        self._texts: dict[int, str] = {}  # page number → its text folded, without spaces (for a refusal's why)
        self._found_tables = 0

    def close(self) -> None:
        """Close the PDF."""
        with PDFIUM_LOCK:
            self._pdf.close()

    def where(self, name: str) -> tuple[str, str]:
        """"PDF"."""
        return "PDF", "PDF"

    def where_all(self) -> tuple[str, str]:
        """"trang 1–6" / "pages 1–6"."""
        span = f"1–{self._count}" if self._count > 1 else "1"
        return f"trang {span}", f"pages {span}"

    def why_no_table(self) -> tuple[str, str] | None:
        """No ruled table at all, or a header whose columns are spread over several pages (a spreadsheet
        printed to PDF cuts its columns into pages): said, with what to do."""
        ask = ("Hãy xin Sở bản Word hoặc Excel của phụ lục (hoặc bản PDF xuất từ Word), rồi nhập lại.",
               "Ask the province for the appendix as a Word or Excel file (or a PDF exported from Word), then "
               "import it again.")
        if not self._found_tables:
            return (f"không có bảng kẻ ô nào (chỉ có chữ). {ask[0]}", f"there is no ruled table (text only). {ask[1]}")
        spread = split_header_pages(self._texts)
        if spread is None:
            return None
        pages = ", ".join(str(n) for n in spread)
        return (f"dòng tiêu đề của bảng bị chia qua các trang {pages}: mỗi trang chỉ có một phần các cột, như một "
                f"bảng tính in ra PDF. {ask[0]} Nếu chỉ có bảng tính, hãy in lại vừa một trang theo chiều ngang.",
                f"the table's header row is split over pages {pages}: each page holds some of the columns only, as a "
                f"spreadsheet printed to PDF does. {ask[1]} If there is only the spreadsheet, print it again fitted "
                "to one page wide.")

    def grid(self, name: str) -> SheetGrid:
        """Read every page's tables into one grid (pages are read first, at most MAX_PAGES of them, so that
        their text votes on the encoding before any cell is decoded)."""
        builder = GridBuilder(NAME, self.path.name, *self.where(name))
        title: list[str] = []
        row = 0
        pages = []
        vote = DocumentVote()
        for index in range(self._count):
            self.check_time(f"trang {index + 1}", f"page {index + 1}")
            page = read_page(self._pdf, index)
            if page.chars:
                pages.append(page)
                vote.add("".join(c.text for c in page.chars))
        if not pages:
            raise self._scan()
        self.encoding = vote.decision()
        for page in pages:
            self.check_time(f"trang {page.number}", f"page {page.number}")
            found = _tables(page)
            self._found_tables += len(found)
            self._texts[page.number] = _table_text(page, found)
            if row == 0:
                title.extend(_text_above(page, found, self.encoding))
            first = row
            for table in found:
                row = _read_table(builder, table, page, row, first, self.encoding)
        for offset, text in enumerate(title):
            builder.add(offset - len(title), 1, text)
        return builder.grid()

    def _scan(self) -> SourceRejected:
        name = self.path.name
        return SourceRejected(
            f"Tệp {name} là bản chụp (quét) — các trang chỉ có hình ảnh, không có chữ, nên không đọc được phụ lục. "
            "Hãy xin tỉnh bản Word (.docx) hoặc Excel (.xlsx, .xls) của kế hoạch, hoặc nhập tay các nhiệm vụ.",
            f"File {name} is a scan: its pages hold images and no text, so no appendix can be read. Ask the "
            "province for the plan as a Word (.docx) or Excel (.xlsx, .xls) file, or type the tasks in.",
            code="pdf_scanned")


# A plan table's header words, as page text folded without spaces: a task table names its task and its
# lead or deadline, an indicator table its indicator and its phases or unit.
_HEADER_WORDS = ("stt", "nhiemvu", "chutri", "thoihan", "chitieu", "giaidoan", "donvitinh")
_HEADER_PAIRS = (("nhiemvu", "chutri"), ("nhiemvu", "thoihan"), ("chitieu", "giaidoan"), ("chitieu", "donvitinh"))


def split_header_pages(texts: dict[int, str]) -> list[int] | None:
    """The pages holding the header words, when a header is there as a whole only across them (no page has a
    whole pair: «Chỉ tiêu» on one page, «Giai đoạn» on the next); None otherwise."""
    whole = any(a in text and b in text for text in texts.values() for a, b in _HEADER_PAIRS)
    spread = any(any(a in text for text in texts.values()) and any(b in text for text in texts.values())
                 for a, b in _HEADER_PAIRS)
    if whole or not spread:
        return None
    return [n for n, text in sorted(texts.items()) if any(word in text for word in _HEADER_WORDS)]


def _table_text(page: PageContent, found: list[Any]) -> str:
    """The text inside the page's tables, folded without spaces (the title above them left out: it names
    «nhiệm vụ» and «chỉ tiêu» too)."""
    boxes = [table.bbox for table in found]
    return fold("".join(c.text for c in page.chars if any(x0 <= c.mid_x <= x1 and top <= c.mid_y <= bottom
                                                          for x0, top, x1, bottom in boxes))).replace(" ", "")


def _tables(page: PageContent) -> list[Any]:
    """The ruled tables of a page, top to bottom, by pdfplumber's "lines" strategy on PDFium's edges."""
    edges = tables.merge_edges(utils.filter_edges(page.edges, min_length=1), _TOLERANCE, _TOLERANCE,
                               _TOLERANCE, _TOLERANCE)
    edges = close_open_rows(utils.filter_edges(edges, min_length=_TOLERANCE), _TOLERANCE)
    intersections = tables.edges_to_intersections(edges, _TOLERANCE, _TOLERANCE)
    cells = tables.intersections_to_cells(intersections)
    return [tables.Table(None, group) for group in tables.cells_to_tables(cells)]  # type: ignore[arg-type]


def _text_above(page: PageContent, found: list[Any], encoding: str) -> list[str]:
    """The lines of ``page`` above its first table (all of them when it has none)."""
    top = min((t.bbox[1] for t in found), default=page.height)
    lines = cell_lines([c for c in page.chars if c.mid_y < top], page.space)
    return [text for line in lines if (text := clean_text(line.text, document=encoding))]


class _CharIndex:
    """A page's characters sorted by their vertical middle, to find those of a row without a full scan."""

    def __init__(self, chars: list[Char]) -> None:
        self._chars = sorted(chars, key=attrgetter("mid_y"))
        self._keys = [c.mid_y for c in self._chars]

    def within(self, top: float, bottom: float) -> list[Char]:
        """The characters whose middle lies in [top, bottom)."""
        return self._chars[bisect_left(self._keys, top):bisect_left(self._keys, bottom)]


def _row_texts(chars: list[Char], boxes: list[tuple[float, float, float, float] | None], space: float,
               encoding: str) -> list[str]:
    """The text of each cell box (x0, top, x1, bottom) of a row, from the characters of the row."""
    cells = sorted((box[0], index) for index, box in enumerate(boxes) if box is not None)
    starts = [x for x, _index in cells]
    held: list[list[Char]] = [[] for _ in boxes]
    for char in chars:
        position = bisect_right(starts, char.mid_x) - 1
        if position < 0:
            continue
        index = cells[position][1]
        box = boxes[index]
        if box is not None and char.mid_x < box[2] and box[1] <= char.mid_y < box[3]:
            held[index].append(char)
    return [clean_text(join_cell_lines(cell_lines(found, space), box[0], box[2]), document=encoding)
            if box is not None and found else "" for found, box in zip(held, boxes, strict=True)]


def _read_table(builder: GridBuilder, table: Any, page: PageContent, row: int, page_start: int,
                encoding: str) -> int:
    """Append ``table``'s rows to ``builder`` after ``row``; return the last row written.

    ``page_start`` is the last row before the page's first table: rows are placed on the page from it."""
    rows = table.rows
    columns = table.columns
    page_chars = _CharIndex(page.chars)
    centres_x = [(c.bbox[0] + c.bbox[2]) / 2 for c in columns]
    previous, first = row, row + 1
    for index, cells in enumerate(rows):
        row = first + index
        builder.locate(row, page.number, row - page_start)
        values = _row_texts(page_chars.within(cells.bbox[1], cells.bbox[3]), cells.cells, page.space, encoding)
        bottom = min(c[3] for c in cells.cells if c is not None)  # a cell merged down reaches further
        centre_y = (cells.bbox[1] + bottom) / 2
        for column, (box, value) in enumerate(zip(cells.cells, values, strict=True)):
            if box is not None and not value and index <= _MAX_HEADER_ROWS \
                    and box[3] > bottom + 1 and (held := builder.cells.get(previous, {}).get(column + 1)):
                # An empty cell merged down at the top of a page continues the merge of the page before.
                builder.add(row, column + 1, held.text, held.anchor)
                continue
            if box is not None:
                builder.add(row, column + 1, value)
                continue
            anchor = _anchor(rows, index, column, centres_x[column], centre_y, first)
            held = builder.cells.get(anchor[0], {}).get(anchor[1]) if anchor else None
            if held is not None:
                builder.add(row, column + 1, held.text, held.anchor)
    return row


def _anchor(rows: list[Any], index: int, column: int, x: float, y: float, first: int) -> tuple[int, int] | None:
    """The (row, column) of the cell whose box covers a missing cell: to its left, else above."""
    for left in range(column - 1, -1, -1):
        box = rows[index].cells[left]
        if box is not None:
            if box[2] > x:
                return first + index, left + 1
            break
    for up in range(index - 1, -1, -1):
        box = rows[up].cells[column]
        if box is not None:
            return (first + up, column + 1) if box[3] > y else None
    return None
