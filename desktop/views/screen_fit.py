"""Windows sized to the screen they open on: the main window and the print preview large and centred (a
newcomer's first window opened small at the screen's right edge), and a small dialog wide enough for its
title (a progress dialog showed "Đang … aocao"); the help window centred over the main window."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

TITLE_MARGIN_PX = 160  # the window manager's icon and buttons beside the title


def place_on_screen(window: QWidget, share: float = 0.9) -> None:
    """Size ``window`` to ``share`` of the screen's free area (never smaller than it is, never larger than the
    screen) and centre it there."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(max(window.width(), round(area.width() * share)), area.width())
    height = min(max(window.height(), round(area.height() * share)), area.height())
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


def centre_over(window: QWidget, owner: QWidget) -> None:
    """Put ``window`` centred over ``owner`` (kept inside the screen): the help window opened at the screen's
    top-left corner, over the main window's menus."""
    screen = owner.screen() or QGuiApplication.primaryScreen()
    frame = window.frameGeometry()
    frame.moveCenter(owner.frameGeometry().center())
    if screen is not None:
        area = screen.availableGeometry()
        frame.moveLeft(max(area.left(), min(frame.left(), area.right() - frame.width() + 1)))
        frame.moveTop(max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1)))
    window.move(frame.topLeft())


def fit_title(dialog: QWidget) -> None:
    """Make ``dialog`` at least as wide as its title with the application's name that Qt appends to it."""
    title = dialog.windowTitle()
    name = QApplication.applicationDisplayName()
    shown = f"{title} — {name}" if name else title
    dialog.setMinimumWidth(max(dialog.minimumWidth(), dialog.fontMetrics().horizontalAdvance(shown) + TITLE_MARGIN_PX))
