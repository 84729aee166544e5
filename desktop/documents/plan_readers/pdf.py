"""The PDF reader: ruled tables of a text PDF (a Word document exported to PDF) with pdfplumber.

The tables of every page, in order, are one grid "PDF": a task that a page break splits continues
on the next page as a row with no number (read as the continuation of the task above), and the
header row Word repeats on each page is recognised as a repeated header. The text above the first
table (the first page's header block, the title, "Kèm theo Kế hoạch số … ngày …") comes first, at
rows 0, -1, -2…, as title text. Merged cells are found from the cells' boxes: a cell missing in a
row lies under the box of a cell to its left (merged across) or above (merged down).

A PDF whose pages carry no text is a scan: it is refused with what to do instead. Bounds: the page
count is read from the document's catalogue before any page is, MAX_PAGES pages, and the bounds of
the row model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSException

from desktop.documents.plan_readers.base import PlanSource, SourceRejected, clean_text
from desktop.documents.sheet_grid import GridBuilder, SheetGrid

MAX_PAGES = 300
NAME = "PDF"
_MAX_HEADER_ROWS = 3  # a repeated header of up to two rows, then the first row of the page


class PdfSource(PlanSource):
    """A text PDF; all its tables make one grid."""

    kind = "pdf"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        name = path.name
        try:
            self._pdf = pdfplumber.open(str(path))
            count = int(resolve1(resolve1(self._pdf.doc.catalog["Pages"])["Count"]))
        except (PDFSyntaxError, PSException, KeyError, TypeError, ValueError, OSError) as exc:
            raise SourceRejected(f"Tệp {name} bị hỏng hoặc không phải PDF đọc được ({exc}).",
                                 f"File {name} is damaged or not a readable PDF ({exc}).", code="not_a_pdf") from exc
        except Exception as exc:  # pdfminer raises its own types for encrypted or broken files
            raise SourceRejected(
                f"Tệp {name} không mở được (có thể được đặt mật khẩu hoặc bị hỏng): {exc}. Hãy xin tỉnh bản Word "
                "hoặc Excel của phụ lục.",
                f"File {name} cannot be opened (it may be password-protected or damaged): {exc}. Ask the province "
                "for the appendix as a Word or Excel file.", code="not_a_pdf") from exc
        if count > MAX_PAGES:
            self._pdf.stream.close()  # pdfplumber's close() would build every page object first
            raise SourceRejected(
                f"Tệp {name} có {count:,} trang, vượt giới hạn {MAX_PAGES} trang. Hãy tách phụ lục ra một tệp riêng "
                "hoặc xin tỉnh bản Word hay Excel.",
                f"File {name} has {count:,} pages, more than the {MAX_PAGES} allowed. Put the appendix in a file "
                "of its own, or ask the province for the Word or Excel file.", code="pdf_too_many_pages")
        self.names = [NAME]

    def close(self) -> None:
        """Close the PDF."""
        self._pdf.close()

    def where(self, name: str) -> tuple[str, str]:
        """"PDF"."""
        return "PDF", "PDF"

    def grid(self, name: str) -> SheetGrid:
        """Read every page's tables into one grid."""
        builder = GridBuilder(NAME, self.path.name, *self.where(name))
        title: list[str] = []
        row = 0
        text_pages = 0
        for number, page in enumerate(self._pdf.pages, start=1):
            where = (f"trang {number}", f"page {number}")
            self.check_time(*where)
            if not page.chars:
                page.flush_cache()
                continue
            text_pages += 1
            tables = page.find_tables()
            if row == 0:
                title.extend(_text_outside(page, tables))
            for table in tables:
                row = _read_table(builder, table, row, where)
            page.flush_cache()
        if not text_pages:
            raise self._scan()
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


def _text_outside(page: Any, tables: list[Any]) -> list[str]:
    """The lines of ``page`` above its first table (all of them when it has none)."""
    top = min((t.bbox[1] for t in tables), default=page.height)
    above = page.crop((0, 0, page.width, max(top, 1)))
    return [line for raw in (above.extract_text() or "").splitlines() if (line := clean_text(raw))]


def _read_table(builder: GridBuilder, table: Any, row: int, where: tuple[str, str]) -> int:
    """Append ``table``'s rows to ``builder`` after ``row``; return the last row written."""
    texts = table.extract()
    rows = table.rows
    columns = table.columns
    centres_x = [(c.bbox[0] + c.bbox[2]) / 2 for c in columns]
    previous, first = row, row + 1
    for index, (cells, values) in enumerate(zip(rows, texts, strict=False)):
        row = first + index
        bottom = min(c[3] for c in cells.cells if c is not None)  # a cell merged down reaches further
        centre_y = (cells.bbox[1] + bottom) / 2
        for column, (box, value) in enumerate(zip(cells.cells, values, strict=False)):
            if box is not None and not (value or "").strip() and index <= _MAX_HEADER_ROWS \
                    and box[3] > bottom + 1 and (held := builder.cells.get(previous, {}).get(column + 1)):
                # An empty cell merged down at the top of a page continues the merge of the page before.
                builder.add(row, column + 1, held.text, held.anchor)
                continue
            if box is not None:
                builder.add(row, column + 1, clean_text(_join_lines(value or "")))
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


def _join_lines(text: str) -> str:
    """A cell's lines as the writer typed them: wrapped lines joined by a space, bullets kept on their own line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    out = ""
    for line in lines:
        if out and line[:1] in "-+•":
            out += "\n" + line
        else:
            out = f"{out} {line}" if out else line
    return out
