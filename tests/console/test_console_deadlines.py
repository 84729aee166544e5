"""On time or late by the deadlines the Sở sets (``server/schedule.py``), not the plan's default.

Two communes reported 2027Q1 on 18/02 and 10/02/2027, both before the default deadline (20/02/2027).
When the Sở moves the deadline to 15/02/2027 the first becomes late — on the dashboard, in its rates, in
the summary workbook and in the consolidated report's figures; a deadline set for a plan nobody holds (none
is published here) moves nothing, as in the agencies' app (plan-scoped deadlines of published plans:
``test_console_plan_deadlines.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import insert

from desktop.domain.periods import VIETNAM_TZ, Period
from desktop.sync.device_keys import ProvinceKeys
from server.app import create_app
from server.config import Settings
from server.console.period_status import period_status
from server.console.users import add_user
from server.db import Database
from server.models import Agency, StoredBundle
from server.schedule import province_schedule, set_deadline
from server.summary import summary_workbook
from tests.server.inprocess import TestClient

PERIOD = Period(2027, 1)
PASSWORD = "mật khẩu hạn nộp 2026"
RECEIVED = {"XA-MUON": datetime(2027, 2, 18, 9, 0, tzinfo=VIETNAM_TZ),
            "XA-SOM": datetime(2027, 2, 10, 9, 0, tzinfo=VIETNAM_TZ)}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings.from_env(tmp_path), ProvinceKeys.generate())
    db: Database = app.state.baocao.db
    with db.connection() as connection:
        connection.execute(insert(Agency), [
            {"code": code, "name": f"Ủy ban nhân dân xã {code}", "parent_name": "TỈNH ĐỒNG THÁP",
             "kind": "commune", "created_at": 0, "chain": "{}"} for code in RECEIVED])
        connection.execute(insert(StoredBundle), [
            {"agency_id": n + 1, "bundle_id": f"b{n}", "sha256": f"{n:064x}", "period": PERIOD.code, "revision": 1,
             "sequence": 1, "size": 1000, "signed_at": "2027-02-01T00:00:00Z",
             "received_at": int(moment.timestamp()), "source": "network", "figures": "{}"}
            for n, moment in enumerate(RECEIVED.values())])
    add_user(db, "chuyenvien", "viewer", PASSWORD)
    with TestClient(app) as test_client:
        page = test_client.get("/console/login").text
        token = re.search(r'name="csrf" value="([^"]+)"', page)
        assert token is not None
        answer = test_client.post("/console/login", data={"csrf": token.group(1), "name": "chuyenvien",
                                                           "password": PASSWORD}, follow_redirects=False)
        assert answer.status_code == 303
        yield test_client


def _states(page: httpx.Response) -> dict[str, str]:
    assert page.status_code == 200
    return dict(re.findall(r'data-agency="([^"]+)" data-state="([^"]+)"', page.text))


def _rates(page: httpx.Response) -> list[str]:
    return re.findall(r'id="(?:reporting|on-time)-rate">([0-9.]+)%', page.text)


def _overview(db: Database) -> tuple[str, dict[str, str]]:
    book, _reports = summary_workbook(db, PERIOD.code)
    sheet = book.active
    states = {str(row[1]): str(row[3]) for row in sheet.iter_rows(min_row=5, values_only=True) if row[1] in RECEIVED}
    return str(sheet["A2"].value), states


def test_a_deadline_the_so_sets_turns_an_on_time_report_late(client: TestClient) -> None:
    db: Database = client.app.state.baocao.db  # type: ignore[attr-defined]
    dashboard = f"/console/period?period={PERIOD.code}"
    assert _states(client.get(dashboard)) == {"XA-MUON": "on_time", "XA-SOM": "on_time"}
    assert _rates(client.get(dashboard)) == ["100", "100"]
    assert _overview(db)[1] == {"XA-MUON": "Đã gửi đúng hạn", "XA-SOM": "Đã gửi đúng hạn"}

    set_deadline(db, "2027Q1", "15/02/2027", actor="admin")

    page = client.get(dashboard)
    assert _states(page) == {"XA-MUON": "late", "XA-SOM": "on_time"}
    assert _rates(page) == ["100", "50"]
    assert "15/02/2027" in page.text and "20/02/2027" not in page.text
    status = period_status(db, PERIOD)
    assert status.deadline.isoformat() == "2027-02-15" and status.counts["late"] == 1
    title, states = _overview(db)
    assert states == {"XA-MUON": "Trễ hạn", "XA-SOM": "Đã gửi đúng hạn"}
    assert "15/02/2027" in title
    assert "15/02/2027" in client.get(f"/console/schedule?period={PERIOD.code}").text


def test_an_every_year_deadline_applies_and_a_plan_only_one_does_not(client: TestClient) -> None:
    db: Database = client.app.state.baocao.db  # type: ignore[attr-defined]
    dashboard = f"/console/period?period={PERIOD.code}"
    set_deadline(db, "Q1", "05/02", plan_code="45/KH-UBND", actor="admin")
    assert _states(client.get(dashboard)) == {"XA-MUON": "on_time", "XA-SOM": "on_time"}
    assert province_schedule(db, "45/KH-UBND").deadline(PERIOD).isoformat() == "2027-02-05"

    set_deadline(db, "Q1", "12/02", actor="admin")
    assert _states(client.get(dashboard)) == {"XA-MUON": "late", "XA-SOM": "on_time"}
    assert province_schedule(db).deadline(Period(2028, 1)).isoformat() == "2028-02-12"
    # A one-period deadline wins over the every-year one, for that period only.
    set_deadline(db, "2027Q1", "25/02/2027", actor="admin")
    assert _states(client.get(dashboard)) == {"XA-MUON": "on_time", "XA-SOM": "on_time"}
    assert province_schedule(db).deadline(Period(2028, 1)).isoformat() == "2028-02-12"
