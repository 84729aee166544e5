"""The period dashboard's five states, its "last seen" column and filters, and the list of agencies to remind.

2026Q4 (data window from 15/09/2026, deadline 01/12/2026): one commune reported on time, one had its 2026Q4
bundle refused, one had only a 2026Q3 resend refused during 2026Q4's window (it has still sent nothing for
2026Q4: "chưa gửi", not "bị từ chối"), one is uploading, and one department sent nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from desktop.domain.periods import VIETNAM_TZ, Period
from desktop.sync.device_keys import ProvinceKeys, generate_device_key
from desktop.sync.receipt import Receipt, make_receipt, receipt_time
from server.app import create_app
from server.config import Settings
from server.console.users import add_user
from server.db import Database
from server.models import Agency, Device, ReceiptRecord, StoredBundle, Upload
from tests.server.inprocess import TestClient

PERIOD = Period(2026, 4)
PASSWORD = "mật khẩu bảng kỳ 2026"
AGENCIES = {"XA-DUNGHAN": "commune", "XA-TUCHOI": "commune", "XA-QUYCU": "commune", "XA-DANGGUI": "commune",
            "SO-CONGTHUONG": "department"}
STATES = {"XA-DUNGHAN": "on_time", "XA-TUCHOI": "rejected", "XA-QUYCU": "missing", "XA-DANGGUI": "pending",
          "SO-CONGTHUONG": "missing"}
UPLOADING = datetime(2026, 11, 20, 14, 35, tzinfo=VIETNAM_TZ)
REFUSED = datetime(2026, 10, 5, 8, 0, tzinfo=VIETNAM_TZ)


def _seconds(moment: datetime) -> int:
    return int(moment.timestamp())


def _refusal(keys: ProvinceKeys, agency: str, period: str, n: int) -> dict[str, object]:
    """A stored refusal of verified bytes (a replayed sequence), as the intake keeps it."""
    sha = f"{n:064x}"
    receipt = Receipt(bundle_sha256=sha, bundle_id=f"{agency}-{period}-r1", agency=agency, period=period,
                      revision=1, received_at=receipt_time(REFUSED.astimezone(UTC)), status="rejected",
                      message_vi="Gói bị lặp lại.", message_en="Replayed bundle.", code="replay")
    return {"sha256": sha, "bundle_id": receipt.bundle_id, "agency_code": agency, "status": "rejected",
            "code": "replay", "envelope": make_receipt(receipt, keys.signing), "created_at": _seconds(REFUSED)}


def _seed(db: Database, keys: ProvinceKeys) -> None:
    ids = {code: n + 1 for n, code in enumerate(AGENCIES)}
    with db.connection() as connection:
        connection.execute(insert(Agency), [
            {"code": code, "name": f"Cơ quan {code}", "parent_name": "TỈNH ĐỒNG THÁP", "kind": kind,
             "created_at": 0, "chain": "{}"} for code, kind in AGENCIES.items()])
        connection.execute(insert(StoredBundle), [
            {"agency_id": ids["XA-DUNGHAN"], "bundle_id": "b1", "sha256": "a" * 64, "period": PERIOD.code,
             "revision": 1, "sequence": 1, "size": 1000, "signed_at": "2026-11-10T00:00:00Z",
             "received_at": _seconds(datetime(2026, 11, 10, 9, 0, tzinfo=VIETNAM_TZ)), "source": "network",
             "figures": "{}"}])
        connection.execute(insert(ReceiptRecord), [_refusal(keys, "XA-TUCHOI", PERIOD.code, 1),
                                                   _refusal(keys, "XA-QUYCU", PERIOD.previous().code, 2)])
        connection.execute(insert(Device), [
            {"key_id": "ed25519:00000000000000aa", "public_key": generate_device_key().public_key().public_bytes_raw(),
             "agency_id": ids["XA-DANGGUI"], "name": "Máy văn phòng", "enrolled_at": 0}])
        connection.execute(insert(Upload), [
            {"id": "u" * 32, "agency_id": ids["XA-DANGGUI"], "device_id": 1, "bundle_id": "b2", "sha256": "b" * 64,
             "length": 5000, "offset": 1000, "created_at": _seconds(UPLOADING) - 60,
             "updated_at": _seconds(UPLOADING)}])


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    keys = ProvinceKeys.generate()
    app = create_app(Settings.from_env(tmp_path), keys)
    db: Database = app.state.baocao.db
    _seed(db, keys)
    add_user(db, "xem", "viewer", PASSWORD)
    with TestClient(app) as test_client:
        token = re.search(r'name="csrf" value="([^"]+)"', test_client.get("/console/login").text)
        assert token is not None
        answer = test_client.post("/console/login", data={"csrf": token.group(1), "name": "xem",
                                                           "password": PASSWORD}, follow_redirects=False)
        assert answer.status_code == 303
        yield test_client


def _rows(client: TestClient, query: str = "", period: Period = PERIOD) -> dict[str, str]:
    page = client.get(f"/console/period?period={period.code}{query}")
    assert page.status_code == 200
    return dict(re.findall(r'data-agency="([^"]+)" data-state="([^"]+)"', page.text))


def _row_html(html: str, agency: str) -> str:
    match = re.search(rf'<tr data-agency="{agency}"[^>]*>(.*?)</tr>', html, re.S)
    assert match, f"no row for {agency}"
    return match.group(1)


def test_a_refusal_for_another_period_does_not_mark_this_one_rejected(client: TestClient) -> None:
    assert _rows(client) == STATES
    remind = client.get(f"/console/period/remind?period={PERIOD.code}").text
    assert "Cơ quan XA-QUYCU" in _row_html(remind, "XA-QUYCU")
    assert "chưa gửi" in _row_html(remind, "XA-QUYCU") and "bị từ chối" in _row_html(remind, "XA-TUCHOI")
    # On 2026Q3's own dashboard the refused resend is what that commune did.
    assert _rows(client, period=PERIOD.previous())["XA-QUYCU"] == "rejected"


def test_states_last_seen_filters_and_the_remind_list(client: TestClient) -> None:
    page = client.get(f"/console/period?period={PERIOD.code}").text
    assert "20/11/2026 14:35" in _row_html(page, "XA-DANGGUI")
    assert "05/10/2026 08:00" in _row_html(page, "XA-TUCHOI")
    assert "20/11/2026" not in _row_html(page, "SO-CONGTHUONG") and "/2026 " not in _row_html(page, "SO-CONGTHUONG")
    for state in ("rejected", "pending", "on_time"):
        assert _rows(client, f"&state={state}") == {code: s for code, s in STATES.items() if s == state}
    assert _rows(client, "&state=missing") == {"XA-QUYCU": "missing", "SO-CONGTHUONG": "missing"}
    assert _rows(client, "&kind=department") == {"SO-CONGTHUONG": "missing"}
    assert _rows(client, "&state=missing&kind=commune") == {"XA-QUYCU": "missing"}
    remind = client.get(f"/console/period/remind?period={PERIOD.code}").text
    assert set(re.findall(r'<tr data-agency="([^"]+)"', remind)) == {"XA-TUCHOI", "XA-QUYCU", "XA-DANGGUI",
                                                                     "SO-CONGTHUONG"}
