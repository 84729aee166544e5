"""The Word (.docx) reader: python-docx for the package, the WordprocessingML itself for tables.

Every table of the body is a grid ("Bảng 1", "Bảng 2"…) whose rows are the table's rows (numbered
from 1) and, above them at rows 0, -1, -2…, the paragraphs since the previous table: the title,
"Phụ lục", "(Kèm theo Kế hoạch số … ngày …)". The plan reader keeps the tables with a recognisable
header and reads the others (the header block of the first page, a signature table) as title text.

python-docx has no API for merged cells as Word stores them: ``w:gridSpan`` (a cell over several
grid columns) and ``w:vMerge`` (a cell continuing the one above) are read here and become merged
ranges of the grid. A cell's paragraphs are joined with line breaks; a run's font converts TCVN3 or
VNI text; footnote and endnote references, and superscript marks after them, are left out. The
header row Word repeats on each page is stored once, so it is read once.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from desktop.documents.plan_readers.base import PlanSource, SourceRejected
from desktop.documents.sheet_grid import MAX_CELL_CHARS, GridBuilder, SheetGrid
from desktop.domain.legacy_text import document_encoding, to_unicode

MAX_TABLES = 200
_MARK = re.compile(r"^\s*(\(?\d{1,2}\)?|\*+|\(\*+\))\s*$")
_PARAGRAPH, _TABLE, _ROW, _CELL = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_RUN, _TEXT, _TAB, _BREAK = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br")
_NOTE_REFERENCES = (qn("w:footnoteReference"), qn("w:endnoteReference"))


class DocxSource(PlanSource):
    """A Word document; its tables are the grids."""

    kind = "docx"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            document = Document(str(path))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise SourceRejected(f"Tệp {path.name} bị hỏng hoặc không phải văn bản Word (.docx): {exc}",
                                 f"File {path.name} is damaged or not a Word document (.docx): {exc}",
                                 code="not_a_document") from exc
        self._tables: list[tuple[list[Any], Any]] = []
        paragraphs: list[Any] = []
        for child in document.element.body.iterchildren():
            if child.tag == _PARAGRAPH:
                paragraphs.append(child)
            elif child.tag == _TABLE:
                self._tables.append((paragraphs, child))
                paragraphs = []
                if len(self._tables) > MAX_TABLES:
                    raise SourceRejected(
                        f"Tệp {path.name} có hơn {MAX_TABLES} bảng; hãy lưu riêng phụ lục ra một tệp.",
                        f"File {path.name} has more than {MAX_TABLES} tables; save the appendix in a file of its own.",
                        code="too_many_tables")
        self.names = [f"Bảng {n}" for n in range(1, len(self._tables) + 1)]
        self.encoding = document_encoding(_runs(document.element.body))

    def close(self) -> None:
        """Nothing to release: python-docx read the package whole."""

    def where(self, name: str) -> tuple[str, str]:
        """"bảng 2" / "table 2"."""
        number = name.split()[-1]
        return f"bảng {number}", f"table {number}"

    def where_all(self) -> tuple[str, str]:
        """"các bảng 1–3" / "tables 1–3"."""
        span = f"1–{len(self.names)}" if len(self.names) > 1 else "1"
        return f"các bảng {span}", f"tables {span}"

    def grid(self, name: str) -> SheetGrid:
        """Read the table ``name`` and the paragraphs above it."""
        paragraphs, table = self._tables[self.names.index(name)]
        where = self.where(name)
        builder = GridBuilder(name, self.path.name, *where)
        texts = [t for p in paragraphs if (t := _paragraph_text(p, self.encoding).strip())]
        for offset, text in enumerate(texts):
            builder.add(offset - len(texts), 1, _bounded(builder, offset - len(texts), text))
        ranges: list[tuple[int, int, int, int]] = []
        for row_number, row in enumerate(table.iterchildren(_ROW), start=1):
            self._read_row(builder, row_number, row, ranges, self.encoding)
            if row_number % 200 == 0:
                self.check_time(*where)
        builder.fill_merges(ranges)
        return builder.grid()

    @staticmethod
    def _read_row(builder: GridBuilder, row_number: int, row: Any, ranges: list[tuple[int, int, int, int]],
                  encoding: str) -> None:
        column = 1 + _int_property(row.find(qn("w:trPr")), "w:gridBefore", 0)
        for cell in row.iterchildren(_CELL):
            properties = cell.find(qn("w:tcPr"))
            span = max(1, _int_property(properties, "w:gridSpan", 1))
            merge = properties.find(qn("w:vMerge")) if properties is not None else None
            if merge is not None and merge.get(qn("w:val")) != "restart":
                above = builder.cells.get(row_number - 1, {}).get(column)
                if above is not None:
                    for spanned in range(column, column + span):
                        builder.add(row_number, spanned, above.text, above.anchor)
                column += span
                continue
            text = _bounded(builder, row_number, "\n".join(
                t for p in cell.iterchildren(_PARAGRAPH) if (t := _paragraph_text(p, encoding).strip())))
            builder.add(row_number, column, text)
            if span > 1 and text:
                ranges.append((column, row_number, column + span - 1, row_number))
            column += span


def _bounded(builder: GridBuilder, row: int, text: str) -> str:
    if len(text) > MAX_CELL_CHARS:
        raise builder.too_large_cell(row, len(text))
    return text


def _int_property(properties: Any, tag: str, default: int) -> int:
    element = properties.find(qn(tag)) if properties is not None else None
    try:
        return int(element.get(qn("w:val"))) if element is not None else default
    except (TypeError, ValueError):
        return default


def _runs(body: Any) -> Iterator[tuple[str, str | None]]:
    """(text, font) of every run of the body, for the document's encoding vote."""
    for run in body.iter(_RUN):
        text = "".join(_run_pieces(run))
        if text:
            yield text, _font(run.find(qn("w:rPr")))


def _paragraph_text(paragraph: Any, encoding: str) -> str:
    """A paragraph's text, run by run (each converted by its font or the document's encoding), without
    footnote marks."""
    parts: list[str] = []
    after_reference = False
    for run in paragraph.iter(_RUN):
        if any(run.find(tag) is not None for tag in _NOTE_REFERENCES):
            after_reference = True
            continue
        text = "".join(_run_pieces(run))
        properties = run.find(qn("w:rPr"))
        if _is_superscript(properties) and _MARK.match(text) and (after_reference or parts):
            continue  # a footnote mark typed as a superscript number or star
        after_reference = False
        if text:
            parts.append(to_unicode(text, _font(properties), encoding))
        if sum(len(p) for p in parts) > MAX_CELL_CHARS:
            break  # the caller refuses the cell; no need to collect the rest
    return "".join(parts)


def _run_pieces(run: Any) -> list[str]:
    pieces = []
    for child in run.iterchildren():
        if child.tag == _TEXT:
            pieces.append(child.text or "")
        elif child.tag == _TAB:
            pieces.append(" ")
        elif child.tag == _BREAK:
            pieces.append("\n")
    return pieces


def _is_superscript(properties: Any) -> bool:
    if properties is None:
        return False
    align = properties.find(qn("w:vertAlign"))
    return align is not None and align.get(qn("w:val")) == "superscript"


def _font(properties: Any) -> str | None:
    fonts = properties.find(qn("w:rFonts")) if properties is not None else None
    if fonts is None:
        return None
    return fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
