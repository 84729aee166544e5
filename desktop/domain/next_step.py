"""Which report the agency should work on now, and what is left to do on it.

The home screen shows up to three periods (a late report still owed, the current one, the next); a newcomer
cannot tell which one is "this quarter's". The rule: a late report comes first until the province has it;
then the current period's report; the next period's never (its turn comes when its deadline is the next).
What is left is read from the report's status and its bundle's state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FILL, SEND, DONE = "fill", "send", "done"
UNSIGNED = ("not_started", "draft", "approved")
RECEIVED_STATES = ("receipted",)


@dataclass(frozen=True)
class CardState:
    """What the rule needs of a card: its period, role ("overdue"/"current"/"next"/"received"), the report's
    status and its bundle's outbox state (None when nothing was queued)."""

    code: str
    role: str
    status: str
    sync_state: str | None


@dataclass(frozen=True)
class NextStep:
    """The period to work on now and what is left: ``fill`` (fill in and sign), ``send`` (signed, not yet
    received by the province) or ``done``."""

    code: str
    action: str
    late: bool


def _left(card: CardState) -> str:
    if card.status in UNSIGNED:
        return FILL
    if card.status == "acknowledged" or card.sync_state in RECEIVED_STATES:
        return DONE
    return SEND


def next_step(cards: Sequence[CardState]) -> NextStep | None:
    """The step to show first: the late report while it is owed, else the current period's (None without one)."""
    for card in cards:
        if card.role == "overdue" and _left(card) != DONE:
            return NextStep(card.code, _left(card), late=True)
    for card in cards:
        if card.role == "current":
            return NextStep(card.code, _left(card), late=False)
    return None
