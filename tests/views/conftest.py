"""GUI fixtures: offscreen Qt, interface settings in the temp dir, and a real demo store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BAOCAO_LANG"] = "vi"

from desktop.models.store import Store
from desktop.services.demo import setup_demo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.views.flow_helpers import settle_workers


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    """The demo commune's store: last quarter signed, this quarter 40 % filled."""
    made = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF)
    yield made.store
    settle_workers()
    made.store.close()


@pytest.fixture(autouse=True)
def _vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_LANG", "vi")
