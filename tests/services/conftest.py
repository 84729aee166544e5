"""A demo store (the seeds' plans, a commune of Đồng Tháp) shared by the service tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.models.store import Store
from desktop.services import accounts
from desktop.services.demo import setup_demo
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store made once; each test gets its own copy."""
    folder = tmp_path_factory.mktemp("demo-template") / "data"
    setup_demo(folder, PASSPHRASE, kdf=FAST_KDF, today=TODAY).store.close()
    return folder


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """An open copy of the demo store: Q3 2026 signed, Q4 2026 partly filled."""
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    store = accounts.unlock(folder, "admin", PASSPHRASE)
    yield store
    store.close()
