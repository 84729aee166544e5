"""Enrollment state on the console: the Cơ quan page shows each agency's codes (waiting, with when issued and
when it expires; used, by which device) and whether a device is enrolled; issuing a second code says the first
stays valid; the dashboard and the reminder list say «chưa cài đặt» for an agency with no device, not «chưa gửi»."""

from __future__ import annotations

import html
import re
from contextlib import closing

from tests.console.console_server import ConsoleServer, csrf_of

WAITING = r"Mã chờ dùng: cấp \d\d/\d\d/\d{4} \d\d:\d\d, hết hạn \d\d/\d\d/\d{4} \d\d:\d\d"


def _row(page: str, agency: str) -> str:
    found = re.search(rf'<tr data-agency="{agency}">(.*?)</tr>', page, re.S)
    assert found, page[:2000]
    return found.group(1)


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def test_codes_and_devices_are_visible_and_the_dashboard_tells_not_installed_from_not_sent(
        console: ConsoleServer) -> None:
    console.enroll("XA-DACAI")
    console.admin("agency", "add", "XA-CHUACAI", "Ủy ban nhân dân xã Chưa Cài")
    with closing(console.login("admin")) as admin:
        page = admin.get("/console/agencies").text
        fresh = _row(page, "XA-CHUACAI")
        assert "chưa cài đặt" in _text(fresh) and "Mã" not in _text(fresh.split('class="issue-code"')[0])
        assert "data-confirm" not in fresh, "no code yet: nothing to warn about"

        token = csrf_of(page)
        assert admin.post("/console/agencies/code", data={"csrf": token, "agency": "XA-CHUACAI",
                                                          "days": "7"}).status_code == 200
        waiting = html.unescape(_row(admin.get("/console/agencies").text, "XA-CHUACAI"))
        assert re.search(WAITING, waiting), waiting
        confirm = re.search(r'class="issue-code" data-confirm="([^"]+)"', waiting)
        assert confirm and confirm.group(1).startswith("Cơ quan này còn 1 mã chưa dùng")
        assert "Cấp mã mới không huỷ mã cũ" in confirm.group(1)

        enrolled = html.unescape(_text(_row(admin.get("/console/agencies").text, "XA-DACAI")))
        assert "đã cài đặt (1 máy)" in enrolled and "đã dùng cho máy «Máy văn phòng»" in enrolled

        dashboard = admin.get("/console/period").text
        states = {code: _text(row.split('class="state')[1].split("</span>")[0].split(">", 1)[1])
                  for code, row in re.findall(r'<tr data-agency="([^"]+)" data-state="missing">(.*?)</tr>', dashboard,
                                              re.S)}
        assert states == {"XA-CHUACAI": "chưa cài đặt", "XA-DACAI": "chưa gửi"}
        remind = _text(admin.get("/console/period/remind").text)
        assert "XA-CHUACAI Ủy ban nhân dân xã Chưa Cài chưa cài đặt" in remind
        assert "XA-DACAI UBND xã XA-DACAI chưa gửi" in remind

        admin.get("/console/lang/en?next=/console/agencies")
        english = html.unescape(_text(_row(admin.get("/console/agencies").text, "XA-CHUACAI")))
        assert "not installed" in english and "Code waiting: issued" in english
