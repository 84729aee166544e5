"""The demo's local province server lives exactly as long as the app that started it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO

PARENT = """
import sys, time
from pathlib import Path
from desktop.services.demo_province import DemoProvince
province = DemoProvince(Path(sys.argv[1])).__enter__()
print(province.url, flush=True)
time.sleep(600)
"""


def answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/v1/health", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


@pytest.mark.slow(seconds=60)
def test_the_demo_server_stops_when_the_app_is_killed(tmp_path: Path) -> None:
    """An app killed outright (power button, task manager) runs no clean-up: its server must still stop."""
    app = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path / "province")], stdout=subprocess.PIPE,
                           text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert app.stdout is not None
    url = app.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:") and answers(url)
    app.kill()
    app.wait(10)
    deadline = time.monotonic() + 20
    while answers(url) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not answers(url), "the demo server outlived the app that started it"
