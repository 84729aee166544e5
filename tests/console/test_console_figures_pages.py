"""Chỉ tiêu and Nhiệm vụ with two communes' reports of 2026Q4 (the factory's report: CT.1 = 170/200 = 85%,
CT.2 = 171/200 = 85,5% against a 100% target; task I.1 as coordinator with a note, II.1 led «Đang triển
khai» at 60%, III.1 led «Hoàn thành quá hạn» at 100%). Numbers are written the reader's way (85,5 in
Vietnamese, 85.5 in English) and statuses by their names, never the stored codes."""

from __future__ import annotations

import html
import re
from contextlib import closing
from urllib.parse import unquote_plus

import httpx
import pytest

from desktop.sync.sync_run import RECEIPTED, run_sync
from server.console.web import number_text
from tests.console.console_server import ConsoleServer
from tests.e2e.file_outbox import FileOutbox
from tests.sync.report_factory import RESULTS

PERIOD = "2026Q4"
COMMUNES = ("XA-CHITIEU", "XA-NHIEMVU")


@pytest.fixture(scope="module")
def reported(console: ConsoleServer, tmp_path_factory: pytest.TempPathFactory) -> ConsoleServer:
    """The console with both communes' reports received."""
    for agency in COMMUNES:
        device = console.enroll(agency)
        outbox = FileOutbox(tmp_path_factory.mktemp(agency))
        outbox.add(*device.bundle(tasks=3))
        with device.client() as client:
            assert run_sync(client, outbox).with_outcome(RECEIPTED)
    return console


def _page(client: httpx.Client, path: str) -> str:
    answer = client.get(path)
    assert answer.status_code == 200, answer.text[:500]
    return html.unescape(answer.text)


def _cells(page: str, table: str) -> list[list[str]]:
    found = re.search(rf'<table class="grid[^"]*" id="{table}">(.*?)</table>', page, re.S)
    assert found, f"no table {table}"
    rows = re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S)
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in rows if "<td" in r]


def _task(page: str, key: str) -> str:
    found = re.search(rf'<section class="task" id="task-{re.escape(key)}">(.*?)</section>', page, re.S)
    assert found, f"no task {key}"
    return found.group(1)


def test_indicators_across_agencies_against_the_target(reported: ConsoleServer) -> None:
    with closing(reported.login("viewer")) as viewer:
        page = _page(viewer, f"/console/indicators?period={PERIOD}&key=CT.2")
        rows = {row[0]: row[1:7] for row in _cells(page, "indicator-table")}
        assert rows["CT.1"][2:] == ["100%", "2", "0", "85%"]
        assert rows["CT.2"][2:] == ["100%", "2", "0", "85,5%"]
        assert [row[1:] for row in _cells(page, "indicator-agencies")] == [["85,5", "Chưa đạt"]] * 2
        chart = re.search(r"<svg .*?</svg>", page, re.S)
        assert chart and chart.group(0).count("<rect") == 2 and ">85,5</text>" in chart.group(0)
        viewer.get("/console/lang/en?next=/console/period")
        english = _page(viewer, f"/console/indicators?period={PERIOD}&key=CT.2")
        assert {row[0]: row[6] for row in _cells(english, "indicator-table")}["CT.2"] == "85.5%"
        assert [row[1:] for row in _cells(english, "indicator-agencies")] == [["85.5", "Not met"]] * 2


def test_each_task_with_its_leads_status_and_percent_and_the_coordinators_notes(reported: ConsoleServer) -> None:
    with closing(reported.login("viewer")) as viewer:
        page = _page(viewer, f"/console/tasks?period={PERIOD}")
        for key, status, percent in (("II.1", "Đang triển khai", "60"), ("III.1", "Hoàn thành quá hạn", "100")):
            section = _task(page, key)
            leads = _cells(section, f"leads-{key}")
            assert [row[:3] for row in leads] == [[f"UBND xã {a} ({a})", status, percent] for a in COMMUNES]
        coordinated = _task(page, "I.1")
        assert "leads-I.1" not in coordinated
        notes = re.findall(r"<li>(.*?)</li>", coordinated, re.S)
        assert notes == [f"UBND xã {a} ({a}): {RESULTS[0]} Đã xử lý 12 hồ sơ, đạt 60% kế hoạch năm."
                         for a in COMMUNES]
        viewer.get("/console/lang/en?next=/console/period")
        english = _page(viewer, f"/console/tasks?period={PERIOD}")
        assert [row[1] for row in _cells(_task(english, "II.1"), "leads-II.1")] == ["In progress"] * 2
        report = _page(viewer, f"/console/reports/{COMMUNES[0]}/{PERIOD}")
        assert "In progress" in report and "in_progress" not in report and "done_late" not in report
        assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", report), "times are shown dd/mm/yyyy hh:mm, Vietnam time"


def test_large_and_decimal_figures_are_grouped_the_readers_way() -> None:
    assert number_text(1234567.5, "vi") == "1.234.567,5" and number_text(1234567.5, "en") == "1,234,567.5"
    assert number_text(2000.0, "vi") == "2.000" and number_text(0.25, "vi") == "0,25"
    assert number_text(-1500.75, "vi") == "-1.500,75" and number_text(None, "vi") == ""


def test_no_report_text_in_any_address_or_in_the_server_log(reported: ConsoleServer) -> None:
    """The agencies' answers travel in page bodies only: never in a link, a form's address, a request's URL
    or a line of the server's log (where access logs and proxies keep addresses for months)."""
    requested: list[str] = []
    with closing(reported.login("viewer")) as viewer:
        viewer.event_hooks["request"].append(lambda request: requested.append(str(request.url)))
        pages = [_page(viewer, path) for path in (
            f"/console/period?period={PERIOD}", f"/console/reports/{COMMUNES[0]}/{PERIOD}",
            f"/console/indicators?period={PERIOD}&key=CT.1", f"/console/tasks?period={PERIOD}")]
    assert all(RESULTS[0] in page for page in pages[1:2] + pages[3:]), "the answers must be on the pages"
    addresses = requested + [link for page in pages for link in re.findall(r'(?:href|src|action)="([^"]*)"', page)]
    fragments = [text.split(",")[0] for text in RESULTS] + ["Đã xử lý", "kế hoạch năm"]
    for address in addresses:
        readable = unquote_plus(html.unescape(address))
        assert not [f for f in fragments if f in readable], address
    log = reported.log.read_text(encoding="utf-8", errors="replace")
    assert f"/console/reports/{COMMUNES[0]}/{PERIOD}" in log, "the log must be the one the server writes"
    assert not [f for f in fragments if f in log]
