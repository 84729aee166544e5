"""A lead cell that names the coordinators in a sentence («Sở Y tế chủ trì, phối hợp với Sở Tài chính») gives
the lead and the coordinators in every format a province sends: a PDF whose narrow column wraps the sentence
(«phối» / «hợp» on two lines), an Excel 97 workbook and a Word table."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.package_data import resource_path
from tests.documents.plan_documents import soffice_convert

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"]
YT, TC, NV, CA, TP = "Sở Y tế", "Sở Tài chính", "Sở Nội vụ", "Công an tỉnh", "Sở Tư pháp"
GDDT, SBN = "Sở Giáo dục và Đào tạo", "Các sở, ban, ngành"
# (lead cell, coordinator cell) → (lead agencies, coordinator agencies)
CELLS = [
    ("Sở Y tế chủ trì, phối hợp với Sở Tài chính", "Sở Nội vụ", [YT], [TC, NV]),
    ("Sở Y tế chủ trì phối hợp cùng Công an tỉnh và Sở Nội vụ", "", [YT], [CA, NV]),
    ("Sở Giáo dục và Đào tạo chủ trì, phối hợp với các sở, ban, ngành", "Sở Tư pháp", [GDDT], [SBN, TP]),
    ("Chủ trì: Sở Y tế; phối hợp: Sở Tài chính", "", [YT], [TC]),
    ("Sở Tài chính (chủ trì)", "Sở Tư pháp", [TC], [TP]),
]
ROWS = [[str(n), f"Nhiệm vụ số {n} của kế hoạch", lead, coordinators, "Năm 2026"]
        for n, (lead, coordinators, _leads, _coordinators) in enumerate(CELLS, start=1)]
EXPECTED = [(leads, coordinators) for _lead, _cell, leads, coordinators in CELLS]


def _agencies(path: Path) -> list[tuple[list[str], list[str]]]:
    parsed = parse_plan_workbook(path)
    assert [t.stt for t in parsed.tasks] == [str(n) for n in range(1, len(CELLS) + 1)]
    return [(list(t.lead_agencies), list(t.coordinator_agencies)) for t in parsed.tasks]


def _pdf(path: Path) -> Path:
    """The table drawn by reportlab with a lead column so narrow that each sentence wraps on four lines."""
    pdfmetrics.registerFont(TTFont("Tinos", str(resource_path("fonts", "Tinos-Regular.ttf"))))
    style = ParagraphStyle("cell", fontName="Tinos", fontSize=10, leading=12)
    table = Table([[Paragraph(text, style) for text in row] for row in [HEADER, *ROWS]],
                  colWidths=[30, 150, 60, 80, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return path


def _xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    book.save(path)
    return path


def test_a_pdf_lead_sentence_wrapped_on_several_lines_gives_the_lead_and_the_coordinators(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    path = _pdf(tmp_path / "ke-hoach.pdf")
    document = pdfium.PdfDocument(str(path))
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "phối\r\nhợp" in text  # the layout cut «phối hợp» in the middle
    assert _agencies(path) == EXPECTED


def test_an_excel_97_lead_sentence_gives_the_lead_and_the_coordinators(tmp_path: Path) -> None:
    xls = soffice_convert(_xlsx(tmp_path / "ke-hoach.xlsx"), "xls", tmp_path)
    assert _agencies(xls) == EXPECTED


def test_a_word_lead_sentence_gives_the_lead_and_the_coordinators(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for row, values in enumerate([HEADER, *ROWS]):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.save(str(tmp_path / "ke-hoach.docx"))
    assert _agencies(tmp_path / "ke-hoach.docx") == EXPECTED
