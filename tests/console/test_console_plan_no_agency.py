"""Publishing before any agency exists: the confirmation and the banner say that none receives it yet and that
agencies added later get the plan when they sync, not «cho 0 cơ quan»."""

from __future__ import annotations

import html
import re
from contextlib import closing
from pathlib import Path

from tests.console.console_server import ConsoleServer, csrf_of
from tests.documents.plan_fixtures import dong_thap_3256

LATER = "Chưa có cơ quan nào; cơ quan thêm sau sẽ nhận kế hoạch khi đồng bộ."


def test_publishing_to_no_agency_yet_says_later_agencies_receive_it(console: ConsoleServer, tmp_path: Path) -> None:
    path = dong_thap_3256(tmp_path)
    with closing(console.login("admin")) as admin:
        token = csrf_of(admin.get("/console/plans").text)
        answer = admin.post("/console/plans/preview", data={"csrf": token},
                            files={"file": (path.name, path.read_bytes(), "application/octet-stream")})
        page = html.unescape(answer.text)
        assert f'data-confirm="Công bố Kế hoạch 3256/QĐ-UBND (28 nhiệm vụ, 17 chỉ tiêu)? {LATER}"' in page, page[-3000:]
        assert "cho 0 cơ quan" not in page
        fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', answer.text))
        assert admin.post("/console/plans/publish", data=fields).status_code == 303
        plans = html.unescape(admin.get("/console/plans?published=new&number=3256%2FQĐ-UBND").text)
    assert f"Đã công bố Kế hoạch 3256/QĐ-UBND (28 nhiệm vụ, 17 chỉ tiêu). {LATER}" in plans
    assert "cho 0 cơ quan" not in plans


def test_indicators_in_the_plans_order_and_tasks_headed_by_their_keys(console: ConsoleServer, tmp_path: Path) -> None:
    """After 3256/QĐ-UBND is published (the test above): Chỉ tiêu lists 1, 2 … 17 (not 1, 10, 11 … 2) and each
    Nhiệm vụ heading gives the task's own key (I.1, I.2 … VIII.28), not only its group «I.»."""
    with closing(console.login("viewer")) as viewer:
        indicators = viewer.get("/console/indicators?period=2026Q4").text
        tasks = html.unescape(viewer.get("/console/tasks?period=2026Q4").text)
    assert re.findall(r"<tr><td>(\d+)</td>", indicators) == [str(n) for n in range(1, 18)], indicators[-3000:]
    headings = re.findall(r"<h2>([IVX]+\.\d+)\. ", tasks)
    assert headings[:3] == ["I.1", "I.2", "I.3"] and headings[-1] == "VIII.28" and len(headings) == 28, headings
