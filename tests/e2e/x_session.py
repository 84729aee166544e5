"""A real X session for end-to-end tests: Xvfb on a display number it picks itself (``-displayfd``, so that
parallel workers never collide), the openbox window manager, and xdotool for real X key events.

In CI (``CI`` set) a missing tool is a failure, not a skip: the test must run there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "openbox", "xdotool", "xkbcomp", "import", "xprop")


def require_tools() -> None:
    """Skip locally, fail in CI, when a tool of the X session is missing."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    message = f"the X end-to-end test needs {', '.join(missing)} (scripts/install-system-deps.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class XSession:
    """One display with a window manager; ``env`` is what a program started on it needs."""

    def __init__(self, display: str, folder: Path) -> None:
        self.display, self.folder = display, folder
        self.env = {**os.environ, "DISPLAY": display}
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.shots: list[Path] = []
        self._keymap: str | None = None
        self._letters: dict[str, str] = {}

    def xdotool(self, *args: str, check: bool = True) -> str:
        """Run xdotool on this display; its standard output."""
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30,
                              check=False)
        if check and done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout.strip()

    def key(self, *keys: str, delay_ms: int = 40) -> None:
        """Press keys (xdotool names: "Tab", "alt+k", "ctrl+p", "Return") in the focused window."""
        self.xdotool("key", "--clearmodifiers", "--delay", str(delay_ms), *keys)

    def add_letters(self, text: str) -> None:
        """Give every letter of ``text`` the keyboard lacks (ấ, ư, Đ…) a key of its own, as a Vietnamese
        layout does, so that typing it is one plain key press.

        xdotool would otherwise bind each such letter to a spare key code for a moment and take it back at
        once; the window reads the map after the event and gets another letter or none."""
        wanted = sorted({c for c in text if not c.isascii()} - set(self._letters))
        if not wanted:
            return
        if self._keymap is None:
            self._keymap = self._run_xkbcomp(str(self.display), "-").stdout
        keycodes = _section(self._keymap, "xkb_keycodes")
        symbols = _section(self._keymap, "xkb_symbols")
        defined = re.findall(r"<([A-Z0-9_+-]+)>\s*=\s*\d+;", keycodes)
        unused = [n for n in defined if f"<{n}>" not in symbols]
        spare = unused + [n for n in defined if re.search(rf"key <{re.escape(n)}>\s*{{[^}}]*XF86", symbols)]
        for letter in wanted:
            if len(self._letters) >= len(spare):
                raise AssertionError(f"no spare key left for {letter!r}")
            self._letters[letter] = spare[len(self._letters)]
        keys = "".join(f"    replace key <{name}> {{ [ U{ord(letter):04X} ] }};\n"
                       for letter, name in self._letters.items())
        end = self._keymap.index(symbols) + len(symbols)
        self._run_xkbcomp("-w0", "-", str(self.display), stdin=self._keymap[:end] + keys + self._keymap[end:])
        time.sleep(0.2)  # let running clients read the new map

    def _run_xkbcomp(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["xkbcomp", *args], env=self.env, input=stdin, capture_output=True, text=True,
                              timeout=30, check=False)
        if done.returncode != 0:
            raise AssertionError(f"xkbcomp {' '.join(args)}: {done.stderr.strip()}")
        return done

    def type(self, text: str, delay_ms: int = 25) -> None:
        """Type text key by key at a person's speed (its non-ASCII letters given keys first)."""
        self.add_letters(text)
        self.xdotool("type", "--clearmodifiers", "--delay", str(delay_ms), "--", text)

    def active_title(self) -> str:
        """The title of the window that has the focus."""
        return self.xdotool("getactivewindow", "getwindowname", check=False)

    def wait_for_window(self, title_part: str, timeout: float = 30) -> str:
        """Wait until a visible window's title contains ``title_part``; its id (it is also activated)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.xdotool("search", "--onlyvisible", "--name", title_part, check=False).split()
            if found:
                self.xdotool("windowactivate", "--sync", found[-1], check=False)
                return found[-1]
            time.sleep(0.1)
        self.screenshot("timeout")
        raise AssertionError(f"no window titled «{title_part}» after {timeout} s; shown: {self.window_titles()}")

    def wait_gone(self, title_part: str, timeout: float = 30) -> None:
        """Wait until no visible window's title contains ``title_part``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.xdotool("search", "--onlyvisible", "--name", title_part, check=False):
                return
            time.sleep(0.1)
        self.screenshot("timeout")
        raise AssertionError(f"the window «{title_part}» is still shown after {timeout} s")

    def window_titles(self) -> list[str]:
        """The titles of every visible window with a name."""
        ids = self.xdotool("search", "--onlyvisible", "--name", ".", check=False).split()
        return [self.xdotool("getwindowname", wid, check=False) for wid in ids]

    def screenshot(self, name: str) -> Path:
        """The whole screen as a PNG in the test's folder."""
        path = self.folder / f"{len(self.shots):02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, capture_output=True, timeout=30,
                       check=False)
        self.shots.append(path)
        return path


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll ``condition`` until it holds; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what}: not after {timeout} s")


@contextmanager
def x_session(folder: Path, size: str = "1366x768x24") -> Iterator[XSession]:
    """Xvfb on a free display with openbox running; both stopped at the end."""
    require_tools()
    folder.mkdir(parents=True, exist_ok=True)
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp",
                               "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as answer:
            number = answer.readline().strip()
        if not number:
            raise AssertionError("Xvfb did not start")
        session = XSession(f":{number}", folder)
        manager = subprocess.Popen(["openbox", "--sm-disable"], env=session.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            wait_until(lambda: _wm_ready(session), 10, "openbox to start")
            yield session
        finally:
            manager.terminate()
            manager.wait(timeout=10)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _section(keymap: str, name: str) -> str:
    """The body of one section (``xkb_keycodes``, ``xkb_symbols``) of a keymap, up to its closing brace."""
    start = keymap.index(name)
    return keymap[start:keymap.index("\n};", start)]


def _wm_ready(session: XSession) -> bool:
    done = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=session.env, capture_output=True,
                          text=True, timeout=10, check=False)
    return "window id" in done.stdout
