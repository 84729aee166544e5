"""The USB route against the real demo province server: two PCs of the demo commune enrolled with it, an
encrypted export taken in by the real ``baocao-server import`` and its receipt file (.bcr) written beside it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from desktop.models.store import Store
from desktop.services import usb_transfer
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import enroll
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 11, 23)  # the demo signs 2026Q3 and drafts 2026Q4
SIGNED = "2026Q3"


def enrolled_pc(folder: Path, province: DemoProvince, name: str) -> Store:
    """A demo store (2026Q3 signed, waiting to be sent) enrolled with the demo province."""
    return setup_demo(folder, PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                      enroll=lambda s: enroll(s, province.url, province.enrollment_code(), name)).store


def server_import(province: DemoProvince, path: Path, language: str = "vi") -> subprocess.CompletedProcess[str]:
    """``baocao-server import PATH`` as the province's operator runs it; the receipt goes to PATH.bcr."""
    return subprocess.run([sys.executable, "-m", "server.cli", "import", str(path)], capture_output=True,
                          text=True, timeout=120, env={**province._env(), "BAOCAO_LANG": language})


def carried(store: Store, province: DemoProvince, out: Path, language: str = "vi") -> tuple[Path, str]:
    """Export 2026Q3 encrypted, import it on the province; the receipt file and what the operator read."""
    usb_transfer.export_encrypted(store, SIGNED, out)
    done = server_import(province, out, language)
    return out.with_suffix(".bcr"), done.stdout
