"""A filled workbook goes into the report it was written for: another period or agency is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.documents.report_workbook_identity import IDENTITY_NAME, WorkbookIdentity, read_identity, stamp_identity
from desktop.models.store import Store
from desktop.services import documents, reports
from desktop.services.workbook_target import WorkbookForAnotherReport
from tests.services.conftest import TODAY
from tests.services.test_documents import _set_column

PERIOD = "2026Q4"
OTHER = "2027Q1"


def _filled(store: Store, tmp_path: Path, period: str = PERIOD) -> tuple[Path, dict[str, str]]:
    path = documents.export_workbook(store, period, tmp_path / f"bao-cao-{period}.xlsx")
    view = reports.open_report(store, period, TODAY)
    results = {t.ref: f"Đã làm {t.key} (từ Excel)" for t in view.tasks[:3]}
    assert _set_column(path, "Kết quả thực hiện", results) == 3
    return path, results


def _results(store: Store, period: str) -> dict[str, str | None]:
    return {t.ref: t.result for t in reports.open_report(store, period, TODAY).tasks}


def test_the_workbook_records_its_agency_period_and_revision(demo_store: Store, tmp_path: Path) -> None:
    path = documents.export_workbook(demo_store, PERIOD, tmp_path / "b.xlsx")
    workbook = load_workbook(path, read_only=True)
    identity = read_identity(workbook)
    view = reports.open_report(demo_store, PERIOD, TODAY)
    assert identity == WorkbookIdentity(view.agency_code, PERIOD, view.revision)
    assert workbook.defined_names[IDENTITY_NAME].hidden
    assert "Quý IV năm 2026" in (workbook.properties.title or "")


def test_a_workbook_of_another_quarter_is_refused_naming_both_and_nothing_is_applied(demo_store: Store,
                                                                                     tmp_path: Path) -> None:
    path, results = _filled(demo_store, tmp_path)
    before = _results(demo_store, OTHER)
    with pytest.raises(WorkbookForAnotherReport) as refused:
        documents.fill_from_workbook(demo_store, OTHER, path)
    message = refused.value.message_vi
    assert "Quý IV năm 2026" in message and "Quý I năm 2027" in message and "chưa ghi gì" in message
    assert _results(demo_store, OTHER) == before
    assert all(_results(demo_store, PERIOD)[ref] != text for ref, text in results.items())
    with pytest.raises(WorkbookForAnotherReport):
        documents.fill_from_workbook(demo_store, "2026Q3", path)


def test_without_a_period_the_workbook_goes_to_its_own_and_a_matching_period_is_taken(demo_store: Store,
                                                                                      tmp_path: Path) -> None:
    path, results = _filled(demo_store, tmp_path)
    assert documents.fill_from_workbook(demo_store, None, path).period == PERIOD
    assert all(_results(demo_store, PERIOD)[ref] == text for ref, text in results.items())
    assert documents.fill_from_workbook(demo_store, PERIOD, path).period == PERIOD


def test_force_takes_it_into_the_period_asked(demo_store: Store, tmp_path: Path) -> None:
    path, results = _filled(demo_store, tmp_path)
    assert documents.workbook_mismatch(demo_store, OTHER, path) is not None
    assert documents.workbook_mismatch(demo_store, PERIOD, path) is None
    assert documents.fill_from_workbook(demo_store, OTHER, path, force=True).period == OTHER
    assert all(_results(demo_store, OTHER)[ref] == text for ref, text in results.items())


def test_a_workbook_of_another_agency_is_refused(demo_store: Store, tmp_path: Path) -> None:
    path, _ = _filled(demo_store, tmp_path)
    workbook = load_workbook(path)
    del workbook.defined_names[IDENTITY_NAME]
    workbook.custom_doc_props.props.clear()
    stamp_identity(workbook, WorkbookIdentity("XA-KHAC", PERIOD, 1))
    workbook.save(path)
    agency = reports.open_report(demo_store, PERIOD, TODAY).agency_code
    with pytest.raises(WorkbookForAnotherReport) as refused:
        documents.fill_from_workbook(demo_store, PERIOD, path)
    assert "XA-KHAC" in refused.value.message_vi and agency in refused.value.message_vi


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice absent")
def test_the_identity_survives_a_save_in_libreoffice(demo_store: Store, tmp_path: Path) -> None:
    path, _ = _filled(demo_store, tmp_path)
    out = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)], check=True, capture_output=True,
                   timeout=180)
    saved = out / path.name
    assert read_identity(load_workbook(saved, read_only=True)) is not None
    with pytest.raises(WorkbookForAnotherReport):
        documents.fill_from_workbook(demo_store, OTHER, saved)
