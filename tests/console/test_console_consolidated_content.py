"""The consolidated report's figures, read back from its PDF (pdftotext): two communes reported 2026Q4 and a
third sent nothing. Lead tasks: II.1 in progress and III.1 done late (both communes), V.1 done (second): 2 of
the 3 tasks with a lead's report done, 66,7%; I.1 and IV.1 only coordinated, so without a lead's report.
Each indicator's province value is the sum over the communes' numerators and denominators
against its target: 340/400 = 85%, 342/400 = 85,5%, target 100%."""

from __future__ import annotations

import re
import subprocess
from contextlib import closing
from pathlib import Path

from desktop.sync.sync_run import RECEIPTED, run_sync
from tests.console.console_server import ConsoleServer, csrf_of
from tests.e2e.file_outbox import FileOutbox

PERIOD = "2026Q4"
TASKS = {"XA-HOPNHAT": 3, "XA-TONGHOP": 5}
ABSENT = "XA-VANGMAT"


def _pdf_text(console: ConsoleServer, tmp_path: Path) -> str:
    console.admin("province", "set", "--name", "Đồng Tháp")
    with closing(console.login("officer")) as officer:
        page = officer.get(f"/console/summary?period={PERIOD}")
        answer = officer.post("/console/summary/report", data={"csrf": csrf_of(page.text), "period": PERIOD,
                                                               "format": "pdf"})
    assert answer.status_code == 200, answer.text[:500]
    pdf = tmp_path / "tong-hop.pdf"
    pdf.write_bytes(answer.content)
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                         timeout=120).stdout
    return " ".join(out.split())


def test_completion_missing_agencies_and_indicators_against_targets(console: ConsoleServer, tmp_path: Path) -> None:
    for agency, tasks in TASKS.items():
        device = console.enroll(agency)
        outbox = FileOutbox(tmp_path / agency)
        outbox.add(*device.bundle(tasks=tasks))
        with device.client() as client:
            assert run_sync(client, outbox).with_outcome(RECEIPTED)
    console.admin("agency", "add", ABSENT, f"UBND xã {ABSENT}", "--parent", "TỈNH ĐỒNG THÁP")
    text = _pdf_text(console, tmp_path)
    assert ("Tỷ lệ nhiệm vụ chủ trì đã hoàn thành: 66,7% (2/3 nhiệm vụ có báo cáo đã hoàn thành; 2 nhiệm vụ chưa có "
            "báo cáo)." in text), text[:3000]
    missing = re.search(r"Các cơ quan chưa gửi báo cáo: ([^.]*)\.", text)
    assert missing is not None and ABSENT in missing.group(1), text[:3000]
    assert not any(agency in missing.group(1) for agency in TASKS)
    appendix = text[text.index("Phụ lục II KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"):text.index("Phụ lục III")]
    assert re.search(r"CT\.1 Tỷ lệ hồ sơ [^%]*% 100% 340/400 \(85%\) Chưa đạt 2 cơ quan báo cáo", appendix), appendix
    assert re.search(r"CT\.2 Tỷ lệ văn bản [^%]*% 100% 342/400 \(85,5%\) Chưa đạt 2 cơ quan báo cáo",
                     appendix), appendix
