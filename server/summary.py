"""The province's consolidated workbook for one period, print-ready.

"Tổng hợp": every agency — reported on time, late, not yet, or refused — with the revision, when the
province received it (Vietnam time; receipt time, not signing time, decides on time or late) and whether the
report's PDF came digitally signed ("Đã ký số": both signatures valid, not all, invalid, or untrusted).
"Chỉ tiêu": each indicator in natural order (1, 2, … 10) with the province's aggregate where adding up
makes sense and how many agencies met the target (only for indicators with one), then each agency's value;
"không áp dụng" is counted apart, not as a report. "Nhiệm vụ": each task with the lead's status and
percent, then the coordinators'. Landscape A4 fit to width, widths, wrapping, borders and print titles.
The rows come from ``summary_data``; ``summary_workbook`` returns the workbook for a caller that streams it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.documents.sheet_print import fit_rows, print_landscape
from desktop.domain.numbers import format_number
from desktop.domain.periods import Period, Schedule, format_date
from desktop.sync.atomic_file import atomic_output
from server.db import Database
from server.models import Agency, ReceiptRecord, SignedDocument, StoredBundle
from server.schedule import province_schedule
from server.summary_data import (
    SIGNED_COLUMN,
    AgencyReport,
    agency_reports,
    indicator_summaries,
    state_counts,
    task_summaries,
)

OVERVIEW_SHEET, INDICATOR_SHEET, TASK_SHEET = "Tổng hợp", "Chỉ tiêu", "Nhiệm vụ"
FONT = "Times New Roman"
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_ROW = 4
_LEFT = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(wrap_text=True, horizontal="center", vertical="top")
_MIDDLE = Alignment(wrap_text=True, horizontal="center", vertical="center")

Column = tuple[str, float, bool]  # header, width (characters), centred


def write_summary(db: Database, period_code: str, out: Path) -> tuple[int, int]:
    """Write the workbook for ``period_code`` to ``out`` atomically; returns (agencies reported, agencies)."""
    book, reports = summary_workbook(db, period_code)
    with atomic_output(out) as handle:
        book.save(handle)
    return sum(1 for r in reports if r.revision is not None), len(reports)


def summary_workbook(db: Database, period_code: str) -> tuple[Workbook, list[AgencyReport]]:
    """The summary workbook of ``period_code`` and the agencies' states it was built from."""
    period = Period.parse(period_code)
    schedule = province_schedule(db)
    reports = load_reports(db, period, schedule)
    book = openpyxl.Workbook()
    overview_sheet(book.active, period, reports, schedule=schedule)
    indicator_sheet(book.create_sheet(INDICATOR_SHEET), period, reports, schedule=schedule)
    task_sheet(book.create_sheet(TASK_SHEET), period, reports, schedule=schedule)
    book.properties.title = f"Tổng hợp báo cáo {period.label('vi')}"
    book.properties.language = "vi-VN"
    return book, reports


def load_reports(db: Database, period: Period, schedule: Schedule | None = None) -> list[AgencyReport]:
    """Every agency with its latest accepted bundle of ``period`` (or why it has none), on time or late by
    ``schedule`` (by default the deadlines the Sở set)."""
    schedule = schedule or province_schedule(db)
    with db.transaction() as session:
        agencies = [(a.code, a.name, a.id) for a in session.scalars(select(Agency).order_by(Agency.code))]
        codes = {agency_id: code for code, _, agency_id in agencies}
        latest: dict[str, StoredBundle] = {}
        for bundle in session.scalars(select(StoredBundle).where(StoredBundle.period == period.code)):
            code = codes.get(bundle.agency_id)
            if code is not None and (code not in latest or bundle.revision > latest[code].revision):
                latest[code] = bundle
        # A receipt names no period; the bundle id does ("<agency>-<period>-r<revision>-…").
        marker = f"-{period.code}-r"
        rejected = {r.agency_code for r in session.scalars(select(ReceiptRecord).where(
            ReceiptRecord.status == "rejected", ReceiptRecord.bundle_id.contains(marker))) if r.agency_code}
        documents = signed_documents(session, [bundle.sha256 for bundle in latest.values()])
        return agency_reports(period, [(code, name) for code, name, _ in agencies], latest, rejected, documents,
                              schedule=schedule)


def signed_documents(session: Session, bundle_hashes: Sequence[str]) -> dict[str, list[tuple[str, bool]]]:
    """For each bundle SHA-256, the verdicts (and completeness) on the signed PDFs that followed it, oldest first."""
    found: dict[str, list[tuple[str, bool]]] = {}
    if bundle_hashes:
        for row in session.execute(select(SignedDocument.bundle_sha256, SignedDocument.verdict, SignedDocument.complete)
                                   .where(SignedDocument.bundle_sha256.in_(list(bundle_hashes)))
                                   .order_by(SignedDocument.received_at, SignedDocument.id)):
            found.setdefault(row.bundle_sha256, []).append((row.verdict, bool(row.complete)))
    return found


def overview_sheet(sheet: Worksheet, period: Period, reports: Sequence[AgencyReport], *,
                   schedule: Schedule | None = None) -> None:
    """ "Tổng hợp": one row per agency, then the counts."""
    sheet.title = OVERVIEW_SHEET
    columns: list[Column] = [("STT", 6, True), ("Mã cơ quan", 14, True), ("Cơ quan", 48, False),
                             ("Tình trạng", 16, True), ("Lần", 6, True), ("Nhận lúc (giờ Việt Nam)", 20, True),
                             (SIGNED_COLUMN, 18, True)]
    _title(sheet, f"TÌNH HÌNH GỬI BÁO CÁO {period.label('vi').upper()}", _deadline_line(period, schedule), columns)
    rows = [[n, r.code, r.name, r.state, r.revision, r.received, r.signed] for n, r in enumerate(reports, start=1)]
    last = _table(sheet, columns, rows)
    counts = state_counts(reports)
    summary = "; ".join(f"{state.lower()}: {count}" for state, count in counts.items())
    cell = sheet.cell(last + 2, 1, f"Tổng số {len(reports)} cơ quan — {summary}.")
    cell.font = Font(name=FONT, size=12, bold=True)
    sheet.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=len(columns))
    _finish(sheet, columns, last + 2)


def indicator_sheet(sheet: Worksheet, period: Period, reports: Sequence[AgencyReport], *,
                    schedule: Schedule | None = None) -> None:
    """ "Chỉ tiêu": each indicator's row (aggregate, against the target), then one row per agency."""
    columns: list[Column] = [("STT", 6, True), ("Chỉ tiêu / Cơ quan", 52, False), ("Đơn vị tính", 10, True),
                             ("Chỉ tiêu giao", 16, True), ("Kết quả", 20, True), ("Đánh giá", 12, True),
                             ("Số cơ quan báo cáo", 12, True), ("Số cơ quan đạt", 12, True),
                             ("Không áp dụng", 12, True)]
    _title(sheet, f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU {period.label('vi').upper()}", _deadline_line(period, schedule),
           columns)
    rows: list[list[object]] = []
    bold: list[int] = []
    for summary in indicator_summaries(reports):
        bold.append(len(rows))
        met = summary.met
        rows.append([summary.key, f"{summary.name} (toàn tỉnh)", summary.unit, summary.target_text,
                     summary.aggregate, "", summary.reported, "" if met is None else met, summary.not_applicable])
        verdicts = {True: "Đạt", False: "Chưa đạt", None: ""}
        rows += [["", f"- {line.agency}", "", "", line.value_text, verdicts[line.met], "", "", ""]
                 for line in summary.lines]
    last = _table(sheet, columns, rows, bold_rows=bold)
    _finish(sheet, columns, last)


def task_sheet(sheet: Worksheet, period: Period, reports: Sequence[AgencyReport], *,
               schedule: Schedule | None = None) -> None:
    """ "Nhiệm vụ": each task, then the lead's and the coordinators' status and percent."""
    columns: list[Column] = [("STT", 8, True), ("Nhiệm vụ / Cơ quan", 60, False), ("Vai trò", 12, True),
                             ("Tình trạng", 20, True), ("Tỷ lệ hoàn thành (%)", 12, True)]
    _title(sheet, f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ {period.label('vi').upper()}", _deadline_line(period, schedule),
           columns)
    rows: list[list[object]] = []
    bold: list[int] = []
    plan = None
    for task in task_summaries(reports):
        if task.plan != plan:
            bold.append(len(rows))
            rows.append(["", task.plan, "", "", ""])
            plan = task.plan
        bold.append(len(rows))
        rows.append([task.key, task.title, "", "", ""])
        rows += [["", f"- {line.agency}", line.role, line.status,
                  format_number(line.percent) if line.percent is not None else ""] for line in task.lines]
    last = _table(sheet, columns, rows, bold_rows=bold)
    _finish(sheet, columns, last)


def _deadline_line(period: Period, schedule: Schedule | None) -> str:
    return f"(Hạn gửi báo cáo: trước ngày {format_date((schedule or Schedule()).deadline(period))})"


def _title(sheet: Worksheet, title: str, subtitle: str, columns: Sequence[Column]) -> None:
    for row, text, font in ((1, title, Font(name=FONT, size=14, bold=True)),
                            (2, subtitle, Font(name=FONT, size=12, italic=True))):
        cell = sheet.cell(row, 1, text)
        cell.font, cell.alignment = font, _MIDDLE
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(columns))
    for index, (header, width, _) in enumerate(columns, start=1):
        cell = sheet.cell(_HEAD_ROW, index, header)
        cell.font, cell.alignment, cell.border = Font(name=FONT, size=12, bold=True), _MIDDLE, _BOX
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = width


def _table(sheet: Worksheet, columns: Sequence[Column], rows: Sequence[Sequence[object]],
           bold_rows: Sequence[int] = ()) -> int:
    """Write ``rows`` under the header with borders and wrapping; returns the last row written."""
    regular, strong = Font(name=FONT, size=12), Font(name=FONT, size=12, bold=True)
    emphasised = set(bold_rows)
    row = _HEAD_ROW
    for number, values in enumerate(rows):
        row = _HEAD_ROW + 1 + number
        for index, (value, (_, _, centred)) in enumerate(zip(values, columns, strict=True), start=1):
            cell = sheet.cell(row, index, None if value == "" else value)
            cell.font = strong if number in emphasised else regular
            cell.alignment, cell.border = (_CENTRE if centred else _LEFT), _BOX
    return row


def _finish(sheet: Worksheet, columns: Sequence[Column], last_row: int) -> None:
    widths = [width for _, width, _ in columns]
    fit_rows(sheet, _HEAD_ROW, max(last_row, _HEAD_ROW), widths)
    print_landscape(sheet, title_rows=f"{_HEAD_ROW}:{_HEAD_ROW}", last_printed_column=len(columns),
                    last_row=last_row)
    sheet.freeze_panes = f"A{_HEAD_ROW + 1}"
