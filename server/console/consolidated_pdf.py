"""The consolidated report as PDF: the app's report document (``desktop.documents.report_pdf``) and one more
appendix, every agency's indicators in the app's table (one group per agency, its tasks counted by status),
laid out by the same building blocks. Each agency's own report, with every task, is on its console page."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from desktop.documents.fonts import report_font_family
from desktop.documents.pdf_styles import make_styles
from desktop.documents.pdf_tables import appendix_heading, indicator_table
from desktop.documents.report_pdf import build_report_pdf, report_story
from desktop.sync.atomic_file import atomic_output
from server.console.consolidated import Consolidated, agencies_appendix


def write_consolidated_pdf(consolidated: Consolidated, out: Path) -> Path:
    """Write the Sở's report and its appendices to ``out`` atomically."""
    fonts = report_font_family()
    styles = make_styles(fonts)
    report = consolidated.report
    story: list[Flowable] = report_story(report, styles, whole_plan=True)
    appendix = agencies_appendix(consolidated)
    if appendix.indicators:
        number = roman_numeral(1 + bool(report.tasks) + bool(report.indicators))
        story += [NextPageTemplate("landscape"), PageBreak(),
                  *appendix_heading(number, f"Kết quả của từng cơ quan {report.period.label}", report, styles),
                  indicator_table(appendix, styles)]
    with atomic_output(out) as handle:
        build_report_pdf(handle, report, fonts, story)
    return out


def roman_numeral(number: int) -> str:
    """Roman numerals for appendix numbers (1–3999)."""
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
              (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, letters in values:
        while number >= value:
            text += letters
            number -= value
    return text
