"""«Không thực hiện» and «Không áp dụng» counted as what they are in every document made of a report: a task
not done (its reason under «Khó khăn») is reported, neither done nor missing; a task that does not apply is
named so, with «Lý do không áp dụng», and is not «chưa báo cáo». One report with one task in each state."""

from __future__ import annotations

import subprocess
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.documents.report_text import REF_SEPARATOR
from desktop.domain.periods import Period
from desktop.models.store import Store
from desktop.services import documents, reports
from desktop.services.dashboard import dashboard
from desktop.services.snapshots import report_snapshot
from server.console.consolidated import task_counts
from server.intake import figures
from server.summary import task_sheet
from server.summary_data import ON_TIME, AgencyReport
from tests.services.conftest import TODAY
from tests.services.test_documents import _set_column

PERIOD = "2026Q4"
NOT_DONE_REASON = "Xã chưa được giao kinh phí nên chưa triển khai"
NOT_APPLICABLE_REASON = "Trên địa bàn xã không có cụm công nghiệp"


def _one_of_each(store: Store) -> tuple[str, str, str]:
    """The refs of a task done, one not done with its reason, one not applicable; the others unanswered."""
    refs = [t.ref for t in reports.open_report(store, PERIOD).tasks]
    for ref in refs:
        reports.update_task(store, PERIOD, ref, status=None, percent=None, result=None, difficulties=None,
                            not_applicable_reason=None)
    done, not_done, not_applicable = refs[:3]
    reports.update_task(store, PERIOD, done, status="done", percent=100.0, result="Đã hoàn thành")
    reports.update_task(store, PERIOD, not_done, status="not_done", difficulties=NOT_DONE_REASON)
    reports.update_task(store, PERIOD, not_applicable, not_applicable_reason=NOT_APPLICABLE_REASON)
    return done, not_done, not_applicable


def test_the_pdf_counts_and_names_each_state(demo_store: Store, tmp_path: Path) -> None:
    _one_of_each(demo_store)
    total = len(reports.open_report(demo_store, PERIOD).tasks)
    out = documents.export_pdf(demo_store, PERIOD, tmp_path / "bao-cao.pdf")
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert (f"hoàn thành 1, không thực hiện 1, không áp dụng 1, chưa báo cáo {total - 3}" in text)
    assert f"Lý do không áp dụng: {NOT_APPLICABLE_REASON}" in text
    assert f"Lý do không thực hiện: {NOT_APPLICABLE_REASON}" not in text
    assert NOT_DONE_REASON in text


def test_the_workbook_names_each_state(demo_store: Store, tmp_path: Path) -> None:
    done, not_done, not_applicable = _one_of_each(demo_store)
    out = documents.export_workbook(demo_store, PERIOD, tmp_path / "bao-cao.xlsx")
    sheet = next(s for s in load_workbook(out).worksheets if any(c.value == "Tình trạng" for r in s.iter_rows(
        max_row=12) for c in r))
    header = next(r for r in sheet.iter_rows(max_row=12) if any(c.value == "Tình trạng" for c in r))
    column = {c.value: c.column - 1 for c in header if isinstance(c.value, str)}
    rows = {r[column["Mã"]].value: r for r in sheet.iter_rows(min_row=header[0].row + 1)}
    assert rows[done][column["Tình trạng"]].value == "Hoàn thành"
    assert rows[not_done][column["Tình trạng"]].value == "Không thực hiện"
    assert rows[not_done][column["Khó khăn, vướng mắc"]].value == NOT_DONE_REASON
    assert rows[not_applicable][column["Tình trạng"]].value == "Không áp dụng"
    assert rows[not_applicable][column["Lý do không áp dụng"]].value == NOT_APPLICABLE_REASON


def test_the_workbook_is_read_back_with_each_state_kept(demo_store: Store, tmp_path: Path) -> None:
    """Filled back, «Không áp dụng» in Tình trạng is taken (not refused as an unknown status); a workbook
    exported before, with the reason's column headed «Lý do không thực hiện», is still read."""
    done, not_done, not_applicable = _one_of_each(demo_store)
    out = documents.export_workbook(demo_store, PERIOD, tmp_path / "bao-cao.xlsx")
    documents.fill_from_workbook(demo_store, PERIOD, out)
    workbook = load_workbook(out)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(max_row=12):
            for cell in row:
                if cell.value == "Lý do không áp dụng" and any(c.value == "Tình trạng" for c in row):
                    cell.value = "Lý do không thực hiện"
    workbook.save(out)
    assert _set_column(out, "Lý do không thực hiện", {not_applicable: "Xã không có cụm công nghiệp nào"}) == 1
    documents.fill_from_workbook(demo_store, PERIOD, out)
    tasks = {t.ref: t for t in reports.open_report(demo_store, PERIOD).tasks}
    assert (tasks[done].status, tasks[not_done].status, tasks[not_applicable].status) == ("done", "not_done", None)
    assert tasks[not_done].difficulties == NOT_DONE_REASON
    assert tasks[not_applicable].not_applicable_reason == "Xã không có cụm công nghiệp nào"


def test_the_province_consolidated_report_counts_each_state(demo_store: Store) -> None:
    _one_of_each(demo_store)
    snapshot = report_snapshot(demo_store, PERIOD)
    unanswered = len(snapshot.tasks) - 3
    assert task_counts(snapshot) == (f"nhiệm vụ: {len(snapshot.tasks)} (hoàn thành 1, không thực hiện 1, "
                                     f"không áp dụng 1, chưa báo cáo {unanswered})")


def test_the_province_summary_workbook_names_each_state(demo_store: Store, tmp_path: Path) -> None:
    done, not_done, not_applicable = _one_of_each(demo_store)
    snapshot = report_snapshot(demo_store, PERIOD)
    book = Workbook()
    task_sheet(book.active, Period.parse(PERIOD), [AgencyReport("XA-MH", "UBND xã Mỹ Hiệp", ON_TIME, 1,
                                                                "10/12/2026 08:00", figures(snapshot))])
    book.save(tmp_path / "tong-hop.xlsx")
    rows = list(load_workbook(tmp_path / "tong-hop.xlsx").active.iter_rows(min_row=5, values_only=True))
    keys = {f"{t.plan}{REF_SEPARATOR}{t.key}": t.key for t in snapshot.tasks}
    status = {rows[n][0]: rows[n + 1][3] for n in range(len(rows) - 1) if rows[n][0] and rows[n + 1][1]
              and str(rows[n + 1][1]).startswith("- ")}
    assert status[keys[done]] == "Hoàn thành"
    assert status[keys[not_done]] == "Không thực hiện"
    assert status[keys[not_applicable]] == "Không áp dụng"
    assert not any(status[key] for ref, key in keys.items() if ref not in (done, not_done, not_applicable))


def test_the_home_card_counts_not_done_and_not_applicable_as_answered(demo_store: Store) -> None:
    _one_of_each(demo_store)
    view = reports.open_report(demo_store, PERIOD)
    indicators = sum(1 for i in view.indicators if any(v is not None for v in i.values().values()))
    card = next(c for c in dashboard(demo_store, TODAY).cards if c.period.code == PERIOD)
    assert card.filled == 3 + indicators, "done, not done and not applicable are each answered"
    assert card.unanswered == card.total - card.filled, "none of the three is «chưa nhập»"
