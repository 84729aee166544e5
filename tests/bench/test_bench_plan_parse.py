"""Budget: parse of a 300-row plan appendix (DESIGN.md, "plan import of 300 rows"), by format: .xlsx ≤ 0.5 s,
.xls ≤ 0.5 s, .docx ≤ 1 s, PDF ≤ 3 s. The .docx is written in Word's layout (tests/documents/plan_documents),
the PDF and the .xls are LibreOffice's conversions of the .docx and the .xlsx.

The PDF read through pdfplumber's own parser (pdfminer) took 9.0 s for 300 rows; read through PDFium
(plan_readers/pdf_pages) it takes an eighth of that (12.9 s against 1.58 s of CPU, both readers in one process,
on a loaded machine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.documents.sample_plan_data import TASKS_003, SamplePlan, SectionRow, TaskRow, TaskSheet
from desktop.documents.sample_plans import write_sample_plan
from tests.bench.conftest import scale
from tests.documents.plan_documents import soffice_convert, write_docx

ROWS = scale(100, 300)


def _appendix(rows: int) -> TaskSheet:
    """Seed 003's Phụ lục 2 tasks repeated into ``rows`` rows: 10 sections of numbered tasks."""
    tasks = [item for item in TASKS_003.rows if isinstance(item, TaskRow)]
    per_section = rows // 10 - 1
    items: list[SectionRow | TaskRow] = []
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    for section in range(10):
        items.append(SectionRow(roman[section], f"NHÓM NHIỆM VỤ {section + 1}"))
        for number in range(1, per_section + 1):
            source = tasks[(section * per_section + number) % len(tasks)]
            items.append(TaskRow(str(number), source.title, source.lead, source.coordinators, source.deadline,
                                 source.result))
    return TaskSheet("Phụ lục", TASKS_003.title_rows, TASKS_003.columns, tuple(items))


def _file(kind: str, folder: Path) -> Path:
    plan = SamplePlan("bench.xlsx", (_appendix(ROWS),))
    if kind == "xlsx":
        return write_sample_plan(plan, folder / "bench.xlsx")
    if kind == "xls":
        return soffice_convert(write_sample_plan(plan, folder / "bench.xlsx"), "xls", folder)
    word = write_docx(plan, folder / "bench.docx")
    return word if kind == "docx" else soffice_convert(word, "pdf", folder)


@pytest.mark.parametrize("kind", ["xlsx", "xls", "docx", "pdf"])
def test_bench_parse_300_row_appendix(benchmark, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    path = _file(kind, tmp_path)
    parsed = benchmark(parse_plan_workbook, path)
    assert len(parsed.tasks) + len(parsed.sections) == ROWS
