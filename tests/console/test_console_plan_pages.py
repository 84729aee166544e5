"""Chỉ tiêu, Nhiệm vụ and Tổng hợp each have a period selector, as the dashboard does; before any report is
in, Chỉ tiêu and Nhiệm vụ still list the published plan's indicators (with the target of the period's year)
and tasks, each marked «chưa có báo cáo»."""

from __future__ import annotations

import html
import re
from contextlib import closing
from pathlib import Path

from tests.console.console_server import ConsoleServer
from tests.documents.plan_fixtures import dong_thap_3256


def _picker(page: str) -> list[str]:
    form = re.search(r'<form [^>]*id="period-picker">(.*?)</form>', page, re.S)
    assert form, page[:3000]
    return re.findall(r'<option value="([^"]+)"', form.group(1))


def test_the_plans_indicators_and_tasks_show_before_any_report(console: ConsoleServer, tmp_path: Path) -> None:
    console.admin("plan", "import", str(dong_thap_3256(tmp_path)))
    with closing(console.login("viewer")) as viewer:
        indicators = html.unescape(viewer.get("/console/indicators?period=2026Q4").text)
        assert _picker(indicators) == ["2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1"]
        body = indicators[indicators.index('id="indicator-table"'):]
        rows = re.findall(r"<tr><td>([^<]+)</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>"
                          r'<td colspan="4" class="no-report">chưa có báo cáo</td></tr>', body)
        assert len(rows) == 17 and any(target == "100%" for _key, target in rows), rows

        tasks = html.unescape(viewer.get("/console/tasks?period=2026Q4").text)
        assert "2026Q3" in _picker(tasks)
        assert len(re.findall(r'<section class="task"', tasks)) == 28
        assert tasks.count('<p class="no-report">chưa có báo cáo</p>') == 28

        summary = viewer.get("/console/summary?period=2027Q1").text
        assert _picker(summary)[-2:] == ["2027Q1", "2027Q2"] and 'selected>Quý I năm 2027' in summary

        viewer.get("/console/lang/en?next=/console/tasks")
        assert "no report yet" in viewer.get("/console/indicators?period=2026Q4").text
