"""Page geometry and paragraph styles of the report PDF, after Nghị định 30/2020 (Phụ lục I).

A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman (or its metric twin) in black;
body 14 pt justified with a 1.27 cm first-line indent and 6 pt between paragraphs; tables in 11 pt.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm

from desktop.documents.fonts import FontFamily

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
PORTRAIT_WIDTH = PORTRAIT[0] - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_WIDTH = LANDSCAPE[0] - MARGIN_LEFT - MARGIN_RIGHT
PAGE_NUMBER_SIZE = 13
FIRST_LINE_INDENT = 1.27 * cm


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the report uses, built on one registered font family."""

    fonts: FontFamily
    body: ParagraphStyle
    heading: ParagraphStyle
    note: ParagraphStyle
    centre: ParagraphStyle
    centre_bold: ParagraphStyle
    centre_italic: ParagraphStyle
    title: ParagraphStyle
    subject: ParagraphStyle
    recipients_head: ParagraphStyle
    recipients: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_head: ParagraphStyle
    cell_section: ParagraphStyle


def make_styles(fonts: FontFamily) -> Styles:
    """The report's styles in ``fonts``."""
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=14, leading=18, textColor="black",
                          alignment=TA_LEFT)
    body = ParagraphStyle("body", base, alignment=TA_JUSTIFY, firstLineIndent=FIRST_LINE_INDENT, spaceAfter=6)
    centre = ParagraphStyle("centre", base, fontSize=13, leading=16, alignment=TA_CENTER)
    cell = ParagraphStyle("cell", base, fontSize=11, leading=13.5)
    return Styles(
        fonts=fonts,
        body=body,
        heading=ParagraphStyle("heading", body, fontName=fonts.bold, keepWithNext=1, alignment=TA_LEFT),
        note=ParagraphStyle("note", body, fontName=fonts.italic),
        centre=centre,
        centre_bold=ParagraphStyle("centre_bold", centre, fontName=fonts.bold),
        centre_italic=ParagraphStyle("centre_italic", centre, fontName=fonts.italic, fontSize=14, leading=17),
        title=ParagraphStyle("title", centre, fontName=fonts.bold, fontSize=14, leading=17),
        subject=ParagraphStyle("subject", centre, fontName=fonts.bold, fontSize=14, leading=17),
        recipients_head=ParagraphStyle("recipients_head", base, fontName=fonts.bold_italic, fontSize=12, leading=14),
        recipients=ParagraphStyle("recipients", base, fontSize=11, leading=13),
        cell=cell,
        cell_centre=ParagraphStyle("cell_centre", cell, alignment=TA_CENTER),
        cell_head=ParagraphStyle("cell_head", cell, fontName=fonts.bold, alignment=TA_CENTER),
        cell_section=ParagraphStyle("cell_section", cell, fontName=fonts.bold),
    )


def markup(text: str | None) -> str:
    """Plain text made safe for a reportlab Paragraph; line breaks kept."""
    return escape(text or "").replace("\n", "<br/>")
