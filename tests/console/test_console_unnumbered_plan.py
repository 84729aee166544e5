"""A plan without a số ký hiệu published from the console is numbered by the file's name as uploaded (not the
server's random copy), so its next version is compared with it and an agency's app keeps one plan."""

from __future__ import annotations

import re
from contextlib import closing
from pathlib import Path

import httpx
from openpyxl import load_workbook

from tests.console.console_server import ConsoleServer, csrf_of
from tests.e2e.test_unnumbered_plan_sync import _unnumbered_plan


def _publish(admin: httpx.Client, path: Path) -> str:
    """Upload ``path`` as «chuong-trinh-so.xlsx», publish what the preview shows; the preview page."""
    token = csrf_of(admin.get("/console/plans").text)
    preview = admin.post("/console/plans/preview", data={"csrf": token},
                         files={"file": ("chuong-trinh-so.xlsx", path.read_bytes(), "application/octet-stream")})
    assert preview.status_code == 200, preview.text
    fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', preview.text))
    assert admin.post("/console/plans/publish", data=fields).status_code == 303
    return preview.text


def test_an_unnumbered_plan_keeps_its_uploaded_name_across_versions(console: ConsoleServer, tmp_path: Path) -> None:
    first = _unnumbered_plan(tmp_path / "v1.xlsx")
    book = load_workbook(first)
    cell = next(c for row in book.worksheets[-1].iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("Nghiên cứu, hoàn thiện thể chế"))
    cell.value = "Nghiên cứu, hoàn thiện thể chế số của tỉnh"
    book.save(tmp_path / "v2.xlsx")
    device = console.enroll("XA-KHONGSO")
    with closing(console.login("admin")) as admin:
        assert "Xem trước kế hoạch: chuong-trinh-so" in _publish(admin, first)
        second = _publish(admin, tmp_path / "v2.xlsx")
        assert 'id="plan-changes"' in second and "~1" in second, "the new version is compared with the first"
        assert admin.get("/console/plans").text.count("chuong-trinh-so") >= 2
    with device.client() as client:
        package = client.pull_assignments(None).package
    assert package is not None
    assert {p["number"] for p in package["plans"]} == {"chuong-trinh-so"}
