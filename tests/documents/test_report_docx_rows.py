"""The Word copy keeps each appendix row whole on its page, and cuts a row taller than a page into rows that
each open with the STT and "(tiếp theo)": opened in LibreOffice, every page of Phụ lục I starts with a row a
reader can place, and every sentence of a long result arrives once and in order."""

from __future__ import annotations

import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document

from desktop.documents.pdf_paged_table import CONTINUED
from desktop.documents.report_docx import write_report_docx
from tests.documents.long_report import long_report
from tests.documents.plan_documents import soffice_convert

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG_ROWS = 2


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 tasks, every sixth with a 7,600-character result (each longer than a landscape page)."""
    snapshot = long_report(tasks=12, indicators=2, every=6)
    return write_report_docx(snapshot, tmp_path_factory.mktemp("docx") / "r.docx")


@pytest.fixture(scope="module")
def pages(docx: Path) -> list[str]:
    pdf = soffice_convert(docx, "pdf", docx.parent)
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    return [unicodedata.normalize("NFC", page) for page in out.split("\f")]


def test_every_appendix_row_is_kept_whole_on_its_page(docx: Path) -> None:
    appendices = [table for table in Document(str(docx)).tables if "<w:tblHeader" in table.rows[0]._tr.xml]
    data = [row._tr.xml for table in appendices for row in table.rows[2:]]
    assert len(appendices) == 2 and len(data) > 12 + 2
    assert all("<w:cantSplit/>" in row for row in data)


def test_a_row_taller_than_a_page_goes_in_as_pieces_with_stt_and_tiep_theo(docx: Path) -> None:
    body = zipfile.ZipFile(docx).read("word/document.xml").decode()
    continued = re.findall(r"<w:tr[ >].*?</w:tr>", body, flags=re.DOTALL)
    continued = [row for row in continued if CONTINUED in row]
    assert len(continued) >= 2 * LONG_ROWS  # each 7,600-character result needs three pages or more
    for row in continued:
        first_cell = re.search(r"<w:tc>.*?</w:tc>", row, flags=re.DOTALL)
        assert first_cell and re.search(r"<w:t[^>]*>[IVX]+\.\d+</w:t>", first_cell.group(0)), row[:400]
        assert "<w:i/>" in row  # "(tiếp theo)" in italics, as in the PDF


def test_libreoffice_opens_every_appendix_page_with_a_row_it_can_place(pages: list[str]) -> None:
    first = next(n for n, page in enumerate(pages) if "KẾT QUẢ THỰC HIỆN NHIỆM VỤ" in page)
    last = next(n for n, page in enumerate(pages) if "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" in page)
    assert last - first > 2 * LONG_ROWS
    for n in range(first + 1, last):
        body = pages[n].split("(8)", 1)[1]  # below the repeated header and its row of column numbers
        opening = next(line for line in body.splitlines() if line.strip())
        placed = re.match(r"\s*([IVX]+\.\d+\s|[IVX]+\s|Quyết định số)", opening)  # a task, section or plan row
        assert placed, f"page {n + 1} opens with {opening.strip()[:80]!r}"
    text = " ".join(" ".join(pages[first:last]).split())
    numbers = [int(found) for found in re.findall(r"\b(\d+):", text)]
    assert numbers == list(range(1, max(numbers) + 1)) * LONG_ROWS
