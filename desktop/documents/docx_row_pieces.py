"""A Word table row taller than a page, cut into rows that each fit one, as the PDF continues a row.

In the Word copy every appendix row is kept whole on its page (``w:cantSplit``): a row Word broke across pages
would open the next page with the rest of its text and no STT, so a reader could not tell which task it
continues. A row too tall for any page cannot be kept whole, so it is cut here, between words, into rows of at
most a page's share of lines; each continuation repeats the STT and opens its title cell with "(tiếp theo)",
as the PDF's continuation does. Word lays out the text itself: lines are counted with the metrics of the
report's font (Times New Roman or its metric twin Tinos), and a piece is given well under a page so that
Word's own line breaks, a little different from ours, never push it past one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.documents.fonts import report_font_family

EMU_PER_POINT = 12700
# Times New Roman's single line spacing, in ems; Word's default cell margins ("Table Grid"), left plus right.
LINE_SPACING = 1.15
CELL_MARGINS = 2 * 5.4
# The share of a page's room one piece may fill: our line breaks are Word's only to within a word or so a line.
PAGE_SHARE = 0.85


@dataclass(frozen=True)
class Piece:
    """One row of a cut row: its cells as (text, centred), and whether it continues the row above."""

    cells: list[tuple[str, bool]]
    continued: bool


def row_pieces(cells: Sequence[tuple[str, bool]], widths: Sequence[int], *, size: float,
               room: float) -> list[Piece]:
    """``cells`` as one row, or as several when its tallest cell needs more lines than a piece may have in
    ``room`` points of page; ``widths`` are the columns' widths in EMU. Continuations keep the first cell (the
    STT) and leave the short cells, which the first piece holds whole, empty. The first piece is half as tall
    as the others, so that it usually fits on the page the row before it ends (Word moves a row that does not
    fit, whole, to the next)."""
    font = report_font_family().regular
    limit = max(3, int(room * PAGE_SHARE / (size * LINE_SPACING)))
    lines = [_lines(text, width / EMU_PER_POINT - CELL_MARGINS, font, size)
             for (text, _), width in zip(cells, widths, strict=False)]
    tallest = max((len(cell) for cell in lines), default=0)
    if tallest <= limit:
        return [Piece(list(cells), continued=False)]
    pieces: list[Piece] = []
    starts = [0, *range(limit // 2, tallest, limit)]  # a first piece of half a page fits below most rows
    for start, end in zip(starts, [*starts[1:], tallest], strict=True):
        row = [(_joined(cell[start:end]), centred) for (_, centred), cell in zip(cells, lines, strict=False)]
        if start:
            row[0] = cells[0]
        pieces.append(Piece(row, continued=bool(start)))
    return pieces


def text_lines(text: str, width: int, size: float) -> int:
    """How many lines ``text`` takes in a cell ``width`` EMU wide at ``size`` points."""
    return len(_lines(text, width / EMU_PER_POINT - CELL_MARGINS, report_font_family().regular, size))


def _lines(text: str, width: float, font: str, size: float) -> list[tuple[str, bool]]:
    """``text`` broken between words into lines ``width`` points wide, each with whether it ends a paragraph."""
    found: list[tuple[str, bool]] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and stringWidth(candidate, font, size) > width:
                found.append((line, False))
                candidate = word
            line = candidate
        found.append((line, True))
    return found if text else []


def _joined(lines: Sequence[tuple[str, bool]]) -> str:
    """The lines again as text: a space where we broke a line, a line break where the paragraph ended."""
    parts = [text + ("\n" if ends else " ") for text, ends in lines]
    return "".join(parts).rstrip()
