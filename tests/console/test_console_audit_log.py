"""Every admin action the console offers lands in its audit log with who did it and on what: adding an
agency, issuing its code, publishing a plan, setting a deadline, importing a USB export."""

from __future__ import annotations

import html
import re
from contextlib import closing
from pathlib import Path

from desktop.documents.sample_plans import write_sample_plans
from tests.console.console_server import ConsoleServer, csrf_of
from tests.console.test_console_report_and_usb import seal_export

AGENCY = "XA-NHATKY"


def _entries(console: ConsoleServer) -> set[tuple[str, str, str]]:
    """(who, action, on what) of every row of the audit page."""
    with closing(console.login("admin")) as admin:
        page = admin.get("/console/audit")
    assert page.status_code == 200
    rows = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", page.text)
    return {tuple(html.unescape(cell) for cell in row) for row in rows}  # type: ignore[misc]


def test_admin_actions_are_in_the_audit_log(console: ConsoleServer, tmp_path: Path) -> None:
    with closing(console.login("admin")) as admin:
        token = csrf_of(admin.get("/console/agencies").text)
        assert admin.post("/console/agencies", data={"csrf": token, "code": AGENCY, "name": "UBND xã Nhật Ký",
                                                     "parent": "TỈNH ĐỒNG THÁP", "kind": "commune"}
                          ).status_code == 303
        assert admin.post("/console/agencies/code", data={"csrf": token, "agency": AGENCY, "days": "7"}
                          ).status_code == 200
        plan = write_sample_plans(tmp_path / "plans")[0]
        preview = admin.post("/console/plans/preview", data={"csrf": token},
                             files={"file": (plan.name, plan.read_bytes(), "application/octet-stream")})
        staged = re.search(r'name="token" value="([^"]+)"', preview.text)
        assert preview.status_code == 200 and staged is not None, preview.text[-1000:]
        assert admin.post("/console/plans/publish", data={"csrf": token, "token": staged.group(1)}
                          ).status_code == 303
        assert admin.post("/console/schedule", data={"csrf": token, "period": "2027Q3", "deadline": "12/09/2027"}
                          ).status_code == 303
    device = console.enroll("XA-NHATKY-USB")
    with closing(console.login("officer")) as officer:
        token = csrf_of(officer.get("/console/usb").text)
        bcx = seal_export(device, device.bundle()[1])
        assert officer.post("/console/usb", data={"csrf": token},
                            files={"file": ("bao-cao.bcx", bcx, "application/octet-stream")}).status_code == 200
    entries = _entries(console)
    plan_numbers = {what for who, action, what in entries if (who, action) == ("admin", "plan_publish")}
    assert {("admin", "agency_add", AGENCY), ("admin", "enroll_code", AGENCY),
            ("officer", "usb_import", "XA-NHATKY-USB accepted")} <= entries, entries
    assert len(plan_numbers) == 1 and all(plan_numbers), entries
    assert any(who == "admin" and action == "schedule.set" and "2027Q3" in what for who, action, what in entries), \
        entries
