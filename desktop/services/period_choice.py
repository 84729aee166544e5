"""The periods the report editor offers to open: those with a report in the store, and the quarters around
today (the last one, the current one, the next one), newest first."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.periods import Period
from desktop.models.plan import Agency
from desktop.models.report import Report
from desktop.services.periods import current_period_code


def periods_to_choose(session: Session, agency: Agency, today: date) -> list[str]:
    """Period codes, newest first: every period the agency has a report for, and the previous, current and
    next periods at ``today`` (so a quarter not started yet, or one just due, is reachable too)."""
    current = Period.parse(current_period_code(today, session))
    stored = session.scalars(select(Report.period_code).where(Report.agency_id == agency.id).distinct())
    chosen = {Period.parse(code) for code in stored} | {current.previous(), current, current.next()}
    return [period.code for period in sorted(chosen, reverse=True)]
