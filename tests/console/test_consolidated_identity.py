"""The Sở's consolidated report names its province, its plan and its agencies as an official document does,
and states nothing it has not measured: read back from its PDF (pdftotext) and its .docx, both written by the
same document code. A province where one commune is registered, a plan is published and no report is in."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document

from desktop.documents.sample_plans import write_sample_plans
from desktop.domain.periods import Period
from desktop.errors import InputError
from desktop.sync.device_keys import ProvinceKeys
from server.app import create_app
from server.config import Settings
from server.console.consolidated import consolidate, readiness
from server.console.consolidated_docx import write_consolidated_docx
from server.console.consolidated_pdf import write_consolidated_pdf
from server.console.stored_reports import ReportReader
from server.db import Database
from server.enrollment import add_agency
from server.plans import publish_plan
from server.province import set_province

PERIOD = Period(2026, 4)
COMMUNE = ("DT-MYHIEP", "Ủy ban nhân dân xã Mỹ Hiệp")


@pytest.fixture
def province(tmp_path: Path) -> tuple[Database, Settings, str]:
    """A fresh province: one commune, the sample plan published, no report, no province name yet."""
    settings = Settings.from_env(tmp_path / "server")
    db: Database = create_app(settings, ProvinceKeys.generate()).state.baocao.db
    add_agency(db, *COMMUNE, parent_name="UBND tỉnh Đồng Tháp")
    plan = publish_plan(db, write_sample_plans(tmp_path / "plans")[0], "test")
    return db, settings, plan.number


def _texts(db: Database, settings: Settings, tmp_path: Path) -> tuple[str, str, str]:
    """The PDF's words, its first page as laid out (lines kept), and the .docx's paragraphs."""
    consolidated = consolidate(db, ReportReader(db, settings.bundles_dir), PERIOD)
    pdf = write_consolidated_pdf(consolidated, tmp_path / "tong-hop.pdf")
    docx = write_consolidated_docx(consolidated, tmp_path / "tong-hop.docx")
    layout = subprocess.run(["pdftotext", "-layout", "-l", "1", str(pdf), "-"], check=True, capture_output=True,
                            text=True, timeout=120).stdout
    words = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                           timeout=120).stdout
    document = Document(str(docx))
    head = [cell.text for table in document.tables[:1] for row in table.rows for cell in row.cells]
    docx_text = "\n".join([*head, *(p.text for p in document.paragraphs)])
    return " ".join(words.split()), layout, " ".join(docx_text.split())


def test_without_the_province_name_no_report_is_made(province: tuple[Database, Settings, str],
                                                     tmp_path: Path) -> None:
    db, settings, _plan = province
    assert not readiness(db, PERIOD).province_named
    with pytest.raises(InputError) as refused:
        consolidate(db, ReportReader(db, settings.bundles_dir), PERIOD)
    assert "Cài đặt" in refused.value.message_vi and "province set --name" in refused.value.message_vi
    assert "Settings" in refused.value.message_en


def test_the_report_names_the_province_the_plan_and_leaves_the_number_blank(
        province: tuple[Database, Settings, str], tmp_path: Path) -> None:
    db, settings, plan = province
    set_province(db, actor="test", name="TỈNH ĐỒNG THÁP")
    pdf, first_page, docx = _texts(db, settings, tmp_path)
    for text in (pdf, docx):
        assert "UBND TỈNH ĐỒNG THÁP" in text, text[:800]
        assert "Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp." in text and "tỉnh Tỉnh" not in text
        assert "Đồng Tháp, ngày" in text
        assert f"Quyết định số {plan}" in text or f"Kế hoạch số {plan}" in text, text[:1500]
        assert "Số: /BC-SKHCN" in text and "01/BC-SKHCN" not in text
        assert "DỰ THẢO" not in text
    header = [line.strip().split("  ")[0] for line in first_page.splitlines()[:6]]
    assert "SỞ KHOA HỌC" in header and "VÀ CÔNG NGHỆ" in header, first_page[:600]
    assert not any(line.endswith("CÔNG") for line in header)


def test_with_no_report_in_it_says_so_instead_of_zero_percent(province: tuple[Database, Settings, str],
                                                              tmp_path: Path) -> None:
    db, settings, _plan = province
    set_province(db, actor="test", name="Đồng Tháp")
    assert readiness(db, PERIOD).received == 0 and readiness(db, PERIOD).expected == 1
    for text in _texts(db, settings, tmp_path)[::2]:
        assert "chưa nhận được báo cáo nào" in text and "hoàn thành: chưa có số liệu" in text, text[:1500]
        assert "hoàn thành: 0%" not in text and "tỷ lệ báo cáo 0%" not in text
        assert "Các cơ quan chưa gửi báo cáo: Ủy ban nhân dân xã Mỹ Hiệp." in text
        assert "DT-MYHIEP" not in text
