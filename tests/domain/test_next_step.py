"""The work to do now, as the home screen marks it on 03/12/2026 in the demo: Q4 2026 signed and waiting to be
sent, Q1 2027 drafted before its data window opens (15/12/2026)."""

from __future__ import annotations

from datetime import date

from desktop.domain.early_signing import due_before_window_ends
from desktop.domain.next_step import DONE, EARLY, FILL, SEND, CardState, card_action, drafting_early, next_step

TODAY = date(2026, 12, 3)
Q1_START = date(2026, 12, 15)
Q4_SIGNED = CardState("2026Q4", "overdue", "signed", "new", date(2026, 9, 15))
Q1_DRAFT = CardState("2027Q1", "current", "draft", None, Q1_START)
Q2_NONE = CardState("2027Q2", "next", "not_started", None, date(2027, 3, 15))


def test_a_signed_report_waiting_to_be_sent_is_the_one_to_send() -> None:
    step = next_step([Q4_SIGNED, Q1_DRAFT, Q2_NONE], TODAY)
    assert step is not None and (step.code, step.action, step.marked) == ("2026Q4", SEND, True)


def test_a_draft_before_its_data_window_is_drafted_early_not_filled_and_signed() -> None:
    assert card_action(Q1_DRAFT, TODAY) == EARLY
    assert drafting_early("draft", Q1_START, TODAY)
    assert card_action(Q1_DRAFT, Q1_START) == FILL, "from the window's first day it is filled and signed"
    assert not drafting_early("signed", Q1_START, TODAY), "a signed report is not a draft"
    received = CardState("2026Q4", "received", "acknowledged", "receipted")
    step = next_step([received, Q1_DRAFT, Q2_NONE], TODAY)
    assert step is not None and (step.code, step.action) == ("2027Q1", EARLY)


def test_once_everything_is_received_no_card_is_marked() -> None:
    received = CardState("2026Q4", "received", "acknowledged", "receipted")
    q1_received = CardState("2027Q1", "current", "signed", "receipted", Q1_START)
    step = next_step([received, q1_received, Q2_NONE], TODAY)
    assert step is not None and step.action == DONE and not step.marked


def test_a_report_due_before_its_data_window_ends_is_told_so() -> None:
    """Seed 003 asks for Q4 with the full-year figures before 01/12; the window (ND 09/2019) runs to 14/12."""
    assert due_before_window_ends(date(2026, 11, 30), date(2026, 12, 14))
    assert not due_before_window_ends(date(2026, 12, 14), date(2026, 12, 14))
