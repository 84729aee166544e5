"""Budget: parse of a 300-row plan appendix ≤ 0.5 s (DESIGN.md, "plan import of 300 rows")."""

from __future__ import annotations

from pathlib import Path

from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.documents.sample_plan_data import TASKS_003, SamplePlan, SectionRow, TaskRow, TaskSheet
from desktop.documents.sample_plans import write_sample_plan
from tests.bench.conftest import scale

ROWS = scale(300, 300)


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


def test_bench_parse_300_row_appendix(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_sample_plan(SamplePlan("bench.xlsx", (_appendix(ROWS),)), tmp_path / "bench.xlsx")
    parsed = benchmark(parse_plan_workbook, path)
    assert len(parsed.tasks) + len(parsed.sections) == ROWS
