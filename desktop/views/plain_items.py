"""Fill Qt's item views with items that Qt makes itself, so that painting them never waits for Python.

An item constructed from Python (``QListWidgetItem(text)``, ``QStandardItem()``) is a shiboken wrapper: the
first time Qt calls one of its virtual methods (``data()``, ``flags()``) it takes the GIL to look for a
Python override. While workers compute, each of those is a GIL hand-over of up to a few milliseconds; the
368 issues of a large report froze the window for 350 ms the first time they were painted. Items that Qt
creates (``addItems``, ``setItemData`` on an empty cell) are plain C++ objects with nothing to look up.
Python only touches them through short-lived handles, never keeping one: Qt deletes them when it clears the
view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListWidget


def set_cell(model: QStandardItemModel, index: QModelIndex, roles: Mapping[int, Any], flags: Qt.ItemFlag) -> None:
    """Set the roles and flags of one cell (a role given None is cleared), creating its item in C++.

    The base implementation is called on purpose: a model may override ``setData`` for the user's edits.
    Meant for filling a model: see ``update_cell`` for changing one.
    """
    QStandardItemModel.setItemData(model, index, dict(roles))
    model.itemFromIndex(index).setFlags(flags)


def update_cell(cell: QStandardItem, roles: Mapping[int, Any]) -> None:
    """Change the roles of an existing cell (Qt tells the views only of a role whose value changed).

    Through the item rather than an index: PySide lets other threads run during every call that returns a
    ``QModelIndex``, and getting the GIL back costs the UI thread a hand-over while workers compute.
    """
    for role, value in roles.items():
        cell.setData(value, role)


def fill_list(widget: QListWidget, rows: Sequence[tuple[str, QIcon | None]]) -> None:
    """Replace the items of ``widget``: a text and an icon per row (the caller maps a row back to its data)."""
    widget.clear()
    widget.addItems([text for text, _icon in rows])
    for n, (_text, icon) in enumerate(rows):
        if icon is not None:
            widget.item(n).setIcon(icon)
