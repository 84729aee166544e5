"""The "DỰ THẢO" mark of an unsigned report, as offices print a draft.

On page 1 a bold "DỰ THẢO" in a box stands in the top margin at the left, above the agency's name, where
offices stamp it; every page also carries the words large, pale and slanted behind the text, so a page
taken out of the draft cannot pass for the issued report.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.documents.fonts import FontFamily
from desktop.documents.pdf_styles import MARGIN_LEFT
from desktop.documents.report_text import DRAFT_MARK

STAMP_SIZE = 13
STAMP_FROM_TOP = 11 * mm
WATERMARK_SIZE = 96
WATERMARK_GREY = colors.Color(0.9, 0.9, 0.9)


def draw_draft_mark(canvas: Canvas, fonts: FontFamily, *, first_page: bool) -> None:
    """The pale slanted words on every page and, on the first, the boxed stamp in the top margin."""
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(WATERMARK_GREY)
    canvas.setFont(fonts.bold, WATERMARK_SIZE)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -WATERMARK_SIZE / 3, DRAFT_MARK)
    canvas.restoreState()
    if not first_page:
        return
    canvas.saveState()
    text_width = stringWidth(DRAFT_MARK, fonts.bold, STAMP_SIZE)
    x, y = MARGIN_LEFT, height - STAMP_FROM_TOP
    canvas.setFont(fonts.bold, STAMP_SIZE)
    canvas.drawString(x + 2 * mm, y, DRAFT_MARK)
    canvas.setLineWidth(0.8)
    canvas.rect(x, y - 1.8 * mm, text_width + 4 * mm, STAMP_SIZE + 1.5 * mm, stroke=1, fill=0)
    canvas.restoreState()
