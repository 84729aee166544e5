"""Fixtures shared by every test: real encrypted stores in temp dirs and the CLI as a subprocess."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.models.keyslots import KdfParams
from desktop.models.store import Store
from tests import slow_first

if TYPE_CHECKING:
    from desktop.services.demo_province import DemoProvince

# Tests need many stores; the production Argon2id cost (docs/store.md) is measured in tests/bench.
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "mật khẩu thử 2026"
REPO = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``-n``, the tests marked ``slow`` start first, one worker each (tests/slow_first.py)."""
    workers = int(getattr(config, "workerinput", {}).get("workercount", 1))
    items[:] = slow_first.order(items, workers)


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


def _cli_env(env: dict[str, str] | None) -> dict[str, str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "LANG", "LC_"))}
    full_env.update(env or {})
    return full_env


@pytest.fixture(scope="session")
def demo_province_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo province's folder set up once per test process (its keys, the demo commune, the sample plans:
    four ``baocao-server`` runs). tests/services/test_demo_province.py and test_private_files.py prove that
    set-up itself, from an empty folder, as ``DemoProvince`` does it on entry."""
    from desktop.services.demo_province import DemoProvince

    folder = tmp_path_factory.mktemp("demo-province") / "province"
    DemoProvince(folder).set_up()
    return folder


@pytest.fixture
def demo_province_folder(demo_province_template: Path, tmp_path: Path) -> Path:
    """This test's own copy of the set-up demo province: ``DemoProvince(folder)`` starts it as the demo app
    does on a later run, without setting it up again."""
    folder = tmp_path / "province"
    shutil.copytree(demo_province_template, folder)
    return folder


def demo_code(province: DemoProvince, replaces: str | None = None) -> str:
    """A fresh one-time code for the demo commune, as ``province.enrollment_code()`` gets it (``baocao-server
    enroll-code``), but through the function that command calls, in this process: the command's child process
    costs seconds of imports. The demo app's own way is proven by tests/e2e/test_demo_sync.py,
    tests/services/test_enroll_cli.py and ``baocao demo --no-gui`` in tests/services/test_report_cli.py."""
    from desktop.services.demo import DEMO_AGENCY
    from server.config import Settings
    from server.db import Database
    from server.enrollment import issue_code

    db = Database(Settings.from_env(province.folder).db_url)
    try:
        return issue_code(db, DEMO_AGENCY.code, replaces=replaces)
    finally:
        db.dispose()


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run ``baocao`` as a user would, in a child process with a clean language setting.

    The default ``timeout`` is a hang guard above the test's own limit (pytest-timeout, which also ends the
    child): on a loaded machine ``baocao demo --no-gui`` alone took over 120 s, the old default."""
    full_env = _cli_env(None)
    full_env["PYTHONPATH"] = str(REPO)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout, stdin=subprocess.DEVNULL, check=False)


def run_cli_in_process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``baocao`` through ``desktop.cli.main`` in this process, with ``run_cli``'s environment (a clean
    language setting plus ``env``), no terminal on standard input, and its output and exit code captured.

    For tests about what a command says and does, not about the process: a child process costs seconds of
    imports. ``run_cli`` stays the proof that the real program starts (each CLI test file keeps one)."""
    from desktop.cli import main

    saved_env, saved_streams = dict(os.environ), (sys.stdin, sys.stdout, sys.stderr)
    command_env, out, err = _cli_env(env), io.StringIO(), io.StringIO()
    os.environ.clear()
    os.environ.update(command_env)
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(), out, err
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse: --help, --version, a bad option
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["baocao", *args], code, out.getvalue(), err.getvalue())
