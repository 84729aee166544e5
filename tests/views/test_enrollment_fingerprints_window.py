"""Enrolling in the window shows every key fingerprint the province pins, in the format of the Sở's enrollment
letter, with the prompt to phone the Sở and compare them: the codes on the Đồng bộ tab are the codes printed
on the letter the console gave for the same server (a real server process, its console and the window)."""

from __future__ import annotations

import html
import re
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.services import accounts
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.console.console_server import ConsoleServer, csrf_of
from tests.views.flow_helpers import settle_workers

AGENCY = "DT-MYHIEP"
GROUPS = re.compile(r"[0-9A-F]{4}(?:-[0-9A-F]{4}){3}")


def _letter(console: ConsoleServer) -> tuple[str, list[str]]:
    """The one-time code and the fingerprints of the letter «Cấp mã đăng ký» prints for ``AGENCY``."""
    console.cli("agency", "add", AGENCY, "Ủy ban nhân dân xã Mỹ Hiệp", "--parent", "UBND tỉnh Đồng Tháp")
    with closing(console.login("admin")) as admin:
        token = csrf_of(admin.get("/console/agencies").text)
        page = admin.post("/console/agencies/code", data={"csrf": token, "agency": AGENCY, "days": "7"}).text
    code = re.search(r'id="enroll-code">([^<]+)<', page)
    assert code is not None, page[:500]
    table = page.split('id="fingerprints"', 1)[1].split("</table>", 1)[0]
    return code.group(1).strip(), GROUPS.findall(html.unescape(table))


@pytest.mark.timeout(900)  # a server process with its console accounts, and a store
def test_the_window_shows_every_fingerprint_of_the_provinces_letter_with_the_prompt_to_compare(
        qtbot: QtBot, tmp_path: Path) -> None:
    console = ConsoleServer.create(tmp_path / "province")
    store = accounts.create_store(tmp_path / "pc", "admin", PASSPHRASE, FAST_KDF).store
    try:
        code, printed = _letter(console)
        assert len(printed) == 3, printed
        window = create_main_window(store)
        qtbot.addWidget(window)
        window.show()
        panel = window.sync
        window.tabs.setCurrentWidget(panel)
        qtbot.waitUntil(lambda: panel.loading is None, timeout=30_000)
        panel.url.setText(console.url)
        panel.code.setText(code)
        panel.enroll_button.click()
        qtbot.waitUntil(lambda: panel.operation is None and panel.enrolled.isVisible(), timeout=120_000)
        shown = panel.enrolled.text()
        assert "Gọi điện cho Sở để đối chiếu các mã này trước khi dùng" in shown, shown
        for groups in printed:
            assert groups in shown, f"the letter prints {groups}; the window must show it: {shown}"
        assert "Mã kiểm tra khóa ký của Sở (ký biên nhận)" in shown, "named as on the letter"
        window.close()
    finally:
        settle_workers()
        store.close()
        console.stop()
