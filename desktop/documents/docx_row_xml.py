"""A Word table row written as its XML in one piece: about fifty times cheaper than python-docx's proxies.

Through python-docx (1.2) every row cost tens of milliseconds: each width, alignment, spacing, bold and size
set through a proxy searches the schema's order for its place among its siblings, and merging a plan or
section row across locates that row by walking the table's rows (so merges grow with the table). The row here
is one string of WordprocessingML parsed once and appended to the table: the same cells, widths, spans,
alignment, keep-with-next, bold and size as the proxies would write, in time that does not grow with the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.table import Table

EMU_PER_TWIP = 635
# XML 1.0 has no place for these; python-docx would refuse the whole document over one of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class RowCell:
    """One cell: its lines of text, centred or left, and how many grid columns it spans."""

    lines: Sequence[str]
    centred: bool
    span: int = 1
    italic_first: bool = False


def append_row(table: Table, cells: Sequence[RowCell], widths: Sequence[int], *, size: float, bold: bool,
               keep_with_next: bool, cant_split: bool = False) -> None:
    """Append a row of ``cells`` to ``table``; ``widths`` are the grid's column widths in EMU. ``cant_split``
    keeps the row whole on one page (Word moves it to the next rather than break it)."""
    parts = [f"<w:tr {nsdecls('w')}>", "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""]
    column = 0
    for cell in cells:
        width = sum(widths[column:column + cell.span])
        column += cell.span
        parts.append(_cell_xml(cell, width, size=size, bold=bold, keep_with_next=keep_with_next))
    parts.append("</w:tr>")
    table._tbl.append(parse_xml("".join(parts)))


def _cell_xml(cell: RowCell, width: int, *, size: float, bold: bool, keep_with_next: bool) -> str:
    span = f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else ""
    properties = f'<w:tcPr><w:tcW w:w="{width // EMU_PER_TWIP}" w:type="dxa"/>{span}</w:tcPr>'
    paragraphs = "".join(_paragraph_xml(line, cell.centred, size=size, bold=bold, keep_with_next=keep_with_next,
                                        italic=cell.italic_first and n == 0)
                         for n, line in enumerate(cell.lines or [""]))
    return f"<w:tc>{properties}{paragraphs}</w:tc>"


def _paragraph_xml(text: str, centred: bool, *, size: float, bold: bool, keep_with_next: bool,
                   italic: bool = False) -> str:
    keep = "<w:keepNext/>" if keep_with_next else ""
    align = "center" if centred else "left"
    properties = f'<w:pPr>{keep}<w:spacing w:before="0" w:after="0"/><w:jc w:val="{align}"/></w:pPr>'
    if not text:
        return f"<w:p>{properties}</w:p>"
    half_points = round(size * 2)
    styles = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    run_properties = f'<w:rPr>{styles}<w:sz w:val="{half_points}"/></w:rPr>'
    pieces = _NOT_XML.sub("", text).split("\t")
    body = "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(piece)}</w:t>' for piece in pieces)
    return f"<w:p>{properties}<w:r>{run_properties}{body}</w:r></w:p>"
