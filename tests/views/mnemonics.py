"""The Alt-letter shortcuts (mnemonics, the underlined letters) a user can press in one window or one menu.

Qt gives an ``&x`` of a button, a label with a buddy, a group box, a tab or a menu-bar title the shortcut
Alt+x across its whole window: two visible ones with the same letter make Alt+x go to one of them at
random (or toggle between them). Within one menu the letter without Alt picks the entry."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QMenuBar, QTabBar, QWidget


def mnemonic(text: str) -> str | None:
    """The letter after the single ``&`` of ``text`` (``&&`` is a literal ampersand), lower-cased."""
    n = 0
    while (n := text.find("&", n)) != -1 and n + 1 < len(text):
        if text[n + 1] != "&":
            return text[n + 1].lower()
        n += 2
    return None


def window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic the user can reach in ``window`` as it is shown now."""
    found: list[tuple[str, str]] = []

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found.append((letter, text))

    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for n in range(widget.count()):
                if widget.isTabVisible(n):
                    add(widget.tabText(n))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    add(action.text())
    return found


def menu_mnemonics(menu: QMenu) -> list[tuple[str, str]]:
    """(letter, text) of the entries of one menu level."""
    entries: list[QAction] = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    return [(letter, a.text()) for a in entries if (letter := mnemonic(a.text())) is not None]


def clashes(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The letters used more than once, with their texts; and any letter no keyboard has (Alt+ộ)."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for letter, text in found:
        by_letter[letter].append(text)
    bad = {letter: texts for letter, texts in by_letter.items() if len(texts) > 1}
    bad.update({letter: texts for letter, texts in by_letter.items()
                if not (letter.isascii() and letter.isalnum())})
    return bad
