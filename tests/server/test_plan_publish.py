"""The province publishes plans from any format: a preview says what would change, publishing stores it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.documents.sample_plan_data import AN_GIANG_594
from desktop.documents.sample_plans import write_sample_plan
from desktop.domain.periods import Period
from desktop.errors import InputError
from server.db import Database
from server.models import Plan
from server.plans import preview_plan, publish_plan
from server.schedule import province_schedule, set_deadline
from tests.documents.plan_documents import write_docx
from tests.e2e.test_unnumbered_plan_sync import _unnumbered_plan


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    database.create_schema()
    yield database
    database.dispose()


def _published(db: Database) -> list[dict[str, object]]:
    with db.transaction() as session:
        return [json.loads(p.content) for p in session.scalars(select(Plan).order_by(Plan.id))]


def test_preview_stores_nothing_and_publish_stores_the_word_plan(db: Database, tmp_path: Path) -> None:
    word = write_docx(AN_GIANG_594, tmp_path / "594.docx", issuer="ỦY BAN NHÂN DÂN\nTỈNH AN GIANG",
                      number="Số: 594/KH-UBND", dated="An Giang, ngày 19 tháng 5 năm 2025")
    preview = preview_plan(db, word)
    assert (preview.number, preview.tasks, preview.indicators, preview.issued_on) == ("594/KH-UBND", 11, 0,
                                                                                     "2025-05-19")
    assert len(preview.added) == 11 and not preview.already_published and preview.previous_id is None
    assert _published(db) == []
    published = publish_plan(db, word, actor="admin")
    assert not published.already_published
    assert [len(p["tasks"]) for p in _published(db)] == [11]  # type: ignore[arg-type]
    assert publish_plan(db, word, actor="admin").already_published and len(_published(db)) == 1


def test_preview_of_a_new_version_lists_the_differences(db: Database, tmp_path: Path) -> None:
    original = write_sample_plan(AN_GIANG_594, tmp_path / "594.xlsx")
    publish_plan(db, original, actor="admin")
    workbook = load_workbook(original)
    sheet = workbook.worksheets[0]
    first = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(
        "Ban hành các chỉ số"))
    first.value = "Ban hành bộ chỉ số mới"
    workbook.save(tmp_path / "594-v2.xlsx")
    preview = preview_plan(db, tmp_path / "594-v2.xlsx")
    assert preview.changed == ["I.1"] and not preview.added and not preview.removed and preview.previous_id


def test_a_scanned_pdf_is_refused_and_nothing_published(db: Database, tmp_path: Path) -> None:
    from tests.documents.test_plan_formats_bad_input import scanned_pdf

    with pytest.raises(InputError) as caught:
        publish_plan(db, scanned_pdf(tmp_path), actor="admin")
    assert caught.value.code == "pdf_scanned"
    with db.transaction() as session:
        assert session.scalar(select(func.count(Plan.id))) == 0


def test_a_deadline_for_an_unnumbered_plan_holds_as_in_the_agencies_app(db: Database, tmp_path: Path) -> None:
    publish_plan(db, _unnumbered_plan(tmp_path / "chuong-trinh-so.xlsx"), actor="admin")
    set_deadline(db, "2027Q1", "10/02/2027", plan_code="chuong-trinh-so", actor="admin")
    # The app keys this plan "chuong-trinh-so" (the number in its package) and applies this deadline: so must the
    # console's dashboard and consolidated report.
    assert province_schedule(db).deadline(Period(2027, 1)).isoformat() == "2027-02-10"
