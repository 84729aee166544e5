"""Which period the console opens on: the one the Sở is working on, not merely the one due next.

Once a period's deadline passes, the Sở still consolidates it and chases the late agencies. Rule: the
console opens on the period whose deadline passed most recently («Kỳ đang tổng hợp») until the data window of
the period due next begins; from then on it opens on the period due next. With the plan's default deadlines,
Q4/2026 (due before 01/12/2026) stays open until 15/12/2026, when Q1/2027's data window starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.periods import Period, Schedule, current_period, vietnam_time


@dataclass(frozen=True)
class OpenPeriod:
    """The period to open and whether it is being consolidated (its deadline has passed)."""

    period: Period
    consolidating: bool


def period_to_open(moment: date | datetime, schedule: Schedule) -> OpenPeriod:
    """The period the console opens on at ``moment`` (Vietnam time) under ``schedule``; see the module's rule."""
    due = current_period(moment, schedule)
    if vietnam_time(moment).date() < due.data_window.start:
        return OpenPeriod(due.previous(), True)
    return OpenPeriod(due, False)
