"""An indicator's figures read with their unit, and an indicator the plan gives no target for the period («-»)
reads «không có chỉ tiêu»: never «Số cơ quan đạt 0», never «Chưa đạt», on the Chỉ tiêu page and in the Sở's
consolidated report (pdftotext). One commune reported 2026Q4: CT.1 = 170/200 (85%) against 100%, CT.3 = 12 hồ
sơ against «-»."""

from __future__ import annotations

import dataclasses
import html
import re
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from desktop.domain.report_snapshot import ReportSnapshot
from desktop.sync.sync_run import RECEIPTED, run_sync
from tests.console.console_server import ConsoleServer, csrf_of
from tests.e2e.file_outbox import FileOutbox

PERIOD = "2026Q4"
AGENCY = "XA-KHONGCHITIEU"


def _no_target(snapshot: ReportSnapshot) -> ReportSnapshot:
    rate, _second = snapshot.indicators
    count = dataclasses.replace(rate, key="CT.3", name="Số hồ sơ được số hóa", unit="hồ sơ", kind="count",
                                target_text="-", target_value=None, numerator=None, denominator=None, value=12.0)
    return dataclasses.replace(snapshot, indicators=(rate, count))


@pytest.fixture(scope="module")
def reported(console: ConsoleServer, tmp_path_factory: pytest.TempPathFactory) -> ConsoleServer:
    device = console.enroll(AGENCY)
    outbox = FileOutbox(tmp_path_factory.mktemp(AGENCY))
    outbox.add(*device.bundle(edit=_no_target))
    with device.client() as client:
        assert run_sync(client, outbox).with_outcome(RECEIPTED)
    return console


def _rows(page: str, table: str) -> dict[str, list[str]]:
    found = re.search(rf'<table class="grid[^"]*" id="{table}">(.*?)</table>', page, re.S)
    assert found, f"no table {table}"
    rows = [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S) if "<td" in r]
    return {row[0]: row for row in rows}


def test_the_mean_has_its_unit_and_no_target_is_not_counted_as_missed(reported: ConsoleServer) -> None:
    with closing(reported.login("viewer")) as viewer:
        page = html.unescape(viewer.get(f"/console/indicators?period={PERIOD}&key=CT.3").text)
        rows = _rows(page, "indicator-table")
        assert rows["CT.1"][3:] == ["100%", "1", "0", "85%", "Xem"], rows["CT.1"]
        assert rows["CT.3"][3:] == ["-", "1", "không có chỉ tiêu", "12 hồ sơ", "Xem"], rows["CT.3"]
        agencies = list(_rows(page, "indicator-agencies").values())
        assert [row[1:] for row in agencies] == [["12", "không có chỉ tiêu"]]
        viewer.get("/console/lang/en?next=/console/period")
        english = _rows(html.unescape(viewer.get(f"/console/indicators?period={PERIOD}").text), "indicator-table")
        assert english["CT.3"][5:7] == ["no target", "12 hồ sơ"] and english["CT.1"][6] == "85%"


def test_the_consolidated_report_says_no_target_and_counts_it_neither_met_nor_missed(
        reported: ConsoleServer, tmp_path: Path) -> None:
    reported.admin("province", "set", "--name", "Đồng Tháp")
    with closing(reported.login("officer")) as officer:
        page = officer.get(f"/console/summary?period={PERIOD}")
        answer = officer.post("/console/summary/report", data={"csrf": csrf_of(page.text), "period": PERIOD,
                                                               "format": "pdf"})
    assert answer.status_code == 200, answer.text[:500]
    (tmp_path / "tong-hop.pdf").write_bytes(answer.content)
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(tmp_path / "tong-hop.pdf"), "-"], check=True,
                                   capture_output=True, text=True, timeout=120).stdout.split())
    assert "đạt 0, chưa đạt 1; không có chỉ tiêu trong kỳ: 1." in text, text[:3000]
    appendix = text[text.index("Phụ lục II KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"):text.index("Phụ lục III")]
    row = appendix[appendix.index("CT.3 "):]
    # The cell «Không có chỉ tiêu» wraps beside the note «1 cơ quan báo cáo» in pdftotext's layout.
    assert re.match(r"CT\.3 Số hồ sơ được số hóa hồ sơ - 12 Không có (1 cơ quan báo cáo )?chỉ tiêu", row), row
    assert "Chưa đạt" not in row
    assert "CT.3 (Số hồ sơ được số hóa) chưa đạt" not in text
