"""What an officer reads in the CLI after the USB route, against the real demo province: the province's answer in
Vietnamese words (no «rejected», «sent», «needs_attention», «[lead]», «in_progress»), and every time in Vietnam
time with the zone said once (``outbox`` printed UTC ISO while the window and ``device list`` said 16:05)."""

from __future__ import annotations

import base64
import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from desktop.domain.periods import vietnam_time
from desktop.services.demo_province import DemoProvince
from tests.conftest import PASSPHRASE, run_cli_in_process
from tests.services.usb_round_trip import carried, enrolled_pc

ENV = {"BAOCAO_PASSPHRASE": PASSPHRASE}


def _cli(folder: Path, *args: str, language: str = "vi") -> tuple[int, str]:
    done = run_cli_in_process(*args, "--data-dir", str(folder), env={**ENV, "BAOCAO_LANG": language})
    assert not done.stderr or done.returncode, done.stderr
    return done.returncode, done.stdout


def _received_at(receipt: Path) -> str:
    """The receipt's own time, read from its payload (the app verifies it; the test reads what it says)."""
    return json.loads(base64.b64decode(json.loads(receipt.read_bytes())["payload"]))["received_at"]


@pytest.mark.timeout(900)  # a server process, two demo stores and four `baocao-server import` runs
def test_the_province_s_answer_on_usb_is_told_in_vietnamese_words_and_vietnam_time(
        tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        first, second = enrolled_pc(tmp_path / "a", province, "Máy kế toán"), None
        try:
            second = enrolled_pc(tmp_path / "b", province, "Máy văn thư")
            accepted, said = carried(first, province, tmp_path / "a.bcx")
            assert said.startswith("Đã nhận:"), said
            # The second PC's revision 1 clashes with the first's, already received: the province refuses it.
            refused, said = carried(second, province, tmp_path / "b.bcx")
            assert said.startswith("Từ chối:") and "rejected" not in said, said
            _again, said_en = carried(second, province, tmp_path / "b-en.bcx", language="en")
            assert said_en.startswith("rejected:"), said_en
        finally:
            first.close()
            if second is not None:
                second.close()

    moment = vietnam_time(datetime.fromisoformat(_received_at(accepted)))

    code, out = _cli(tmp_path / "a", "receipt", "import", str(accepted))
    at = f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"
    said = f"Đã ghi nhận biên nhận của Sở: Sở đã nhận báo cáo Quý III/2026 lần 1 lúc {at}."
    assert code == 0 and out.strip() == said, out
    code, out = _cli(tmp_path / "a", "outbox")
    assert out.count("giờ Việt Nam") == 1 and "Quý III/2026 lần 1" in out and "Sở đã nhận" in out, out
    assert at in out and not re.search(r"\dT\d\d:\d\d", out), "Vietnam time, not UTC ISO"
    code, out = _cli(tmp_path / "a", "report", "history", "--period", "2026Q3")
    assert out.startswith("Lần 1: Sở đã nhận"), out
    code, out = _cli(tmp_path / "a", "report", "show", "--period", "2026Q3")
    assert "(Sở đã nhận)" in out.splitlines()[0] and "[chủ trì]" in out and "Đang triển khai" in out, out
    for code_word in ("[lead]", "[coordinator]", "in_progress", "acknowledged"):
        assert code_word not in out

    code, out = _cli(tmp_path / "b", "receipt", "import", str(refused))
    assert code == 1 and out.startswith("Đã ghi nhận biên nhận của Sở: Sở từ chối báo cáo Quý III/2026 lần 1: "), out
    assert "rejected" not in out
    code, out = _cli(tmp_path / "b", "report", "history", "--period", "2026Q3")
    assert out.startswith("Lần 1: Sở từ chối") and "sent" not in out, out
    code, out = _cli(tmp_path / "b", "outbox")
    assert "Sở từ chối, cần xem lại" in out and "needs_attention" not in out, out
    code, out = _cli(tmp_path / "b", "outbox", language="en")
    assert "refused, needs attention" in out and "Vietnam time" in out, out
