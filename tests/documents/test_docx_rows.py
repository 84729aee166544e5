"""The Word table rows written as XML read back in python-docx as the proxies would have made them: texts (with
markup characters, tabs and line breaks), a merged plan row, widths and bold."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt

from desktop.documents.report_docx_blocks import add_grid_row, grid_table

WIDTHS = [600_000, 3_000_000, 1_200_000]


def test_rows_read_back_with_their_texts_merges_and_widths(tmp_path: Path) -> None:
    document = Document()
    grid = grid_table(document, ["STT", "Nhiệm vụ", "Ghi chú"], WIDTHS)
    add_grid_row(grid, [("", True), ("Kế hoạch số 594/KH-UBND: <A> & \"B\"", False)], bold=True, merge_from=1)
    add_grid_row(grid, [("1", True), ("Rà soát\nthủ tục\thành chính", False), ("bad\x0bchar", False)], size=11)
    document.save(tmp_path / "t.docx")
    table = Document(str(tmp_path / "t.docx")).tables[0]
    plan, task = table.rows[2], table.rows[3]
    assert plan.cells[1]._tc is plan.cells[2]._tc and plan.cells[1].grid_span == 2
    assert plan.cells[1].text == "Kế hoạch số 594/KH-UBND: <A> & \"B\""
    assert all(run.bold for run in plan.cells[1].paragraphs[0].runs)
    assert [p.text for p in task.cells[1].paragraphs] == ["Rà soát", "thủ tục\thành chính"]
    assert task.cells[2].text == "badchar" and task.cells[0].text == "1"
    assert task.cells[1].paragraphs[0].runs[0].font.size == Pt(11)
    assert [cell.width for cell in task.cells] == [w // 635 * 635 for w in WIDTHS]
    assert plan.cells[1].width == (WIDTHS[1] + WIDTHS[2]) // 635 * 635
