"""A PDF plan's warnings and errors name the page and the row of that page. The PDF is drawn with reportlab
(a ruled table in Tinos, its header repeated on each page)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from desktop.documents.plan_model import warning_place
from desktop.documents.plan_readers import open_plan_source
from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.documents.sheet_grid import GridBuilder, SheetTooLarge
from desktop.package_data import resource_path

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành"]


def _pdf(path: Path, rows: list[list[str]]) -> Path:
    pdfmetrics.registerFont(TTFont("Tinos", str(resource_path("fonts", "Tinos-Regular.ttf"))))
    style = ParagraphStyle("cell", fontName="Tinos", fontSize=10, leading=12)
    data = [[Paragraph(text.replace("\n", "<br/>"), style) for text in row] for row in [HEADER, *rows]]
    table = Table(data, colWidths=[40, 250, 120, 90], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return path


def test_a_warning_names_the_page_and_its_row(tmp_path: Path) -> None:
    rows = [[str(n), f"Nhiệm vụ số {n} của kế hoạch", "Sở Y tế", "Năm 2026"] for n in range(1, 61)]
    rows[44][2] = ""  # task 45 has no lead: on the second page
    path = _pdf(tmp_path / "thieu.pdf", rows)
    parsed = parse_plan_workbook(path)
    assert len(parsed.tasks) == 60
    [warning] = [w.to_dict() for w in parsed.warnings]
    assert "45" in str(warning["message"]) and warning["sheet"] == "PDF"
    source = open_plan_source(path)
    try:
        grid = source.grid("PDF")
    finally:
        source.close()
    task = next(t for t in parsed.tasks if t.stt == "45")
    assert grid.place(task.row) == (2, warning["row"])
    # On its page the row counts from the repeated header (row 1): well below the row in the whole run.
    assert warning["page"] == 2 and 1 < int(warning["row"]) < task.row
    assert warning_place(warning) == f"PDF, trang 2, dòng {warning['row']}"


def test_an_error_names_the_page_and_its_row() -> None:
    builder = GridBuilder("PDF", "ke-hoach.pdf", "PDF", "PDF")
    builder.locate(57, 3, 2)
    error = builder.too_large_cell(57, 40_000)
    assert isinstance(error, SheetTooLarge)
    assert "ke-hoach.pdf, PDF, trang 3, dòng 2" in error.message_vi
    assert "ke-hoach.pdf, PDF, page 3, row 2" in error.message_en
