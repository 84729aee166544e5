"""``baocao evidence add|list|remove`` headless, on the demo store: what the window's panel does.

The demo store is made in this process with cheap Argon2 parameters: ``baocao demo --no-gui`` as a child process
(the production KDF, a demo province set up and enrolled) is proven by tests/services/test_report_cli.py, and
the evidence commands need none of it. One ``evidence list`` runs as the real program (``run_cli``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.services.demo import setup_demo
from desktop.services.periods import current_period_code
from tests.conftest import FAST_KDF, run_cli
from tests.conftest import run_cli_in_process as baocao

SECRET = {"BAOCAO_PASSPHRASE": "mật khẩu dòng lệnh"}
DRAFT = current_period_code(date.today())


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("evidence-cli") / "demo"
    setup_demo(folder, SECRET["BAOCAO_PASSPHRASE"], kdf=FAST_KDF).store.close()
    return folder


def first_task_ref(demo_dir: Path) -> str:
    done = baocao("report", "show", "--json", "--period", DRAFT, "--data-dir", str(demo_dir), env=SECRET)
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["tasks"][0]["ref"])


def evidence(demo_dir: Path, *args: str) -> tuple[int, str, str]:
    done = baocao("evidence", *args, "--period", DRAFT, "--data-dir", str(demo_dir), env=SECRET)
    return done.returncode, done.stdout, done.stderr


def test_add_list_remove_an_items_evidence(demo_dir: Path, tmp_path: Path) -> None:
    ref = first_task_ref(demo_dir)
    scan = tmp_path / "biên bản họp.pdf"
    scan.write_bytes(b"%PDF-1.4 minh chung\n")
    code, out, err = evidence(demo_dir, "add", "--item", ref, str(scan))
    assert code == 0, err
    listed = run_cli("evidence", "list", "--item", ref, "--period", DRAFT, "--data-dir", str(demo_dir), env=SECRET)
    code, out, err = listed.returncode, listed.stdout, listed.stderr
    assert code == 0, err
    assert f"{ref}\tbiên bản họp.pdf\tapplication/pdf\t20\t" in out
    code, out, err = evidence(demo_dir, "list")
    assert "biên bản họp.pdf" in out
    code, out, err = evidence(demo_dir, "remove", "--item", ref, "biên bản họp.pdf")
    assert code == 0, err
    code, out, err = evidence(demo_dir, "list", "--item", ref)
    assert "biên bản họp.pdf" not in out


def test_unknown_item_and_unknown_file_are_refused_by_name(demo_dir: Path, tmp_path: Path) -> None:
    code, _out, err = evidence(demo_dir, "list", "--item", "9999/QĐ::X.9")
    assert code != 0 and "9999/QĐ::X.9" in err and "Traceback" not in err
    ref = first_task_ref(demo_dir)
    code, _out, err = evidence(demo_dir, "remove", "--item", ref, "khong-co.pdf")
    assert code != 0 and "khong-co.pdf" in err


def test_a_program_is_refused_as_evidence(demo_dir: Path, tmp_path: Path) -> None:
    program = tmp_path / "cap-nhat.exe"
    program.write_bytes(b"MZ\x90\x00")
    code, _out, err = evidence(demo_dir, "add", "--item", first_task_ref(demo_dir), str(program))
    assert code != 0 and "cap-nhat.exe" in err
    code, out, _err = evidence(demo_dir, "list")
    assert "cap-nhat.exe" not in out
