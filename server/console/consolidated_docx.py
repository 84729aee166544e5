"""The consolidated report as .docx: the app's Word report (``desktop.documents.report_docx``, ND 30/2020 layout)
of the Sở's snapshot, and the appendix of every agency's figures, from the same building blocks."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION

from desktop.documents.report_docx import appendix_heading, first_pages, indicator_appendix, task_appendix
from desktop.documents.report_docx_blocks import page_numbers_from_page_two, setup_document, setup_section
from desktop.sync.atomic_file import atomic_output
from server.console.consolidated import Consolidated, agencies_appendix
from server.console.consolidated_pdf import roman_numeral


def write_consolidated_docx(consolidated: Consolidated, out: Path) -> Path:
    """Write the Sở's report and its appendices to ``out`` atomically."""
    report = consolidated.report
    document = Document()
    setup_document(document)
    page_numbers_from_page_two(document.sections[0])
    first_pages(document, report, whole_plan=True)
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
        indicator_appendix(document, appendix)  # one table: a row costs the same however long it is (docx_row_xml)
    with atomic_output(out) as handle:
        document.save(handle)
    return out
