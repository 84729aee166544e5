"""Workbooks for the plan importer's tests: the three reference plans, and small quirk workbooks.

The reference plans come from desktop.documents.sample_plans (the same data the demo uses); quirk
workbooks are written cell by cell with ``write_workbook``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from desktop.documents.sample_plan_data import AN_GIANG_594, DONG_THAP_1012, DONG_THAP_3256, SamplePlan
from desktop.documents.sample_plans import write_sample_plan

TASK_HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Hạn hoàn thành", "Sản phẩm",
               "Ghi chú"]


@dataclass
class Sheet:
    """Rows of cell values (None for empty), merged ranges, and per-cell fonts and number formats."""

    rows: Sequence[Sequence[object]]
    merges: Sequence[str] = ()
    fonts: dict[str, str] = field(default_factory=dict)
    number_formats: dict[str, str] = field(default_factory=dict)


def write_workbook(path: Path, sheets: dict[str, Sheet]) -> Path:
    """Write ``sheets`` (by name, in order) to ``path``."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, sheet in sheets.items():
        worksheet = workbook.create_sheet(name)
        for row in sheet.rows:
            worksheet.append(list(row))
        for ref in sheet.merges:
            worksheet.merge_cells(ref)
        for ref, font in sheet.fonts.items():
            worksheet[ref].font = Font(name=font)
        for ref, number_format in sheet.number_formats.items():
            worksheet[ref].number_format = number_format
    workbook.save(path)
    return path


def seed_workbook(tmp_path: Path, plan: SamplePlan) -> Path:
    """One reference plan written as the province's workbook."""
    return write_sample_plan(plan, tmp_path / plan.file_name)


def an_giang(tmp_path: Path) -> Path:
    """Seed 000: An Giang, Kế hoạch 594/KH-UBND, one task appendix."""
    return seed_workbook(tmp_path, AN_GIANG_594)


def dong_thap_1012(tmp_path: Path) -> Path:
    """Seed 001: Đồng Tháp, plan for 1012/QĐ-TTg, one task appendix in another column order."""
    return seed_workbook(tmp_path, DONG_THAP_1012)


def dong_thap_3256(tmp_path: Path) -> Path:
    """Seed 003: Đồng Tháp, Quyết định 3256/QĐ-UBND: Phụ lục 1 indicators, Phụ lục 2 tasks."""
    return seed_workbook(tmp_path, DONG_THAP_3256)
