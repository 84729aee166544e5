"""The approve-and-sign dialog as a newcomer met it: a first signing says it is the first (not "changes since
the last signing"), «Ký» and «Ký số» are explained and both wait while errors block, and «Ký» asks once more
before the revision is frozen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.issue_tally import tally
from desktop.domain.periods import Period
from desktop.models.store import Store
from desktop.services import reports, validation
from desktop.services.periods import current_period_code
from desktop.views.sign_dialog import SignDialog
from tests.views.flow_helpers import answer_errors_in_store, confirm_signing


def test_a_first_signing_with_errors_says_so_and_offers_neither_signature(qtbot: QtBot, demo_store: Store) -> None:
    dialog = SignDialog(demo_store, current_period_code(), "vi")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "lần ký đầu tiên" in dialog.intro.text() and "so với lần ký trước" not in dialog.intro.text()
    assert "Chưa ký được" in dialog.state.text()
    assert not dialog.sign_button.isEnabled() and not dialog.digital_button.isEnabled(), \
        "«Ký số» waits for the errors too"
    explain = dialog.findChild(QLabel, "signExplain")
    assert explain is not None and "«Ký số…»" in explain.text()


def test_sign_asks_once_more_and_review_signs_nothing(qtbot: QtBot, demo_store: Store) -> None:
    code = current_period_code()
    answer_errors_in_store(demo_store, code)
    # Inside the period's data window: the early-signing question is another test's.
    dialog = SignDialog(demo_store, code, "vi", today=Period.parse(code).data_window.start)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sign_button.isEnabled() and dialog.digital_button.isEnabled()

    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm is not None and dialog.confirm.isVisible()
    assert reports.open_report(demo_store, code).editable, "one click signs nothing yet"
    review = next(b for b in dialog.confirm.findChildren(QPushButton) if b.text().replace("&", "") == "Xem lại")
    qtbot.mouseClick(review, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and reports.open_report(demo_store, code).editable

    with qtbot.waitSignal(dialog.signed, timeout=30_000):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        confirm_signing(qtbot, dialog)
    assert not reports.open_report(demo_store, code).editable


def test_the_first_signing_counts_fields_and_items_like_the_home_screen(qtbot: QtBot, demo_store: Store) -> None:
    """The change list has a row per field; the intro used to call those rows «mục» (120) while the home screen
    counted 40 «mục» (items) for the same report."""
    code = current_period_code()
    dialog = SignDialog(demo_store, code, "vi")
    qtbot.addWidget(dialog)
    rows = dialog.changes.topLevelItemCount()
    items = len({dialog.changes.topLevelItem(i).text(0) for i in range(rows)})
    assert rows > items, "the demo report has several fields per item"
    assert f"{rows} ô ({items} mục)" in dialog.intro.text()


def test_the_dialog_counts_unanswered_items_as_the_editor_does(qtbot: QtBot, demo_store: Store) -> None:
    """The report panel said «10 mục chưa nhập, 0 lỗi» while this dialog said «còn 10 lỗi» for the same report."""
    code = current_period_code()
    counts = tally(validation.validate(demo_store, code))
    assert counts.unanswered and not counts.errors, "the demo's current report has only items not answered yet"
    dialog = SignDialog(demo_store, code, "vi")
    qtbot.addWidget(dialog)
    first_line = dialog.state.text().splitlines()[0]
    assert f"Chưa ký được: còn {counts.unanswered} mục chưa nhập." in first_line
    assert "lỗi" not in first_line.lower()
