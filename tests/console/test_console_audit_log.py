"""Every admin action the console offers lands in its audit log with who did it and on what: adding an
agency, issuing its code, publishing a plan, setting a deadline, importing a USB export; so are a commune's PC
enrolling and its report received. The log says it in words, in Vietnamese and in English («Cấp mã đăng ký»,
«dòng lệnh»), never the stored codes."""

from __future__ import annotations

import html
import re
from contextlib import closing
from pathlib import Path

from desktop.documents.sample_plans import write_sample_plans
from tests.console.console_server import ConsoleServer, csrf_of
from tests.console.test_console_report_and_usb import seal_export

AGENCY = "XA-NHATKY"


CODES = ("consolidated_report", "schedule.set", "plan_publish", "enroll_code", "agency_add", "user_add",
         "usb_import", "login", ">cli<", " admin<", "2027Q3", "device_enroll", "report_receive", "2026Q4")


def _entries(console: ConsoleServer, lang: str = "vi") -> set[tuple[str, str, str]]:
    """(who, action, on what) of every row of the audit page."""
    with closing(console.login("admin")) as admin:
        admin.get(f"/console/lang/{lang}?next=/console/audit")
        page = admin.get("/console/audit")
        assert not [code for code in CODES if code in page.text.split('id="audit"')[1]], page.text
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
    plan_numbers = {what for who, action, what in entries if (who, action) == ("admin", "Công bố kế hoạch")}
    assert {("admin", "Thêm cơ quan", AGENCY), ("admin", "Cấp mã đăng ký", AGENCY),
            ("officer", "Nhập báo cáo từ USB", "XA-NHATKY-USB: đã nhận"),
            ("admin", "Đặt hạn nộp", "Quý III năm 2027"), ("dòng lệnh", "Thêm tài khoản", "admin, Quản trị viên"),
            ("admin", "Đăng nhập", "127.0.0.1")} <= entries, entries
    assert len(plan_numbers) == 1 and all(plan_numbers), entries
    # The commune's PC joining and its report arriving: the two events an inspector looks for first.
    assert any(who == "XA-NHATKY-USB" and action == "Đăng ký máy của cơ quan"
               and what.startswith("XA-NHATKY-USB, khoá thiết bị ") for who, action, what in entries), entries
    assert ("XA-NHATKY-USB", "Nhận báo cáo", "XA-NHATKY-USB, Quý IV năm 2026, lần 1, từ USB") in entries, entries
    english = _entries(console, "en")
    assert {("admin", "Issued an enrollment code", AGENCY), ("admin", "Set a deadline", "Q3 2027"),
            ("command line", "Added an account", "officer, Officer"),
            ("officer", "Imported a report from USB", "XA-NHATKY-USB: accepted"),
            ("XA-NHATKY-USB", "Received a report", "XA-NHATKY-USB, Q4 2026, revision 1, from USB")} <= english, english
