"""While the first report is being read the form is greyed and says so (keys typed there were lost); once it
is shown, its first field has the focus, so that what is typed next lands in it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import create_main_window
from desktop.models.store import Store
from tests.views.flow_helpers import settle_workers, wait_shown


def test_the_form_is_greyed_while_the_first_report_is_read_then_takes_the_keys(qtbot: QtBot, demo_store: Store) -> None:
    window = create_main_window(demo_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.dashboard.is_loading() and window.dashboard.board is not None, timeout=20_000)
    window.open_report(None)
    editor = window.editor
    assert editor.load_operation is not None and editor.view is None
    assert not editor.form.isEnabled() and "Chờ một chút rồi nhập" in editor.heading.text()
    wait_shown(qtbot, editor)
    assert editor.form.isEnabled()
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName().startswith("form_"), focused
    settle_workers()
