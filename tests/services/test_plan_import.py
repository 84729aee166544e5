"""Importing a plan: once, again unchanged, then a changed version that keeps reports written against it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from desktop.documents.sample_plan_data import AN_GIANG_594
from desktop.documents.sample_plans import write_sample_plan
from desktop.models.plan import Task
from desktop.models.report import TaskProgress
from desktop.models.store import Store
from desktop.services import plans, reports
from desktop.services.demo import DEMO_AGENCY
from desktop.services.installation import configure_agency
from tests.conftest import PASSPHRASE, run_cli
from tests.conftest import run_cli_in_process as baocao

TODAY = date(2026, 11, 23)


def _changed_version(original: Path, target: Path, *, retitle: str, drop: str) -> Path:
    """The same workbook with one task's title changed and another task's row emptied (as when an author
    deletes a task's text; openpyxl's delete_rows would leave the merged ranges behind)."""
    workbook = load_workbook(original)
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == retitle:
                cell.value = retitle + " (sửa đổi)"
    drop_row = next(r for r in sheet.iter_rows() if any(c.value == drop for c in r))
    for cell in drop_row:
        if type(cell).__name__ == "Cell":
            cell.value = None
    workbook.save(target)
    return target


def test_reimport_changes_nothing_and_a_new_version_keeps_reports(store: Store, tmp_path: Path) -> None:
    original = write_sample_plan(AN_GIANG_594, tmp_path / "594.xlsx")
    first = plans.import_plan(store, original)
    assert first.created and len(first.added) == 11
    assert plans.import_plan(store, original).unchanged
    configure_agency(store, DEMO_AGENCY)
    view = reports.open_report(store, "2026Q4", TODAY)
    mine = [t for t in view.tasks if t.plan == first.plan_code]
    kept, retitled = mine[0], mine[1]
    reports.update_task(store, "2026Q4", kept.ref, status="in_progress", percent=40, result="Đang làm")

    changed = _changed_version(original, tmp_path / "594-v2.xlsx", retitle=retitled.title, drop=kept.title)
    second = plans.import_plan(store, changed)
    assert second.removed == [kept.key] and second.changed == [retitled.key] and not second.added

    with store.session() as session:
        retired = session.scalar(select(Task).where(Task.key == kept.key, Task.plan.has(code=first.plan_code)))
        assert retired is not None and retired.retired
        progress = session.scalar(select(TaskProgress).where(TaskProgress.task_id == retired.id))
        assert progress is not None and progress.result == "Đang làm"
    titles = {t.ref: t.title for t in reports.open_report(store, "2026Q4", TODAY).tasks}
    assert titles[retitled.ref] == retitled.title + " (sửa đổi)" and kept.ref not in titles


def test_cli_parse_prints_json_and_import_reports_changes(tmp_path: Path) -> None:
    original = write_sample_plan(AN_GIANG_594, tmp_path / "594.xlsx")
    parsed = run_cli("plan", "parse", str(original))
    assert parsed.returncode == 0, parsed.stderr
    data = json.loads(parsed.stdout)
    assert len(data["tasks"]) == 11 and data["tasks"][0]["deadline"]["kind"] == "date"
    env = {"BAOCAO_PASSPHRASE": PASSPHRASE}
    folder = str(tmp_path / "data")
    assert baocao("init", "--data-dir", folder, env=env).returncode == 0
    done = baocao("plan", "import", str(original), "--data-dir", folder, env=env)
    assert done.returncode == 0 and "Đã nhập kế hoạch 594/KH-UBND: 11 mục." in done.stdout
    again = baocao("plan", "import", str(original), "--data-dir", folder, env={**env, "LANG": "en_US.UTF-8"})
    assert "Plan 594/KH-UBND is unchanged." in again.stdout
    not_a_workbook = tmp_path / "ke-hoach.xlsx"
    not_a_workbook.write_text("không phải tệp Excel")
    bad = baocao("plan", "import", str(not_a_workbook), "--data-dir", folder, env=env)
    assert bad.returncode == 2 and "ke-hoach.xlsx" in bad.stderr and "Traceback" not in bad.stderr
