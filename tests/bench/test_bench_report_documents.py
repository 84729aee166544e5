"""Budgets: the PDF of a 300-task, 50-indicator report ≤ 1.5 s; its workbook ≤ 1 s (DESIGN.md, "Budgets")."""

from __future__ import annotations

from pathlib import Path

from desktop.documents.report_pdf import write_report_pdf
from desktop.documents.report_workbook import write_report_workbook
from desktop.documents.report_workbook_reader import read_report_workbook
from tests.bench.conftest import scale
from tests.sync.report_factory import make_snapshot

TASKS = scale(60, 300)
INDICATORS = scale(10, 50)


def test_bench_report_pdf(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    snapshot = make_snapshot(tasks=TASKS, indicators=INDICATORS)
    out = benchmark(write_report_pdf, snapshot, tmp_path / "bao-cao.pdf")
    assert out.read_bytes().startswith(b"%PDF-")


def test_bench_report_workbook(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    snapshot = make_snapshot(tasks=TASKS, indicators=INDICATORS)
    out = benchmark(write_report_workbook, snapshot, tmp_path / "bao-cao.xlsx")
    assert len(read_report_workbook(out).tasks) == TASKS
