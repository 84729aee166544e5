"""The Sở's consolidated report carries the ND 30/2020 parts of an official document from the province's
settings: «Số:      /BC-<ký hiệu>» (the number left blank for the văn thư), the signer's title («GIÁM ĐỐC», or
«KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC») and name, and «Nơi nhận» naming the UBND tỉnh and ending «Lưu: VT, <đơn vị>».
Read back from the PDF (pdftotext) and the .docx, both written by the app's document code."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document

from desktop.documents.sample_plans import write_sample_plans
from desktop.domain.periods import Period
from desktop.sync.device_keys import ProvinceKeys
from server.app import create_app
from server.config import Settings
from server.console.consolidated import consolidate
from server.console.consolidated_docx import write_consolidated_docx
from server.console.consolidated_pdf import write_consolidated_pdf
from server.console.stored_reports import ReportReader
from server.db import Database
from server.enrollment import add_agency
from server.plans import publish_plan
from server.province import set_province

PERIOD = Period(2026, 4)
RECIPIENTS = ("Nơi nhận: - Như trên; - Chủ tịch, các PCT UBND tỉnh Đồng Tháp; - Lãnh đạo Sở; "
              "- Lưu: VT, QLKH (02b).")


@pytest.fixture
def province(tmp_path: Path) -> tuple[Database, Settings]:
    """A named province with one commune and the sample plan published."""
    settings = Settings.from_env(tmp_path / "server")
    db: Database = create_app(settings, ProvinceKeys.generate()).state.baocao.db
    add_agency(db, "DT-MYHIEP", "Ủy ban nhân dân xã Mỹ Hiệp", parent_name="UBND tỉnh Đồng Tháp")
    publish_plan(db, write_sample_plans(tmp_path / "plans")[0], "test")
    set_province(db, actor="test", name="Đồng Tháp")
    return db, settings


def _texts(db: Database, settings: Settings, tmp_path: Path) -> tuple[str, str]:
    """The PDF's words in drawing order (the «Nơi nhận» cell before the signer's) and the .docx's."""
    consolidated = consolidate(db, ReportReader(db, settings.bundles_dir), PERIOD)
    pdf = write_consolidated_pdf(consolidated, tmp_path / "tong-hop.pdf")
    docx = write_consolidated_docx(consolidated, tmp_path / "tong-hop.docx")
    words = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True,
                           timeout=120).stdout
    document = Document(str(docx))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells
             for p in cell.paragraphs]
    return " ".join(words.split()), " ".join(" ".join([*cells, *(p.text for p in document.paragraphs)]).split())


def test_a_deputy_signs_for_the_director_with_the_configured_symbol_and_unit(
        province: tuple[Database, Settings], tmp_path: Path) -> None:
    db, settings = province
    set_province(db, actor="test", symbol="skhcn", drafting_unit="qlkh", signer_title="Phó Giám đốc",
                 signer_name="Trần Thị Bình")
    for text in _texts(db, settings, tmp_path):
        assert "Số: /BC-SKHCN" in text, text[:600]
        assert RECIPIENTS in text, text[-1500:]
        assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" in text and "Trần Thị Bình" in text, text[-1500:]


def test_the_director_signs_under_his_own_title_and_another_symbol_is_used(
        province: tuple[Database, Settings], tmp_path: Path) -> None:
    db, settings = province
    set_province(db, actor="test", symbol="SKHĐT", signer_title="GIÁM ĐỐC", signer_name="Lê Văn An")
    for text in _texts(db, settings, tmp_path):
        assert "Số: /BC-SKHĐT" in text and "BC-SKHCN" not in text, text[:600]
        assert "KT. GIÁM ĐỐC" not in text and "PHÓ GIÁM ĐỐC" not in text
        assert "GIÁM ĐỐC Lê Văn An" in text, text[-1500:]
        assert "- Lưu: VT, VP (02b)." in text and "Ủy ban nhân dân tỉnh Đồng Tháp" in text
