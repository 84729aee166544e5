"""Building blocks of an administrative document in Word (python-docx), laid out as Nghị định 30/2020 asks.

Each block writes into a ``docx`` Document or section so that other documents (a Sở's consolidated report)
can be put together from the same parts: page setup, the two-column head (agency and quốc hiệu, number and
date), the title with the subject and "Kính gửi", the "Nơi nhận" and signature block, the page number at
the top from page 2, the "DỰ THẢO" stamp, and bordered tables whose header rows repeat on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from desktop.documents.docx_row_pieces import EMU_PER_POINT, LINE_SPACING, row_pieces, text_lines
from desktop.documents.docx_row_xml import RowCell, append_row
from desktop.documents.pdf_paged_table import CONTINUED

FONT_NAME = "Times New Roman"
A4 = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class HeadFacts:
    """What the head of the first page says."""

    parent: str
    agency_lines: Sequence[str]
    number_line: str
    place_date: str


def setup_document(document: DocxDocument, size: float = 14) -> None:
    """Times New Roman ``size`` pt throughout, A4 portrait with the decree's margins."""
    style = document.styles["Normal"]
    style.font.name = FONT_NAME
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT_NAME)
    style.paragraph_format.space_after = Pt(0)
    setup_section(document.sections[0], landscape=False)


def setup_section(section: Section, *, landscape: bool) -> None:
    """A4 in the orientation asked, with the decree's margins (the left one on the binding side)."""
    width, height = (A4[1], A4[0]) if landscape else A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]


def text_width(section: Section) -> int:
    """The width between the margins, in EMU."""
    return int(section.page_width or A4[0]) - int(section.left_margin or 0) - int(section.right_margin or 0)


def paragraph(container: DocxDocument | _Cell, text: str = "", *, size: float | None = None, bold: bool = False,
              italic: bool = False, align: str = "justify", indent: bool = False, before: float = 0,
              after: float = 0) -> Paragraph:
    """A paragraph of one run; ``align`` is "left", "centre", "right" or "justify"."""
    made = container.add_paragraph()
    made.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "centre": WD_ALIGN_PARAGRAPH.CENTER,
                      "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    made.paragraph_format.space_before, made.paragraph_format.space_after = Pt(before), Pt(after)
    if indent:
        made.paragraph_format.first_line_indent = Mm(10)
    if text:
        run = made.add_run(text)
        run.bold, run.italic = bold, italic
        if size is not None:
            run.font.size = Pt(size)
    return made


def head_block(document: DocxDocument, facts: HeadFacts) -> Table:
    """The two columns of the first page: agency over number at left, quốc hiệu over place and date at right."""
    section = document.sections[-1]
    widths = [Mm(68), text_width(section) - Mm(68)]
    table = _plain_table(document, 2, 2, widths)
    left, right = table.cell(0, 0), table.cell(0, 1)
    if facts.parent:
        _first(left, facts.parent.upper(), size=13, align="centre")
        paragraph(left, "\n".join(facts.agency_lines), size=13, bold=True, align="centre")
    else:
        _first(left, "\n".join(facts.agency_lines), size=13, bold=True, align="centre")
    _short_rule(left, widths[0], Mm(22))
    _first(right, NATIONAL_NAME, size=12.5, bold=True, align="centre")
    paragraph(right, MOTTO, size=13, bold=True, align="centre")
    _short_rule(right, widths[1], Mm(60))
    _first(table.cell(1, 0), facts.number_line, size=13, align="centre", before=4)
    _first(table.cell(1, 1), facts.place_date, size=13, italic=True, align="centre", before=4)
    return table


def title_block(document: DocxDocument, title: str, subject: str, addressee: str) -> None:
    """ "BÁO CÁO", the subject in bold with a short rule, and "Kính gửi: …."."""
    paragraph(document, title, size=14, bold=True, align="centre", before=18)
    if subject:
        paragraph(document, subject, size=14, bold=True, align="centre")
        _short_rule(document, text_width(document.sections[-1]), Mm(40))
    if addressee:
        paragraph(document, f"Kính gửi: {addressee}.", size=14, align="centre", before=10, after=10)


def signature_block(document: DocxDocument, recipients: Sequence[str], authority: Sequence[str],
                    signer: str) -> Table:
    """ "Nơi nhận:" and its list at left; the signer's authority, room for the signature and seal, the name."""
    section = document.sections[-1]
    table = _plain_table(document, 1, 2, [Mm(82), text_width(section) - Mm(82)])
    left, right = table.cell(0, 0), table.cell(0, 1)
    _first(left, "Nơi nhận:", size=12, bold=True, italic=True, align="left", before=6)
    for line in recipients:
        paragraph(left, line, size=11, align="left")
    first = True
    for line in authority:
        if first:
            _first(right, line.upper(), size=13.5, bold=True, align="centre", before=6)
            first = False
        else:
            paragraph(right, line.upper(), size=13.5, bold=True, align="centre")
    paragraph(right, "", size=13.5, after=72)
    if signer:
        paragraph(right, signer, size=14, bold=True, align="centre")
    return table


def draft_stamp(document: DocxDocument, text: str) -> None:
    """A boxed, bold stamp ("DỰ THẢO") at the top left of the first page."""
    made = paragraph(document, text, size=13, bold=True, align="left", after=6)
    border = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "2"), ("w:color", "000000")):
            edge.set(qn(key), value)
        border.append(edge)
    made._p.get_or_add_pPr().append(border)
    made.paragraph_format.right_indent = text_width(document.sections[-1]) - Mm(30)


def page_numbers_from_page_two(section: Section, size: float = 13) -> None:
    """The page number centred in the top margin of every page but the first (the decree's rule)."""
    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    header = section.header
    header.is_linked_to_previous = False
    made = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    made.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = made.add_run()
    run.font.size = Pt(size)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)


@dataclass(frozen=True)
class GridTable:
    """A bordered table and its column widths (rows added later need them: python-docx's new rows lack them),
    and the room in points a page leaves for rows below the repeated header."""

    table: Table
    widths: tuple[int, ...]
    room: float = 1e9


def grid_table(document: DocxDocument, headers: Sequence[str], widths: Sequence[int], *,
               size: float = 12) -> GridTable:
    """A bordered table with a bold header and a row of column numbers "(1)", "(2)" … that repeat on every
    page; rows are added with ``add_grid_row``."""
    table = document.add_table(rows=2, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _set_widths(table, widths)
    for index, name in enumerate(headers):
        for row, text, bold, italic in ((0, name, True, False), (1, f"({index + 1})", False, True)):
            _first(table.rows[row].cells[index], text, size=size, bold=bold, italic=italic, align="centre")
    for row in table.rows[:2]:
        _repeat_header(row)
    section = document.sections[-1]
    page = (int(section.page_height or A4[1]) - int(section.top_margin or 0) - int(section.bottom_margin or 0))
    header = max(text_lines(name, width, size) for name, width in zip(headers, widths, strict=True)) + 1
    return GridTable(table, tuple(widths), page / EMU_PER_POINT - header * size * LINE_SPACING)


def add_grid_row(grid: GridTable, cells: Sequence[tuple[str, bool]], *, size: float = 12, bold: bool = False,
                 merge_from: int | None = None) -> None:
    """One row of (text, centred) cells; ``merge_from`` joins the cells from that column to the last (a plan or
    section row, kept on the page of the row that follows it). The row's XML is written directly (docx_row_xml)."""
    count = len(grid.widths)
    spans = [1] * count if merge_from is None else [*([1] * merge_from), count - merge_from]
    texts = [*cells, *([("", False)] * (len(spans) - len(cells)))][:len(spans)]
    row = [RowCell(text.split("\n") if text else [""], centred, span)
           for (text, centred), span in zip(texts, spans, strict=True)]
    append_row(grid.table, row, grid.widths, size=size, bold=bold, keep_with_next=merge_from is not None,
               cant_split=True)


def add_item_row(grid: GridTable, cells: Sequence[tuple[str, bool]], *, size: float = 12) -> None:
    """A task, indicator or evidence row, kept whole on one page; a row taller than a page goes in as several,
    each continuation with the STT and "(tiếp theo)" (``docx_row_pieces``)."""
    for piece in row_pieces(cells, grid.widths, size=size, room=grid.room):
        row = [RowCell(text.split("\n") if text else [""], centred) for text, centred in piece.cells]
        if piece.continued and len(row) > 1:
            title = row[1]
            lines = [CONTINUED, *title.lines] if any(title.lines) else [CONTINUED]
            row[1] = RowCell(lines, title.centred, italic_first=True)
        append_row(grid.table, row, grid.widths, size=size, bold=False, keep_with_next=False, cant_split=True)


def _first(cell: _Cell | DocxDocument, text: str, **style: object) -> Paragraph:
    """Write into a cell's first (empty) paragraph rather than leaving it blank above the text."""
    existing = cell.paragraphs[0] if isinstance(cell, _Cell) and not cell.paragraphs[0].text else None
    if existing is None:
        return paragraph(cell, text, **style)  # type: ignore[arg-type]
    made = existing
    size, bold, italic = style.get("size"), bool(style.get("bold")), bool(style.get("italic"))
    made.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "centre": WD_ALIGN_PARAGRAPH.CENTER,
                      "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(str(style.get("align", "left")), WD_ALIGN_PARAGRAPH.LEFT)
    made.paragraph_format.space_before = Pt(float(style.get("before", 0)))  # type: ignore[arg-type]
    made.paragraph_format.space_after = Pt(0)
    if text:
        run = made.add_run(text)
        run.bold, run.italic = bold, italic
        if isinstance(size, int | float):
            run.font.size = Pt(size)
    return made


def _short_rule(container: DocxDocument | _Cell, room: int, length: int) -> None:
    """A centred rule ``length`` long in a column ``room`` wide (EMU), under the last paragraph."""
    line = paragraph(container, "", size=4, align="centre", after=2)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    line._p.get_or_add_pPr().append(border)
    side = max(0, (room - length) // 2)
    line.paragraph_format.left_indent = side
    line.paragraph_format.right_indent = side


def _plain_table(document: DocxDocument, rows: int, cols: int, widths: Sequence[int]) -> Table:
    table = document.add_table(rows=rows, cols=cols)
    table.autofit = False
    _set_widths(table, widths)
    for row in table.rows:
        for cell in row.cells:
            _no_side_margins(cell)
    return table


def _set_widths(table: Table, widths: Sequence[int]) -> None:
    """Column widths where both Word (cell widths) and LibreOffice (the grid) read them."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _no_side_margins(cell: _Cell) -> None:
    margins = OxmlElement("w:tcMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    cell._tc.get_or_add_tcPr().append(margins)


def _repeat_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    properties.append(mark)
