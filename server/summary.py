"""The province's consolidated workbook for one period: who reported, on time or late, values against targets.

Sheet "Tong hop": one row per agency — reported or not, the latest revision, when the province received
it (Vietnam time) and whether that was before the period's deadline (``desktop.domain.periods``).
Sheet "Chi tieu": one row per agency and indicator of its latest revision — value against target.
Sheet "Toan tinh": one row per indicator — how many agencies reported it, met its target, and the mean.
Receipt time, not the time the agency signed, decides on time or late: it is the province's own clock.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font
from sqlalchemy import select

from desktop.domain.periods import DEFAULT_SCHEDULE, Period, format_date, timeliness, vietnam_time
from desktop.sync.atomic_file import atomic_output
from server.db import Database
from server.models import Agency, StoredBundle

_TIMELINESS_VI = {"on_time": "Đúng hạn", "late": "Trễ hạn"}


def write_summary(db: Database, period_code: str, out: Path) -> tuple[int, int]:
    """Write the workbook for ``period_code`` to ``out`` atomically; returns (agencies reported, agencies)."""
    period = Period.parse(period_code)
    agencies, latest = _load(db, period.code)
    book = openpyxl.Workbook()
    overview = book.active
    overview.title = "Tong hop"
    _header(overview, ["Mã", "Cơ quan", "Đã báo cáo", "Lần", "Nhận lúc", "Đúng hạn/Trễ hạn"])
    for agency in agencies:
        bundle = latest.get(agency.id)
        if bundle is None:
            overview.append([agency.code, agency.name, "Chưa", None, None, None])
            continue
        received = datetime.fromtimestamp(bundle.received_at, UTC)
        overview.append([agency.code, agency.name, "Có", bundle.revision,
                         vietnam_time(received).strftime("%d/%m/%Y %H:%M"),
                         _TIMELINESS_VI[timeliness(period, received)]])
    details = book.create_sheet("Chi tieu")
    _header(details, ["Mã cơ quan", "Chỉ tiêu", "Tên", "Đơn vị", "Chỉ tiêu giao", "Giá trị", "Đạt"])
    totals: dict[tuple[str, str], dict[str, Any]] = {}
    for agency in agencies:
        bundle = latest.get(agency.id)
        if bundle is None:
            continue
        for indicator in json.loads(bundle.figures).get("indicators", []):
            value = _value(indicator)
            met = _met(indicator, value)
            details.append([agency.code, indicator.get("key"), indicator.get("name"), indicator.get("unit"),
                            indicator.get("target_text"), value if value is not None else indicator.get("level"),
                            {True: "Đạt", False: "Chưa đạt", None: None}[met]])
            total = totals.setdefault((str(indicator.get("key")), str(indicator.get("name"))),
                                      {"unit": indicator.get("unit"), "reported": 0, "met": 0, "values": []})
            total["reported"] += 1
            total["met"] += met is True
            if value is not None:
                total["values"].append(value)
    province = book.create_sheet("Toan tinh")
    _header(province, ["Chỉ tiêu", "Tên", "Đơn vị", "Số cơ quan báo cáo", "Số cơ quan đạt", "Bình quân"])
    for (key, name), total in sorted(totals.items()):
        values = total["values"]
        province.append([key, name, total["unit"], total["reported"], total["met"],
                         round(sum(values) / len(values), 2) if values else None])
    overview.append([])
    overview.append([f"Kỳ {period.label('vi')}; hạn nộp trước ngày {format_date(DEFAULT_SCHEDULE.deadline(period))}",
                     None, f"{len(latest)}/{len(agencies)}"])
    with atomic_output(out) as handle:
        book.save(handle)
    return len(latest), len(agencies)


def _load(db: Database, period: str) -> tuple[list[Agency], dict[int, StoredBundle]]:
    with db.transaction() as session:
        agencies = list(session.scalars(select(Agency).order_by(Agency.code)))
        latest: dict[int, StoredBundle] = {}
        for bundle in session.scalars(select(StoredBundle).where(StoredBundle.period == period)):
            current = latest.get(bundle.agency_id)
            if current is None or bundle.revision > current.revision:
                latest[bundle.agency_id] = bundle
    return agencies, latest


def _value(indicator: dict[str, Any]) -> float | None:
    if isinstance(indicator.get("value"), int | float):
        return float(indicator["value"])
    numerator, denominator = indicator.get("numerator"), indicator.get("denominator")
    if isinstance(numerator, int | float) and isinstance(denominator, int | float) and denominator:
        return round(100.0 * numerator / denominator, 2)
    return None


def _met(indicator: dict[str, Any], value: float | None) -> bool | None:
    target = indicator.get("target_value")
    if value is None or not isinstance(target, int | float):
        return None
    return value >= target


def _header(sheet: Any, titles: list[str]) -> None:
    sheet.append(titles)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
