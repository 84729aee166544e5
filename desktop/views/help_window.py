"""The user guide (F1): the HTML pages shipped in ``resources/help/<language>/``, a contents list at left.

Pages are read in file-name order (``01-bat-dau.html``, ``02-…``); each page's ``<title>`` is its line in the
contents. Links between pages are relative, so the browser follows them inside the guide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from desktop.package_data import resource_path
from desktop.views.screen_fit import centre_over

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class HelpPage:
    """One page of the guide: its file and its title."""

    path: Path
    title: str


def help_folder(language: str) -> Path:
    """The guide's folder for ``language`` (Vietnamese when there is none in that language)."""
    folder = resource_path("help", language)
    return folder if folder.is_dir() else resource_path("help", "vi")


def help_pages(language: str) -> list[HelpPage]:
    """The guide's pages in reading order."""
    pages = []
    for path in sorted(help_folder(language).glob("*.html")):
        found = _TITLE.search(path.read_text(encoding="utf-8"))
        pages.append(HelpPage(path, found.group(1).strip() if found else path.stem))
    return pages


class HelpWindow(QWidget):
    """The guide in its own window, beside the work: the contents at left, the page at right."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng"))
        self.pages = help_pages(language)
        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setAccessibleName(self.tr("Mục lục"))
        for page in self.pages:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, str(page.path))
            self.contents.addItem(item)
        char = self.fontMetrics().averageCharWidth()
        self.contents.setMaximumWidth(char * 34)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpPage")
        self.browser.setOpenExternalLinks(True)
        self.browser.sourceChanged.connect(self._page_changed)
        self.contents.currentRowChanged.connect(self._row_chosen)
        layout = QHBoxLayout(self)
        layout.addWidget(self.contents)
        layout.addWidget(self.browser, 1)
        self.resize(char * 130, self.fontMetrics().height() * 36)
        # Esc puts the guide away and the keyboard back in the work, as every other window of the app does.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        if self.pages:
            self.contents.setCurrentRow(0)

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            wanted = self.pages[row].path
            if self.browser.source().fileName() != wanted.name:
                self.browser.setSource(QUrl.fromLocalFile(str(wanted)))

    def _page_changed(self, url: QUrl) -> None:
        """A link was followed: the contents list shows where the reader is."""
        shown = url.fileName()  # every page is in one folder: its name says which
        for row, page in enumerate(self.pages):
            if page.path.name == shown and self.contents.currentRow() != row:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)

    def show_page(self, name: str) -> None:
        """Open the page whose file is ``name`` (e.g. "08-in.html")."""
        for row, page in enumerate(self.pages):
            if page.path.name == name:
                self.contents.setCurrentRow(row)


def open_help(parent: QWidget, language: str) -> HelpWindow:
    """Show the guide (one window per main window, raised when already open)."""
    window = parent.findChild(HelpWindow)
    if not isinstance(window, HelpWindow):
        window = HelpWindow(language, parent)
        centre_over(window, parent.window())
    window.show()
    window.raise_()
    window.activateWindow()
    return window
