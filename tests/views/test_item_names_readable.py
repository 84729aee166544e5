"""The item list gives the items' names the room the panel has: a newcomer read «III....» five times in a row
beside empty space, because the name column kept its first width once a report's items were shown."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.models.store import Store
from tests.views.flow_helpers import open_and_wait, settle_workers


def test_the_name_column_fills_the_list_beside_the_state_column(qtbot: QtBot, demo_store: Store) -> None:
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    open_and_wait(qtbot, window)
    tree = window.editor.item_list.tree
    header = tree.header()
    qtbot.waitUntil(lambda: header.count() == 2, timeout=30_000)
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    # Both columns together span the list's whole width: no empty band is left on the right.
    qtbot.waitUntil(lambda: header.sectionSize(0) + header.sectionSize(1) >= tree.viewport().width() - 1,
                    timeout=30_000)
    assert header.sectionSize(0) > header.sectionSize(1)
    settle_workers()
