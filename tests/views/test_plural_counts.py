"""Counts read right in English: "1 warning", "2 warnings", never "1 warnings" (Qt's plural forms)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import install_language
from desktop.domain.issue_tally import IssueTally
from desktop.domain.validation import ValidationResult
from desktop.domain.validation_issues import ItemName
from desktop.services.report_items import TaskItem
from desktop.views.check_action import found_text
from desktop.views.issue_counts import issue_counts, tally_text
from desktop.views.report_editor.item_form import ItemForm


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    install_language(qapp, "en")
    yield qapp
    install_language(qapp, "vi")  # the other tests run in the default language


def test_counts_take_the_singular_for_one(english: QApplication) -> None:
    assert issue_counts(1, 1) == "1 error, 1 warning"
    assert issue_counts(2, 0) == "2 errors, 0 warnings"
    assert tally_text(IssueTally(1, 0, 2)) == "1 item not answered yet, 0 errors, 2 warnings"
    warning = ItemName("task", "I.1", "").issue("text.untrimmed", "result", "thừa dấu cách", "extra blanks")
    assert found_text(ValidationResult((warning,))) == "Check done: no errors, 1 warning (it can still be signed)."


def _deadline_line(qtbot: QtBot, deadline_text: str, due: str, today: date) -> str:
    form = ItemForm("en", lambda *args: True, today)
    qtbot.addWidget(form)
    task = TaskItem("t::1", "KH", "1", "I", "", "Việc", "lead", "", "", deadline_text, "date", due, None)
    form.show_item("task", task, True, [], None)
    return form.deadline.text()


def test_days_left_read_as_english(english: QApplication, qtbot: QtBot) -> None:
    """It used to read «1489 day(s) left»."""
    today = date(2026, 12, 3)
    assert _deadline_line(qtbot, "31/12/2030", "2030-12-31", today).endswith("— 1,489 days left")
    assert _deadline_line(qtbot, "04/12/2026", "2026-12-04", today).endswith("— 1 day left")
    assert _deadline_line(qtbot, "02/12/2026", "2026-12-02", today).endswith("— 1 day overdue")
    assert _deadline_line(qtbot, "Quý IV/2026", "2026-12-31", today).endswith("due 31/12/2026, 28 days left")


@pytest.mark.parametrize(("context", "source", "one"), [
    ("Pkcs11SettingsWidget", "Thấy %Ln token.", "1 token found."),
    ("DigitalSignDialog", "Thấy %Ln token.", "1 token found."),
    ("AutoSync", "Sở đã nhận %Ln báo cáo; biên nhận đã lưu.", "The province received 1 report; receipt kept."),
    ("AutoSync", "%Ln báo cáo bị Sở từ chối, cần xem lại (mục Đồng bộ).",
     "1 report refused by the province, needs attention (Sync tab)."),
    ("SyncPanel", "Đồng bộ xong: %Ln gói gửi đi, Sở đã nhận {0}.",
     "Sync finished: 1 bundle sent, {0} received by the province."),
])
def test_sync_and_token_counts_read_as_english(english: QApplication, context: str, source: str, one: str) -> None:
    """These strings, as the views pass them, used to read «1 token(s) found.», «1 report(s)», «1 bundle(s)»."""
    assert QCoreApplication.translate(context, source, "", 1) == one
    many = QCoreApplication.translate(context, source, "", 1234)
    assert "(s)" not in many and "1,234" in many
