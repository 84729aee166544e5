"""Opening a new revision on a PC the province revoked: ``baocao report reopen`` says the province's words
(when, why, enroll again with a new code) before the officer types the reason, and the revision still opens
(the PC may enroll again and sign it then)."""

from __future__ import annotations

import os
import pty
import shutil
import sys
import time
from pathlib import Path

import pytest

from desktop.services import accounts
from desktop.services.identity import record_revoked
from tests.conftest import PASSPHRASE, REPO, run_cli_in_process
from tests.services.test_enroll_cli import _read_until
from tests.services.test_revoked_pc_signs_nothing import SAID_EN, SAID_VI

PROMPT = "Lý do sửa đổi báo cáo đã ký: "


def _revoked_copy(demo_template: Path, folder: Path) -> Path:
    shutil.copytree(demo_template, folder)
    store = accounts.unlock(folder, "admin", PASSPHRASE)
    try:
        with store.session() as session:
            record_revoked(session, SAID_VI, SAID_EN)
    finally:
        store.close()
    return folder


def test_reopen_with_a_reason_says_first_that_the_pc_is_revoked(demo_template: Path, tmp_path: Path) -> None:
    folder = _revoked_copy(demo_template, tmp_path / "data")
    done = run_cli_in_process("report", "reopen", "--period", "2026Q3", "--reason", "Sửa số liệu",
                              "--data-dir", str(folder), env={"BAOCAO_PASSPHRASE": PASSPHRASE})
    assert done.returncode == 0, done.stderr
    assert f"Lưu ý: {SAID_VI}" in done.stderr and "đăng ký lại bằng mã mới của Sở" in done.stderr, done.stderr
    assert "Đã mở báo cáo sửa đổi lần 2." in done.stdout


@pytest.mark.timeout(600)  # a child ``baocao`` on a terminal
def test_reopen_at_a_terminal_warns_before_the_reason_is_asked(demo_template: Path, tmp_path: Path) -> None:
    folder = _revoked_copy(demo_template, tmp_path / "data")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "LANG", "LC_"))}
    env.update(PYTHONPATH=str(REPO), BAOCAO_PASSPHRASE=PASSPHRASE)
    pid, master = pty.fork()
    if pid == 0:  # the child: the terminal is its controlling one, as in a console
        os.execve(sys.executable, [sys.executable, "-m", "desktop", "report", "reopen", "--period", "2026Q3",
                                      "--data-dir", str(folder)], env)
    deadline = time.monotonic() + 300
    screen = _read_until(master, PROMPT, deadline)
    assert PROMPT in screen, screen
    before = screen.split(PROMPT)[0]
    assert "Máy này đã bị Sở thu hồi lúc 03/12/2026 19:55" in before and "mã đăng ký mới" in before, before
    os.write(master, "Sửa số liệu chỉ tiêu 7\r".encode())
    screen += _read_until(master, "\x00never", deadline)
    _, status = os.waitpid(pid, 0)
    os.close(master)
    assert os.waitstatus_to_exitcode(status) == 0, screen
    assert "Đã mở báo cáo sửa đổi lần 2." in screen, screen
