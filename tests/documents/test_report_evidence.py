"""The report names every item by the code the officer saw in the editor, and lists the evidence it carries
(newcomer item 20): in the PDF and the Word copy, an appendix after Phụ lục I and II gives each attachment's item
code, file name, type, size and SHA-256; the body points to it; a report without evidence has no such appendix."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document

from desktop.documents.report_docx import write_report_docx
from desktop.documents.report_evidence import file_size_text, hash_text
from desktop.documents.report_pdf import write_report_pdf
from desktop.domain.report_snapshot import AttachmentRef, ReportSnapshot
from tests.sync.report_factory import make_snapshot


def _file(name: str, size: int, media_type: str) -> AttachmentRef:
    return AttachmentRef(name, hashlib.sha256(name.encode()).hexdigest(), size, media_type)


DECISION = _file("Quyết định 12-QĐ-UBND ban hành kế hoạch.pdf", 305_860, "application/pdf")
PHOTO = _file("anh-tap-huan.jpg", 1_482_113, "image/jpeg")
FIGURES = _file("so-lieu-dvc.csv", 812, "text/csv")


@pytest.fixture(scope="module")
def snapshot() -> ReportSnapshot:
    """Two attachments on the first task, one on the second indicator."""
    base = make_snapshot(tasks=8, indicators=4)
    tasks = (dataclasses.replace(base.tasks[0], attachments=(DECISION, PHOTO)), *base.tasks[1:])
    indicators = list(base.indicators)
    indicators[1] = dataclasses.replace(indicators[1], attachments=(FIGURES,))
    return dataclasses.replace(base, tasks=tasks, indicators=tuple(indicators))


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    return unicodedata.normalize("NFC", out)


@pytest.fixture(scope="module")
def pdf_text(snapshot: ReportSnapshot, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _text(write_report_pdf(snapshot, tmp_path_factory.mktemp("evidence") / "r.pdf"))


def test_the_appendices_number_items_by_their_codes(snapshot: ReportSnapshot, pdf_text: str) -> None:
    tasks = pdf_text.split("KẾT QUẢ THỰC HIỆN NHIỆM VỤ", 1)[1].split("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", 1)[0]
    rows = [line.split()[0] for line in tasks.splitlines() if line.split() and "." in line.split()[0]]
    assert [t.key for t in snapshot.tasks if t.key in rows] == [t.key for t in snapshot.tasks]  # "II.1", not "1"
    indicators = pdf_text.split("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", 1)[1]
    firsts = [line.split()[0] for line in indicators.splitlines() if line.split()]
    assert all(i.key in firsts for i in snapshot.indicators)  # "CT.1", not "1"


def test_the_evidence_appendix_lists_each_file_under_its_items_code(snapshot: ReportSnapshot, pdf_text: str) -> None:
    assert "(Danh mục 3 tài liệu minh chứng tại Phụ lục III kèm theo)" in pdf_text
    assert "Phụ lục III\n" in pdf_text.split("DANH MỤC TÀI LIỆU MINH CHỨNG", 1)[0].rsplit("\f", 1)[1]
    appendix = pdf_text.split("DANH MỤC TÀI LIỆU MINH CHỨNG", 1)[1]
    assert "(Kèm theo Báo cáo số" in appendix
    flat = " ".join(appendix.split())
    files = ((DECISION, "298,7 KB", "PDF"), (PHOTO, "1,4 MB", "Ảnh JPEG"), (FIGURES, "812 byte", "CSV"))
    for file, size, kind in files:
        assert kind in flat and size in flat
        assert all(group in flat for group in hash_text(file.sha256).split())
    assert "anh-tap-huan.jpg" in flat and "so-lieu-dvc.csv" in flat and "Quyết định 12-QĐ-UBND" in flat
    rows = [line.split() for line in appendix.splitlines() if line.split() and line.split()[0] in {"1", "2", "3"}]
    assert [row[1] for row in rows] == [snapshot.tasks[0].key, snapshot.tasks[0].key, snapshot.indicators[1].key]


def test_a_report_without_evidence_has_no_such_appendix(tmp_path: Path) -> None:
    text = _text(write_report_pdf(make_snapshot(tasks=3, indicators=2), tmp_path / "r.pdf"))
    assert "MINH CHỨNG" not in text and "Phụ lục III" not in text


def test_the_word_copy_lists_the_same_evidence(snapshot: ReportSnapshot, tmp_path: Path) -> None:
    document = Document(str(write_report_docx(snapshot, tmp_path / "r.docx")))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Phụ lục III" in paragraphs and "DANH MỤC TÀI LIỆU MINH CHỨNG" in paragraphs
    assert "(Danh mục 3 tài liệu minh chứng tại Phụ lục III kèm theo)" in paragraphs
    rows = [[cell.text for cell in row.cells] for row in document.tables[-1].rows][2:]
    assert [(row[1], row[3], row[4], row[5]) for row in rows] == [
        (snapshot.tasks[0].key, DECISION.name, "PDF", "298,7 KB"),
        (snapshot.tasks[0].key, PHOTO.name, "Ảnh JPEG", "1,4 MB"),
        (snapshot.indicators[1].key, FIGURES.name, "CSV", "812 byte")]


def test_sizes_read_as_windows_shows_them() -> None:
    assert [file_size_text(n) for n in (0, 1023, 1024, 305_860, 1_482_113, 5 * 1024**3)] == \
        ["0 byte", "1023 byte", "1 KB", "298,7 KB", "1,4 MB", "5 GB"]
