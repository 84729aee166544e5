"""Reporting periods as the store and the screens need them: the current quarter, its deadline and window.

The rules live in ``desktop.domain.periods``; this module adds the province's schedule (from the assignment
package, else the plan's default), the ``period`` rows reports hang on, and a plain view for the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.periods import DEFAULT_SCHEDULE, Period, Schedule, current_period, days_left, vietnam_time
from desktop.domain.plan_deadlines import agency_schedule, check_schedule
from desktop.domain.report_snapshot import PeriodInfo
from desktop.domain.vietnam_clock import vietnam_now
from desktop.models.plan import Plan
from desktop.models.report import Period as PeriodRow
from desktop.models.settings import get_setting, set_setting

SCHEDULE_SETTING = "province.schedule"


@dataclass(frozen=True)
class PeriodView:
    """A period with everything the dashboard and the report form show about it."""

    code: str
    label_vi: str
    label_en: str
    deadline: datetime
    last_day: date
    days_left: int
    data_start: date
    data_end: date
    figures: tuple[str, ...]
    today: date  # the day ``days_left`` counts from (Vietnam time)


def schedule(session: Session | None) -> Schedule:
    """The province's schedule when its assignment package set one, else the plan's default.

    Deadlines the Sở set for one plan apply when this PC holds that plan (the plans here are the ones
    the agency reports on): the report is due by the earliest of them (``domain.plan_deadlines``).
    """
    data = get_setting(session, SCHEDULE_SETTING) if session is not None else None
    if not data or session is None:
        return DEFAULT_SCHEDULE
    return agency_schedule(data, session.scalars(select(Plan.code)))


def save_schedule(session: Session, data: dict[str, Any] | None) -> None:
    """Keep the schedule of an assignment package, per-plan entries included (checked before it is stored)."""
    if data:
        check_schedule(data)
    set_setting(session, SCHEDULE_SETTING, dict(data) if data else None)


def check_code(code: str) -> Period:
    """The period named by ``code``; a clear error for anything else."""
    return Period.parse(code)


def current_period_code(today: date | datetime | None = None, session: Session | None = None) -> str:
    """The period whose report is due next, e.g. "2026Q4"."""
    return current_period(today or vietnam_now(), schedule(session)).code


def period_view(session: Session | None, code: str, today: date | datetime | None = None) -> PeriodView:
    """The view of one period at ``today`` (now by default)."""
    period = check_code(code)
    rules = schedule(session)
    window = period.data_window
    moment = today or vietnam_now()
    day = vietnam_time(moment).date()
    return PeriodView(code=period.code, label_vi=period.label("vi"), label_en=period.label("en"),
                      deadline=rules.deadline_at(period), last_day=rules.last_day(period),
                      days_left=days_left(period, moment, rules),
                      data_start=window.start, data_end=window.end, figures=period.figures, today=day)


def period_info(session: Session, code: str) -> PeriodInfo:
    """The period as a report snapshot records it."""
    period = check_code(code)
    rules = schedule(session)
    window = period.data_window
    return PeriodInfo(code=period.code, label=period.label("vi"), data_start=window.start.isoformat(),
                      data_end=window.end.isoformat(), deadline=rules.deadline(period).isoformat(),
                      figures="+".join(period.figures))


def ensure_period(session: Session, code: str) -> PeriodRow:
    """The stored row of a period, created with its deadline and data window the first time."""
    period = check_code(code)
    row = session.get(PeriodRow, period.code)
    if row is None:
        window = period.data_window
        row = PeriodRow(code=period.code, year=period.year, quarter=period.quarter,
                        deadline=schedule(session).deadline(period), data_start=window.start, data_end=window.end)
        session.add(row)
        session.flush()
    return row
