"""The reporting commands as a script would use them: demo, show --json, validate, sign, history.

The demo is made by a child process, as a user runs it; the other commands run in this process
(``run_cli_in_process``: the same ``main``, without seconds of imports each)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from desktop.cli.demo_commands import print_step
from desktop.domain.periods import SHORT, Period
from desktop.services.periods import current_period_code
from tests.conftest import run_cli
from tests.conftest import run_cli_in_process as baocao

SECRET = {"BAOCAO_PASSPHRASE": "mật khẩu dòng lệnh"}
# The demo signs the quarter before today's and fills today's: the periods follow the calendar.
DRAFT = current_period_code(date.today())
SIGNED = Period.parse(DRAFT).previous().code
SHORT_DRAFT = Period.parse(DRAFT).label("vi", SHORT)  # «Quý I/2027»: how the CLI names it in a sentence


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "demo"
    done = run_cli("demo", "--no-gui", "--data-dir", str(folder), env=SECRET)
    assert done.returncode == 0, done.stderr
    assert "Khóa khôi phục" in done.stdout
    steps = ["khởi động máy chủ của Sở", "tạo kho dữ liệu demo", "nhập kế hoạch mẫu", "đăng ký máy này",
             "ký báo cáo quý trước", "báo cáo quý này", "Kho demo:"]
    said = [done.stdout.find(step) for step in steps]
    assert -1 not in said and said == sorted(said), f"each step is told as it starts:\n{done.stdout}"
    return folder


def test_demo_steps_are_told_in_english_too(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BAOCAO_LANG", "en")
    print_step("previous")
    assert capsys.readouterr().out == "Filling in and signing last quarter's report…\n"


def test_show_json_lists_my_tasks_and_indicators(demo_dir: Path) -> None:
    done = baocao("report", "show", "--json", "--period", SIGNED, "--data-dir", str(demo_dir), env=SECRET)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["status"] == "signed"
    assert report["tasks"] and report["indicators"]
    task = report["tasks"][0]
    assert {"key", "title", "role", "status", "percent", "result"} <= set(task)
    assert task["role"] in ("lead", "coordinator")
    assert all(t["status"] for t in report["tasks"])


def test_validate_exits_non_zero_while_errors_remain(demo_dir: Path) -> None:
    done = baocao("report", "validate", "--period", DRAFT, "--data-dir", str(demo_dir), env=SECRET)
    assert done.returncode == 1
    assert "LỖI" in done.stdout and "lỗi" in done.stdout.splitlines()[-1]
    english = baocao("report", "validate", "--period", DRAFT, "--data-dir", str(demo_dir),
                      env={**SECRET, "LANG": "en_US.UTF-8"})
    assert "ERROR" in english.stdout and "(s)" not in english.stdout
    assert re.search(r"^\d+ errors?, \d+ warnings?\.$", english.stdout, re.M), english.stdout


def test_sign_is_refused_with_the_first_error_named(demo_dir: Path) -> None:
    done = baocao("report", "sign", "--period", DRAFT, "--data-dir", str(demo_dir), env=SECRET)
    assert done.returncode != 0
    assert done.stderr.startswith("baocao: Chưa ký được") and len(done.stderr.strip().splitlines()) == 1


def test_history_and_bad_period(demo_dir: Path) -> None:
    label = Period.parse(SIGNED).label("vi")  # "Quý III năm 2026": the period as the app writes it
    done = baocao("report", "history", "--period", label, "--data-dir", str(demo_dir), env=SECRET)
    assert done.returncode == 0, done.stderr
    assert "Lần 1: đã ký, chờ gửi Sở" in done.stdout
    bad = baocao("report", "show", "--period", "2026Q5", "--data-dir", str(demo_dir), env=SECRET)
    assert bad.returncode == 2 and "2026Q5" in bad.stderr


def test_pdf_and_workbook_commands_write_files(demo_dir: Path, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "bc.pdf", tmp_path / "bc.xlsx"
    done = baocao("report", "pdf", "--period", SIGNED, "--out", str(pdf), "--data-dir", str(demo_dir), env=SECRET)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    done = baocao("report", "xlsx", "--period", SIGNED, "--out", str(xlsx), "--data-dir", str(demo_dir), env=SECRET)
    assert done.returncode == 0, done.stderr
    # The workbook of the signed quarter does not go into the draft's quarter without a word.
    refused = baocao("report", "fill", str(xlsx), "--period", DRAFT, "--data-dir", str(demo_dir), env=SECRET)
    assert refused.returncode == 2 and SIGNED in refused.stderr and DRAFT in refused.stderr, refused.stderr
    assert "--force" in refused.stderr and "Đã lấy" not in refused.stdout
    filled = baocao("report", "fill", str(xlsx), "--period", DRAFT, "--force", "--data-dir", str(demo_dir),
                     env=SECRET)
    assert filled.returncode == 0, filled.stderr
    assert "Đã lấy giá trị của" in filled.stdout and f"vào báo cáo {SHORT_DRAFT}." in filled.stdout, filled.stdout
    draft_xlsx = tmp_path / "draft.xlsx"
    done = baocao("report", "xlsx", "--period", DRAFT, "--out", str(draft_xlsx), "--data-dir", str(demo_dir),
                   env=SECRET)
    assert done.returncode == 0, done.stderr
    own = baocao("report", "fill", str(draft_xlsx), "--data-dir", str(demo_dir), env=SECRET)
    assert own.returncode == 0 and SHORT_DRAFT in own.stdout, own.stderr


def test_bundle_make_verify_and_a_flipped_byte(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "signed.bcb"
    done = baocao("bundle", "make", "--period", SIGNED, "--out", str(out), "--data-dir", str(demo_dir), env=SECRET)
    assert done.returncode == 0, done.stderr
    good = baocao("bundle", "verify", str(out), "--data-dir", str(demo_dir), env=SECRET)
    signed = Period.parse(SIGNED).label("vi", SHORT)
    assert good.returncode == 0 and f"Gói hợp lệ: DT-MYHIEP kỳ {signed} lần 1" in good.stdout, good.stdout
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    out.write_bytes(bytes(data))
    bad = baocao("bundle", "verify", str(out), "--data-dir", str(demo_dir), env=SECRET)
    assert bad.returncode == 4 and bad.stderr.startswith("baocao: ") and "Traceback" not in bad.stderr
