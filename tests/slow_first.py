"""Under pytest-xdist, the longest tests start first, each at the head of a different worker's first batch.

The suite's wall time on CI's 2 cores is its total work spread over the workers, unless one long test (the
PyInstaller build) starts late and runs alone at the end. ``@pytest.mark.slow(seconds=N)`` names such a
test with its rough CI duration. ``--dist load`` (xdist's default with ``-n``) hands each worker a first
batch of ``len(items) // workers // 4`` consecutive tests, then more in collection order as they finish;
``order`` deals the slow tests, longest first, to the worker with the least slow work so far, at the head
of its first batch, and leaves every other test in pytest's order (module fixtures stay shared).
"""

from __future__ import annotations

import pytest


def seconds(item: pytest.Item) -> float:
    """The rough CI duration a ``slow`` mark gives (0 for a test without one)."""
    mark = item.get_closest_marker("slow")
    return 0.0 if mark is None else float(mark.kwargs.get("seconds", 60))


def order(items: list[pytest.Item], workers: int) -> list[pytest.Item]:
    """``items`` with the slow tests moved to the heads of ``workers`` first batches."""
    slow = sorted((item for item in items if seconds(item) > 0), key=seconds, reverse=True)
    if workers < 2 or not slow:
        return items
    rest = [item for item in items if seconds(item) == 0]
    batch = max(len(items) // workers // 4, 2)
    loads = [0.0] * workers
    depth = [0] * workers
    placed: dict[int, pytest.Item] = {}
    for item in slow:
        worker = min(range(workers), key=lambda w: (loads[w], w))
        if depth[worker] >= batch:  # more slow tests than first-batch places: the rest go right after
            break
        placed[worker * batch + depth[worker]] = item
        loads[worker] += seconds(item)
        depth[worker] += 1
    late = [item for item in slow if item not in placed.values()]
    others = iter(late + rest)
    return [placed[position] if position in placed else next(others) for position in range(len(items))]
