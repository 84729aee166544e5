"""``baocao self-test``: passes on a whole installation, and names exactly what fails when a part is broken."""

from __future__ import annotations

import argparse
import hashlib
import io
from pathlib import Path

import pytest

from desktop.cli import app_commands
from desktop.services.self_test import Check, run_self_test, standard_checks
from tests.conftest import REPO, run_cli

V1 = REPO / "tests" / "data" / "store_v1"
V1_PASSPHRASE = "kho-v1-2026"


def _ok(_workdir: Path) -> None:
    return None


def _broken(_workdir: Path) -> None:
    raise RuntimeError("thư viện hỏng")


def _missing_module(_workdir: Path) -> None:
    import importlib

    importlib.import_module("desktop.documents.khong_co_module_nay")


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def _self_test(*argv: str) -> int:
    """``self-test`` through this module's own parser (independent of how the CLI wires its modules)."""
    parser = argparse.ArgumentParser(prog="baocao")
    app_commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["self-test", *argv])
    return args.func(args)


def test_source_tree_passes_every_check() -> None:
    done = run_cli("self-test", timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line for line in lines if line.startswith("✗")] == []
    assert sum(line.startswith("✓ ") for line in lines) == len(standard_checks())
    assert lines[-1] == f"Tự kiểm tra: đạt cả {len(standard_checks())} mục."


def test_broken_check_is_named_and_the_next_still_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_LANG", "en")
    checks = [Check("first", "Thứ nhất", "First", _ok), Check("broken", "Hỏng", "Broken", _broken),
              Check("after", "Sau đó", "After", _ok)]
    out = io.StringIO()
    assert run_self_test(checks, out) == 1
    assert out.getvalue().splitlines() == [
        "✓ First",
        "✗ Broken: RuntimeError: thư viện hỏng",
        "✓ After",
        "Self-test: 2/3 checks passed; failed: Broken.",
    ]


def test_missing_module_is_reported_by_name_in_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_LANG", "vi")
    out = io.StringIO()
    assert run_self_test([Check("pdf", "Xuất PDF", "PDF", _missing_module)], out) == 1
    assert out.getvalue().splitlines()[0] == (
        "✗ Xuất PDF: thiếu mô-đun desktop.documents.khong_co_module_nay trong bản cài đặt này")


def test_work_folders_are_deleted_afterwards() -> None:
    seen: list[Path] = []

    def write_something(workdir: Path) -> None:
        (workdir / "tệp.bin").write_bytes(b"x" * 1024)
        seen.append(workdir)

    assert run_self_test([Check("a", "A", "A", write_something), Check("b", "B", "B", _broken)], io.StringIO()) == 1
    assert seen and not seen[0].exists() and not seen[0].parent.exists()


def test_first_release_store_upgrades_and_the_original_is_untouched(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    before = _files(V1)
    monkeypatch.setenv("BAOCAO_PASSPHRASE", V1_PASSPHRASE)
    monkeypatch.setenv("BAOCAO_LANG", "en")
    assert _self_test("--store", str(V1), "--only", "upgrade", "--only", "store") == 0
    assert capsys.readouterr().out.splitlines() == [
        "✓ Encrypted store (SQLCipher, attachments)",
        "✓ Upgrade of an existing store",
        "Self-test: all 2 checks passed.",
    ]
    assert _files(V1) == before


def test_wrong_passphrase_for_the_old_store_fails_that_check(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BAOCAO_PASSPHRASE", "không đúng")
    monkeypatch.setenv("BAOCAO_LANG", "vi")
    assert _self_test("--store", str(V1), "--only", "upgrade") == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "✗ Nâng cấp kho dữ liệu cũ: Sai tên người dùng hoặc mật khẩu.")


def test_a_folder_that_is_not_a_store_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BAOCAO_PASSPHRASE", V1_PASSPHRASE)
    monkeypatch.setenv("BAOCAO_LANG", "en")
    assert _self_test("--store", str(tmp_path), "--only", "upgrade") == 1
    assert f"{tmp_path} is not a baocao store" in capsys.readouterr().out


def test_unknown_check_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_LANG", "en")
    with pytest.raises(Exception, match="No self-test check named nope") as caught:
        _self_test("--only", "nope")
    assert getattr(caught.value, "code", None) == "unknown_check"


@pytest.mark.parametrize("key", ["version", "store", "bundle"])
def test_core_checks_pass_in_process(key: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _self_test("--only", key) == 0, capsys.readouterr().out
