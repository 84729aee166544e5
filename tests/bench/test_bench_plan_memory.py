"""Bound: the memory an over-long .xls costs before it is refused (issue 17: "a .xls of 100,000 rows …
bounded memory"). Short mode: just past the row bound (20,100 rows); BAOCAO_BENCH_FULL=1: 100,000 rows
over two sheets. The parse runs in a child process that reports the peak of Python's heap (tracemalloc)
and the growth of its peak resident set, VmHWM (which also counts calamine's native memory). Linux only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.documents.sheet_grid import MAX_ROWS
from tests.bench.conftest import scale
from tests.documents.test_plan_formats_bad_input import long_xls

ROWS = scale(MAX_ROWS + 100, 100_000)
BOUND_MB = 64  # xlrd held 232 MB for 100,000 rows before the first row could be checked

_CHILD = """
import json, sys, tracemalloc
from pathlib import Path
from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.errors import InputError

def status(field):
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(field))

with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")  # reset the peak resident set (VmHWM) to the current one
before = status("VmRSS:")
tracemalloc.start()
try:
    parse_plan_workbook(Path(sys.argv[1]))
    code = None
except InputError as error:
    code = error.code
peak = tracemalloc.get_traced_memory()[1]
grown = status("VmHWM:") - before
print(json.dumps({"code": code, "python_peak_mb": peak / 2**20, "rss_growth_mb": grown / 1024}))
"""


@pytest.fixture(scope="session")
def long_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return long_xls(tmp_path_factory.mktemp("long-xls"), ROWS)


def test_bench_memory_of_an_xls_past_the_row_bound(long_workbook: Path) -> None:
    child = subprocess.run([sys.executable, "-c", _CHILD, str(long_workbook)], capture_output=True, text=True,
                           check=True, timeout=300, cwd=Path(__file__).resolve().parents[2])
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"\n.xls of {ROWS:,} rows: {figures}")
    assert figures["code"] == "sheet_too_large"
    assert figures["python_peak_mb"] < BOUND_MB and figures["rss_growth_mb"] < BOUND_MB, figures
