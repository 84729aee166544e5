"""``baocao-server user add`` at a terminal: the password is asked twice through the real prompt, on a pty that
is the command's controlling terminal, never echoed; the account then logs in to the console."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from tests.console.console_server import ConsoleServer
from tests.server.live_server import REPO, cli_env, run_cli

PASSWORD = "mật khẩu gõ tay 2026!"


def _read_until(fd: int, wanted: bytes | None, timeout: float = 120.0) -> bytes:
    """What the terminal shows until ``wanted`` appears (or, with None, until the command closes it)."""
    seen, deadline = b"", time.monotonic() + timeout
    while wanted is None or wanted not in seen:
        assert time.monotonic() < deadline, f"no {wanted!r} on the terminal: {seen!r}"
        if not select.select([fd], [], [], 1.0)[0]:
            continue
        try:
            piece = os.read(fd, 4096)
        except OSError:  # EIO: the command exited and closed its side of the pty
            piece = b""
        if not piece:
            assert wanted is None, f"the terminal closed before {wanted!r}: {seen!r}"
            return seen
        seen += piece
    return seen


def _at_a_terminal(args: list[str], env: dict[str, str], answers: list[tuple[bytes, str]]) -> tuple[str, int]:
    """Run ``baocao-server ARGS`` with a pty as its terminal, typing each answer after its prompt; what the
    terminal showed and the exit code."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its controlling terminal, as a shell's would be
        try:
            os.chdir(REPO)
            os.execve(sys.executable, [sys.executable, "-m", "server.cli", *args], env)
        finally:
            os._exit(127)
    try:
        shown = b""
        for prompt, answer in answers:
            shown += _read_until(fd, prompt)
            os.write(fd, answer.encode("utf-8") + b"\r")
        shown += _read_until(fd, None)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return shown.decode("utf-8", "replace"), os.waitstatus_to_exitcode(status)


def test_user_add_asks_the_password_twice_without_echo_and_the_account_logs_in(console: ConsoleServer) -> None:
    env = {k: v for k, v in cli_env(console.data_dir).items() if k != "BAOCAO_CONSOLE_PASSWORD"}
    env["PYTHONUTF8"] = "1"
    shown, code = _at_a_terminal(["user", "add", "nguyenvana", "--role", "officer"], env,
                                 [(b"Account password: ", PASSWORD), (b"Repeat the password: ", PASSWORD)])
    assert code == 0, shown
    assert "Account nguyenvana (officer) added." in shown
    assert PASSWORD not in shown and "2026!" not in shown, f"the password was echoed: {shown!r}"
    with closing(console.login("nguyenvana", PASSWORD)) as officer:
        assert officer.get("/console/period").status_code == 200


def test_user_add_refuses_two_different_passwords_typed_at_the_prompt(console: ConsoleServer) -> None:
    env = {k: v for k, v in cli_env(console.data_dir).items() if k != "BAOCAO_CONSOLE_PASSWORD"}
    env["PYTHONUTF8"] = "1"
    shown, code = _at_a_terminal(["user", "add", "tranthib", "--role", "viewer"], env,
                                 [(b"Account password: ", PASSWORD), (b"Repeat the password: ", PASSWORD + "x")])
    assert code != 0 and "The passwords do not match." in shown, shown
    assert "tranthib" not in console.admin("user", "list")


def test_without_a_terminal_the_command_names_the_password_variable(tmp_path: Path) -> None:
    """Piped from a script with no terminal and no BAOCAO_CONSOLE_PASSWORD: a clear message, not a traceback."""
    run_cli(tmp_path, "init")
    env = {**cli_env(tmp_path), "BAOCAO_LANG": "vi"}
    env.pop("BAOCAO_CONSOLE_PASSWORD", None)
    done = subprocess.run([sys.executable, "-m", "server.cli", "user", "add", "nguyenvana", "--role", "admin"],
                          env=env, cwd=REPO, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
                          start_new_session=True)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "EOFError" not in done.stderr, done.stderr
    assert "biến môi trường BAOCAO_CONSOLE_PASSWORD" in done.stderr, done.stderr
