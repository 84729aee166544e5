"""A PDF the reader cannot take says where (its pages, «trang 1–2», not a placeholder), what was found and
what to do: a spreadsheet printed to PDF spreads its header's columns over pages; a letter has no table."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.errors import InputError
from desktop.package_data import resource_path


def _table(rows: list[list[str]], style: ParagraphStyle) -> Table:
    table = Table([[Paragraph(text, style) for text in row] for row in rows], colWidths=[60, 300][:len(rows[0])])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    return table


def printed_spreadsheet(tmp_path: Path) -> Path:
    """What Calc prints for a sheet wider than a page: «STT, Chỉ tiêu» on page 1, the phases on page 2, each
    with the title above."""
    pdfmetrics.registerFont(TTFont("Tinos", str(resource_path("fonts", "Tinos-Regular.ttf"))))
    style = ParagraphStyle("cell", fontName="Tinos", fontSize=10, leading=12)
    title = Paragraph("Phụ lục 1. Kịch bản chỉ tiêu, giai đoạn 2026-2030", style)
    path = tmp_path / "3256-in-tu-bang-tinh.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([
        title, _table([["STT", "Chỉ tiêu"], ["1", "Tỷ lệ dịch vụ công trực tuyến toàn trình"]], style), PageBreak(),
        title, _table([["Giai đoạn 2026-2027", "Giai đoạn 2028-2030"], ["100%", "Duy trì 100%"]], style)])
    return path


def test_a_spreadsheet_printed_to_pdf_is_said_with_its_pages_and_what_to_do(tmp_path: Path) -> None:
    path = printed_spreadsheet(tmp_path)
    with pytest.raises(InputError) as caught:
        parse_plan_workbook(path)
    message = caught.value.message_vi
    assert path.name in message and "trang 1–2" in message and "«PDF»" not in message
    assert "bị chia qua các trang 1, 2" in message and "bảng tính in ra PDF" in message
    assert "Hãy xin Sở bản Word hoặc Excel của phụ lục" in message
    assert "split over pages 1, 2" in caught.value.message_en


def test_the_read_time_bound_stops_a_slow_read_without_waiting_a_minute(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.documents.plan_readers.base import PlanSource

    monkeypatch.setattr(PlanSource, "max_seconds", -1.0)  # every read is already past its bound
    with pytest.raises(InputError) as caught:
        parse_plan_workbook(printed_spreadsheet(tmp_path))
    assert caught.value.code == "read_too_slow"
    assert "trang 1: đọc quá" in caught.value.message_vi and "3256-in-tu-bang-tinh.pdf" in caught.value.message_vi
