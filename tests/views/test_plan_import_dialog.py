"""Importing a plan from the window: the preview shows what was read and what would change; "Nhập"
stores it, "Hủy" stores nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app import create_main_window
from desktop.documents.sample_plan_data import AN_GIANG_594, TaskRow, TaskSheet
from desktop.documents.sample_plans import write_sample_plan
from desktop.models.plan import Plan, Task
from desktop.models.store import Store
from desktop.services.plans import import_plan
from desktop.views.main_window import MainWindow
from desktop.views.plan_import_dialog import PlanImportDialog
from tests.documents.plan_documents import write_docx
from tests.views.flow_helpers import settle_workers

CODE = "594/KH-UBND"


NEW_TITLE = "Ban hành bộ chỉ số chỉ đạo, điều hành mới của tỉnh"


@pytest.fixture
def demo_store(demo_store: Store, tmp_path: Path) -> Store:
    """The demo store with An Giang's plan 594 stored as well (the demo commune, of Đồng Tháp, has only its own)."""
    import_plan(demo_store, write_sample_plan(AN_GIANG_594, tmp_path / "594.xlsx"))
    return demo_store


def _word(tmp_path: Path, *, changed: bool = True) -> Path:
    """The stored plan 594 as a Word document, its first task retitled (a new version from the province)."""
    plan = AN_GIANG_594
    if changed:
        sheet = plan.sheets[0]
        assert isinstance(sheet, TaskSheet)
        first = next(i for i, r in enumerate(sheet.rows) if isinstance(r, TaskRow))
        row = sheet.rows[first]
        assert isinstance(row, TaskRow)
        rows = (*sheet.rows[:first], replace(row, title=NEW_TITLE), *sheet.rows[first + 1:])
        plan = replace(plan, sheets=(replace(sheet, rows=rows),))
    return write_docx(plan, tmp_path / "594.docx", issuer="ỦY BAN NHÂN DÂN\nTỈNH AN GIANG",
                      number="Số: 594/KH-UBND", dated="An Giang, ngày 19 tháng 5 năm 2025")


def _first_title(store: Store) -> str:
    with store.session() as session:
        task = session.scalar(select(Task).where(Task.key == "I.1", Task.plan.has(Plan.code == CODE)))
        assert task is not None
        return task.title


def _previewed(qtbot: QtBot, store: Store, path: Path) -> PlanImportDialog:
    dialog = PlanImportDialog(store, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    return dialog


def test_preview_then_import_stores_the_plan(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    before = _first_title(demo_store)
    dialog = _previewed(qtbot, demo_store, _word(tmp_path))
    assert "Kế hoạch 594/KH-UBND" in dialog.summary.text() and "11 nhiệm vụ" in dialog.summary.text()
    assert "Ngày ban hành: 19/05/2025" in dialog.summary.text()
    changes = [dialog.changes.item(n).text() for n in range(dialog.changes.count())]
    # What changed, not only the key: the field, the stored text and the new one.
    assert len(changes) == 1 and changes[0].startswith(f"Sửa I.1, tên nhiệm vụ: «{before[:20]}")
    assert changes[0].endswith(f"→ «{NEW_TITLE}»")
    assert _first_title(demo_store) == before  # the preview stored nothing
    # The dialog's focus is on "Nhập" (whether its window is active again yet depends on the progress box
    # that a slow read shows and closes).
    assert dialog.import_button.isEnabled() and dialog.focusWidget() is dialog.import_button
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.result_import is not None, timeout=30_000)
    assert dialog.result_import is not None and dialog.result_import.changed == ["I.1"]
    assert _first_title(demo_store) == NEW_TITLE
    settle_workers()


def test_the_same_plan_again_shows_no_change_and_cannot_be_imported(qtbot: QtBot, demo_store: Store,
                                                                    tmp_path: Path) -> None:
    dialog = _previewed(qtbot, demo_store, _word(tmp_path, changed=False))
    assert dialog.changes.item(0).text() == "Không có gì thay đổi so với bản đã lưu."
    assert not dialog.import_button.isEnabled()


def test_cancel_stores_nothing(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    before = _first_title(demo_store)
    dialog = _previewed(qtbot, demo_store, _word(tmp_path))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and _first_title(demo_store) == before


def test_a_scan_shows_what_to_do_and_cannot_be_imported(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    from tests.documents.test_plan_formats_bad_input import scanned_pdf

    dialog = PlanImportDialog(demo_store, scanned_pdf(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=30_000)
    assert "bản chụp" in dialog.error.text() and "ban-quet.pdf" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_the_window_action_opens_the_preview(qtbot: QtBot, demo_store: Store, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = _word(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), "")))
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "importPlan")
    assert action is not None
    action.trigger()
    dialog = window.findChild(PlanImportDialog, "planImportDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    assert dialog.preview is not None and dialog.preview.plan_code == CODE
    settle_workers()


def test_after_import_the_status_bar_says_so_and_the_plans_tab_shows_it(qtbot: QtBot, window: MainWindow,
                                                                        tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = _word(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), "")))
    dialog = window.import_plan()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert window.statusBar().currentMessage() == "Đã nhập Kế hoạch 594/KH-UBND: 11 nhiệm vụ, 0 chỉ tiêu."
    assert window.tabs.currentWidget() is window.browser
    qtbot.waitUntil(lambda: any(t.plan == CODE and t.title == NEW_TITLE for t in window.browser.model.items()),
                    timeout=30_000)
    settle_workers()
