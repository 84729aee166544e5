"""Kế hoạch, publishing: the preview shows each task's «Thời hạn hoàn thành» and each indicator's targets;
«Công bố» asks to confirm, naming the plan, its counts and how many agencies receive it; the banner after
says what was published; each published version opens read-only."""

from __future__ import annotations

import html
import re
from contextlib import closing
from pathlib import Path

import httpx

from tests.console.console_server import ConsoleServer, csrf_of
from tests.documents.plan_fixtures import dong_thap_3256

CONFIRM = "Công bố Kế hoạch 3256/QĐ-UBND (28 nhiệm vụ, 17 chỉ tiêu) cho 2 cơ quan?"


def _preview(admin: httpx.Client, path: Path) -> tuple[str, dict[str, str]]:
    token = csrf_of(admin.get("/console/plans").text)
    answer = admin.post("/console/plans/preview", data={"csrf": token},
                        files={"file": (path.name, path.read_bytes(), "application/octet-stream")})
    assert answer.status_code == 200, answer.text[:500]
    fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', answer.text))
    return html.unescape(answer.text), fields


def _cells(page: str, table: str, css: str) -> list[str]:
    body = page[page.index(f'id="{table}"'):]
    body = body[:body.index("</table>")]
    return [re.sub(r"<[^>]+>", " ", cell).strip() for cell in re.findall(rf'<td class="{css}">(.*?)</td>', body, re.S)]


def test_the_preview_shows_deadlines_and_targets_and_publishing_says_what_and_to_whom(
        console: ConsoleServer, tmp_path: Path) -> None:
    for code in ("XA-KH-1", "XA-KH-2"):
        console.admin("agency", "add", code, f"Ủy ban nhân dân xã {code}")
    with closing(console.login("admin")) as admin:
        page, fields = _preview(admin, dong_thap_3256(tmp_path))
        deadlines = _cells(page, "preview-tasks", "deadline")
        assert len(deadlines) == 28 and sum(bool(d) for d in deadlines) >= 20, deadlines
        targets = _cells(page, "preview-indicators", "targets")
        assert len(targets) == 17 and any("100%" in t for t in targets), targets
        assert f'data-confirm="{CONFIRM}"' in page

        assert admin.post("/console/plans/publish", data=fields).status_code == 303
        plans = html.unescape(admin.get("/console/plans?published=new&number=3256%2FQĐ-UBND").text)
        assert "Đã công bố Kế hoạch 3256/QĐ-UBND (28 nhiệm vụ, 17 chỉ tiêu) cho 2 cơ quan." in plans
        [plan_id] = re.findall(r'<tr data-plan="(\d+)">', plans)

        again = _preview(admin, dong_thap_3256(tmp_path))[1]
        answer = admin.post("/console/plans/publish", data=again)
        assert "number=3256%2FQ" in answer.headers["location"]
        same = html.unescape(admin.get(answer.headers["location"]).text)
        assert "Kế hoạch 3256/QĐ-UBND đã được công bố với đúng nội dung này" in same

    with closing(console.login("viewer")) as viewer:
        version = html.unescape(viewer.get(f"/console/plans/{plan_id}").text)
        assert 'id="plan-read-only"' in version and "plan-publish" not in version
        assert len(_cells(version, "preview-tasks", "deadline")) == 28
        assert any("100%" in t for t in _cells(version, "preview-indicators", "targets"))
        assert viewer.get("/console/plans/99999").status_code == 404
        viewer.get("/console/lang/en?next=/console/plans")
        english = html.unescape(viewer.get(f"/console/plans/{plan_id}").text)
        assert "Published version of" in english and "Completion deadline" in english
