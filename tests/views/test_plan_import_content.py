"""The import preview shows what will be stored, to check before «Nhập»: the sections with their tasks (key,
title, chủ trì, phối hợp, thời hạn) and the indicators with their unit and targets; «phần» counts sections
and «mục» is not used for two things; an empty warnings box says so; a file that cannot be read is said in
red with what to do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.documents.sample_plan_data import DONG_THAP_3256
from desktop.models.store import Store
from desktop.views.plan_import_dialog import PlanImportDialog
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.documents.plan_documents import write_docx
from tests.views.flow_helpers import settle_workers


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Store]:
    store, _recovery = Store.create(tmp_path / "data", "admin", PASSPHRASE, FAST_KDF)
    yield store
    settle_workers()
    store.close()


def _preview(qtbot: QtBot, store: Store, path: Path) -> PlanImportDialog:
    dialog = PlanImportDialog(store, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=30_000)
    return dialog


def _row(tree: QTreeWidget, *path: int) -> list[str]:
    item = tree.topLevelItem(path[0])
    for n in path[1:]:
        assert item is not None
        item = item.child(n)
    assert item is not None
    return [item.text(c) for c in range(tree.columnCount())]


def _children(tree: QTreeWidget) -> int:
    return sum(item.childCount() for n in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(n)))


def test_the_preview_lists_the_sections_tasks_and_indicators_to_check(qtbot: QtBot, fresh_store: Store,
                                                                      tmp_path: Path) -> None:
    dialog = _preview(qtbot, fresh_store, write_docx(DONG_THAP_3256, tmp_path / "Phu-luc-KH-3256.docx"))
    assert dialog.preview is not None
    summary = dialog.summary.text()
    assert "Đọc được 8 phần, 28 nhiệm vụ, 17 chỉ tiêu." in summary and "mục" not in summary
    assert dialog.changes.item(0).text() == "Kế hoạch mới: thêm 28 nhiệm vụ, 17 chỉ tiêu."
    assert [dialog.warnings.item(n).text() for n in range(dialog.warnings.count())] == ["Không có cảnh báo."]
    tasks = dialog.tasks
    assert tasks.topLevelItemCount() == 8 and _row(tasks, 0)[0] == "I. HOÀN THIỆN THỂ CHẾ"
    key, title, result, lead, coordinators, deadline = _row(tasks, 0, 0)
    assert key == "I.1" and title.startswith("Nghiên cứu, hoàn thiện thể chế")
    assert result == "Quyết định, Kế hoạch" and tasks.headerItem().text(2) == "Kết quả / sản phẩm"
    assert lead == "Sở KH&CN" and "Sở Tài chính" in coordinators and deadline == "Tháng 12/2026"
    assert _children(tasks) == 28
    assert dialog.indicators.topLevelItemCount() == 17
    key, group, name, unit, targets, monitoring, coordinators = _row(dialog.indicators, 0)
    assert key == "1" and name.startswith("Tỷ lệ DVCTT") and unit == "%"
    assert group == "Dịch vụ công trực tuyến (DVCTT)"
    assert monitoring == "Sở KH&CN" and coordinators == "Văn phòng Chính phủ"
    header = dialog.indicators.headerItem()
    assert [header.text(5), header.text(6)] == ["Cơ quan chủ trì theo dõi, đánh giá", "Phối hợp"]
    assert targets == "2026-2027: 100%; 2028-2030: Duy trì 100%"
    assert dialog.content.tabText(0) == "Nhiệm vụ (28)" and dialog.content.tabText(1) == "Chỉ tiêu (17)"
    assert not dialog.error.isVisible() and dialog.import_button.isEnabled()
    settle_workers()


def test_a_file_that_cannot_be_read_is_said_in_red_with_its_name(qtbot: QtBot, fresh_store: Store,
                                                                 tmp_path: Path) -> None:
    from tests.documents.test_plan_formats_bad_input import scanned_pdf

    dialog = _preview(qtbot, fresh_store, scanned_pdf(tmp_path))
    assert dialog.error.isVisible() and "b00020" in dialog.error.styleSheet()
    assert "ban-quet.pdf" in dialog.error.text() and "Hãy xin" in dialog.error.text()
    assert dialog.summary.text() == "Không đọc được tệp ban-quet.pdf; chưa lưu gì."
    assert not dialog.import_button.isEnabled()


def _task_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [child for n in range(tree.topLevelItemCount()) if (section := tree.topLevelItem(n))
            for child in (section.child(c) for c in range(section.childCount())) if child is not None]


def test_the_preview_columns_fit_the_numbers_and_give_the_titles_the_room(qtbot: QtBot, fresh_store: Store,
                                                                          tmp_path: Path) -> None:
    """«Số» holds «VIII.27» beside the title (no overlap), «Nhiệm vụ» takes the spare width when the window
    grows, «Thời hạn» is as wide as its texts, and a cut title ends in «…» with its whole text as tooltip."""
    dialog = _preview(qtbot, fresh_store, write_docx(DONG_THAP_3256, tmp_path / "Phu-luc-KH-3256.docx"))
    header = dialog.tasks.header()
    assert header.sectionSize(1) > max(header.sectionSize(n) for n in (0, 2, 3, 4, 5))  # at its first size too
    dialog.resize(1900, 900)
    qtbot.waitUntil(lambda: dialog.tasks.viewport().width() > 1500)
    tree = dialog.tasks
    metrics = tree.fontMetrics()
    for item in _task_items(tree):
        key_rect = tree.visualRect(tree.indexFromItem(item, 0))
        title_rect = tree.visualRect(tree.indexFromItem(item, 1))
        assert key_rect.left() + metrics.horizontalAdvance(item.text(0)) < title_rect.left(), item.text(0)
    header = tree.header()
    assert header.sectionSize(1) > max(header.sectionSize(n) for n in (0, 2, 3, 4, 5))
    widest_deadline = max(metrics.horizontalAdvance(item.text(5)) for item in _task_items(tree))
    assert header.sectionSize(5) < widest_deadline + metrics.averageCharWidth() * 8
    assert tree.textElideMode() == Qt.TextElideMode.ElideRight and not tree.wordWrap()
    assert all(item.toolTip(1) == item.text(1) for item in _task_items(tree))
    assert dialog.indicators.header().sectionSize(2) > dialog.indicators.header().sectionSize(1)
    settle_workers()
