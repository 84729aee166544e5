"""The one clock for dates with legal meaning: Vietnam time (Asia/Ho_Chi_Minh), whatever the PC's zone.

A document's date, a deadline, "đúng hạn" or "trễ hạn" and a receipt's time are read on this clock, so
a PC set to another zone prints the same day the province logs.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.domain.periods import VIETNAM_TZ


def vietnam_now() -> datetime:
    """Now, as an aware datetime in Vietnam time."""
    return datetime.now(UTC).astimezone(VIETNAM_TZ)


def vietnam_today() -> date:
    """Today's date in Vietnam."""
    return vietnam_now().date()
