"""The Word copy: the same ND 30 layout as the PDF, editable, and readable in full once LibreOffice prints it."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from desktop.documents.report_docx import write_report_docx
from desktop.domain.report_snapshot import ReportSnapshot
from tests.documents.test_report_pdf_citations import _two_plans
from tests.sync.report_factory import make_snapshot

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                                   reason="LibreOffice is not installed (CI installs it)")


def _all_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return " ".join(" ".join(parts).split())


def _draft(snapshot: ReportSnapshot) -> ReportSnapshot:
    return dataclasses.replace(snapshot, status="draft", document=dataclasses.replace(snapshot.document, number=0))


def test_signed_copy_has_head_body_appendices_signature_and_noi_nhan(tmp_path: Path) -> None:
    snapshot = _two_plans()
    path = write_report_docx(snapshot, tmp_path / "bao-cao.docx")
    text = _all_text(path)
    for expected in ("TỈNH ĐỒNG THÁP", "ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Số: 152/BC-UBND", "Tân Hòa, ngày 28 tháng 11 năm 2026",
                     "BÁO CÁO", "Kính gửi: Sở Khoa học và Công nghệ tỉnh Đồng Tháp.",
                     "Căn cứ Kế hoạch số 594/KH-UBND ngày 05/03/2025", "I. KẾT QUẢ THỰC HIỆN",
                     "II. KHÓ KHĂN, VƯỚNG MẮC", "III. ĐỀ XUẤT, KIẾN NGHỊ", "./.", "Nơi nhận:", "- Như trên;",
                     "- Lưu: VT, VP (02b).", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Thành", "Phụ lục I",
                     "(Kèm theo Báo cáo số 152/BC-UBND", "Kế hoạch số 594/KH-UBND: Triển khai Nghị quyết số 57-NQ/TW",
                     "Phụ lục II"):
        assert expected in text, expected
    assert "DỰ THẢO" not in text
    assert all(" ".join(task.title.split()) in text for task in snapshot.tasks)
    document = Document(str(path))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                         WD_ORIENT.LANDSCAPE]
    assert document.sections[0].different_first_page_header_footer
    appendix = document.tables[-2]
    assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
               for row in appendix.rows[:2]), "the header rows repeat on every page"


def test_a_draft_copy_is_stamped_and_leaves_the_number_blank(tmp_path: Path) -> None:
    text = _all_text(write_report_docx(_draft(make_snapshot(tasks=2, indicators=1)), tmp_path / "du-thao.docx"))
    assert "DỰ THẢO" in text and "Số: /BC-UBND" in text and "152/BC-UBND" not in text


@needs_soffice
def test_libreoffice_prints_every_task_title_in_full(tmp_path: Path) -> None:
    base = make_snapshot(tasks=40, indicators=12)
    path = write_report_docx(_draft(base), tmp_path / "bao-cao.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=240)
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "bao-cao.pdf"), "-"], check=True,
                         capture_output=True, text=True).stdout
    printed = " ".join(unicodedata.normalize("NFC", raw).split())
    assert "DỰ THẢO" in printed and "Phụ lục I" in printed
    for task in base.tasks:
        assert " ".join(task.title.split()) in printed, task.title
    # Every page but the first carries its number at the top, the appendices' first pages too (a new section
    # used to inherit the first page's "no number").
    pages = unicodedata.normalize("NFC", raw).split("\f")[:-1]
    assert len(pages) > 3
    for number, page in enumerate(pages[1:], start=2):
        assert page.split()[0] == str(number), (number, page[:80])
