"""The appendix's cells are laid out once and look exactly as ReportLab lays them out: a row cut over many pages
keeps ReportLab's own line breaks in every piece, a plain line is the run ReportLab's parser would make, and the
header repeated on every page is one form in the file, shown on each page."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1
from reportlab.platypus import Flowable, Paragraph

from desktop.documents.fonts import report_font_family
from desktop.documents.pdf_cell import CellParagraph, cell_paragraph
from desktop.documents.pdf_styles import Styles, make_styles, markup
from desktop.documents.report_pdf import write_report_pdf
from tests.documents.long_report import long_report, long_result

WIDTH = 138.0  # the result column's text width
PAGE_ROOM = 600.0


@pytest.fixture(scope="module")
def styles() -> Styles:
    return make_styles(report_font_family())


def _pieces(paragraph: Paragraph, re_wrap: bool) -> list[Flowable]:
    """``paragraph`` cut page by page as the appendix cuts a cell, each piece measured as the table measures it."""
    pieces: list[Flowable] = []
    rest: Flowable = paragraph
    rest.wrap(WIDTH, 1e6)
    while True:
        parts = rest.split(WIDTH, PAGE_ROOM)
        if len(parts) < 2:
            pieces.append(rest)
            return pieces
        pieces.append(parts[0])
        rest = parts[1]
        if re_wrap:
            rest.wrap(WIDTH, 1e6)


def test_a_cell_cut_over_many_pages_keeps_reportlabs_line_breaks(styles: Styles) -> None:
    text = markup(long_result())
    ours = _pieces(CellParagraph(text, styles.cell), re_wrap=False)
    theirs = _pieces(Paragraph(text, styles.cell), re_wrap=True)
    assert len(ours) == len(theirs) >= 5
    for mine, reference in zip(ours, theirs, strict=True):
        assert mine.wrap(WIDTH, 1e6) == reference.wrap(WIDTH, 1e6)
        assert mine.blPara.lines == reference.blPara.lines


@pytest.mark.parametrize("text", ["Hoàn thành", "  Đang   triển khai ", "Quý IV/2026", "x\xa0y", "100"])
def test_a_plain_line_is_the_run_reportlabs_parser_makes(styles: Styles, text: str) -> None:
    fast, parsed = cell_paragraph(text, styles.cell_centre), Paragraph(markup(text), styles.cell_centre)
    assert [vars(frag) for frag in fast.frags] == [vars(frag) for frag in parsed.frags]


@pytest.mark.parametrize("text", ["Sở KH&CN", "a < b", "", "dòng 1\ndòng 2"])
def test_text_with_markup_characters_or_breaks_goes_through_the_parser(styles: Styles, text: str) -> None:
    assert [vars(f) for f in cell_paragraph(text, styles.cell).frags] == \
        [vars(f) for f in Paragraph(markup(text), styles.cell).frags]


def test_the_repeated_header_is_one_form_shown_on_every_appendix_page(tmp_path: Path) -> None:
    pdf = write_report_pdf(long_report(tasks=20, indicators=30), tmp_path / "r.pdf")
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = [unicodedata.normalize("NFC", page) for page in out.split("\f")]
    appendix = next(n for n, page in enumerate(pages) if "(Kèm theo Báo cáo" in page)
    table_pages = [n for n in range(appendix, len(pages)) if pages[n].strip()]
    assert len(table_pages) > 10
    for n in table_pages:
        assert "STT" in pages[n] and "(1)" in pages[n] and "(7)" in pages[n], f"page {n + 1} has no header"
    forms = set()
    with pdfplumber.open(pdf) as document:
        for n in table_pages:
            xobjects = resolve1(document.pages[n].page_obj.resources.get("XObject", {}))
            assert xobjects, f"page {n + 1} shows no header form"
            forms |= {reference.objid for reference in xobjects.values()}
    assert len(forms) == 2  # Phụ lục I's header and Phụ lục II's, each written once
