"""The report workbook prints: rows tall enough for their text, landscape pages fit to width with the header
on each, task text left-aligned, "Mã" outside the print area, plan rows in Phụ lục I."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.documents.report_workbook import read_report_workbook, write_report_workbook
from desktop.documents.report_workbook_layout import FIRST_DATA_ROW, TASK_SHEET
from tests.documents.test_report_pdf_citations import _two_plans
from tests.sync.report_factory import make_snapshot

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                                   reason="LibreOffice is not installed (CI installs it)")


def test_rows_are_sized_to_their_text_and_the_page_is_set_up(tmp_path: Path) -> None:
    path = write_report_workbook(_two_plans(), tmp_path / "b.xlsx")
    sheet = load_workbook(path)[TASK_SHEET]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0, "fit to the width only: as many pages down as the rows need"
    assert sheet.print_title_rows == "$5:$6"
    assert sheet.print_area == f"'{TASK_SHEET}'!$A$1:$K${sheet.max_row}", "the Mã column (L) is not printed"
    rows = list(sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=False))
    titles = [row[1].value for row in rows]
    assert titles[0] == "Kế hoạch số 594/KH-UBND: Triển khai Nghị quyết số 57-NQ/TW"
    assert "Quyết định số 3256/QĐ-UBND: Kế hoạch phát triển Chính phủ số" in titles
    task_rows = [row for row in rows if row[11].value]
    assert all(row[1].alignment.horizontal in (None, "left", "general") for row in task_rows)
    assert all(sheet.row_dimensions[row[0].row].height and sheet.row_dimensions[row[0].row].height > 30
               for row in task_rows), "each task row is tall enough for its wrapped text"
    assert len(read_report_workbook(path).tasks) == len(task_rows), "the plan rows do not disturb fill"


@needs_soffice
def test_libreoffice_prints_every_title_in_full_on_several_landscape_pages(tmp_path: Path) -> None:
    snapshot = make_snapshot(tasks=40, indicators=12)
    path = write_report_workbook(snapshot, tmp_path / "bao-cao.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=240)
    pdf = tmp_path / "bao-cao.pdf"
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    printed = " ".join(unicodedata.normalize("NFC", raw).split())
    for task in snapshot.tasks:
        assert " ".join(task.title.split()) in printed, task.title
    assert "::" not in printed, "the Mã column does not print"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert width > height, "landscape"
    assert pages >= 4, f"40 tasks are not shrunk onto one page per sheet ({pages} pages)"
