"""A long appendix table laid out page by page: rows cut where the page ends, the cut row continued overleaf.

ReportLab's own table moves a row that does not fit to the next page whole, leaving the rest of the page
empty (a 20-line result left a fifth of the page blank), or cuts rows in advance at a fixed height, which
leaves the same gap. ``PagedTable`` measures each row once, fills each page with whole rows, and cuts the
first row that does not fit at the page's end; its continuation opens the next page under the repeated
header with the row's STT and "(tiếp theo)", as an office continues a row by hand. A plan, section or group
row never ends a page: it moves to the page of the row it heads. Each page's piece is an ordinary
ReportLab table of that page's rows, so the work is linear in the number of rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop.documents.pdf_cell import cell_paragraph

GRID = 0.5
PADDING = 3
TOP_PADDING = 2
BOTTOM_PADDING = 3
# A row is cut only when at least this much of the page is left for its first piece (about three lines of
# 11 pt); a smaller gap is less odd than a piece of one line.
MIN_PIECE = 45.0
CONTINUED = "(tiếp theo)"
# More rows than any page holds: a split looks at no more than this many.
_LOOK_AHEAD = 400
# How far past its header's box the header's form may draw (a glyph's overhang), in points.
FORM_BLEED = 6.0


@dataclass
class TableRow:
    """One row of the table: its cells (paragraphs or ""), whether it heads the rows after it (a plan,
    section or group row), and the STT a continuation repeats."""

    cells: list[object]
    heads_next: bool = False
    number: str = ""
    height: float | None = field(default=None, repr=False)


@dataclass
class TableLook:
    """What every page's piece shares: the header rows, column widths, base style and the continuation's
    paragraph styles."""

    header: list[list[object]]
    widths: list[float]
    commands: list[tuple[object, ...]]
    number_style: ParagraphStyle
    continued_style: ParagraphStyle
    header_height: float | None = None

    def form_name(self) -> str:
        """The name of the header's form in the PDF, the same for the same header."""
        texts = [getattr(cell, "text", str(cell)) for row in self.header for cell in row]
        key = "|".join([*texts, *(f"{width:.3f}" for width in self.widths)])
        return "header-" + hashlib.sha256(key.encode()).hexdigest()[:16]


class RuledTable(Table):
    """A page's piece of the table, closed with a bottom rule. Its header rows, the same on every page, are
    drawn once into the PDF as a form and shown from there on each page: a 300-page appendix would otherwise
    lay out and write its header's 16 paragraphs 300 times. The page looks the same; the file is smaller."""

    def __init__(self, data: list[list[object]], widths: list[float], header_rows: int, header_form: str) -> None:
        super().__init__(data, colWidths=widths, repeatRows=0)
        self._header_rows, self._header_form = header_rows, header_form
        self._header_left, self._header_new = 0, False

    def draw(self) -> None:
        self._header_left = self._header_rows * len(self._colWidths)
        super().draw()
        self.canv.setLineWidth(GRID)
        self.canv.line(0, 0, self._width, 0)

    def _drawCell(self, cellval: object, cellstyle: object, pos: tuple[float, float],
                  size: tuple[float, float]) -> None:
        """ReportLab draws the cells row by row from the top, so the header's cells come first."""
        if self._header_left <= 0:
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        canvas, base = self.canv, self._rowpositions[self._header_rows]  # the header's lower edge
        if self._header_left == self._header_rows * len(self._colWidths):
            self._header_new = not canvas.hasForm(self._header_form)
            if self._header_new:
                canvas.beginForm(self._header_form, -FORM_BLEED, -FORM_BLEED, self._width + FORM_BLEED,
                                 self._rowpositions[0] - base + FORM_BLEED)
        if self._header_new:
            super()._drawCell(cellval, cellstyle, (pos[0], pos[1] - base), size)
        self._header_left -= 1
        if self._header_left == 0:
            if self._header_new:
                canvas.endForm()
            canvas.saveState()
            canvas.translate(0, base)
            canvas.doForm(self._header_form)
            canvas.restoreState()


class PagedTable(Flowable):
    """``rows`` from ``start`` on (after ``carried``, the continuation of a row cut on the page before)."""

    def __init__(self, look: TableLook, rows: Sequence[TableRow], start: int = 0,
                 carried: TableRow | None = None) -> None:
        super().__init__()
        self.look, self.rows, self.start, self.carried = look, rows, start, carried
        self._whole: RuledTable | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width = sum(self.look.widths)
        height = self._header_height() + sum(self._height(row) for row in self._remaining())
        self._whole = None
        if height <= avail_height:  # it will be drawn, not split: measure it exactly as drawn
            self._whole = self._piece(list(self._remaining()))
            height = self._whole.wrap(avail_width, avail_height)[1]
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        whole = self._whole or self._piece(list(self._remaining()))
        whole.wrapOn(self.canv, self.width, self.height)
        whole.drawOn(self.canv, 0, 0)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self._header_height()
        pending = self._remaining(limit=_LOOK_AHEAD)
        taken: list[TableRow] = []
        used = 0.0
        for row in pending:
            if used + self._height(row) > room:
                break
            taken.append(row)
            used += self._height(row)
        upcoming = pending[len(taken)] if len(taken) < len(pending) else None
        carried: TableRow | None = None
        if upcoming is not None and not upcoming.heads_next and room - used >= MIN_PIECE:
            cut = self._cut(upcoming, room - used)
            if cut is not None:
                taken.append(cut[0])
                carried = cut[1]
        while True:
            if carried is None:
                while taken and taken[-1].heads_next:
                    taken.pop()
            piece = self._piece(taken) if taken else None
            if piece is None or piece.wrap(avail_width, avail_height)[1] <= avail_height:
                break
            taken.pop()  # measured short: the last row (or the cut piece) goes to the next page whole
            carried = None
        if piece is None:
            return []
        consumed = len(taken)  # a prefix of ``pending``, the last one possibly cut
        index = self.start + consumed - (1 if self.carried is not None else 0)
        rest = PagedTable(self.look, self.rows, index, carried)
        return [piece, rest] if rest._has_rows() else [piece]

    def _remaining(self, limit: int | None = None) -> list[TableRow]:
        end = None if limit is None else self.start + limit
        return ([self.carried] if self.carried is not None else []) + list(self.rows[self.start:end])

    def _has_rows(self) -> bool:
        return self.carried is not None or self.start < len(self.rows)

    def _header_height(self) -> float:
        if self.look.header_height is None:
            self.look.header_height = sum(self._height(TableRow(cells)) for cells in self.look.header)
        return self.look.header_height

    def _height(self, row: TableRow) -> float:
        if row.height is None:
            row.height = max((self._cell_height(cell, width) for cell, width in
                              zip(row.cells, self.look.widths, strict=True)), default=0.0) \
                + TOP_PADDING + BOTTOM_PADDING
        return row.height

    @staticmethod
    def _cell_height(cell: object, width: float) -> float:
        parts = cell if isinstance(cell, list) else [cell]
        return sum(part.wrap(width - 2 * PADDING, 1e6)[1] for part in parts if isinstance(part, Flowable))

    def _cut(self, row: TableRow, height: float) -> tuple[TableRow, TableRow] | None:
        """``row`` cut into a first piece at most ``height`` tall and its continuation, or None."""
        room = height - TOP_PADDING - BOTTOM_PADDING
        pieces = [self._split_cell(cell, width, room) for cell, width in zip(row.cells, self.look.widths, strict=True)]
        first, rest = [head for head, _ in pieces], [tail for _, tail in pieces]
        if all(cell == "" for cell in first) or all(cell == "" for cell in rest):
            return None
        rest[0] = cell_paragraph(row.number, self.look.number_style)
        note = cell_paragraph(CONTINUED, self.look.continued_style)
        rest[1] = [note, rest[1]] if isinstance(rest[1], Flowable) else note
        return TableRow(first, number=row.number), TableRow(rest, number=row.number)

    def _split_cell(self, cell: object, width: float, room: float) -> tuple[object, object]:
        """The part of ``cell`` that fits in ``room`` and the part that does not ("" for none)."""
        if isinstance(cell, list):  # "(tiếp theo)" above the rest of a title cut on an earlier page
            note, body = cell
            head, tail = self._split_cell(body, width, room - self._cell_height(note, width))
            return ([note, head] if head != "" else [note]), tail
        if not isinstance(cell, Paragraph) or self._cell_height(cell, width) <= room:
            return cell, ""
        parts = cell.split(width - 2 * PADDING, room)
        if len(parts) == 2:
            return parts[0], parts[1]
        return (cell, "") if parts else ("", cell)

    def _piece(self, rows: list[TableRow]) -> RuledTable:
        table = RuledTable([*self.look.header, *(row.cells for row in rows)], self.look.widths,
                           len(self.look.header), self.look.form_name())
        table.setStyle(TableStyle([*self.look.commands, ("GRID", (0, 0), (-1, -1), GRID, "black")]))
        return table
