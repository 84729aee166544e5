"""A long row cut across pages: the piece overleaf carries its STT and "(tiếp theo)", nothing of the text is lost,
and no page of the table is left part empty; numbering never restarts without a plan row beside it."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from desktop.documents.fonts import report_font_family
from desktop.documents.pdf_paged_table import CONTINUED
from desktop.documents.pdf_styles import LANDSCAPE, MARGIN_BOTTOM, MARGIN_TOP, make_styles
from desktop.documents.pdf_tables import task_table
from desktop.documents.report_pdf import write_report_pdf
from desktop.domain.report_snapshot import ReportSnapshot
from tests.documents.long_report import long_report, long_result
from tests.sync.report_factory import make_snapshot

FRAME_BOTTOM = LANDSCAPE[1] - MARGIN_BOTTOM  # in pdfplumber's top-down coordinates
FRAME_HEIGHT = LANDSCAPE[1] - MARGIN_TOP - MARGIN_BOTTOM


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 tasks, every tenth with a 7,600-character result (each runs over several pages)."""
    return write_report_pdf(long_report(tasks=40, indicators=4), tmp_path_factory.mktemp("long") / "r.pdf")


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    return [unicodedata.normalize("NFC", page) for page in out.split("\f")]


def _task_pages(pages: list[str]) -> list[int]:
    first = next(n for n, page in enumerate(pages) if "KẾT QUẢ THỰC HIỆN NHIỆM VỤ" in page)
    last = next(n for n, page in enumerate(pages) if "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" in page)
    return list(range(first, last))


def test_a_continued_row_opens_the_next_page_with_its_stt_and_tiep_theo(pdf: Path) -> None:
    pages = _pages(pdf)
    continued = 0
    for n in _task_pages(pages)[1:]:
        body = pages[n].split("(8)", 1)[1]  # below the repeated header and its row of column numbers
        first_row = next(line for line in body.splitlines() if line.strip())
        if CONTINUED in first_row:
            continued += 1
            assert re.match(r"\s*[IVX]+\.\d+\s+\(tiếp theo\)", first_row), first_row  # the task's code
    assert continued >= 10  # four results of ~8 pages each start most pages with a continuation


def test_every_sentence_of_a_cut_result_arrives_once_and_in_order(pdf: Path) -> None:
    pages = _pages(pdf)
    text = " ".join(" ".join(pages[n] for n in _task_pages(pages)).split())
    numbers = [int(n) for n in re.findall(r"\b(\d+):", text)]  # "Nội dung" may end one page, "56:" open the next
    per_result = max(numbers)
    assert numbers == list(range(1, per_result + 1)) * 4


def test_no_page_of_the_table_is_left_part_empty(pdf: Path) -> None:
    with pdfplumber.open(pdf) as document:
        pages = _task_pages(_pages(pdf))
        for n in pages[:-1]:  # the table's last page ends where the table ends
            lowest = max(word["bottom"] for word in document.pages[n].extract_words())
            gap = FRAME_BOTTOM - lowest
            assert gap < 0.12 * FRAME_HEIGHT, f"page {n + 1}: {gap:.0f} pt left empty"


def _plans_without_sections() -> ReportSnapshot:
    """Two plans numbering their tasks 1, 2, 3 … each, in no section (as Đồng Tháp's 1012 does)."""
    base = make_snapshot(tasks=6)
    plans = ({"code": "594/KH-UBND", "title": "Kế hoạch A"}, {"code": "3256/QĐ-UBND", "title": "Kế hoạch B"})
    tasks = tuple(dataclasses.replace(task, plan=plans[n // 3]["code"], section="", section_title="",
                                      key=str(n % 3 + 1)) for n, task in enumerate(base.tasks))
    return dataclasses.replace(base, tasks=tasks, plans=plans)


def test_numbering_restarts_only_under_a_plan_row() -> None:
    table = task_table(_plans_without_sections(), make_styles(report_font_family()))
    seen: list[str] = []
    for row in table.rows:
        if row.heads_next:
            seen.append("plan")
        else:
            seen.append(row.number)
    assert seen == ["plan", "1", "2", "3", "plan", "1", "2", "3"]  # and no empty section row between


def test_a_title_longer_than_a_page_is_cut_too(tmp_path: Path) -> None:
    base = long_report(tasks=3, indicators=1, every=1, chars=1_500)
    tasks = (dataclasses.replace(base.tasks[0], title=long_result(6_000)), *base.tasks[1:])
    pdf = write_report_pdf(dataclasses.replace(base, tasks=tasks), tmp_path / "r.pdf")
    pages = _pages(pdf)
    text = " ".join(" ".join(pages[n] for n in _task_pages(pages)).split())
    assert text.count(CONTINUED) >= 2
    assert max(int(n) for n in re.findall(r"\b(\d+):", text)) == len(re.findall(r"Nội dung", long_result(6_000)))
