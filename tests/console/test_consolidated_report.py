"""The Sở's consolidated report (PDF and .docx) of real stored bundles: what it states beyond the figures."""

from __future__ import annotations

import base64
import subprocess
import time
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from docx import Document

from desktop.documents.sample_plan_data import DONG_THAP_3256
from desktop.documents.sample_plans import write_sample_plan
from desktop.domain.periods import Period
from desktop.sync.bundle import make_bundle, report_json
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes
from server.app import create_app
from server.config import Settings
from server.console.consolidated import consolidate
from server.console.consolidated_docx import write_consolidated_docx
from server.console.consolidated_pdf import write_consolidated_pdf
from server.console.stored_reports import ReportReader
from server.db import Database
from server.enrollment import add_agency, enroll, issue_code
from server.plans import publish_plan
from server.province import set_province
from server.schedule import set_deadline
from tests.sync.report_factory import AGENCY, make_snapshot

PERIOD = Period(2026, 4)
SHARED = "Hạ tầng mạng tại một số ấp còn yếu."
# Three communes write the same difficulty (one typed in decomposed Unicode, across two lines), one another.
DIFFICULTIES = {"XA-MOT": ("Tân Hòa", SHARED),
                "XA-HAI": ("Mỹ Hiệp", " " + unicodedata.normalize("NFD", SHARED).replace(" số ", "\n số  ")),
                "XA-BA": ("Bình Thạnh", SHARED + "  "), "XA-BON": ("Phong Mỹ", "Thiếu kinh phí duy trì phần mềm.")}


def _texts(db: Database, settings: Settings, tmp_path: Path) -> tuple[str, str]:
    """The consolidated report's words as pdftotext reads its PDF, and as its .docx's paragraphs hold them."""
    consolidated = consolidate(db, ReportReader(db, settings.bundles_dir), PERIOD)
    pdf = write_consolidated_pdf(consolidated, tmp_path / "tong-hop.pdf")
    docx = write_consolidated_docx(consolidated, tmp_path / "tong-hop.docx")
    pdf_text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                              timeout=120).stdout
    docx_text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    return " ".join(pdf_text.split()), " ".join(docx_text.split())


@pytest.fixture
def province(tmp_path: Path) -> tuple[Database, Settings]:
    """A province where two communes have sent their 2026Q4 report (received now, by USB)."""
    settings = Settings.from_env(tmp_path / "server")
    keys = ProvinceKeys.generate()
    app = create_app(settings, keys)
    db: Database = app.state.baocao.db
    set_province(db, actor="test", name="Đồng Tháp")
    for code, (name, difficulties) in DIFFICULTIES.items():
        add_agency(db, code, f"Ủy ban nhân dân xã {name}", parent_name="TỈNH ĐỒNG THÁP")
        key = Ed25519PrivateKey.generate()
        enroll(db, issue_code(db, code), base64.b64encode(ed25519_public_bytes(key)).decode(), "PC", now=time.time())
        agency = replace(AGENCY, code=code, name=f"Ủy ban nhân dân xã {name}")
        snapshot = replace(make_snapshot(3, 2, agency=agency), difficulties=difficulties)
        path = tmp_path / f"{code}.bcb"
        path.write_bytes(make_bundle(report_json(snapshot), [], agency_code=code, period=PERIOD.code, revision=1,
                                     supersedes=None, sequence=1, previous_hash=None,
                                     created_at=datetime(2026, 11, 28, 8, 30, tzinfo=UTC),
                                     recipient_key_id=keys.public().recipient()[0], bundle_id=f"{code}-r1",
                                     signing_key=key))
        assert app.state.baocao.intake.take(path, source="usb").status == "accepted"
    return db, settings


def test_the_report_states_the_deadline_the_period_was_judged_by(province: tuple[Database, Settings],
                                                                  tmp_path: Path) -> None:
    db, settings = province
    set_deadline(db, PERIOD.code, "25/11/2026", actor="admin")  # both reports, received since, are late by it
    for text in _texts(db, settings, tmp_path):
        assert "hạn gửi báo cáo trước ngày 25/11/2026" in text, text[:1500]
        assert "0 báo cáo đúng hạn" in text and "4 báo cáo trễ hạn" in text


def test_a_difficulty_several_agencies_share_is_listed_once_with_them(province: tuple[Database, Settings],
                                                                      tmp_path: Path) -> None:
    db, settings = province
    for text in _texts(db, settings, tmp_path):
        assert text.count("Hạ tầng mạng tại một số ấp còn yếu") == 1, text[:3000]
        assert ("- Hạ tầng mạng tại một số ấp còn yếu. (3 cơ quan: Ủy ban nhân dân xã Bình Thạnh, Ủy ban nhân "
                "dân xã Mỹ Hiệp, Ủy ban nhân dân xã Tân Hòa)" in text), text[:3000]
        assert "- Ủy ban nhân dân xã Phong Mỹ: Thiếu kinh phí duy trì phần mềm." in text
        assert "- Đề nghị hỗ trợ thiết bị ký số. (4 cơ quan:" in text, "the proposals too"


def test_the_report_covers_every_task_of_the_published_plan(tmp_path: Path) -> None:
    """Plan 3256/QĐ-UBND has 28 tasks; one commune reports two of them (one done) and an indicator short of
    its target: the report lists all 28, the others «chưa có báo cáo» (the Sở's own said so), the rate over 2."""
    settings = Settings.from_env(tmp_path / "server")
    keys = ProvinceKeys.generate()
    app = create_app(settings, keys)
    db: Database = app.state.baocao.db
    set_province(db, actor="test", name="Đồng Tháp")
    publish_plan(db, write_sample_plan(DONG_THAP_3256, tmp_path / "3256.xlsx"), actor="admin")
    code = "DT-MYHIEP"
    add_agency(db, code, "Ủy ban nhân dân xã Mỹ Hiệp", parent_name="TỈNH ĐỒNG THÁP")
    key = Ed25519PrivateKey.generate()
    enroll(db, issue_code(db, code), base64.b64encode(ed25519_public_bytes(key)).decode(), "PC", now=time.time())
    base = make_snapshot(2, 1, agency=replace(AGENCY, code=code, name="Ủy ban nhân dân xã Mỹ Hiệp"))
    tasks = (replace(base.tasks[0], key="III.12", section="III", role="lead", status="done", percent=100.0,
                     result="Đã số hóa 1.200 hồ sơ đất đai."),
             replace(base.tasks[1], key="IV.15", section="IV", role="lead", status="in_progress", percent=60.0))
    indicator = replace(base.indicators[0], key="1", numerator=45.0, denominator=50.0, target_value=100.0,
                        note="Thiếu máy quét tại bộ phận một cửa.")
    snapshot = replace(base, tasks=tasks, indicators=(indicator,), difficulties="")
    path = tmp_path / f"{code}.bcb"
    path.write_bytes(make_bundle(report_json(snapshot), [], agency_code=code, period=PERIOD.code, revision=1,
                                 supersedes=None, sequence=1, previous_hash=None,
                                 created_at=datetime(2026, 11, 28, 8, 30, tzinfo=UTC),
                                 recipient_key_id=keys.public().recipient()[0], bundle_id=f"{code}-r1",
                                 signing_key=key))
    assert app.state.baocao.intake.take(path, source="usb").status == "accepted"
    texts = _texts(db, settings, tmp_path)
    assert "Theo dõi" in texts[0], "Phụ lục I's «Vai trò»: the Sở follows the tasks others lead"
    for text in texts:
        assert "Tổng số nhiệm vụ của kế hoạch: 28; có báo cáo: 2;" in text, text[:3000]
        assert "chủ trì 28" not in text and "phối hợp 0" not in text, "the Sở's report counts no roles"
        assert ("Tỷ lệ nhiệm vụ chủ trì đã hoàn thành: 50% (1/2 nhiệm vụ có báo cáo đã hoàn thành; "
                "26 nhiệm vụ chưa có báo cáo)." in text), text[:3000]
        assert "Chỉ tiêu 1 (" in text and "chưa đạt" in text and "Thiếu máy quét tại bộ phận một cửa." in text
        assert "Không có." not in text[:text.index("Phụ lục I")], "the difficulties are not «Không có»"
    found = {t.key: t for t in consolidate(db, ReportReader(db, settings.bundles_dir), PERIOD).report.tasks}
    assert len(found) == 28 and "VIII.28" in found
    assert found["III.12"].status == "done" and "Mỹ Hiệp: Đã số hóa 1.200 hồ sơ đất đai." in str(found["III.12"].result)
    assert found["I.1"].status is None
    assert found["I.1"].role == "Chủ trì" and found["II.6"].role == "Theo dõi", "the Sở leads I.1, follows II.6"
    assert found["II.7"].role == "Chủ trì", "«Các sở, ban, ngành, UBND các xã, phường» lead II.7: the Sở is a sở"
    assert found["I.1"].result == ("Chưa có báo cáo: cơ quan chủ trì là Sở Khoa học và Công nghệ, không báo cáo qua "
                                   "hệ thống.")
    assert found["II.7"].result == "Chưa có báo cáo.", "communes lead it and none reported it"
