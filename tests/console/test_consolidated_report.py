"""The Sở's consolidated report (PDF and .docx) of real stored bundles: what it states beyond the figures."""

from __future__ import annotations

import base64
import subprocess
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from docx import Document

from desktop.domain.periods import Period
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes
from server.app import create_app
from server.config import Settings
from server.console.consolidated import consolidate
from server.console.consolidated_docx import write_consolidated_docx
from server.console.consolidated_pdf import write_consolidated_pdf
from server.console.stored_reports import ReportReader
from server.db import Database
from server.enrollment import add_agency, enroll, issue_code
from server.schedule import set_deadline
from tests.server.bundles import agency_bundle

PERIOD = Period(2026, 4)


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
    for code in ("XA-MOT", "XA-HAI"):
        add_agency(db, code, f"Ủy ban nhân dân xã {code}", parent_name="TỈNH ĐỒNG THÁP")
        key = Ed25519PrivateKey.generate()
        enroll(db, issue_code(db, code), base64.b64encode(ed25519_public_bytes(key)).decode(), "PC", now=time.time())
        path = tmp_path / f"{code}.bcb"
        path.write_bytes(agency_bundle(key, code, recipient=keys.public().recipient()[0]).data)
        assert app.state.baocao.intake.take(path, source="usb").status == "accepted"
    return db, settings


def test_the_report_states_the_deadline_the_period_was_judged_by(province: tuple[Database, Settings],
                                                                  tmp_path: Path) -> None:
    db, settings = province
    set_deadline(db, PERIOD.code, "25/11/2026", actor="admin")  # both reports, received since, are late by it
    for text in _texts(db, settings, tmp_path):
        assert "hạn gửi báo cáo trước ngày 25/11/2026" in text, text[:1500]
        assert "0 báo cáo đúng hạn" in text and "2 báo cáo trễ hạn" in text
