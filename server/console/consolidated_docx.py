"""The consolidated report as .docx: the app's Word report (``desktop.documents.report_docx``, ND 30/2020 layout)
of the Sở's snapshot, and the appendix of every agency's figures, from the same building blocks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION

from desktop.documents.report_docx import appendix_heading, first_pages, indicator_appendix, task_appendix
from desktop.documents.report_docx_blocks import page_numbers_from_page_two, setup_document, setup_section
from desktop.sync.atomic_file import atomic_output
from server.console.consolidated import Consolidated, agencies_appendix
from server.console.consolidated_pdf import roman_numeral

TABLE_ROWS = 60


def write_consolidated_docx(consolidated: Consolidated, out: Path) -> Path:
    """Write the Sở's report and its appendices to ``out`` atomically."""
    report = consolidated.report
    document = Document()
    setup_document(document)
    page_numbers_from_page_two(document.sections[0])
    first_pages(document, report)
    parts = [(f"Kết quả thực hiện nhiệm vụ {report.period.label}", bool(report.tasks), task_appendix),
             (f"Kết quả thực hiện các chỉ tiêu {report.period.label}", bool(report.indicators), indicator_appendix)]
    number, landscape = 1, False
    for title, present, table in parts:
        if not present:
            continue
        section = document.add_section(WD_SECTION.NEW_PAGE)
        if not landscape:
            setup_section(section, landscape=True)
            landscape = True
        appendix_heading(document, roman_numeral(number), title, report)
        table(document, report)
        number += 1
    appendix = agencies_appendix(consolidated)
    if appendix.indicators:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        if not landscape:
            setup_section(section, landscape=True)
        appendix_heading(document, roman_numeral(number), f"Kết quả của từng cơ quan {report.period.label}", report)
        # python-docx finds a row's cells by walking its whole table, so a table grows in quadratic time:
        # the agencies' figures go in tables of a few hundred rows.
        for start in range(0, len(appendix.indicators), TABLE_ROWS):
            indicator_appendix(document, replace(appendix, indicators=appendix.indicators[start:start + TABLE_ROWS]))
    with atomic_output(out) as handle:
        document.save(handle)
    return out
