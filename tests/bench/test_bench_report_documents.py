"""Budgets (DESIGN.md, "Budgets"; issue 16): the PDF / workbook / .docx of a 300-task, 50-indicator report
≤ 1.5 s / ≤ 1 s / ≤ 1.5 s; the 305-page report (327 tasks, 77 indicators, every tenth result 7,600 characters)
≤ 5 s. Short mode (CI) writes smaller reports once; BAOCAO_BENCH_FULL=1 the full sizes. The Word table's row
writer is timed against the python-docx proxies it replaced, in the same process, at two sizes; so is the PDF's
cell layout against ReportLab's plain paragraphs and tables (``_plain_reportlab``), which it replaced.
Figures are printed (run with -s); only correctness is asserted (the machine is shared).
"""

from __future__ import annotations

import subprocess
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table

from desktop.documents import pdf_paged_table, pdf_tables
from desktop.documents.pdf_cell import CellParagraph
from desktop.documents.pdf_paged_table import RuledTable
from desktop.documents.pdf_styles import markup
from desktop.documents.report_docx import write_report_docx
from desktop.documents.report_docx_blocks import GridTable, add_grid_row, grid_table
from desktop.documents.report_pdf import write_report_pdf
from desktop.documents.report_workbook import write_report_workbook
from desktop.documents.report_workbook_reader import read_report_workbook
from desktop.domain.report_snapshot import ReportSnapshot
from tests.bench.conftest import scale
from tests.documents.long_report import long_report
from tests.sync.report_factory import make_snapshot

TASKS = scale(60, 300)
INDICATORS = scale(10, 50)
LONG_TASKS, LONG_INDICATORS = scale(33, 327), scale(8, 77)
ROWS = scale(100, 300)
CELLS = [("1", True), ("Rà soát, cập nhật danh mục thủ tục hành chính", False), ("Chủ trì", True),
         ("Quý IV/2026", True), ("Hoàn thành", True), ("100", True), ("Đã hoàn thành 100% hồ sơ.", False), ("", False)]


def test_bench_report_pdf(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    snapshot = make_snapshot(tasks=TASKS, indicators=INDICATORS)
    out = benchmark(write_report_pdf, snapshot, tmp_path / "bao-cao.pdf")
    assert out.read_bytes().startswith(b"%PDF-")


def test_bench_report_workbook(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    snapshot = make_snapshot(tasks=TASKS, indicators=INDICATORS)
    out = benchmark(write_report_workbook, snapshot, tmp_path / "bao-cao.xlsx")
    assert len(read_report_workbook(out).tasks) == TASKS


def test_bench_report_docx(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    snapshot = make_snapshot(tasks=TASKS, indicators=INDICATORS)
    out = benchmark(write_report_docx, snapshot, tmp_path / "bao-cao.docx")
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert body.count("<w:tr") >= TASKS + INDICATORS


def test_bench_long_report_pdf(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    snapshot = long_report(tasks=LONG_TASKS, indicators=LONG_INDICATORS)
    out = benchmark(write_report_pdf, snapshot, tmp_path / "dai.pdf")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(info.split("Pages:")[1].split()[0])
    print(f"\nlong report: {LONG_TASKS} tasks, {LONG_INDICATORS} indicators → {pages} pages")
    assert pages > LONG_TASKS // 2


@contextmanager
def _plain_reportlab() -> Iterator[None]:
    """The PDF appendix as it was laid out before: every cell through ReportLab's markup parser, a cut cell's
    rest broken into lines again on each page, the header drawn anew on every page."""
    def parsed(text: str, style: ParagraphStyle) -> CellParagraph:
        return CellParagraph(markup(text), style)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CellParagraph, "split", Paragraph.split)
        patch.setattr(RuledTable, "_drawCell", Table._drawCell)
        patch.setattr(pdf_tables, "cell_paragraph", parsed)
        patch.setattr(pdf_paged_table, "cell_paragraph", parsed)
        yield


def _pdf_seconds(snapshot: ReportSnapshot, out: Path) -> tuple[float, str]:
    start = time.perf_counter()
    write_report_pdf(snapshot, out)
    elapsed = time.perf_counter() - start
    return elapsed, subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout


def test_bench_report_pdf_before_and_after(tmp_path: Path) -> None:
    """The 300-task report and the long report, before and after, alternating in one process: same text."""
    write_report_pdf(make_snapshot(tasks=2, indicators=1), tmp_path / "warm.pdf")  # fonts registered once
    for name, snapshot in (("300 tasks", make_snapshot(tasks=TASKS, indicators=INDICATORS)),
                           ("long report", long_report(tasks=LONG_TASKS, indicators=LONG_INDICATORS))):
        times: dict[str, list[float]] = {"before": [], "after": []}
        texts = {}
        for _ in range(2):
            with _plain_reportlab():
                seconds, texts["before"] = _pdf_seconds(snapshot, tmp_path / "before.pdf")
            times["before"].append(seconds)
            seconds, texts["after"] = _pdf_seconds(snapshot, tmp_path / "after.pdf")
            times["after"].append(seconds)
        print(f"\nPDF, {name}: before {min(times['before']):.2f} s, after {min(times['after']):.2f} s (best of 2)")
        assert texts["before"] == texts["after"]


def _python_docx_add_grid_row(grid: GridTable, cells: list[tuple[str, bool]], merge_from: int | None) -> None:
    """add_grid_row as it was (python-docx proxies), kept here to time the two in one process."""
    row = grid.table.add_row()
    targets = row.cells
    for cell, width in zip(targets, grid.widths, strict=True):
        cell.width = width
    if merge_from is not None:
        targets = [*targets[:merge_from], targets[merge_from].merge(targets[-1])]
    for cell, (text, centred) in zip(targets, cells, strict=False):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
        if text:
            run = paragraph.add_run(text)
            run.bold, run.italic, run.font.size = merge_from is not None, False, Pt(11)


def _rows(rows: int, write: Callable[[GridTable, list[tuple[str, bool]], int | None], None]) -> float:
    """Seconds for ``rows`` rows, a plan or section row (merged across) every tenth."""
    document = Document()
    grid = grid_table(document, [f"({n})" for n in range(len(CELLS))], [900_000] * len(CELLS))
    start = time.perf_counter()
    for n in range(rows):
        if n % 10 == 0:
            write(grid, [("I", True), ("Hoàn thiện thể chế, chính sách", False)], 1)
        else:
            write(grid, CELLS, None)
    elapsed = time.perf_counter() - start
    assert len(grid.table.rows) == rows + 2
    return elapsed


def _row_xml(grid: GridTable, cells: list[tuple[str, bool]], merge_from: int | None) -> None:
    add_grid_row(grid, cells, size=11, bold=merge_from is not None, merge_from=merge_from)


def test_bench_docx_rows_before_and_after() -> None:
    """Per-row cost at ROWS and 4 × ROWS rows, python-docx's proxies against the row XML writer."""
    figures = {}
    for name, write in (("python-docx proxies (before)", _python_docx_add_grid_row),
                        ("row XML, add_grid_row (now)", _row_xml)):
        small, large = _rows(ROWS, write), _rows(4 * ROWS, write)
        figures[name] = (small / ROWS * 1e3, large / (4 * ROWS) * 1e3)
    for name, (small, large) in figures.items():
        print(f"\n{name}: {small:.2f} ms/row at {ROWS} rows, {large:.2f} ms/row at {4 * ROWS} rows")
    assert all(value > 0 for pair in figures.values() for value in pair)
