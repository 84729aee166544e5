"""The body of the report on the PDF's pages: the lines of ``report_body`` in the PDF's styles, with the
indicator chart where the text leaves room for it, and the closing sentence."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from desktop.documents.pdf_chart import indicator_charts
from desktop.documents.pdf_styles import Styles, markup
from desktop.documents.report_body import BODY, CHART, HEADING, NOTHING, body_lines, closing_text
from desktop.domain.report_snapshot import ReportSnapshot

__all__ = ["NOTHING", "body", "closing"]


def body(snapshot: ReportSnapshot, styles: Styles, whole_plan: bool = False) -> list[Flowable]:
    """Every paragraph between the title block and the signature (``whole_plan``: see ``body_lines``)."""
    flowables: list[Flowable] = []
    style = {BODY: styles.body, HEADING: styles.heading}
    for line in body_lines(snapshot, whole_plan):
        if line.kind == CHART:
            flowables += indicator_charts(snapshot, styles)
        else:
            flowables.append(Paragraph(markup(line.text), style.get(line.kind, styles.note)))
    return flowables


def closing(snapshot: ReportSnapshot, styles: Styles) -> Paragraph:
    """ "Trên đây là báo cáo … của …./."."""
    return Paragraph(markup(closing_text(snapshot)), styles.body)
