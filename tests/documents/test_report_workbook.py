"""The report workbook: written print-ready, filled by hand, read back to the same values."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from desktop.documents.pdf_tables import indicator_cells, task_cells
from desktop.documents.report_workbook import read_report_workbook, write_report_workbook
from desktop.documents.report_workbook_layout import FIRST_DATA_ROW, INDICATOR_SHEET, TASK_SHEET
from desktop.domain.report_snapshot import ReportSnapshot
from desktop.errors import InputError
from tests.sync.report_factory import make_snapshot

TASK_REF = "3256/QĐ-UBND::I.1"
INDICATOR_REF = "3256/QĐ-UBND::CT.1"


def _columns(sheet: Any) -> dict[str, str]:
    """Header text → column letter."""
    return {cell.value: cell.column_letter for cell in sheet[FIRST_DATA_ROW - 2] if cell.value}


def _row_of(sheet: Any, ref: str) -> int:
    ref_column = _columns(sheet)["Mã"]
    return next(cell.row for cell in sheet[ref_column] if cell.value == ref)


def _apply(snapshot: ReportSnapshot, tasks: dict[str, dict[str, Any]],
           indicators: dict[str, dict[str, Any]]) -> ReportSnapshot:
    return dataclasses.replace(
        snapshot,
        tasks=tuple(dataclasses.replace(t, **tasks[f"{t.plan}::{t.key}"]) for t in snapshot.tasks),
        indicators=tuple(dataclasses.replace(i, **indicators[f"{i.plan}::{i.key}"]) for i in snapshot.indicators))


def test_written_values_read_back_unchanged(tmp_path: Path) -> None:
    snapshot = make_snapshot(tasks=12, indicators=5)
    values = read_report_workbook(write_report_workbook(snapshot, tmp_path / "bc.xlsx"))
    assert values.problems == []
    assert _apply(snapshot, values.tasks, values.indicators) == snapshot


def test_round_trip_of_hand_filled_values(tmp_path: Path) -> None:
    snapshot = make_snapshot(tasks=12, indicators=5)
    path = write_report_workbook(snapshot, tmp_path / "bc.xlsx")
    workbook = load_workbook(path)
    tasks, indicators = workbook[TASK_SHEET], workbook[INDICATOR_SHEET]
    t, row = _columns(tasks), _row_of(tasks, TASK_REF)
    tasks[f"{t['Tình trạng']}{row}"] = "đang TRIỂN KHAI"
    tasks[f"{t['Tỷ lệ hoàn thành (%)']}{row}"] = "99,5"
    tasks[f"{t['Kết quả thực hiện']}{row}"] = "  Đã số hóa 1.250 hồ sơ.  "
    tasks[f"{t['Đề xuất, kiến nghị']}{row}"] = "Bổ sung máy quét"
    tasks[f"{t['Khó khăn, vướng mắc']}{row}"] = None
    i, irow = _columns(indicators), _row_of(indicators, INDICATOR_REF)
    indicators[f"{i['Tử số']}{irow}"] = "1.250"
    indicators[f"{i['Mẫu số']}{irow}"] = 1300
    indicators[f"{i['Ghi chú']}{irow}"] = "Số liệu ước đến 14/12"
    workbook.save(path)

    first = read_report_workbook(path)
    assert first.problems == []
    assert first.tasks[TASK_REF] == {"status": "in_progress", "percent": 99.5, "result": "Đã số hóa 1.250 hồ sơ.",
                                     "difficulties": None, "proposals": "Bổ sung máy quét",
                                     "not_applicable_reason": None}
    assert first.indicators[INDICATOR_REF] == {"numerator": 1250.0, "denominator": 1300.0, "value": None,
                                               "level": None, "note": "Số liệu ước đến 14/12",
                                               "not_applicable_reason": None}
    again = write_report_workbook(_apply(snapshot, first.tasks, first.indicators), tmp_path / "again.xlsx")
    second = read_report_workbook(again)
    assert (second.tasks, second.indicators, second.problems) == (first.tasks, first.indicators, [])


def test_every_bad_cell_is_named(tmp_path: Path) -> None:
    path = write_report_workbook(make_snapshot(tasks=6, indicators=3), tmp_path / "bc.xlsx")
    workbook = load_workbook(path)
    tasks, indicators = workbook[TASK_SHEET], workbook[INDICATOR_SHEET]
    t, row = _columns(tasks), _row_of(tasks, TASK_REF)
    tasks[f"{t['Tình trạng']}{row}"] = "xong rồi"
    tasks[f"{t['Tỷ lệ hoàn thành (%)']}{row + 1}"] = 120
    tasks[f"{t['Mã']}{row + 2}"] = TASK_REF
    tasks[f"{t['Mã']}{row + 3}"] = "không có mã"
    i, irow = _columns(indicators), _row_of(indicators, INDICATOR_REF)
    indicators[f"{i['Tử số']}{irow}"] = "nhiều"
    workbook.save(path)

    values = read_report_workbook(path)
    found = {(p.sheet, p.cell): p for p in values.problems}
    assert set(found) == {(TASK_SHEET, f"{t['Tình trạng']}{row}"),
                          (TASK_SHEET, f"{t['Tỷ lệ hoàn thành (%)']}{row + 1}"),
                          (TASK_SHEET, f"{t['Mã']}{row + 2}"), (TASK_SHEET, f"{t['Mã']}{row + 3}"),
                          (INDICATOR_SHEET, f"{i['Tử số']}{irow}")}
    assert "xong rồi" in found[(TASK_SHEET, f"{t['Tình trạng']}{row}")].message_vi
    assert "hai lần" in found[(TASK_SHEET, f"{t['Mã']}{row + 2}")].message_vi
    assert "not a number" in found[(INDICATOR_SHEET, f"{i['Tử số']}{irow}")].message_en
    assert TASK_REF not in values.tasks and INDICATOR_REF not in values.indicators


def test_a_cell_formatted_as_percentage_reads_as_percent(tmp_path: Path) -> None:
    path = write_report_workbook(make_snapshot(tasks=2, indicators=0), tmp_path / "bc.xlsx")
    workbook = load_workbook(path)
    sheet = workbook[TASK_SHEET]
    cell = sheet[f"{_columns(sheet)['Tỷ lệ hoàn thành (%)']}{_row_of(sheet, TASK_REF)}"]
    cell.value, cell.number_format = 0.6, "0%"
    workbook.save(path)
    assert read_report_workbook(path).tasks[TASK_REF]["percent"] == pytest.approx(60.0)


def test_layout_is_print_ready(tmp_path: Path) -> None:
    workbook = load_workbook(write_report_workbook(make_snapshot(tasks=8, indicators=3), tmp_path / "bc.xlsx"))
    assert workbook.sheetnames == [TASK_SHEET, INDICATOR_SHEET]
    sheet = workbook[TASK_SHEET]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$5:$6"
    assert sheet["A1"].value == "Phụ lục I" and sheet["A2"].value == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ IV NĂM 2026"
    validation = sheet.data_validations.dataValidation[0]
    assert "Hoàn thành quá hạn" in validation.formula1
    row = _row_of(sheet, TASK_REF)
    assert sheet[f"{_columns(sheet)['Tình trạng']}{row}"].value == "Hoàn thành"
    assert sheet[f"B{row}"].alignment.wrap_text and sheet[f"B{row}"].border.left.style == "thin"



def test_stt_matches_the_pdf(tmp_path: Path) -> None:
    """An officer reads the workbook beside the PDF: each row carries the number the PDF prints ("II.3",
    "CT.1"), not the number within its section, which repeats in every section."""
    snapshot = make_snapshot(tasks=8, indicators=3)
    workbook = load_workbook(write_report_workbook(snapshot, tmp_path / "bc.xlsx"))
    for sheet_name, items, cells in ((TASK_SHEET, snapshot.tasks, lambda n, t: task_cells(t)),
                                     (INDICATOR_SHEET, snapshot.indicators, indicator_cells)):
        sheet = workbook[sheet_name]
        for number, item in enumerate(items, start=1):
            assert sheet[f"A{_row_of(sheet, f'{item.plan}::{item.key}')}"].value == cells(number, item)[0][0]
    tasks = workbook[TASK_SHEET]
    numbers = [tasks[f"A{_row_of(tasks, f'{t.plan}::{t.key}')}"].value for t in snapshot.tasks]
    assert len(set(numbers)) == len(numbers) and all("." in n for n in numbers)


def test_a_workbook_that_is_not_a_report_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "khac.xlsx"
    other = Workbook()
    other.active["A1"] = "Danh sách cán bộ"
    other.save(path)
    with pytest.raises(InputError) as raised:
        read_report_workbook(path)
    assert "khac.xlsx" in raised.value.message_vi and raised.value.code == "not_a_report_workbook"


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    path = write_report_workbook(make_snapshot(tasks=1, indicators=0), tmp_path / "lon.xlsx")
    workbook = load_workbook(path)
    workbook[TASK_SHEET].cell(10_005, 2, "dòng thừa")
    workbook.save(path)
    with pytest.raises(InputError) as raised:
        read_report_workbook(path)
    assert raised.value.code == "workbook_too_many_rows" and "lon.xlsx" in raised.value.message_en


def test_a_file_over_20_mb_is_refused_before_opening(tmp_path: Path) -> None:
    path = tmp_path / "qua-lon.xlsx"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(InputError) as raised:
        read_report_workbook(path)
    assert raised.value.code == "workbook_too_large" and "qua-lon.xlsx" in raised.value.message_vi


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "bc.xlsx"
    out.write_bytes(b"previous")
    broken = dataclasses.replace(make_snapshot(tasks=1, indicators=0), tasks=(
        dataclasses.replace(make_snapshot(tasks=1).tasks[0], status="no_such_status"),))
    with pytest.raises(InputError):
        write_report_workbook(broken, out)
    assert out.read_bytes() == b"previous" and [p.name for p in tmp_path.iterdir()] == ["bc.xlsx"]
