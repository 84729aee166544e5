"""``baocao enroll`` against a real demo province server: the one-time code is asked at a prompt that does not
echo (or read from BAOCAO_ENROLL_CODE; ``--code`` still works, with a warning), the province's key
fingerprints are printed as the province reads them, and a bad address is refused before anything is asked."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.models.settings import get_setting
from desktop.services import accounts
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import URL_SETTING
from tests.conftest import FAST_KDF, PASSPHRASE, REPO, run_cli_in_process

PROMPT = "Mã đăng ký một lần của Sở: "


def _new_store(folder: Path) -> Path:
    accounts.create_store(folder, "admin", PASSPHRASE, FAST_KDF).store.close()
    return folder


def _province_fingerprints(folder: Path) -> list[str]:
    """What the province reads over the phone: ``baocao-server fingerprints``, last field of each line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_")}
    done = subprocess.run([sys.executable, "-m", "server.cli", "fingerprints"], capture_output=True, text=True,
                          env={**env, "BAOCAO_SERVER_DATA_DIR": str(folder)}, timeout=120, check=True)
    return [line.split()[-1] for line in done.stdout.splitlines() if line.strip()]


def _read_until(master: int, wanted: str, deadline: float) -> str:
    seen = b""
    while wanted.encode() not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the child ended and closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    return seen.decode("utf-8", "replace")


def _enroll_at_a_terminal(data_dir: Path, url: str, code: str) -> tuple[int, str]:
    """Run the real ``baocao enroll`` on a pseudo-terminal, type ``code`` at its prompt; (exit code, screen)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "LANG", "LC_"))}
    env.update(PYTHONPATH=str(REPO), BAOCAO_PASSPHRASE=PASSPHRASE)
    pid, master = pty.fork()
    if pid == 0:  # the child: the terminal is its controlling one, as in a console
        os.execve(sys.executable, [sys.executable, "-m", "desktop", "enroll", "--server", url,
                                   "--data-dir", str(data_dir)], env)
    deadline = time.monotonic() + 300
    screen = _read_until(master, PROMPT, deadline)
    assert PROMPT in screen, screen
    os.write(master, code.encode() + b"\r")
    screen += _read_until(master, "\x00never", deadline)
    _, status = os.waitpid(pid, 0)
    os.close(master)
    return os.waitstatus_to_exitcode(status), screen


@pytest.mark.slow(seconds=80)
@pytest.mark.timeout(900)  # a server process and a child ``baocao``: minutes on a loaded machine
def test_the_code_is_asked_without_echo_and_the_province_fingerprints_are_shown(
        tmp_path: Path, demo_province_folder: Path) -> None:
    expected = _province_fingerprints(demo_province_folder)
    assert len(expected) == 3
    with DemoProvince(demo_province_folder) as province:
        code = province.enrollment_code()
        exit_code, screen = _enroll_at_a_terminal(_new_store(tmp_path / "a"), province.url, code)
        assert exit_code == 0, screen
        assert "Đã đăng ký" in screen
        assert code not in screen, "the code typed at the prompt must not be echoed"
        assert "--code" not in screen, "no warning when the code was typed at the prompt"
        for printed in expected:
            assert printed in screen, f"the province reads {printed} on the phone; enroll must show it"

        by_env = run_cli_in_process("enroll", "--server", province.url, "--data-dir", str(_new_store(tmp_path / "b")),
                                    env={"BAOCAO_PASSPHRASE": PASSPHRASE,
                                         "BAOCAO_ENROLL_CODE": province.enrollment_code()})
        assert by_env.returncode == 0 and "Đã đăng ký" in by_env.stdout, by_env.stderr
        assert "--code" not in by_env.stderr
        assert all(printed in by_env.stdout for printed in expected)

        argv_code = province.enrollment_code()
        in_argv = run_cli_in_process("enroll", "--server", province.url, "--code", argv_code,
                                     "--data-dir", str(_new_store(tmp_path / "c")),
                                     env={"BAOCAO_PASSPHRASE": PASSPHRASE, "LANG": "en_US.UTF-8"})
        assert in_argv.returncode == 0 and "Enrolled" in in_argv.stdout, in_argv.stderr
        assert "Warning: a code given with --code is visible to other users" in in_argv.stderr


@pytest.mark.parametrize("url", ["http://127.0.0.1@evil.example", "http://localhost.evil.example",
                                 "http://127.0.0.1.evil.example:8080"])
def test_a_bad_address_is_refused_before_the_code_is_asked_and_nothing_is_kept(tmp_path: Path, url: str) -> None:
    folder = _new_store(tmp_path / "data")
    refused = run_cli_in_process("enroll", "--server", url, "--data-dir", str(folder),
                                 env={"BAOCAO_PASSPHRASE": PASSPHRASE})
    assert refused.returncode != 0
    assert "không dùng được" in refused.stderr and url in refused.stderr, refused.stderr
    assert "BAOCAO_ENROLL_CODE" not in refused.stderr, "the address is wrong: no code should be asked for"
    store = accounts.unlock(folder, "admin", PASSPHRASE)
    try:
        with store.session() as session:
            assert get_setting(session, URL_SETTING) is None
    finally:
        store.close()
