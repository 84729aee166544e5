"""Fixtures shared by every test: real encrypted stores in temp dirs and the CLI as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.models.keyslots import KdfParams
from desktop.models.store import Store

# Tests need many stores; the production Argon2id cost (docs/store.md) is measured in tests/bench.
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "mật khẩu thử 2026"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def fast_kdf() -> KdfParams:
    """Cheap Argon2id parameters for tests that only need a working slot."""
    return FAST_KDF


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh encrypted store with user "admin" and ``PASSPHRASE``."""
    opened, _recovery = Store.create(tmp_path / "data", "admin", PASSPHRASE, FAST_KDF)
    yield opened
    opened.close()


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``baocao`` as a user would, in a child process with a clean language setting."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "LANG", "LC_"))}
    full_env["PYTHONPATH"] = str(REPO)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout, stdin=subprocess.DEVNULL, check=False)
