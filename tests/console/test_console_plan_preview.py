"""Kế hoạch's preview says what the importer read and what it asks a person to check, before anything is
published: a workbook whose numbering skips a section and repeats a task number (each warning with its sheet
and row), a PDF plan with a task without a lead (its warning names the page and the row of that page, as the
app says it), a clean plan without warnings. Publishing from the preview then stores the plan."""

from __future__ import annotations

import html
import re
from contextlib import closing
from pathlib import Path

import httpx

from tests.console.console_server import ConsoleServer, csrf_of
from tests.documents.plan_fixtures import TASK_HEADER, Sheet, write_workbook
from tests.documents.test_plan_pdf_pages import _pdf


def _preview(admin: httpx.Client, path: Path) -> tuple[str, dict[str, str]]:
    """The preview page of ``path`` (unescaped) and its publish form's hidden fields."""
    token = csrf_of(admin.get("/console/plans").text)
    answer = admin.post("/console/plans/preview", data={"csrf": token},
                        files={"file": (path.name, path.read_bytes(), "application/octet-stream")})
    assert answer.status_code == 200, answer.text[:500]
    fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', answer.text))
    return html.unescape(answer.text), fields


def _warnings(page: str) -> list[str]:
    found = re.search(r'<ul id="warnings">(.*?)</ul>', page, re.S)
    return re.findall(r"<li>(.*?)</li>", found.group(1), re.S) if found else []


def _quirky(path: Path) -> Path:
    rows: list[list[object]] = [
        list(TASK_HEADER),
        ["I", "HOÀN THIỆN THỂ CHẾ", None, None, None, None, None],
        ["1", "Ban hành quy chế", "Sở Nội vụ", None, "Tháng 6/2026", "Quy chế", None],
        ["III", "PHÁT TRIỂN HẠ TẦNG", None, None, None, None, None],
        ["1", "Phủ sóng di động", "Các địa phương", None, "2026-2030", None, None],
        ["1", "Phủ sóng cáp quang", "UBND các xã, phường", None, "Giai đoạn 2026-2030", None, None],
    ]
    return write_workbook(path, {"Sheet1": Sheet(rows)})


def test_the_preview_lists_each_warning_where_it_is_then_publishes(console: ConsoleServer, tmp_path: Path) -> None:
    with closing(console.login("admin")) as admin:
        page, fields = _preview(admin, _quirky(tmp_path / "ke-hoach-canh-bao.xlsx"))
        assert re.search(r'id="plan-counts">3 nhiệm vụ · 0 chỉ tiêu<', page), page[:2000]
        assert _warnings(page) == ["Sheet1:4 — Số mục La Mã nhảy từ I sang III.",
                                   "Sheet1:6 — Mã nhiệm vụ III.1 trùng; đổi thành III.1-2."]
        keys = re.findall(r"<tr><td>([^<]+)</td><td>", page[page.index('id="preview-tasks"'):])
        assert keys == ["I.1", "III.1", "III.1-2"]
        assert "Đã công bố" not in admin.get("/console/plans").text, "the preview publishes nothing"
        assert admin.post("/console/plans/publish", data=fields).status_code == 303
        assert "ke-hoach-canh-bao" in admin.get("/console/plans").text

        rows = [[str(n), f"Nhiệm vụ số {n} của kế hoạch", "Sở Y tế", "Năm 2026"] for n in range(1, 61)]
        rows[44][2] = ""
        pdf_page, _fields = _preview(admin, _pdf(tmp_path / "thieu-chu-tri.pdf", rows))
        [warning] = _warnings(pdf_page)
        assert re.fullmatch(r"PDF, trang 2, dòng \d+ — .*45.*", warning), warning

        clean = write_workbook(tmp_path / "sach.xlsx", {"Sheet1": Sheet([list(TASK_HEADER), *rows_clean()])})
        clean_page, _fields = _preview(admin, clean)
        assert _warnings(clean_page) == [] and "Không có cảnh báo." in clean_page

        admin.get("/console/lang/en?next=/console/period")
        english, _fields = _preview(admin, tmp_path / "thieu-chu-tri.pdf")
        assert re.fullmatch(r"PDF, page 2, row \d+ — .*", _warnings(english)[0])
        assert re.search(r'id="plan-counts">60 tasks · 0 indicators<', english), english[:2000]


def rows_clean() -> list[list[object]]:
    return [["I", "HOÀN THIỆN THỂ CHẾ", None, None, None, None, None],
            ["1", "Ban hành quy chế", "Sở Nội vụ", None, "Tháng 6/2026", "Quy chế", None]]
