"""The import preview lists, before anything is stored, the tasks a new version adds and drops, and the
warnings of the reading with the place in the file each points to."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.documents.sample_plan_data import AN_GIANG_594, SectionRow, TaskRow, TaskSheet
from desktop.documents.sample_plans import write_sample_plan
from desktop.models.plan import Task
from desktop.models.store import Store
from desktop.services.plans import import_plan
from desktop.views.plan_import_dialog import PlanImportDialog
from tests.documents.plan_documents import write_docx
from tests.views.flow_helpers import settle_workers

NEW_TASK = TaskRow("9", "Số hóa hồ sơ lưu trữ của các xã", "", "", "Năm 2026", "Kho hồ sơ số")


@pytest.fixture
def demo_store(demo_store: Store, tmp_path: Path) -> Store:
    import_plan(demo_store, write_sample_plan(AN_GIANG_594, tmp_path / "594.xlsx"))
    return demo_store


def _new_version(tmp_path: Path) -> tuple[Path, str, str]:
    """Plan 594 as Word with its last task dropped and a task without a lead added in its place: the file,
    the dropped task's key and the added one's."""
    sheet = AN_GIANG_594.sheets[0]
    assert isinstance(sheet, TaskSheet)
    last = max(i for i, r in enumerate(sheet.rows) if isinstance(r, TaskRow))
    section = [r.code for r in sheet.rows[:last] if isinstance(r, SectionRow)][-1]
    dropped = sheet.rows[last]
    assert isinstance(dropped, TaskRow)
    rows = (*sheet.rows[:last], NEW_TASK, *sheet.rows[last + 1:])
    plan = replace(AN_GIANG_594, sheets=(replace(sheet, rows=rows),))
    path = write_docx(plan, tmp_path / "594-moi.docx", issuer="ỦY BAN NHÂN DÂN\nTỈNH AN GIANG",
                      number="Số: 594/KH-UBND", dated="An Giang, ngày 19 tháng 5 năm 2025")
    return path, f"{section}.{dropped.stt}", f"{section}.{NEW_TASK.stt}"


def test_the_preview_lists_added_and_dropped_tasks_and_the_warnings_with_their_place(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    path, dropped, added = _new_version(tmp_path)
    with demo_store.session() as session:
        before = session.scalar(select(func.count(Task.id)))
    dialog = PlanImportDialog(demo_store, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    changes = [dialog.changes.item(n).text() for n in range(dialog.changes.count())]
    # Each line names the task, not only its key.
    assert changes[0] == f"Thêm nhiệm vụ {added}: {NEW_TASK.title}"
    assert changes[1].startswith(f"Bỏ nhiệm vụ {dropped}: ") and len(changes) == 2
    warnings = [dialog.warnings.item(n).text() for n in range(dialog.warnings.count())]
    # The Word table is the appendix's «Bảng 2»; the added task is on its 18th row.
    assert warnings == [f"[Bảng 2:18] Nhiệm vụ {added} không ghi cơ quan chủ trì."]
    with demo_store.session() as session:
        assert session.scalar(select(func.count(Task.id))) == before  # the preview stored nothing
    settle_workers()
