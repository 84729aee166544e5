"""The CLI takes a period as people write it («Quý III/2026», «III/2026», «q3/2026») and names it so in what it
says («báo cáo Quý III/2026», «the Q3 2026 report»), never as the code «2026Q3»; a period it cannot read is
refused with the forms it takes. Headless, on a demo store made in this process (as test_evidence_cli.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.services.demo import setup_demo
from tests.conftest import FAST_KDF
from tests.conftest import run_cli_in_process as baocao

PASSPHRASE = "mật khẩu kỳ báo cáo"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo made on 23/11/2026: Q3 2026 signed, Q4 2026 a draft."""
    folder = tmp_path_factory.mktemp("period-cli") / "demo"
    setup_demo(folder, PASSPHRASE, kdf=FAST_KDF, today=date(2026, 11, 23)).store.close()
    return folder


def _cli(folder: Path, *args: str, language: str = "vi") -> tuple[int, str, str]:
    done = baocao(*args, "--data-dir", str(folder), env={"BAOCAO_PASSPHRASE": PASSPHRASE, "BAOCAO_LANG": language})
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("typed", ["2026Q3", "Quý III/2026", "III/2026", "q3/2026", "quy iii nam 2026"])
def test_a_period_is_taken_as_people_write_it(demo_dir: Path, typed: str) -> None:
    code, out, err = _cli(demo_dir, "report", "history", "--period", typed)
    assert code == 0 and out.startswith("Lần 1: "), (out, err)


def test_a_period_that_cannot_be_read_is_refused_with_the_forms_taken(demo_dir: Path) -> None:
    code, _out, err = _cli(demo_dir, "report", "show", "--period", "Quý 5/2026")
    assert code == 2 and "«Quý 5/2026»" in err and "Traceback" not in err, err
    for form in ("Quý IV/2026", "Quý IV năm 2026", "IV/2026", "Q4/2026"):
        assert form in err, err


def test_messages_name_the_period_as_read_not_by_its_code(demo_dir: Path, tmp_path: Path) -> None:
    scan = tmp_path / "biên bản.pdf"
    scan.write_bytes(b"%PDF-1.4 minh chung\n")
    ref = "3256/QĐ-UBND::I.1"
    code, _out, err = _cli(demo_dir, "evidence", "add", "--period", "III/2026", "--item", ref, str(scan))
    assert code != 0 and "Báo cáo Quý III/2026 lần 1 đã ký, không sửa được" in err and "2026Q3" not in err, err
    code, _out, err = _cli(demo_dir, "evidence", "add", "--period", "III/2026", "--item", ref, str(scan),
                           language="en")
    assert "The Q3 2026 report, revision 1, is signed and frozen" in err and "2026Q3" not in err, err

    code, _out, err = _cli(demo_dir, "export", "--period", "Quý IV/2026", "--out", str(tmp_path / "q4.bcx"))
    assert code != 0 and "Kỳ Quý IV/2026 chưa có báo cáo đã ký để xuất." in err and "2026Q4" not in err, err

    bundle = tmp_path / "q3.bcb"
    code, _out, err = _cli(demo_dir, "bundle", "make", "--period", "Quý III/2026", "--out", str(bundle))
    assert code == 0, err
    code, out, err = _cli(demo_dir, "bundle", "verify", str(bundle))
    assert code == 0 and " kỳ Quý III/2026 lần 1, " in out and "2026Q3" not in out, (out, err)
    code, out, _err = _cli(demo_dir, "bundle", "verify", str(bundle), language="en")
    assert " Q3 2026 revision 1, " in out and "2026Q3" not in out, out
