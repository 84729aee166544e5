"""The CLI counts in English as people do: «1 error», «2 errors», never «1 error(s)»; the Vietnamese, which has no
plural, says «1 lỗi». Headless, on a demo store made in this process (as tests/services/test_evidence_cli.py)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.officer_words import counted
from desktop.services import accounts
from desktop.services.demo import setup_demo
from desktop.services.reports import apply_values
from desktop.services.validation import validate
from tests.conftest import FAST_KDF
from tests.conftest import run_cli_in_process as baocao

PASSPHRASE = "mật khẩu đếm lỗi"
DRAFT = "2026Q4"  # the demo made on 23/11/2026 fills Q4 in part: 16 indicators without figures


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("counted-cli") / "demo"
    setup_demo(folder, PASSPHRASE, kdf=FAST_KDF, today=date(2026, 11, 23)).store.close()
    return folder


def _leave_errors(folder: Path, left: int) -> None:
    """Give a reason «không áp dụng» to every item in error but ``left`` indicators."""
    store = accounts.unlock(folder, "admin", PASSPHRASE)
    reason = {"not_applicable_reason": "Xã không có đơn vị này."}
    try:
        errors = validate(store, DRAFT).errors
        indicators = [i.item_key for i in errors if i.item_kind == "indicator"]
        assert len(indicators) > left, indicators
        apply_values(store, DRAFT, tasks={i.item_key: reason for i in errors if i.item_kind == "task"},
                     indicators={ref: reason for ref in indicators[left:]})
        assert len(validate(store, DRAFT).errors) == left
    finally:
        store.close()


def _cli(folder: Path, language: str, *args: str) -> tuple[int, str, str]:
    done = baocao(*args, "--period", DRAFT, "--data-dir", str(folder),
                  env={"BAOCAO_PASSPHRASE": PASSPHRASE, "BAOCAO_LANG": language})
    return done.returncode, done.stdout, done.stderr


def test_validate_and_sign_count_errors_in_english_words_and_in_vietnamese(demo_dir: Path) -> None:
    _leave_errors(demo_dir, 2)
    code, out, _err = _cli(demo_dir, "en", "report", "validate")
    assert code == 1 and re.search(r"^2 errors, \d+ warnings?\.$", out, re.M), out
    _leave_errors(demo_dir, 1)
    code, out, _err = _cli(demo_dir, "en", "report", "validate")
    assert code == 1 and re.search(r"^1 error, 1 warning\.$", out, re.M), out
    assert "(s)" not in out
    code, out, _err = _cli(demo_dir, "vi", "report", "validate")
    assert code == 1 and re.search(r"^1 lỗi, 1 cảnh báo\.$", out, re.M), out
    code, _out, err = _cli(demo_dir, "en", "report", "sign")
    assert code != 0 and "Cannot sign: 1 error left. First: " in err and "(s)" not in err, err
    code, _out, err = _cli(demo_dir, "vi", "report", "approve")
    assert code != 0 and "Chưa phê duyệt được: còn 1 lỗi. Lỗi đầu tiên: " in err, err


def test_an_english_count_takes_its_noun_in_the_right_number() -> None:
    assert counted(1, "cell") == "1 cell"
    assert counted(0, "error") == "0 errors"
    assert counted(1489, "day") == "1,489 days"
    assert counted(2, "old PC") == "2 old PCs"
    assert counted(3, "evidence file") == "3 evidence files"
    assert counted(2, "entry", "entries") == "2 entries" and counted(1, "entry", "entries") == "1 entry"
