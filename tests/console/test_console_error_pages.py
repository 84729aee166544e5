"""A refusal is shown inside the normal console page (menu and «Đăng xuất» kept), with advice where there is
some, and «Quay lại» leads back to the page the officer came from: a PDF plan that cannot be read sends back
to Kế hoạch with the advice to upload the Word or Excel file, not to Kỳ báo cáo."""

from __future__ import annotations

import html
import re
from contextlib import closing

import httpx

from tests.console.console_server import ConsoleServer, csrf_of

BAD_PDF = b"%PDF-1.4\nnot a real pdf\n"


def _back(page: str) -> str:
    found = re.search(r'<a href="([^"]+)" id="error-back">', page)
    assert found, page[:2000]
    return html.unescape(found.group(1))


def _in_the_console(page: str) -> bool:
    return '<nav class="menu">' in page and 'id="logout"' in page


def _upload(admin: httpx.Client, name: str, data: bytes, referer: str | None) -> httpx.Response:
    token = csrf_of(admin.get("/console/plans").text)
    headers = {"Referer": referer} if referer else {}
    return admin.post("/console/plans/preview", data={"csrf": token}, headers=headers,
                      files={"file": (name, data, "application/pdf")})


def test_an_unreadable_pdf_plan_is_refused_inside_kế_hoạch_with_advice(console: ConsoleServer) -> None:
    with closing(console.login("admin")) as admin:
        answer = _upload(admin, "ke-hoach.pdf", BAD_PDF, f"{console.url}/console/plans")
        assert answer.status_code == 400
        page = html.unescape(answer.text)
        assert "ke-hoach.pdf" in page and _in_the_console(page)
        advice = re.search(r'id="error-advice">([^<]+)<', page)
        assert advice and "Word (.docx)" in advice.group(1) and "Excel (.xlsx)" in advice.group(1)
        assert _back(page) == "/console/plans"
        assert _back(_upload(admin, "ke-hoach.pdf", BAD_PDF, None).text) == "/console/plans"
        assert _back(_upload(admin, "ke-hoach.txt", b"x", None).text) == "/console/plans"

        admin.get("/console/lang/en?next=/console/plans")
        english = html.unescape(_upload(admin, "ke-hoach.pdf", BAD_PDF, None).text)
        assert "Upload the plan's original Word (.docx) or Excel (.xlsx) file" in english and _in_the_console(english)


def test_other_refusals_keep_the_menu_and_go_back_where_the_officer_was(console: ConsoleServer) -> None:
    with closing(console.login("officer")) as officer:
        bad_period = officer.get("/console/indicators?period=2026Q9",
                                 headers={"Referer": f"{console.url}/console/tasks?period=2026Q4"})
        assert bad_period.status_code == 400 and _in_the_console(bad_period.text)
        assert _back(bad_period.text) == "/console/tasks?period=2026Q4"
        missing = officer.get("/console/no-such-page")
        assert missing.status_code == 404 and _in_the_console(missing.text) and _back(missing.text) == "/console/period"
        elsewhere = officer.get("/console/plans/99999", headers={"Referer": "https://example.org/console/plans"})
        assert _back(elsewhere.text) == "/console/period", "a Referer from another site is not followed"
    with closing(console.client()) as anonymous:
        refused = anonymous.post("/console/plans/preview", data={"csrf": "x"})
        assert refused.status_code == 401 and '<nav class="menu">' not in refused.text
