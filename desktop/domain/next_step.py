"""Which report the agency should work on now, and what is left to do on it.

The home screen shows up to three periods (a late report still owed, the current one, the next); a newcomer
cannot tell which one is "this quarter's". The rule: a late report comes first until the province has it;
then the current period's report; the next period's never (its turn comes when its deadline is the next).
What is left is read from the report's status and its bundle's state, and from the period's data window: a
report whose window has not opened can be drafted but should not be signed yet (``EARLY``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

FILL, EARLY, SEND, DONE = "fill", "early", "send", "done"
UNSIGNED = ("not_started", "draft", "approved")
RECEIVED_STATES = ("receipted",)


@dataclass(frozen=True)
class CardState:
    """What the rule needs of a card: its period, role ("overdue"/"current"/"next"/"received"), the report's
    status, its bundle's outbox state (None when nothing was queued) and the first day of its data window
    (None: not known, the window is taken as open)."""

    code: str
    role: str
    status: str
    sync_state: str | None
    data_start: date | None = None


@dataclass(frozen=True)
class NextStep:
    """The period to work on now and what is left: ``fill`` (fill in and sign), ``early`` (draft it, its data
    window has not opened: do not sign yet), ``send`` (signed, not yet received by the province) or ``done``."""

    code: str
    action: str
    late: bool

    @property
    def marked(self) -> bool:
        """Whether its card is marked as work to do: nothing is left on a report the province received, and
        a mark on it contradicted the sentence «Chưa có việc cần làm» above it."""
        return self.action != DONE


def drafting_early(status: str, data_start: date, today: date) -> bool:
    """Whether a report is still unsigned before its data window opens (it can be drafted, not yet signed)."""
    return status in UNSIGNED and today < data_start


def card_action(card: CardState, today: date | None = None) -> str:
    """What is left on one card's report (``FILL``, ``EARLY``, ``SEND`` or ``DONE``)."""
    if card.status in UNSIGNED:
        early = today is not None and card.data_start is not None and drafting_early(card.status, card.data_start,
                                                                                     today)
        return EARLY if early else FILL
    if card.status == "acknowledged" or card.sync_state in RECEIVED_STATES:
        return DONE
    return SEND


def next_step(cards: Sequence[CardState], today: date | None = None) -> NextStep | None:
    """The step to show first: the late report while it is owed, else the current period's (None without one)."""
    for card in cards:
        if card.role == "overdue" and card_action(card, today) != DONE:
            return NextStep(card.code, card_action(card, today), late=True)
    for card in cards:
        if card.role == "current":
            return NextStep(card.code, card_action(card, today), late=False)
    return None
