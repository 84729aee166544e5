"""Counts read right in English: "1 warning", "2 warnings", never "1 warnings" (Qt's plural forms)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import install_language
from desktop.domain.issue_tally import IssueTally
from desktop.domain.validation import ValidationResult
from desktop.domain.validation_issues import ItemName
from desktop.views.check_action import found_text
from desktop.views.issue_counts import issue_counts, tally_text


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
