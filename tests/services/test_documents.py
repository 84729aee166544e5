"""Report documents from the store: the PDF, and the workbook round trip through ``report fill``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.documents.report_workbook import read_report_workbook
from desktop.errors import InputError
from desktop.models.store import Store
from desktop.services import documents, reports
from tests.services.conftest import TODAY

PERIOD = "2026Q4"


def _set_column(path: Path, header: str, values: dict[str, object]) -> int:
    """Write ``values`` (by ref) into the column titled ``header`` on the sheet holding that header."""
    workbook = load_workbook(path)
    changed = 0
    for sheet in workbook.worksheets:
        cells = {c.value: c.column for row in sheet.iter_rows(max_row=12) for c in row if isinstance(c.value, str)}
        code_col = next((col for name, col in cells.items() if name.strip().lower() == "mã"), None)
        target = next((col for name, col in cells.items() if name.strip().startswith(header)), None)
        if code_col is None or target is None:
            continue
        for row in sheet.iter_rows():
            ref = row[code_col - 1].value
            if ref in values:
                sheet.cell(row=row[0].row, column=target, value=values[ref])
                changed += 1
    workbook.save(path)
    return changed


def test_pdf_of_the_stored_report(demo_store: Store, tmp_path: Path) -> None:
    out = documents.export_pdf(demo_store, "2026Q3", tmp_path / "bao-cao.pdf")
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(raw.split())
    view = reports.open_report(demo_store, "2026Q3", TODAY)
    assert "ỦY BAN NHÂN DÂN XÃ MỸ HIỆP" in text.upper() and "BÁO CÁO" in text
    assert "Quý III năm 2026" in text
    assert all(" ".join(t.title.split()[:6]) in text for t in view.tasks)


def test_workbook_round_trip_through_fill(demo_store: Store, tmp_path: Path) -> None:
    first = documents.export_workbook(demo_store, PERIOD, tmp_path / "bao-cao.xlsx")
    view = reports.open_report(demo_store, PERIOD, TODAY)
    new_results = {t.ref: f"Kết quả mới của {t.key}: đã họp triển khai" for t in view.tasks[:5]}
    assert _set_column(first, "Kết quả thực hiện", new_results) >= 5
    result = documents.fill_from_workbook(demo_store, PERIOD, first)
    assert result.tasks == len(view.tasks)
    after = {t.ref: t.result for t in reports.open_report(demo_store, PERIOD, TODAY).tasks}
    assert all(after[ref] == text for ref, text in new_results.items())
    second = documents.export_workbook(demo_store, PERIOD, tmp_path / "bao-cao-2.xlsx")
    assert read_report_workbook(second).tasks == read_report_workbook(first).tasks
    assert read_report_workbook(second).indicators == read_report_workbook(first).indicators


def test_one_bad_cell_and_nothing_is_taken(demo_store: Store, tmp_path: Path) -> None:
    path = documents.export_workbook(demo_store, PERIOD, tmp_path / "bao-cao.xlsx")
    view = reports.open_report(demo_store, PERIOD, TODAY)
    good, bad = view.tasks[0].ref, view.tasks[1].ref
    _set_column(path, "Kết quả thực hiện", {good: "Giá trị không được lấy"})
    _set_column(path, "Tình trạng", {bad: "xong rồi"})
    with pytest.raises(InputError) as refused:
        documents.fill_from_workbook(demo_store, PERIOD, path)
    assert "bao-cao.xlsx" in refused.value.message_vi and "xong rồi" in refused.value.message_vi
    assert reports.open_report(demo_store, PERIOD, TODAY).tasks[0].result != "Giá trị không được lấy"
