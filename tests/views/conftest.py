"""GUI fixtures: offscreen Qt, interface settings in the temp dir, and a real demo store."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BAOCAO_LANG"] = "vi"

from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.domain.vietnam_clock import vietnam_today
from desktop.models.store import Store
from desktop.services import accounts
from desktop.services.demo import setup_demo
from desktop.views.main_window import MainWindow
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.views.flow_helpers import open_and_wait, settle_workers, wait_validated


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[date, Path]:
    """Demo stores made once per test process, one for each Vietnam day a test starts on (a run over midnight
    gets a second one): about a second of work each, for over a hundred GUI tests."""
    return {}


@pytest.fixture
def demo_store(tmp_path: Path, demo_templates: dict[date, Path],
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The demo commune's store: last quarter signed, this quarter 40 % filled (this test's own copy)."""
    today = vietnam_today()
    if today not in demo_templates:
        template = tmp_path_factory.mktemp("demo-template") / "data"
        setup_demo(template, PASSPHRASE, kdf=FAST_KDF, today=today).store.close()
        demo_templates[today] = template
    shutil.copytree(demo_templates[today], tmp_path / "data")
    store = accounts.unlock(tmp_path / "data", "admin", PASSPHRASE)
    yield store
    settle_workers()
    store.close()


@pytest.fixture
def window(qtbot: QtBot, demo_store: Store) -> MainWindow:
    """The demo's main window with this quarter's report shown (read on a worker) and validated."""
    made = create_main_window(demo_store)
    qtbot.addWidget(made)
    made.show()
    open_and_wait(qtbot, made)
    wait_validated(qtbot, made.editor)
    return made


@pytest.fixture(autouse=True)
def _vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_LANG", "vi")
