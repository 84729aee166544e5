"""Help (F1): the guide opens with its contents, every link in it leads somewhere, both languages have
every page, a wheel ships it; «Giới thiệu» shows the version and the licences."""

from __future__ import annotations

import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import desktop
from desktop.app import create_main_window
from desktop.models.store import Store
from desktop.package_data import resource_path
from desktop.views.about_dialog import AboutDialog
from desktop.views.help_window import HelpWindow, help_pages

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ("vi", "en")


class Links(HTMLParser):
    """The hrefs and the ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if found.get("id"):
            self.ids.add(str(found["id"]))


def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_in_the_guide_resolves(language: str) -> None:
    pages = help_pages(language)
    assert len(pages) >= 10
    for page in pages:
        for href in parsed(page.path).hrefs:
            url = QUrl(href)
            assert not url.scheme(), f"{page.path.name}: {href} leaves the guide (it must work offline)"
            target = page.path.parent / url.path() if url.path() else page.path
            assert target.is_file(), f"{page.path.name}: {href} leads nowhere"
            if url.fragment():
                assert url.fragment() in parsed(target).ids, f"{page.path.name}: no #{url.fragment()} in {target.name}"


def test_both_languages_have_the_same_pages_and_the_guide_covers_the_quarter() -> None:
    names = {language: [page.path.name for page in help_pages(language)] for language in LANGUAGES}
    assert names["vi"] == names["en"]
    guide = " ".join(page.path.read_text(encoding="utf-8") for page in help_pages("vi"))
    for words in ("Mở khóa", "Chưa nhập", "Đã nhập", "Lỗi", "Cảnh báo", "Không thực hiện", "Không áp dụng",
                  "Đính kèm", "Phê duyệt và ký", "Đồng bộ", "USB", "Xem trước và in", "token", "thay máy",
                  "restore-history"):
        assert words in guide, words


def test_a_wheel_ships_every_help_page() -> None:
    globs = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["desktop"]
    shipped = {path for pattern in globs for path in (REPO / "desktop").glob(pattern)}
    every = {path for path in resource_path("help").rglob("*") if path.is_file()}
    assert every and every <= shipped, sorted(str(p) for p in every - shipped)


def test_f1_opens_the_guide_and_links_move_the_contents(qtbot: QtBot, demo_store: Store) -> None:
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=30_000)
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    guide = window.findChild(HelpWindow)
    assert isinstance(guide, HelpWindow) and guide.isVisible()
    assert guide.windowTitle() == "Hướng dẫn sử dụng"
    titles = [guide.contents.item(row).text() for row in range(guide.contents.count())]
    assert titles[:4] == ["Bắt đầu", "Nhập kế hoạch của tỉnh", "Mở khóa và khóa", "Nhập báo cáo"]
    assert "Bắt đầu" in guide.browser.toPlainText()
    guide.contents.setCurrentRow(titles.index("Nhập báo cáo"))
    assert "Không áp dụng" in guide.browser.toPlainText()
    guide.browser.setSource(QUrl("04-minh-chung.html"))  # as a click on the page's "Đính kèm minh chứng" link
    assert guide.contents.currentItem().text() == "Đính kèm minh chứng"
    assert "Gỡ bỏ" in guide.browser.toPlainText()
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    assert window.findChildren(HelpWindow) == [guide]  # raised again, not opened twice
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is guide.windowHandle(), timeout=10_000)
    QTest.keyClick(QApplication.focusWidget() or guide, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not guide.isVisible(), timeout=5_000)
    guide.close()


def test_the_english_guide(qtbot: QtBot) -> None:
    guide = HelpWindow("en")
    qtbot.addWidget(guide)
    assert guide.contents.item(0).text() == "Getting started"


def test_about_shows_the_version_and_the_licences(qtbot: QtBot, demo_store: Store) -> None:
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    about = next(a for a in window.findChildren(type(window.print_action)) if a.objectName() == "about")
    assert about.text() == "&Giới thiệu…"
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    text = dialog.text.toPlainText()
    assert f"baocao {desktop.__version__}" in text
    for part in ("LGPL-3.0", "SQLCipher", "ReportLab", "pyHanko", "Phần mềm mã nguồn mở, giấy phép MIT."):
        assert part in text, part
    dialog.reject()


@pytest.mark.parametrize(("language", "items"), [
    ("vi", ("Công cụ › Sao lưu dữ liệu…", "Máy mới? Khôi phục từ tệp sao lưu…",
            "Công cụ › Khôi phục lịch sử báo cáo từ Sở…", 'id="may-cu"')),
    ("en", ("Tools › Back up the data…", "New PC? Restore from a backup file…",
            "Tools › Restore the report history from the province…", 'id="may-cu"'))])
def test_replacing_the_pc_names_the_window_items_and_the_old_pc_coming_back(language: str,
                                                                           items: tuple[str, ...]) -> None:
    page = " ".join(resource_path("help", language, "10-thay-may.html").read_text(encoding="utf-8").split())
    for item in items:
        assert item in page, item
