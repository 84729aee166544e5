"""A local province server for the demo: the real ``baocao-server`` on 127.0.0.1, run as a child process.

The demo's province lives in its own folder beside the demo store, with its keys under a fixed demo
passphrase (it is a demo: nothing real is signed with it). It is set up once (keys, the demo commune, the
sample plans) and started for as long as the demo app runs.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from desktop.errors import BaocaoError
from desktop.services.demo import DEMO_AGENCY, DEMO_PROVINCE

DEMO_SERVER_PASSPHRASE = "baocao-demo-province"
START_TIMEOUT = 120.0
CHILD_WITHHELD = frozenset({"BAOCAO_PASSPHRASE", "BAOCAO_ENROLL_CODE", "BAOCAO_RECOVERY_KEY"})
# Everything the server child writes (its database, keys, bundles) is readable by this user only.
_PRIVATE_FILES: dict[str, Any] = {"umask": 0o077} if os.name != "nt" else {}


class DemoProvinceError(BaocaoError):
    """The demo's local server could not be set up or started."""

    code = "demo_server"


class DemoProvince:
    """The demo province server in ``folder``; use as a context manager (stopped on exit)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Where the desktop reaches it."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> DemoProvince:
        self.set_up()
        self._start()
        return self

    def set_up(self) -> None:
        """Keys, the demo commune and the sample plans, once: a folder already set up is left as it is."""
        if not (self.folder / "keys").exists() and not any(self.folder.glob("*.sqlite3")):
            self._admin("init")
            self._admin("agency", "add", DEMO_AGENCY.code, DEMO_AGENCY.name, "--parent", DEMO_AGENCY.parent_name)
            from desktop.documents.sample_plans import write_sample_plans

            plans = self.folder / "plans"
            plans.mkdir(mode=0o700, exist_ok=True)
            for path in write_sample_plans(plans, province=DEMO_PROVINCE):
                if os.name != "nt":
                    path.chmod(0o600)
                self._admin("plan", "import", str(path))

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.process is not None and self.process.poll() is None:
            if self.process.stdin is not None:
                self.process.stdin.close()
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def enrollment_code(self, replaces: str | None = None) -> str:
        """A fresh one-time code for the demo commune; ``replaces`` ("all" or a key id) revokes at enrollment."""
        extra = ("--replaces", replaces) if replaces else ()
        return self._admin("enroll-code", DEMO_AGENCY.code, *extra).strip().splitlines()[-1].strip()

    def _env(self) -> dict[str, str]:
        # The app's own secrets stay in the app: the server child gets none of them.
        inherited = {k: v for k, v in os.environ.items() if k not in CHILD_WITHHELD}
        return {**inherited, "BAOCAO_SERVER_PASSPHRASE": DEMO_SERVER_PASSPHRASE,
                "BAOCAO_SERVER_DATA_DIR": str(self.folder)}

    def _prepare_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name != "nt":
            self.folder.chmod(0o700)

    def _admin(self, *args: str) -> str:
        self._prepare_folder()
        done = subprocess.run([sys.executable, "-m", "server.cli", *args], env=self._env(), capture_output=True,
                              text=True, timeout=120, **_PRIVATE_FILES)
        if done.returncode != 0:
            raise DemoProvinceError(f"Máy chủ demo: «{' '.join(args[:2])}» thất bại: {done.stderr.strip()}",
                                    f"Demo server: «{' '.join(args[:2])}» failed: {done.stderr.strip()}")
        return done.stdout

    def _start(self) -> None:
        self._prepare_folder()
        log_path = self.folder / "server.log"
        log = open(log_path, "ab")  # noqa: SIM115 - kept open by the child process
        if os.name != "nt":
            log_path.chmod(0o600)
        # The server reads its standard input, which only this process holds: when the app ends, however it
        # ends, the input closes and the server stops with it.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--exit-with-parent"], env=self._env(), stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT,
            **_PRIVATE_FILES)
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise DemoProvinceError(f"Máy chủ demo không khởi động được; xem {self.folder / 'server.log'}.",
                                f"The demo server did not start; see {self.folder / 'server.log'}.")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
