"""The console judges an agency by the same deadline its app showed: the earliest among the plans it holds.

A real server publishes two plans; the Sở sets the 2026Q4 deadline for each plan (an early one for one plan,
a later one for the other) and a still later province-wide one. A commune's device pulls its assignment
package and computes its deadline with the app's rule (``agency_schedule``); it then sends its report
(now, after the early deadline). The dashboard and the summary workbook name the early date and call
the report late, and the consolidated report counts it among the late ones — with the province-wide date
alone it would be on time.
"""

from __future__ import annotations

import io
import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from openpyxl import load_workbook

from desktop.documents.sample_plan_data import AN_GIANG_594, DONG_THAP_3256
from desktop.documents.sample_plans import write_sample_plan
from desktop.domain.periods import Period, format_date, vietnam_time
from desktop.domain.plan_deadlines import agency_schedule
from desktop.sync.sync_run import RECEIPTED, run_sync
from tests.console.console_server import ConsoleServer, csrf_of
from tests.e2e.file_outbox import FileOutbox
from tests.e2e.province_server import Device

PERIOD = Period(2026, 4)
AGENCY = "XA-HAN-KH"


def _set(console: ConsoleServer, day: datetime, plan: str = "") -> str:
    label = format_date(day.date())
    console.admin("schedule", "set", PERIOD.code, "--deadline", label, *(["--plan", plan] if plan else []))
    return label


def test_an_agency_is_judged_by_the_earliest_deadline_among_its_plans(console: ConsoleServer,
                                                                       tmp_path: Path) -> None:
    for plan in (AN_GIANG_594, DONG_THAP_3256):
        console.admin("plan", "import", str(write_sample_plan(plan, tmp_path / plan.file_name)))
    device = console.enroll(AGENCY)
    codes = [p["plan"]["code"] for p in _package(device)["plans"]]
    assert len(set(codes)) == 2, codes
    today = vietnam_time(datetime.now(UTC))
    # Early: the day after the data window opens (already past); later: weeks ahead (not yet reached).
    early = _set(console, datetime.combine(PERIOD.data_window.start + timedelta(days=1), today.time()), codes[0])
    _set(console, today + timedelta(days=60), codes[1])
    province_wide = _set(console, today + timedelta(days=90))
    package = _package(device)
    shown = agency_schedule(package["schedule"], [p["plan"]["code"] for p in package["plans"]])
    assert format_date(shown.deadline(PERIOD)) == early  # what the commune's app shows

    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(*device.bundle())
    with device.client() as client:
        assert run_sync(client, outbox).with_outcome(RECEIPTED)

    officer = console.login("officer")
    dashboard = officer.get(f"/console/period?period={PERIOD.code}")
    assert dict(re.findall(r'data-agency="([^"]+)" data-state="([^"]+)"', dashboard.text)).get(AGENCY) == "late"
    assert early in dashboard.text and province_wide not in dashboard.text
    assert early in officer.get(f"/console/schedule?period={PERIOD.code}").text

    book = load_workbook(io.BytesIO(_ok(officer.get(f"/console/summary/workbook?period={PERIOD.code}")).content))
    sheet = book.active
    assert early in str(sheet["A2"].value)
    assert {str(row[1]): str(row[3]) for row in sheet.iter_rows(min_row=5, values_only=True)}.get(AGENCY) == "Trễ hạn"

    console.admin("province", "set", "--name", "Đồng Tháp")
    summary = officer.get(f"/console/summary?period={PERIOD.code}")
    answer = _ok(officer.post("/console/summary/report", data={"csrf": csrf_of(summary.text),
                                                               "period": PERIOD.code, "format": "pdf"}))
    (tmp_path / "tong-hop.pdf").write_bytes(answer.content)
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(tmp_path / "tong-hop.pdf"), "-"], check=True,
                                   capture_output=True, text=True, timeout=120).stdout.split())
    assert "0 báo cáo đúng hạn" in text and "1 báo cáo trễ hạn" in text, text[:2000]
    assert re.search(rf"Các cơ quan báo cáo trễ hạn: [^.]*UBND xã {AGENCY}", text), text[:2000]


def _package(device: Device) -> dict[str, Any]:
    """The assignment package as the device's app receives it (verified against the pinned province key)."""
    with device.client() as client:
        package = client.pull_assignments(None).package
    assert package is not None
    return package


def _ok(answer: httpx.Response) -> httpx.Response:
    assert answer.status_code == 200, answer.text[:500]
    return answer
