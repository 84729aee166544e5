"""A plan published without a số ký hiệu reaches the app at the next sync, keyed by the province's number."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from desktop.documents.sample_plan_data import DONG_THAP_3256, TaskSheet
from desktop.documents.sample_plans import write_sample_plan
from desktop.services import accounts, reports
from desktop.services.report_items import REF_SEPARATOR
from desktop.services.sync import enroll, sync_now
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.e2e.province_server import Province

TODAY = date(2026, 11, 23)


def _unnumbered_plan(path: Path) -> Path:
    """Đồng Tháp's 3256 with no line naming its decision: the document bears no number."""
    sheets = tuple(dataclasses.replace(s, title_rows=tuple(r for r in s.title_rows if "3256" not in r))
                   for s in DONG_THAP_3256.sheets)
    assert any(isinstance(s, TaskSheet) for s in sheets)
    return write_sample_plan(dataclasses.replace(DONG_THAP_3256, sheets=sheets), path)


@pytest.mark.timeout(600)
def test_a_plan_without_a_number_is_synced_and_its_tasks_are_in_the_report(tmp_path: Path) -> None:
    province = Province.create(tmp_path)
    store = accounts.create_store(tmp_path / "app", "admin", PASSPHRASE, FAST_KDF).store
    try:
        said = province.admin("plan", "import", str(_unnumbered_plan(tmp_path / "chuong-trinh-so.xlsx")))
        assert "chuong-trinh-so" in said
        enroll(store, province.url, province.enrollment_code("DT-MYHIEP"), "Máy văn phòng")
        outcome = sync_now(store)
        assert outcome.assignments_changed and outcome.plans == ["chuong-trinh-so"], outcome.plans
        view = reports.open_report(store, "2026Q4", TODAY)
        assert view.tasks, "the commune's tasks of the unnumbered plan are in its report"
        assert {t.ref.split(REF_SEPARATOR)[0] for t in view.tasks} == {"chuong-trinh-so"}
        assert sync_now(store).plans == [], "an unchanged package brings nothing twice"
    finally:
        store.close()
        province.stop()
