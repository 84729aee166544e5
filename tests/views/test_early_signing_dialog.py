"""«Phê duyệt và ký» before the period's data window opens: the dialog says so, «Ký» asks first, «Chưa ký»
signs nothing, «Vẫn ký» signs."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.periods import Period
from desktop.models.store import Store
from desktop.services import reports
from desktop.services.periods import current_period_code
from desktop.views.sign_dialog import SignDialog
from tests.views.flow_helpers import confirm_signing, settle_workers


def test_signing_before_the_window_asks_and_can_be_refused(qtbot: QtBot, demo_store: Store) -> None:
    period = Period.parse(current_period_code()).previous()  # the demo's signed quarter, opened again: valid
    reports.reopen_report(demo_store, period.code, "Bổ sung số liệu")
    dialog = SignDialog(demo_store, period.code, "vi", today=period.data_window.start - timedelta(days=5))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "chưa bắt đầu" in dialog.state.text() and "còn 5 ngày nữa" in dialog.state.text()
    assert dialog.sign_button.isEnabled()

    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    box = dialog.early_box
    assert box is not None and box.isVisible() and box.windowTitle() == "Ký trước kỳ số liệu"
    assert f"từ ngày {period.data_window.start:%d/%m/%Y}" in box.text()
    refuse = box.findChild(QPushButton, "signNotYet")
    assert refuse is not None and box.defaultButton() is refuse  # Enter does not sign
    qtbot.mouseClick(refuse, Qt.MouseButton.LeftButton)
    settle_workers()
    assert dialog.operation is None
    assert reports.report_history(demo_store, period.code)[-1]["status"] != "signed"

    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    box = dialog.early_box
    assert box is not None
    anyway = box.findChild(QPushButton, "signAnyway")
    assert anyway is not None
    with qtbot.waitSignal(dialog.signed, timeout=30_000):
        qtbot.mouseClick(anyway, Qt.MouseButton.LeftButton)
        confirm_signing(qtbot, dialog)  # then «Xác nhận ký», as every signing
    assert reports.report_history(demo_store, period.code)[-1]["status"] == "signed"


def test_no_question_inside_the_window(qtbot: QtBot, demo_store: Store) -> None:
    period = Period.parse(current_period_code()).previous()
    reports.reopen_report(demo_store, period.code, "Bổ sung số liệu")
    dialog = SignDialog(demo_store, period.code, "vi", today=period.data_window.start)
    qtbot.addWidget(dialog)
    assert dialog.early is None and "chưa bắt đầu" not in dialog.state.text()
    with qtbot.waitSignal(dialog.signed, timeout=30_000):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        confirm_signing(qtbot, dialog)
    assert dialog.early_box is None
