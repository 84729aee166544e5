"""GUI fixtures: offscreen Qt, interface settings in the temp dir, and a real demo store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BAOCAO_LANG"] = "vi"

from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.models.store import Store
from desktop.services.demo import setup_demo
from desktop.views.main_window import MainWindow
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.views.flow_helpers import open_and_wait, settle_workers, wait_validated


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    """The demo commune's store: last quarter signed, this quarter 40 % filled."""
    made = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF)
    yield made.store
    settle_workers()
    made.store.close()


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
