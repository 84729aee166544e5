"""Who leads a task, and what its coordinators wrote, as the province officer reads them on the console.

Plan 77/KH-UBND gives I.1 to «UBND các xã, phường» with «Sở Tài chính» coordinating, I.2 to «Các sở, ban,
ngành», I.3 to «Liên minh Hợp tác xã tỉnh» and I.4 to «Sở KH&CN». Two agencies report through real PCs: the
commune Mỹ Hiệp (leads I.1, coordinates I.2) and the Sở Tài chính, registered as a «Sở, ngành» (coordinates
I.1). The PCs' rule (``desktop.domain.assignment``) makes the Sở Tài chính a lead of I.2, so I.2 is waiting for
its report, not «không báo cáo qua hệ thống»; «Hợp tác xã» names no commune, so I.3 is outside the system.
"""

from __future__ import annotations

import html
import re
import subprocess
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document

from desktop.documents.sample_plan_data import (
    COORDINATORS,
    DEADLINE,
    LEAD,
    RESULT,
    STT,
    TITLE,
    SamplePlan,
    SectionRow,
    TaskRow,
    TaskSheet,
)
from desktop.documents.sample_plans import write_sample_plan
from desktop.domain.report_snapshot import ReportSnapshot, TaskEntry
from desktop.sync.device_keys import generate_device_key
from desktop.sync.sync_client import ProvinceClient
from desktop.sync.sync_run import RECEIPTED, run_sync
from tests.console.console_server import ConsoleServer, csrf_of
from tests.e2e.file_outbox import FileOutbox
from tests.e2e.province_server import FAST, Device
from tests.sync.report_factory import AGENCY

PERIOD = "2026Q4"
PLAN = "77/KH-UBND"
COMMUNE, DEPARTMENT = "Ủy ban nhân dân xã Mỹ Hiệp", "Sở Tài chính"
LEAD_RESULT = "Đã số hóa 1.200 hồ sơ đất đai."
FINANCE_NOTE = "Đã bố trí 500 triệu đồng kinh phí số hóa cho các xã."
COMMUNE_NOTE = "Xã đã cử 2 cán bộ tham gia rà soát."
TASKS = (("1", "Số hóa hồ sơ đất đai cấp xã", "UBND các xã, phường", "Sở Tài chính"),
         ("2", "Rà soát quy trình nội bộ", "Các sở, ban, ngành", "UBND các xã, phường"),
         ("3", "Hỗ trợ hợp tác xã chuyển đổi số", "Liên minh Hợp tác xã tỉnh", ""),
         ("4", "Xây dựng Khung kiến trúc số", "Sở KH&CN", ""))


def _plan(path: Path) -> Path:
    sheet = TaskSheet(
        name="Phụ lục", title_rows=("Phụ lục", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026",
                                    f"(Ban hành kèm theo Kế hoạch số {PLAN} ngày 15/01/2026 của UBND tỉnh Đồng Tháp)"),
        columns=((STT, "TT"), (TITLE, "Nhiệm vụ"), (LEAD, "Cơ quan chủ trì"), (COORDINATORS, "Cơ quan phối hợp"),
                 (RESULT, "Kết quả"), (DEADLINE, "Thời hạn")),
        rows=(SectionRow("I", "HẠ TẦNG VÀ DỮ LIỆU"),
              *(TaskRow(stt, title, lead, coordinators, "Quý IV/2026", "Báo cáo") for stt, title, lead, coordinators
                in TASKS)))
    return write_sample_plan(SamplePlan(path.name, (sheet,)), path)


def _task(key: str, role: str, result: str, status: str | None = None, percent: float | None = None) -> TaskEntry:
    title = next(t for stt, t, _lead, _coordinators in TASKS if f"I.{stt}" == key)
    return TaskEntry(key=key, section="I", section_title="HẠ TẦNG VÀ DỮ LIỆU", title=title, role=role, plan=PLAN,
                     deadline_text="Quý IV/2026", status=status, percent=percent, result=result)


def _send(device: Device, name: str, tasks: tuple[TaskEntry, ...], folder: Path) -> None:
    def edit(snapshot: ReportSnapshot) -> ReportSnapshot:
        return replace(snapshot, agency=replace(AGENCY, code=device.agency, name=name), tasks=tasks,
                       plans=({"code": PLAN, "issued_on": "2026-01-15", "title": "Kế hoạch chuyển đổi số 2026"},))

    outbox = FileOutbox(folder)
    outbox.add(*device.bundle(edit=edit))
    with device.client() as client:
        assert run_sync(client, outbox).with_outcome(RECEIPTED)


def _enroll(console: ConsoleServer, code: str, name: str, kind: str) -> Device:
    """``agency add CODE NAME --kind KIND`` and ``enroll-code`` through the admin CLI, then a real PC's
    enrollment with that code."""
    console.admin("agency", "add", code, name, "--parent", "TỈNH ĐỒNG THÁP", "--kind", kind)
    one_time = console.admin("enroll-code", code).strip().splitlines()[-1].strip()
    key = generate_device_key()
    with ProvinceClient(console.url, device_key=key, policy=FAST) as client:
        enrollment = client.enroll(one_time, "Máy văn phòng")
    return Device(code, key, enrollment.province, console.url, FAST)


@pytest.fixture(scope="module")
def reported(console: ConsoleServer, tmp_path_factory: pytest.TempPathFactory) -> ConsoleServer:
    """The plan published, the commune's and the Sở Tài chính's reports received."""
    folder = tmp_path_factory.mktemp("roles")
    console.admin("plan", "import", str(_plan(folder / "77-KH-UBND.xlsx")))
    console.admin("province", "set", "--name", "Đồng Tháp")
    commune = _enroll(console, "XA-MYHIEP", COMMUNE, "commune")
    _send(commune, COMMUNE, (_task("I.1", "lead", LEAD_RESULT, "done", 100.0),
                             _task("I.2", "coordinator", COMMUNE_NOTE)), folder / "commune")
    finance = _enroll(console, "SO-TAICHINH", DEPARTMENT, "department")
    _send(finance, DEPARTMENT, (_task("I.1", "coordinator", FINANCE_NOTE),), folder / "finance")
    return console


def _section(page: str, key: str) -> str:
    found = re.search(rf'<section class="task" id="task-{re.escape(key)}">(.*?)</section>', page, re.S)
    assert found, f"no task {key}"
    return found.group(1)


def test_the_tasks_page_lists_the_leads_by_the_pcs_rule_and_the_coordinators_notes(reported: ConsoleServer) -> None:
    with closing(reported.login("viewer")) as viewer:
        page = html.unescape(viewer.get(f"/console/tasks?period={PERIOD}").text)
    first = _section(page, "I.1")
    assert f"<li>{DEPARTMENT} (SO-TAICHINH): {FINANCE_NOTE}</li>" in first, first
    assert "waiting-I.1" not in first and "outside-I.1" not in first, "its lead has reported"
    second = _section(page, "I.2")
    assert "Cơ quan chủ trì chưa báo cáo (1): Sở Tài chính (SO-TAICHINH)" in second, second
    assert "không báo cáo qua hệ thống" not in second
    assert f"<li>{COMMUNE} (XA-MYHIEP): {COMMUNE_NOTE}</li>" in second
    third = _section(page, "I.3")
    assert "Cơ quan chủ trì: Liên minh Hợp tác xã tỉnh — không báo cáo qua hệ thống." in third, third
    assert "waiting-I.3" not in third, "«Hợp tác xã» is no commune"
    assert "Cơ quan chủ trì: Sở Khoa học và Công nghệ — không báo cáo qua hệ thống." in _section(page, "I.4")


def _report(console: ConsoleServer, kind: str, tmp_path: Path) -> Path:
    with closing(console.login("officer")) as officer:
        page = officer.get(f"/console/summary?period={PERIOD}")
        answer = officer.post("/console/summary/report", data={"csrf": csrf_of(page.text), "period": PERIOD,
                                                               "format": kind})
    assert answer.status_code == 200, answer.text[:500]
    path = tmp_path / f"tong-hop.{kind}"
    path.write_bytes(answer.content)
    return path


_BLOCK = re.compile(r'<block xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</block>', re.S)
_KEY = re.compile(r"I\.\d")


def _pdf_rows(path: Path) -> dict[str, str]:
    """Phụ lục I's rows as pdftotext places their words: each task's key and every cell beside and below it,
    down to the next task's key (cells read left to right)."""
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True,
                            text=True, timeout=120).stdout
    rows: dict[str, str] = {}
    for page in layout.split("<page ")[1:]:
        blocks = [(float(y), float(x), " ".join(html.unescape(w) for w in re.findall(r">([^<]+)</word>", body)))
                  for x, y, body in _BLOCK.findall(page)]
        keys = sorted((y, text) for y, _x, text in blocks if _KEY.fullmatch(text))
        bottoms = [y for y, _key in keys[1:]] + [float("inf")] if keys else []
        for (top, key), bottom in zip(keys, bottoms, strict=True):
            cells = sorted((x, y, text) for y, x, text in blocks if top - 1 <= y < bottom - 1)
            rows[key] = " ".join(text for _x, _y, text in cells)
    return rows


def _docx_rows(path: Path) -> dict[str, str]:
    """Phụ lục I's rows of the .docx: each task's key and its cells' text."""
    rows = [row for table in Document(str(path)).tables for row in table.rows]
    return {row.cells[0].text: " ".join(" ".join(c.text.split()) for c in row.cells)
            for row in rows if _KEY.fullmatch(row.cells[0].text)}


@pytest.fixture(scope="module")
def appendix_rows(reported: ConsoleServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Phụ lục I's rows of the consolidated PDF and .docx the officer downloads, by format and task key."""
    folder = tmp_path_factory.mktemp("consolidated")
    found = {"pdf": _pdf_rows(_report(reported, "pdf", folder)), "docx": _docx_rows(_report(reported, "docx", folder))}
    for kind, rows in found.items():
        assert sorted(rows) == ["I.1", "I.2", "I.3", "I.4"], (kind, rows)
    return {kind: {key: " ".join(text.split()) for key, text in rows.items()} for kind, rows in found.items()}


def test_the_consolidated_report_puts_each_coordinators_note_under_its_task(
        appendix_rows: dict[str, dict[str, str]]) -> None:
    for rows in appendix_rows.values():
        assert f"{COMMUNE}: {LEAD_RESULT}" in rows["I.1"], rows["I.1"]
        assert f"Cơ quan phối hợp: - {DEPARTMENT}: {FINANCE_NOTE}" in rows["I.1"], rows["I.1"]
        assert f"Chưa có báo cáo. Cơ quan phối hợp: - {COMMUNE}: {COMMUNE_NOTE}" in rows["I.2"], rows["I.2"]
        assert FINANCE_NOTE not in rows["I.2"] + rows["I.3"] and COMMUNE_NOTE not in rows["I.1"]


def test_the_consolidated_report_says_outside_the_system_only_of_tasks_no_pc_leads(
        appendix_rows: dict[str, dict[str, str]]) -> None:
    for rows in appendix_rows.values():
        assert "không báo cáo qua hệ thống" not in rows["I.2"], "the Sở Tài chính leads I.2 through its PC"
        assert "cơ quan chủ trì (Liên minh Hợp tác xã tỉnh) không báo cáo qua hệ thống" in rows["I.3"], rows["I.3"]
        assert "cơ quan chủ trì là Sở Khoa học và Công nghệ, không báo cáo qua hệ thống" in rows["I.4"], rows["I.4"]
        assert "Chủ trì" in rows["I.2"] and "Theo dõi" in rows["I.3"], "the Sở is one of «các sở, ban, ngành»"
