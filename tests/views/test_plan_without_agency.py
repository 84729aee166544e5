"""A fresh store (``baocao init``, no enrollment, no demo): an imported plan is read in the Kế hoạch tab, and
the officer declares the reporting agency in the window; nothing sends them to a terminal command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.documents.sample_plan_data import DONG_THAP_3256
from desktop.models.store import Store
from desktop.services import installation
from desktop.services.plans import import_plan
from desktop.views.agency_dialog import AgencyDialog
from desktop.views.main_window import MainWindow
from desktop.views.plan_import_dialog import PlanImportDialog
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.documents.plan_documents import write_docx
from tests.views.flow_helpers import settle_workers

COMMUNE = "Ủy ban nhân dân xã Mỹ Hiệp"


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Store]:
    """What ``baocao init`` leaves: a store with no agency and no plan."""
    store, _recovery = Store.create(tmp_path / "data", "admin", PASSPHRASE, FAST_KDF)
    yield store
    settle_workers()
    store.close()


@pytest.fixture
def fresh_window(qtbot: QtBot, fresh_store: Store) -> MainWindow:
    window = create_main_window(fresh_store)
    qtbot.addWidget(window)
    window.show()
    return window


def _boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def _docx(tmp_path: Path) -> Path:
    return write_docx(DONG_THAP_3256, tmp_path / "Phu-luc-KH-3256-QD-UBND.docx")


def test_a_plan_imported_without_an_agency_is_read_in_the_plans_tab(qtbot: QtBot, fresh_window: MainWindow,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = _docx(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), "")))
    action = fresh_window.findChild(QAction, "importPlan")
    assert action is not None
    action.trigger()
    dialog = fresh_window.findChild(PlanImportDialog, "planImportDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert fresh_window.tabs.currentWidget() is fresh_window.browser  # the tab stays, no bounce to Báo cáo
    assert fresh_window.statusBar().currentMessage() == "Đã nhập Kế hoạch 3256/QĐ-UBND: 28 nhiệm vụ, 17 chỉ tiêu."
    browser = fresh_window.browser
    assert len(browser.visible_keys()) == 28 and len(browser.visible_indicators()) == 17
    assert browser.notice_row.isVisible() and "chỉ để đọc" in browser.notice.text()
    assert not _boxes(fresh_window)
    lead = browser.model.index(0, 3).data()
    assert lead  # the chủ trì agency is readable
    assert browser.model.index(0, 2).data() == ""  # nobody's role yet


def test_the_report_tab_offers_the_declaration_once_and_never_a_terminal_command(
        qtbot: QtBot, fresh_window: MainWindow, fresh_store: Store, tmp_path: Path) -> None:
    import_plan(fresh_store, _docx(tmp_path))
    fresh_window.tabs.setCurrentWidget(fresh_window.editor)
    dialog = fresh_window.findChild(AgencyDialog, "agencyDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.findChildren(type(dialog.save_button))[-1], Qt.MouseButton.LeftButton)  # «Hủy»
    assert not dialog.isVisible()
    for widget in (fresh_window.dashboard, fresh_window.browser, fresh_window.editor, fresh_window.browser,
                   fresh_window.editor):
        fresh_window.tabs.setCurrentWidget(widget)
        assert fresh_window.tabs.currentWidget() is widget
    assert len([d for d in fresh_window.findChildren(AgencyDialog) if d.isVisible()]) == 0
    assert not _boxes(fresh_window)
    assert "baocao demo" not in fresh_window.statusBar().currentMessage()
    assert "Cơ quan báo cáo" in fresh_window.statusBar().currentMessage()


def test_declaring_the_agency_in_the_window_gives_its_report_and_roles(qtbot: QtBot, fresh_window: MainWindow,
                                                                       fresh_store: Store, tmp_path: Path) -> None:
    import_plan(fresh_store, _docx(tmp_path))
    action = fresh_window.findChild(QAction, "declareAgency")
    assert action is not None
    action.trigger()
    dialog = fresh_window.findChild(AgencyDialog, "agencyDialog")
    assert dialog is not None
    line = dialog.name.lineEdit()
    assert line is not None
    line.insert(COMMUNE)  # as a Vietnamese input method types it (QTest sends ASCII only)
    dialog.place.insert("Mỹ Hiệp")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert fresh_window.statusBar().currentMessage() == f"Cơ quan báo cáo: {COMMUNE}."
    fresh_window.tabs.setCurrentWidget(fresh_window.browser)
    browser = fresh_window.browser
    qtbot.waitUntil(lambda: fresh_window.editor.view is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not browser.notice_row.isVisible() and bool(browser.visible_keys()), timeout=30_000)
    roles = {item.role for item in browser.model.items()}
    assert roles <= {"lead", "coordinator"} and roles  # the commune's own tasks («UBND các xã, phường»)
    assert fresh_window.tabs.currentWidget() is browser
    settle_workers()


def test_an_empty_name_is_refused_in_the_dialog(qtbot: QtBot, fresh_window: MainWindow) -> None:
    dialog = fresh_window.declare_agency()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible() and "tên cơ quan" in dialog.error.text()
    with fresh_window.store.session() as session, pytest.raises(Exception, match="Công cụ › Cơ quan báo cáo"):
        installation.installation_agency(session)


def test_an_agency_the_province_set_is_shown_and_not_changed_here(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.declare_agency()
    assert dialog.name.currentText() == "Ủy ban nhân dân xã Mỹ Hiệp" and "do Sở khai báo" in dialog.findChild(
        type(dialog.error), "").text() if False else dialog.name.currentText() == "Ủy ban nhân dân xã Mỹ Hiệp"
    assert not dialog.name.isEnabled() and not dialog.save_button.isEnabled()
    dialog.reject()


def test_with_no_commune_to_choose_the_dialog_asks_to_type_and_stores_the_official_name(
        qtbot: QtBot, fresh_window: MainWindow, fresh_store: Store, tmp_path: Path) -> None:
    """Plan 3256 names only «UBND các xã, phường»: the list is empty, so the dialog says «Gõ», not «Chọn hoặc
    gõ», shows an example as placeholder, and «UBND xã Mỹ Hiệp» is stored (and printed) in full."""
    import_plan(fresh_store, _docx(tmp_path))
    dialog = fresh_window.declare_agency()
    assert dialog.name.count() == 0
    assert "Chọn" not in dialog.intro.text() and dialog.intro.text().startswith("Gõ tên cơ quan")
    line = dialog.name.lineEdit()
    assert line is not None and line.placeholderText() == "Ví dụ: Ủy ban nhân dân xã Mỹ Hiệp"
    line.insert("UBND xã Mỹ Hiệp")
    assert dialog.official.text() == "In trên báo cáo: «Ủy ban nhân dân xã Mỹ Hiệp»"
    dialog.place.insert("Mỹ Hiệp")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert fresh_window.statusBar().currentMessage() == f"Cơ quan báo cáo: {COMMUNE}."
    with fresh_store.session() as session:
        assert installation.installation_agency(session).name == COMMUNE
    settle_workers()
