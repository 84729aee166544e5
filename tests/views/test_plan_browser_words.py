"""The Kế hoạch tab after the commune is declared: an indicator's role reads «Báo cáo số liệu» (every agency
reports its own figures; the Sở sums them), said in one line above the indicators; the tasks' count sits with
the task table; the section filter shows «Mọi phần» whole; a cut cell gives its whole text as a tooltip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.documents.sample_plan_data import DONG_THAP_3256
from desktop.models.store import Store
from desktop.services.plans import import_plan
from desktop.views.agency_dialog import AgencyDialog
from desktop.views.main_window import MainWindow
from desktop.views.plan_browser import PlanBrowser
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.documents.plan_documents import write_docx
from tests.views.flow_helpers import settle_workers


@pytest.fixture
def declared(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """A fresh store with plan 3256 imported and «Ủy ban nhân dân xã Mỹ Hiệp» declared in the window."""
    store, _recovery = Store.create(tmp_path / "data", "admin", PASSPHRASE, FAST_KDF)
    import_plan(store, write_docx(DONG_THAP_3256, tmp_path / "Phu-luc-KH-3256.docx"))
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "declareAgency")
    assert action is not None
    action.trigger()
    dialog = window.findChild(AgencyDialog, "agencyDialog")
    assert dialog is not None
    line = dialog.name.lineEdit()
    assert line is not None
    line.insert("Ủy ban nhân dân xã Mỹ Hiệp")
    dialog.place.insert("Mỹ Hiệp")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    window.tabs.setCurrentWidget(window.browser)
    qtbot.waitUntil(lambda: window.editor.view is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not window.browser.notice_row.isVisible() and bool(window.browser.visible_keys()),
                    timeout=30_000)
    yield window
    settle_workers()
    store.close()


def _column(browser: PlanBrowser, header: str) -> int:
    model = browser.indicator_model
    return next(n for n in range(model.columnCount()) if model.headerData(n, Qt.Orientation.Horizontal) == header)


def test_an_indicator_s_role_reads_reports_its_figures(declared: MainWindow) -> None:
    browser = declared.browser
    role = _column(browser, "Vai trò")
    shown = {browser.indicator_model.index(n, role).data() for n in range(browser.indicator_model.rowCount())}
    assert shown == {"Báo cáo số liệu"} and browser.indicator_model.rowCount() == 17
    assert browser.indicator_role.isVisible()
    cell = browser.indicator_table.visualRect(browser.indicator_model.index(0, role))
    assert browser.tips[1].cut_text(cell.center()) is None  # «Báo cáo số liệu» whole, not cut
    assert browser.indicator_role.text() == ("Mọi cơ quan báo cáo số liệu của đơn vị mình cho từng chỉ tiêu; "
                                             "Sở tổng hợp.")
    assert browser.role.itemText(2) == "Tôi phối hợp / báo cáo số liệu"
    task_roles = {browser.model.index(n, 2).data() for n in range(browser.model.rowCount())}
    assert "Báo cáo số liệu" not in task_roles and "Phối hợp" in task_roles  # the tasks keep their roles


def test_the_task_count_sits_with_the_tasks_and_the_section_filter_is_whole(declared: MainWindow) -> None:
    browser = declared.browser
    count_bottom = browser.count.mapTo(browser, QPoint(0, browser.count.height())).y()
    assert count_bottom <= browser.table.mapTo(browser, QPoint(0, 0)).y()  # above its table, not at the foot
    assert browser.count.text().endswith("nhiệm vụ")
    combo = browser.section
    assert combo.currentText() == "Mọi phần"
    assert combo.width() >= combo.fontMetrics().horizontalAdvance("Mọi phần") + combo.fontMetrics().height() * 2


def test_a_cut_cell_gives_its_whole_text_as_tooltip(qtbot: QtBot, declared: MainWindow) -> None:
    browser = declared.browser
    table = browser.table
    table.setColumnWidth(3, table.fontMetrics().averageCharWidth() * 6)  # «Chủ trì» too narrow for its names
    index = table.model().index(0, 3)
    text = index.data()
    assert text and index.data(Qt.ItemDataRole.ToolTipRole) is None  # short: the model gives no tooltip
    rect = table.visualRect(index)
    assert browser.tips[0].cut_text(rect.center()) == text
    viewport = table.viewport()
    hover = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
    QApplication.sendEvent(viewport, hover)
    assert QToolTip.text() == text
    QToolTip.hideText()
    wide = table.model().index(0, 0)  # «I.1» fits its column: no tooltip
    assert browser.tips[0].cut_text(table.visualRect(wide).center()) is None
