"""The enrollment letter printed at A4 by a real Chromium (its own header and footer left on, as a user's print
dialog has them): no address or date of the browser's in the page, and «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» and
the Sở's name each on one line."""

from __future__ import annotations

import os
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from tests.console.console_server import ConsoleServer, csrf_of

CHROMIUM = "/usr/bin/chromium"


def test_the_printed_letter_has_no_browser_header_and_the_motto_on_one_line(console: ConsoleServer,
                                                                              tmp_path: Path) -> None:
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed")
    console.cli("agency", "add", "DT-MYHIEP", "Ủy ban nhân dân xã Mỹ Hiệp", "--parent", "UBND tỉnh Đồng Tháp",
                check=False)
    console.admin("province", "set", "--name", "Đồng Tháp")
    with closing(console.login("admin")) as admin:
        token = csrf_of(admin.get("/console/agencies").text)
        page = admin.post("/console/agencies/code", data={"csrf": token, "agency": "DT-MYHIEP", "days": "7"}).text
        for name in ("console.css", "letter.css"):
            answer = admin.get(f"/console/static/{name}")
            if answer.status_code == 200:
                (tmp_path / name).write_text(answer.text, encoding="utf-8")
    (tmp_path / "letter.html").write_text(page.replace("/console/static/", ""), encoding="utf-8")
    pdf = tmp_path / "letter.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'p'}",
                    f"--print-to-pdf={pdf}", (tmp_path / "letter.html").as_uri()], check=True, capture_output=True,
                   timeout=120)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in lines), text
    assert any("SỞ KHOA HỌC VÀ CÔNG NGHỆ" in line for line in lines), text
    assert "file://" not in text and "letter.html" not in text, "the browser's own header and footer are printed"
