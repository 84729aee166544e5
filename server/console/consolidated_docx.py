"""The consolidated report as .docx (python-docx), in the ND 30/2020 layout of the PDF.

Branch i16-documents writes the app's own .docx building blocks (``desktop/documents/report_docx*``);
until they are merged this module lays out the same document with the same texts (``report_text``,
``pdf_signature.recipient_lines``) so the two files say the same thing.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from desktop.documents.pdf_header import MOTTO, NATIONAL_NAME, agency_lines
from desktop.documents.pdf_signature import recipient_lines
from desktop.documents.report_text import (
    agency_in_text,
    assessment,
    document_number,
    indicator_value_text,
    iso_day,
    percent_text,
    place_date,
    status_text,
    subject_line,
)
from desktop.domain.report_snapshot import ReportSnapshot
from desktop.sync.atomic_file import atomic_output
from server.console.consolidated import Consolidated
from server.console.consolidated_pdf import _roman, task_counts

FONT = "Times New Roman"


def write_consolidated_docx(consolidated: Consolidated, out: Path) -> Path:
    """Write the Sở's report and its appendices to ``out`` atomically."""
    report = consolidated.report
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    _head(document, report)
    _body(document, report)
    number = 1
    if report.tasks:
        _landscape(document)
        _appendix(document, number, f"Kết quả thực hiện nhiệm vụ {report.period.label}", report)
        _task_table(document, report)
        number += 1
    if report.indicators:
        _landscape(document)
        _appendix(document, number, f"Kết quả thực hiện các chỉ tiêu {report.period.label}", report)
        _indicator_table(document, report)
        number += 1
    if consolidated.agencies:
        _landscape(document)
        _appendix(document, number, f"Kết quả của từng cơ quan {report.period.label}", report)
    for index, agency in enumerate(consolidated.agencies, start=1):
        _paragraph(document, f"{index}. {agency_in_text(agency.agency.name)}", bold=True)
        _paragraph(document, task_counts(agency))
        if agency.indicators:
            _indicator_table(document, agency)
    with atomic_output(out) as handle:
        document.save(handle)
    return out


def _paragraph(document: DocxDocument, text: str, *, bold: bool = False, italic: bool = False, centre: bool = False,
               size: float | None = None) -> None:
    paragraph = document.add_paragraph()
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)


def _head(document: DocxDocument, report: ReportSnapshot) -> None:
    table = document.add_table(rows=2, cols=2)
    left, right = table.rows[0].cells
    left.text = "\n".join([" ".join(report.agency.parent_name.split()).upper(), *agency_lines(report.agency.name)])
    right.text = f"{NATIONAL_NAME}\n{MOTTO}"
    table.rows[1].cells[0].text = f"Số: {document_number(report.document)}"
    table.rows[1].cells[1].text = place_date(report.agency.place, iso_day(report.document.date))
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "BÁO CÁO", bold=True, centre=True, size=14)
    _paragraph(document, subject_line(report.document.subject), bold=True, centre=True)
    _paragraph(document, f"Kính gửi: {report.document.addressee}.", centre=True, size=14)


def _body(document: DocxDocument, report: ReportSnapshot) -> None:
    label = report.period.label
    _paragraph(document, f"{agency_in_text(report.agency.name)} báo cáo kết quả thực hiện "
                         f"{label[:1].lower()}{label[1:]} như sau:")
    _paragraph(document, "I. KẾT QUẢ THỰC HIỆN", bold=True)
    _paragraph(document, "1. Tình hình chung", bold=True)
    for line in report.summary.splitlines():
        _paragraph(document, line)
    _paragraph(document, "II. KHÓ KHĂN, VƯỚNG MẮC", bold=True)
    for line in report.difficulties.splitlines() or ["Không có."]:
        _paragraph(document, line)
    _paragraph(document, "III. ĐỀ XUẤT, KIẾN NGHỊ", bold=True)
    for line in report.proposals.splitlines() or ["Không có."]:
        _paragraph(document, line)
    subject = subject_line(report.document.subject)
    _paragraph(document, f"Trên đây là báo cáo {subject[:1].lower()}{subject[1:]} của "
                         f"{agency_in_text(report.agency.name)}./.")
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "Nơi nhận:\n" + "\n".join(recipient_lines(report))
    right.text = "\n".join(line.upper() for line in (report.agency.signer_authority, report.agency.signer_title)
                           if line.strip())


def _landscape(document: DocxDocument) -> None:
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)


def _appendix(document: DocxDocument, number: int, title: str, report: ReportSnapshot) -> None:
    _paragraph(document, f"Phụ lục {_roman(number)}", bold=True, centre=True)
    _paragraph(document, title.upper(), bold=True, centre=True)
    _paragraph(document, f"(Kèm theo Báo cáo số {document_number(report.document)} của "
                         f"{agency_in_text(report.agency.name)})", italic=True, centre=True)


def _table(document: DocxDocument, titles: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        cell.text = title
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def _task_table(document: DocxDocument, report: ReportSnapshot) -> None:
    _table(document, ["TT", "Nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Kết quả"],
           [[str(n), t.title, status_text(t), percent_text(t.percent), t.result or ""]
            for n, t in enumerate(report.tasks, start=1)])


def _indicator_table(document: DocxDocument, report: ReportSnapshot) -> None:
    _table(document, ["TT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu giao", "Kết quả", "Đánh giá"],
           [[str(n), i.name, i.unit, i.target_text or "", indicator_value_text(i), assessment(i)]
            for n, i in enumerate(report.indicators, start=1)])
