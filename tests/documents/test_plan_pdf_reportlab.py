"""A PDF plan drawn by reportlab rather than exported by LibreOffice: a task row that a page break splits
(reportlab's ``splitInRow`` leaves both parts open, without the rule at the page's foot and head) and a
word too long for its column, broken by the layout inside it."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.package_data import resource_path

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"]
LONG = " ".join(f"Đoạn {k}: rà soát, cập nhật cơ sở dữ liệu chuyên ngành và kết nối với nền tảng tích hợp của tỉnh."
                for k in range(1, 9))
SPLIT_COORDINATORS = "Sở Văn hóa, Thể thao và Du lịch; UBND các xã, phường"


def _pdf(path: Path, rows: list[list[str]], widths: list[float]) -> Path:
    pdfmetrics.registerFont(TTFont("Tinos", str(resource_path("fonts", "Tinos-Regular.ttf"))))
    style = ParagraphStyle("cell", fontName="Tinos", fontSize=10, leading=12)
    data = [[Paragraph(text, style) for text in row] for row in [HEADER[:len(widths)], *rows]]
    table = Table(data, colWidths=widths, splitInRow=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return path


def _page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [document[index].get_textpage().get_text_range() for index in range(len(document))]
    finally:
        document.close()


@pytest.fixture(scope="module")
def split_row(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [[str(n), f"Nhiệm vụ số {n} của kế hoạch", "Sở Y tế", "Các sở, ban, ngành", "Năm 2026"]
            for n in range(1, 41)]
    rows[27][1], rows[27][3], rows[27][4] = LONG, SPLIT_COORDINATORS, "Quý IV/2026"
    return _pdf(tmp_path_factory.mktemp("reportlab") / "ke-hoach.pdf", rows, [30, 230, 80, 90, 70])


def test_the_row_really_crosses_the_page_break(split_row: Path) -> None:
    first, second = (" ".join(text.split()) for text in _page_texts(split_row))
    head_of_second = second.split("29 Nhiệm vụ số 29")[0].strip()
    assert len(head_of_second) > 20 and LONG.endswith(head_of_second)  # the rest of task 28 heads page 2
    assert "28 Đoạn 1:" in first and LONG[:-len(head_of_second)].strip().split()[-1] in first


def test_a_row_split_by_a_page_break_is_one_task(split_row: Path) -> None:
    parsed = parse_plan_workbook(split_row)
    assert [t.stt for t in parsed.tasks] == [str(n) for n in range(1, 41)]
    assert not parsed.warnings
    task = next(t for t in parsed.tasks if t.stt == "28")
    assert task.title == LONG
    assert (task.lead, task.coordinators) == ("Sở Y tế", SPLIT_COORDINATORS)
    assert task.coordinator_agencies == ("Sở Văn hóa, Thể thao và Du lịch", "UBND các xã, phường")
    assert (task.deadline.text, task.deadline.due) == ("Quý IV/2026", "2026-12-31")
    after = next(t for t in parsed.tasks if t.stt == "29")
    assert (after.title, after.lead, after.deadline.text) == ("Nhiệm vụ số 29 của kế hoạch", "Sở Y tế", "Năm 2026")


def test_a_word_the_layout_broke_inside_is_one_word(tmp_path: Path) -> None:
    rows = [["1", "Bồi dưỡng cán bộ chuyên trách CNTT/CĐS/ATTT/ANM theo đề án", "Sở Nội vụ", "Năm 2026"],
            ["2", "Nhiệm vụ thứ hai của kế hoạch", "Sở Y tế", "Năm 2027"]]
    path = _pdf(tmp_path / "tu-dai.pdf", rows, [30, 80, 80, 70])
    assert "CNTT/CĐS/ATTT/ANM" not in _page_texts(path)[0].replace("\r\n", " ")  # reportlab broke it
    parsed = parse_plan_workbook(path)
    assert [t.title for t in parsed.tasks] == ["Bồi dưỡng cán bộ chuyên trách CNTT/CĐS/ATTT/ANM theo đề án",
                                               "Nhiệm vụ thứ hai của kế hoạch"]
