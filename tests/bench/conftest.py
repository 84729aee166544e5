"""Benchmarks: short by default (CI runs each once with --benchmark-disable); BAOCAO_BENCH_FULL=1 for full size."""

from __future__ import annotations

import os

FULL = os.environ.get("BAOCAO_BENCH_FULL") == "1"


def scale(short: int, full: int) -> int:
    """The size to use for this run."""
    return full if FULL else short
