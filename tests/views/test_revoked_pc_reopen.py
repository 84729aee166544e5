"""«Sửa đổi (mở lần mới)…» on a PC the province revoked: the reason dialog opens with the province's words
(when, why, enroll again with a new code) above the reason box, before anything is typed; on a PC in good
standing there is no such line."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.models.store import Store
from desktop.services.identity import record_revoked
from desktop.views.main_window import MainWindow
from desktop.views.reopen_dialog import ReopenDialog
from tests.services.test_revoked_pc_signs_nothing import SAID_EN, SAID_VI
from tests.views.flow_helpers import open_and_wait

SIGNED = "2026Q4"


def _reason_dialog(window: MainWindow) -> ReopenDialog:
    window.reopen()
    return next(d for d in window.findChildren(ReopenDialog) if d.isVisible())


def test_the_reason_dialog_of_a_revoked_pc_says_so_before_the_reason_is_typed(
        qtbot: QtBot, window: MainWindow, demo_store: Store) -> None:
    open_and_wait(qtbot, window, SIGNED)
    plain = _reason_dialog(window)
    assert not plain.warning.isVisible(), "nothing to warn of on a PC in good standing"
    plain.reject()
    with demo_store.session() as session:
        record_revoked(session, SAID_VI, SAID_EN)
    dialog = _reason_dialog(window)
    warning = dialog.warning
    assert warning.isVisible() and dialog.reason.toPlainText() == ""
    said = warning.text()
    assert SAID_VI in said and "đăng ký lại bằng mã mới của Sở" in said, said
    assert warning.geometry().bottom() < dialog.reason.geometry().top(), "read before the reason box"
    dialog.reject()
