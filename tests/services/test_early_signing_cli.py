"""``baocao report sign`` before the period's data window opens: refused without ``--early`` (naming the
window), asked at a terminal, signed with ``--early``; the same rule as the window's «Phê duyệt và ký»."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.periods import Period
from desktop.services import reports
from desktop.services.demo import setup_demo
from desktop.services.periods import current_period_code
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A demo store whose last signed quarter is open again (valid, ready to sign) and a clock set to three
    days before that quarter's data window."""
    made = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF)
    period = Period.parse(current_period_code()).previous()
    reports.reopen_report(made.store, period.code, "Bổ sung số liệu")
    made.store.close()
    monkeypatch.setattr("desktop.services.signing.vietnam_today", lambda: period.data_window.start - timedelta(3))
    monkeypatch.setenv("BAOCAO_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("BAOCAO_LANG", "vi")
    return tmp_path / "data", period.code


def sign(data: Path, code: str, *extra: str) -> int:
    return main(["report", "sign", "--period", code, "--data-dir", str(data), *extra])


def test_a_script_is_refused_with_the_window_named(early: tuple[Path, str], capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    data, code = early
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert sign(data, code) == 2
    said = capsys.readouterr().err
    window = Period.parse(code).data_window
    assert said.startswith(f"baocao: Kỳ số liệu {Period.parse(code).label('vi')} chưa bắt đầu")
    assert f"từ ngày {window.start:%d/%m/%Y}" in said and "còn 3 ngày nữa" in said and "--early" in said
    assert sign(data, code, "--early") == 0
    assert "Đã ký báo cáo lần 2" in capsys.readouterr().out


def test_at_a_terminal_the_user_answers(early: tuple[Path, str], capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    data, code = early
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["k", "c"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    assert sign(data, code) == 2
    first = capsys.readouterr().err
    assert "chưa bắt đầu" in first and "baocao: Chưa ký." in first
    assert sign(data, code) == 0
    assert "Đã ký báo cáo lần 2" in capsys.readouterr().out


def test_no_question_once_the_window_is_open(early: tuple[Path, str], capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    data, code = early
    monkeypatch.setattr("desktop.services.signing.vietnam_today", lambda: date(2099, 1, 1))
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert sign(data, code) == 0
    assert "chưa bắt đầu" not in capsys.readouterr().err
