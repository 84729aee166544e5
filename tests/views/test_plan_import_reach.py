"""The plan import is found where a newcomer looks: the Tệp menu (and Công cụ), F1's topic «Nhập kế hoạch của
tỉnh», and a file dialog that opens in Documents, then in the folder of the last plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.models.store import Store
from desktop.views import file_folders
from desktop.views.help_window import help_pages
from desktop.views.main_window import MainWindow
from desktop.views.plan_import_dialog import open_plan_import
from tests.views.flow_helpers import settle_workers


def test_the_file_and_tools_menus_both_hold_the_plan_import(window: MainWindow) -> None:
    menus = {menu.title(): [a.objectName() for a in menu.actions()] for menu in window.menuBar().findChildren(QMenu)}
    assert "importPlan" in menus["&Tệp"] and "importPlan" in menus["&Công cụ"]


@pytest.mark.parametrize(("language", "title"), [("vi", "Nhập kế hoạch của tỉnh"),
                                                 ("en", "Importing the province's plan")])
def test_f1_has_a_topic_on_importing_the_plan(language: str, title: str) -> None:
    pages = {page.title: page.path.read_text(encoding="utf-8") for page in help_pages(language)}
    assert title in pages
    text = pages[title]
    for word in (".docx", ".xlsx", ".xls", "PDF", "Word", "Excel"):
        assert word in text, word
    assert list(pages).index(title) == 1  # right after «Bắt đầu», before the quarter's work


def test_the_file_dialog_opens_in_documents_then_in_the_last_plan_folder(
        qtbot: QtBot, demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    chosen = tmp_path / "tu-so" / "ke-hoach.docx"
    chosen.parent.mkdir()

    def answer(_parent: QWidget, _title: str, folder: str, _filter: str) -> tuple[str, str]:
        asked.append(folder)
        return "", ""

    monkeypatch.setattr(file_folders, "_LAST", {})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    parent = QWidget()
    qtbot.addWidget(parent)
    open_plan_import(parent, demo_store)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked[0] in (documents, str(Path.home()))
    file_folders.remember("plan", chosen)
    open_plan_import(parent, demo_store)
    assert asked[1] == str(chosen.parent)
    settle_workers()


@pytest.mark.parametrize(("language", "title", "role", "restart"), [
    ("vi", "Nhập kế hoạch của tỉnh", "mọi cơ quan báo cáo số liệu của đơn vị mình cho từng chỉ tiêu",
     "mở lại chương trình thì\nhộp chọn tệp lại bắt đầu ở Tài liệu"),
    ("en", "Importing the province's plan", "every agency reports its own figures for each indicator",
     "after a\nrestart it starts in Documents again")])
def test_f1_says_why_every_indicator_is_ours_and_where_the_dialog_opens_after_a_restart(
        language: str, title: str, role: str, restart: str) -> None:
    """The last folder is kept in memory only (a path can name a person), so F1 does not promise it after a
    restart; and F1 explains the «Báo cáo số liệu» role of every indicator."""
    text = {page.title: page.path.read_text(encoding="utf-8") for page in help_pages(language)}[title]
    assert role in text and restart in text
    assert ("Báo cáo số liệu" if language == "vi" else "Reports its figures") in text
