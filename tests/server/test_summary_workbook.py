"""The province summary: who reported, each indicator across agencies in natural order, each task with its
lead and coordinators, and a workbook LibreOffice prints in full."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.periods import Period
from desktop.domain.report_snapshot import IndicatorEntry, ReportSnapshot
from server.intake import figures
from server.summary import indicator_sheet, overview_sheet, task_sheet
from server.summary_data import LATE, MISSING, ON_TIME, REJECTED, AgencyReport, indicator_summaries, task_summaries
from tests.sync.report_factory import make_snapshot

PERIOD = Period(2026, 4)


def _indicator(key: str, **values: object) -> IndicatorEntry:
    base = {"group": "", "name": f"Chỉ tiêu {key}", "unit": "%", "kind": "ratio", "plan": "3256/QĐ-UBND",
            "target_text": "100%", "target_value": 100.0}
    return IndicatorEntry(key=key, **{**base, **values})  # type: ignore[arg-type]


def _snapshot(role_first: str, *indicators: IndicatorEntry) -> ReportSnapshot:
    base = make_snapshot(tasks=3, indicators=0)
    tasks = tuple(dataclasses.replace(t, role=role_first if n == 0 else t.role) for n, t in enumerate(base.tasks))
    return dataclasses.replace(base, tasks=tasks, indicators=indicators)


def _reports() -> list[AgencyReport]:
    first = _snapshot("coordinator", _indicator("10", numerator=5, denominator=10), _indicator("2", numerator=9,
                      denominator=10), _indicator("1", kind="level", unit="", target_text="Cấp độ 3",
                                                  target_value=None, level="3"),
                      _indicator("3", not_applicable_reason="Xã không có chợ"))
    second = _snapshot("lead", _indicator("10", numerator=10, denominator=10), _indicator("2", numerator=1,
                       denominator=2), _indicator("3", numerator=1, denominator=1))
    return [AgencyReport("XA-A", "UBND xã An Bình", ON_TIME, 1, "10/12/2026 08:00", figures(first)),
            AgencyReport("XA-B", "UBND xã Bình Thành", LATE, 2, "21/12/2026 09:00",
                         json.loads(json.dumps(figures(second)))),
            AgencyReport("XA-C", "UBND xã Cần Thơ", MISSING), AgencyReport("XA-D", "UBND xã Định An", REJECTED)]


def test_indicators_in_natural_order_with_aggregate_target_and_not_applicable_apart() -> None:
    summaries = indicator_summaries(_reports())
    assert [s.key for s in summaries] == ["1", "2", "3", "10"]
    by_key = {s.key: s for s in summaries}
    assert by_key["10"].aggregate == "15/20 (75%)" and by_key["10"].met == 1 and by_key["10"].reported == 2
    assert by_key["1"].met is None, "no target, no count of agencies meeting it"
    assert by_key["3"].not_applicable == 1 and by_key["3"].reported == 1, "không áp dụng is not a report"


def test_tasks_show_the_lead_first_then_the_coordinators() -> None:
    first = task_summaries(_reports())[0]
    assert [(line.agency, line.role) for line in first.lines] == [("UBND xã Bình Thành", "Chủ trì"),
                                                                 ("UBND xã An Bình", "Phối hợp")]
    assert first.lines[0].status and first.title


def _book(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    reports = _reports()
    overview_sheet(book.active, PERIOD, reports)
    indicator_sheet(book.create_sheet("Chỉ tiêu"), PERIOD, reports)
    task_sheet(book.create_sheet("Nhiệm vụ"), PERIOD, reports)
    out = tmp_path / "tong-hop.xlsx"
    book.save(out)
    return out


def test_the_workbook_has_vietnamese_sheets_and_is_set_up_to_print(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_book(tmp_path))
    assert book.sheetnames == ["Tổng hợp", "Chỉ tiêu", "Nhiệm vụ"]
    overview = [row for row in book["Tổng hợp"].iter_rows(min_row=5, values_only=True) if row[1]]
    assert [row[3] for row in overview] == [ON_TIME, LATE, MISSING, REJECTED]
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$4:$4"
        assert max(d.width for d in sheet.column_dimensions.values()) >= 40
        assert sheet.cell(5, 2).alignment.wrap_text and sheet.cell(5, 2).border.left.style == "thin"
        assert sheet.row_dimensions[5].height
    indicator_rows = list(book["Chỉ tiêu"].iter_rows(min_row=5, values_only=True))
    level = next(row for row in indicator_rows if row[0] == "1")
    assert level[7] is None, "no \"Số cơ quan đạt 0\" for an indicator without a target"


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice absent")
def test_libreoffice_prints_every_agency_and_task_title_in_full(tmp_path: Path) -> None:
    path = _book(tmp_path)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=240)
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "tong-hop.pdf"), "-"], check=True,
                         capture_output=True, text=True).stdout
    printed = " ".join(unicodedata.normalize("NFC", raw).split())
    for title in {t.title for t in task_summaries(_reports())}:
        assert " ".join(title.split()) in printed, title
    assert "UBND xã Định An" in printed and "Bị từ chối" in printed


def test_the_workbook_names_each_state_with_the_dashboards_word(tmp_path: Path) -> None:
    """«Chưa gửi» on the dashboard and the reminder list is «Chưa gửi» in the workbook, not «Chưa báo cáo»."""
    from server.console.routes.period import STATE_LABELS

    book = openpyxl.load_workbook(_book(tmp_path))
    states = [row[3] for row in book["Tổng hợp"].iter_rows(min_row=5, values_only=True) if row[1]]
    assert states == ["Đã gửi đúng hạn", "Trễ hạn", "Chưa gửi", "Bị từ chối"]
    assert [s.lower() for s in states] == [STATE_LABELS[s] for s in ("on_time", "late", "missing", "rejected")]
    counts = " ".join(str(cell) for row in book["Tổng hợp"].iter_rows(values_only=True) for cell in row if cell)
    assert "chưa báo cáo" not in counts.lower() and "chưa gửi: 1" in counts
