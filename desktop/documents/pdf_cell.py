"""The paragraph of a table cell, laid out once: a long appendix row is measured, cut and continued page by
page, and ReportLab's own ``Paragraph`` breaks its lines again at every one of those steps.

A cell keeps the line breaks it computed for its width, and when it is cut where a page ends both pieces keep
their share of those lines, so the rest of a 7,600-character result is not broken into lines again on each of
the eight pages it runs over (the work was quadratic in the pages a row spans). The pieces are the lines
ReportLab would have broken the same text into: a cell is left-aligned or centred with no first-line indent,
so its continuation starts a line exactly where the first piece ended.

A cell of one line of plain text (most of them: STT, role, deadline, status, percent) is handed to ReportLab
as the single run its markup parser would have made of it, without running the parser.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from desktop.documents.pdf_styles import markup

# Characters ReportLab's markup gives a meaning to; text with none of them is one run in the style's font.
_MARKUP = frozenset("&<>")


def cell_paragraph(text: str, style: ParagraphStyle) -> CellParagraph:
    """The cell's paragraph of plain ``text`` (line breaks kept). A line of text without markup characters is
    given to ReportLab as the one run its parser would make of it, without running the parser (a sixth of
    the appendix's cost); anything else goes through the parser."""
    if "\n" in text or not text.strip() or not _MARKUP.isdisjoint(text):
        return CellParagraph(markup(text), style)
    return CellParagraph(text, style, frags=[_plain_run(style).clone(text=cleanBlockQuotedText(text))])


@lru_cache(maxsize=64)
def _plain_run(style: ParagraphStyle) -> ParaFrag:
    """The run ReportLab's parser makes of a word in ``style``, its text to be replaced."""
    return ParaParser().parse("x", style)[1][0]


class CellParagraph(Paragraph):
    """A table cell's paragraph that breaks its lines once per width and splits without breaking them again."""

    _wrapped: tuple[float, tuple[float, float]] | None = None
    blPara: Any  # ReportLab's broken lines, set by ``wrap``

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped is None or self._wrapped[0] != avail_width:
            self._wrapped = (avail_width, super().wrap(avail_width, avail_height))
        return self._wrapped[1]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        pieces = super().split(avail_width, avail_height)
        if not pieces:  # ReportLab dropped its lines: break them again when next measured
            self._wrapped = None
        elif len(pieces) == 2 and self.blPara.kind == 0:  # one font: lines are (extra space, words), words plain
            head, tail = pieces
            taken = len(head.blPara.lines)  # ReportLab's split stores the head's lines there
            for piece, lines in ((head, self.blPara.lines[:taken]), (tail, self.blPara.lines[taken:])):
                assert isinstance(piece, CellParagraph)
                piece._keep_lines(self, lines, avail_width)
        return pieces

    def _keep_lines(self, whole: CellParagraph, lines: list[object], width: float) -> None:
        """Lay this piece of ``whole`` out as ``lines`` of its broken lines, at ``width``."""
        self.blPara = whole.blPara.clone(lines=lines)
        self.width, self.height = width, len(lines) * self.style.leading
        self._wrapped = (width, (self.width, self.height))

