"""Where a task's deadline falls against the report's period, in the words both the item's deadline line and
the overdue warning use: the form said «hạn 31/12/2026, còn 28 ngày» just above «đã quá hạn (31/12/2026)»,
because the warning compared the deadline with the end of the period's data (14/03/2027), not with today."""

from __future__ import annotations

from datetime import date

from desktop.domain.periods import DataWindow

BEFORE, WITHIN, AFTER = "before", "within", "after"


def due_in_window(due: date, window: DataWindow) -> str:
    """``BEFORE`` the period's data starts (already past), ``WITHIN`` it (due before the period ends), or
    ``AFTER`` it."""
    if due < window.start:
        return BEFORE
    return WITHIN if due < window.end else AFTER
