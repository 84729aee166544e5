"""Lịch báo cáo in the Sở's words: periods as «Quý II/2027» (not "2027Q2"), a period chosen from a list, a
deadline the Sở set can be changed or removed; and the console's small words: «Status» in English, the added
agency named in its notice, rates «0%», the upload heading naming the formats offered."""

from __future__ import annotations

import html
import re
from contextlib import closing

from tests.console.console_server import ConsoleServer, csrf_of


def _entries(page: str) -> list[str]:
    body = page[page.index('id="schedule-entries"'):]
    body = body[:body.index("</table>")]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
            for row in re.findall(r"<tr data-period=[^>]*>(.*?)</tr>", body, re.S)]


def test_a_deadline_is_shown_as_its_quarter_and_can_be_changed_or_removed(console: ConsoleServer) -> None:
    with closing(console.login("admin")) as admin:
        page = admin.get("/console/schedule?period=2027Q1").text
        assert re.search(r'<select name="period" id="schedule-period">.*<option value="2027Q2">Quý II/2027</option>'
                         r'.*<option value="Q1">Quý I hằng năm</option>', page, re.S)
        assert "(2027Q1, Q1)" not in page and "DD/MM/YYYY" not in page
        token = csrf_of(page)
        assert admin.post("/console/schedule", data={"csrf": token, "period": "2027Q2",
                                                      "deadline": "10/06/2027"}).status_code == 303
        assert admin.post("/console/schedule", data={"csrf": token, "period": "Q3",
                                                      "deadline": "15/09"}).status_code == 303
        page = html.unescape(admin.get("/console/schedule").text)
        assert _entries(page) == ["Quý II/2027 Tất cả Đổi hạn Xoá", "Quý III hằng năm Tất cả Đổi hạn Xoá"]
        assert 'value="10/06/2027"' in page and 'value="15/09"' in page

        assert admin.post("/console/schedule", data={"csrf": token, "period": "2027Q2",
                                                      "deadline": "05/06/2027"}).status_code == 303
        assert 'value="05/06/2027"' in admin.get("/console/schedule").text
        cleared = admin.post("/console/schedule/clear", data={"csrf": token, "period": "2027Q2", "plan": ""})
        assert cleared.status_code == 303
        page = html.unescape(admin.get(cleared.headers["location"]).text)
        assert "Đã xoá hạn nộp" in page and _entries(page) == ["Quý III hằng năm Tất cả Đổi hạn Xoá"]
        assert "2027Q2" not in console.admin("schedule", "list")

        admin.get("/console/lang/en?next=/console/schedule")
        english = html.unescape(admin.get("/console/schedule").text)
        assert _entries(english) == ["Q3 every year All Change Remove"]
    with closing(console.login("viewer")) as viewer:
        assert _entries(html.unescape(viewer.get("/console/schedule").text)) == ["Quý III hằng năm Tất cả 15/09"]


def test_the_small_words(console: ConsoleServer) -> None:
    with closing(console.login("admin")) as admin:
        token = csrf_of(admin.get("/console/agencies").text)
        added = admin.post("/console/agencies", data={"csrf": token, "code": "DT-MYHIEP", "kind": "commune",
                                                      "name": "Ủy ban nhân dân xã Mỹ Hiệp"})
        notice = html.unescape(admin.get(added.headers["location"]).text)
        assert "Đã thêm cơ quan Ủy ban nhân dân xã Mỹ Hiệp (DT-MYHIEP)." in notice
        assert "Tải lên tệp kế hoạch (Excel, Word hoặc PDF)" in html.unescape(admin.get("/console/plans").text)
        dashboard = admin.get("/console/period").text
        assert re.search(r'id="reporting-rate">0%<', dashboard) and "0.0%" not in dashboard
        admin.get("/console/lang/en?next=/console/period")
        english = admin.get("/console/period").text
        assert "<th>Status</th>" in english and ">State<" not in english
        assert "Agency Ủy ban nhân dân xã Mỹ Hiệp (DT-MYHIEP) added." in html.unescape(
            admin.get("/console/agencies?added=DT-MYHIEP").text)
