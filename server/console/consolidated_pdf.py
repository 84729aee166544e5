"""The consolidated report as PDF: the app's report document (``desktop.documents.report_pdf``) and one more
appendix with a section per agency (its tasks counted by status, its indicators in the app's table), laid out
by the same building blocks. Each agency's own report, with every task, is on its page of the console."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Paragraph

from desktop.documents.fonts import report_font_family
from desktop.documents.pdf_styles import make_styles, markup
from desktop.documents.pdf_tables import appendix_heading, indicator_table
from desktop.documents.report_pdf import _ReportTemplate, _story
from desktop.documents.report_text import agency_in_text
from desktop.domain.report_snapshot import TASK_STATUSES, ReportSnapshot
from desktop.domain.task_status import status_label
from desktop.sync.atomic_file import atomic_output
from server.console.consolidated import Consolidated


def write_consolidated_pdf(consolidated: Consolidated, out: Path) -> Path:
    """Write the Sở's report and its appendices to ``out`` atomically."""
    fonts = report_font_family()
    styles = make_styles(fonts)
    report = consolidated.report
    story: list[Flowable] = _story(report, styles)
    if consolidated.agencies:
        number = _roman(1 + bool(report.tasks) + bool(report.indicators))
        story += [NextPageTemplate("landscape"), PageBreak(),
                  *appendix_heading(number, f"Kết quả của từng cơ quan {report.period.label}", report, styles)]
    for index, agency in enumerate(consolidated.agencies, start=1):
        story += [CondPageBreak(40 * mm),
                  Paragraph(markup(f"{index}. {agency_in_text(agency.agency.name)}"), styles.heading),
                  Paragraph(markup(task_counts(agency)), styles.body)]
        if agency.indicators:
            story.append(indicator_table(agency, styles))
    with atomic_output(out) as handle:
        _ReportTemplate(handle, report, fonts, None, None, total=len(story)).build(story)
    return out


def task_counts(report: ReportSnapshot) -> str:
    """ "Nhiệm vụ: 12 (hoàn thành 3, đang thực hiện 9)." — one agency's tasks by status."""
    counts = Counter(t.status for t in report.tasks)
    parts = [f"{status_label(code, 'vi').lower()} {counts[code]}" for code in TASK_STATUSES if counts[code]]
    if counts[None]:
        parts.append(f"chưa báo cáo {counts[None]}")
    return f"Nhiệm vụ: {len(report.tasks)}" + (f" ({', '.join(parts)})." if parts else ".")


def _roman(number: int) -> str:
    """Roman numerals for appendix numbers (1–3999)."""
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
              (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, letters in values:
        while number >= value:
            text += letters
            number -= value
    return text
