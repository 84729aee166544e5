"""A break typed inside an agency cell (Alt+Enter in Excel, Enter or Shift+Enter in Word) separates two
agencies; a long name Word or Excel only wraps on screen stays one."""

from __future__ import annotations

from pathlib import Path

from desktop.documents.plan_workbook import parse_plan_workbook

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"]
ROWS = [
    ("1", "Xây dựng kho dữ liệu dùng chung", "Sở Y tế chủ trì, phối hợp với Sở Tài chính", "Sở Nội vụ\nTài chính"),
    ("2", "Tập huấn kỹ năng số", "Sở Văn hóa, Thể thao và Du lịch", "Các Sở: Nội vụ, Tư pháp\nUBND TP. Cao Lãnh"),
]
EXPECTED = [
    (["Sở Y tế"], ["Sở Tài chính", "Sở Nội vụ"]),
    (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Nội vụ", "Sở Tư pháp", "Ủy ban nhân dân thành phố Cao Lãnh"]),
]


def _agencies(path: Path) -> list[tuple[list[str], list[str]]]:
    tasks = parse_plan_workbook(path).to_json()["tasks"]
    return [(t["lead_agencies"], t["coordinator_agencies"]) for t in tasks]


def test_an_excel_cell_with_alt_enter_separates_the_agencies(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for stt, title, lead, coordinators in ROWS:
        sheet.append([stt, title, lead, coordinators, "Năm 2026"])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True)  # the long lead wraps on screen only
    sheet.column_dimensions["C"].width = 12
    book.save(tmp_path / "phu-luc.xlsx")
    assert _agencies(tmp_path / "phu-luc.xlsx") == EXPECTED


def test_a_word_cell_with_paragraphs_and_line_breaks_separates_the_agencies(tmp_path: Path) -> None:
    from docx import Document
    from docx.shared import Cm

    document = Document()
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for column, label in enumerate(HEADER):
        table.cell(0, column).text = label
    for row, (stt, title, lead, coordinators) in enumerate(ROWS, start=1):
        for column, value in enumerate((stt, title, lead)):
            table.cell(row, column).text = value
        first, second = coordinators.split("\n")
        cell = table.cell(row, 3)
        if row == 1:  # Enter: a new paragraph
            cell.text = first
            cell.add_paragraph(second)
        else:  # Shift+Enter: a line break inside the paragraph
            run = cell.paragraphs[0].add_run(first)
            run.add_break()
            cell.paragraphs[0].add_run(second)
        table.cell(row, 4).text = "Năm 2026"
        table.cell(row, 2).width = Cm(2)  # the long lead wraps on the page only
    document.save(str(tmp_path / "phu-luc.docx"))
    assert _agencies(tmp_path / "phu-luc.docx") == EXPECTED
