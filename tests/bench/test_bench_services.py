"""The work the window asks for most, on a worker while the user types: the validation of a report of
300 tasks and 50 indicators (against its earlier quarters) and the dashboard (three periods validated).
Every millisecond of it is a millisecond in which the UI thread shares the GIL, so they are kept short."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.models.store import Store
from desktop.services import dashboard, validation
from desktop.services.demo import setup_demo
from tests.bench.big_plan import add_big_plan
from tests.bench.conftest import scale
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = setup_demo(Path(tmp_path_factory.mktemp("services")) / "data", PASSPHRASE, kdf=FAST_KDF).store
    add_big_plan(store, scale(300, 300), scale(50, 50))
    yield store
    store.close()


def test_validation_of_300_tasks_and_50_indicators(benchmark: pytest.FixtureRequest, big_store: Store) -> None:
    code = dashboard.dashboard(big_store).cards[-2].period.code  # the current period
    result = benchmark.pedantic(lambda: validation.validate(big_store, code), rounds=scale(3, 10), iterations=1)
    assert any(issue.item_key.startswith("BENCH/KH-UBND::") for issue in result.errors)


def test_dashboard_of_three_periods(benchmark: pytest.FixtureRequest, big_store: Store) -> None:
    board = benchmark.pedantic(lambda: dashboard.dashboard(big_store), rounds=scale(3, 10), iterations=1)
    assert [card.role for card in board.cards][-2:] == ["current", "next"]
