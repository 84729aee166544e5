"""An agency's phone number, so that the Sở can call the ones it must remind: typed on the «Cơ quan» page's add
form or with ``baocao-server agency add --phone`` / ``agency phone``, shown on the agencies list and in the
printable reminder list. A database made before the numbers were kept gains their table when the server starts."""

from __future__ import annotations

import html
import re
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from desktop.errors import InputError
from server.db import Database
from server.enrollment import add_agency, agency_phones, set_agency_phone
from tests.console.console_server import ConsoleServer, csrf_of

TYPED, CALLED = ("XA-GOIDIEN", "0277  3851 234"), ("XA-NHACNHO", "+84 909 123 456")


def _row(page: str, table: str, agency: str) -> list[str]:
    found = re.search(rf'<table class="grid" id="{table}">.*?<tr data-agency="{agency}">(.*?)</tr>', page, re.S)
    assert found, f"no row {agency} in {table}"
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split())
            for c in re.findall(r"<td[^>]*>(.*?)</td>", found.group(1), re.S)]


def test_the_phone_typed_on_the_add_form_or_the_command_is_on_the_reminder_list(console: ConsoleServer) -> None:
    console.cli("agency", "add", CALLED[0], "Ủy ban nhân dân xã Nhắc Nhở", "--phone", "0909 000 000")
    console.cli("agency", "phone", CALLED[0], CALLED[1])
    with closing(console.login("admin")) as admin:
        token = csrf_of(admin.get("/console/agencies").text)
        refused = admin.post("/console/agencies", data={"csrf": token, "code": "XA-SAI", "name": "Sai",
                                                        "phone": "gọi anh Bình"})
        assert refused.status_code == 400 and "Số điện thoại" in refused.text
        added = admin.post("/console/agencies", data={"csrf": token, "code": TYPED[0], "name": "Ủy ban nhân dân xã "
                                                      "Gọi Điện", "parent": "UBND tỉnh Đồng Tháp", "kind": "commune",
                                                      "phone": TYPED[1]})
        assert added.status_code == 303
        agencies = admin.get("/console/agencies").text
        assert 'id="agency-phone"' in agencies and 'data-agency="XA-SAI"' not in agencies, "refused, not added"
        assert _row(agencies, "agency-list", TYPED[0])[:3] == [TYPED[0], "Ủy ban nhân dân xã Gọi Điện",
                                                              "0277 3851 234"]
        remind = admin.get("/console/period/remind?period=2026Q4").text
        assert "<th>Điện thoại</th>" in remind
        assert _row(remind, "remind", TYPED[0])[2:4] == ["Ủy ban nhân dân xã Gọi Điện", "0277 3851 234"]
        assert _row(remind, "remind", CALLED[0])[3] == CALLED[1]
        admin.get("/console/lang/en?next=/console/period")
        assert "<th>Phone</th>" in admin.get("/console/period/remind?period=2026Q4").text


def test_a_database_made_before_the_phone_numbers_gains_their_table(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    db.create_schema()
    add_agency(db, "XA-CU", "Ủy ban nhân dân xã Cũ")
    with db.connection() as connection:
        connection.execute(text("DROP TABLE agency_contacts"))
    assert "agency_contacts" not in inspect(db.engine).get_table_names()
    db.create_schema()
    set_agency_phone(db, "XA-CU", "0277 3851 234")
    add_agency(db, "XA-MOI", "Ủy ban nhân dân xã Mới", phone="0277 1111 222")
    assert agency_phones(db) == {"XA-CU": "0277 3851 234", "XA-MOI": "0277 1111 222"}
    set_agency_phone(db, "XA-CU", "")
    assert agency_phones(db) == {"XA-MOI": "0277 1111 222"}
    with pytest.raises(InputError):
        set_agency_phone(db, "XA-KHONGCO", "0277 3851 234")
