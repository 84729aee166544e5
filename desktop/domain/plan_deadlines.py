"""The deadlines an agency's report answers to when the province sets some for one plan only.

The assignment package's ``schedule`` may carry ``"plans": {"<plan number>": {"Q1": "15/02", "periods":
{"2027Q1": "10/04/2027"}}}`` beside the province-wide entries (``server/schedule.py``). One quarterly report
covers every plan the agency reports on, so it is due by the earliest deadline among those plans, each
plan's deadline being its own entry when the Sở set one and the province-wide one otherwise (a period
entry wins over the every-year quarter, in both scopes). A plan the agency does not report on changes
nothing. The result is an ordinary ``Schedule``: dashboards, on-time/late and the report's recorded
deadline all read it the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from desktop.domain.periods import DEFAULT_SCHEDULE, DueDay, Period, Schedule, ScheduleError
from desktop.domain.text import nfc

MAX_PLAN_SCOPES = 200
_SCOPE = "plans"
_PERIODS = "periods"


def plan_scopes(data: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The package's per-plan entries by NFC plan number (bounded; an error names what cannot be read)."""
    scopes = data.get(_SCOPE) or {}
    if not isinstance(scopes, Mapping) or len(scopes) > MAX_PLAN_SCOPES:
        raise ScheduleError("Hạn theo kế hoạch trong lịch báo cáo không đọc được.",
                            "The per-plan deadlines in the schedule cannot be read.")
    found: dict[str, Mapping[str, Any]] = {}
    for code, scope in scopes.items():
        if not isinstance(code, str) or not code.strip() or len(code) > 120 or not isinstance(scope, Mapping):
            raise ScheduleError(f"Hạn của kế hoạch «{str(code)[:40]}» trong lịch báo cáo không đọc được.",
                                f"The deadlines of plan «{str(code)[:40]}» in the schedule cannot be read.")
        found[nfc(code).strip()] = scope
    return found


def plan_schedule(data: Mapping[str, Any], plan_code: str) -> Schedule:
    """One plan's schedule: its own entries over the province-wide ones."""
    scope = plan_scopes(data).get(nfc(plan_code).strip(), {})
    province = {key: value for key, value in data.items() if key != _SCOPE}
    merged: dict[str, Any] = {**province, **{key: value for key, value in scope.items() if key != _PERIODS}}
    periods = {**(province.get(_PERIODS) or {}), **(scope.get(_PERIODS) or {})}
    if periods:
        merged[_PERIODS] = periods
    return Schedule.from_mapping(merged)


def check_schedule(data: Mapping[str, Any]) -> None:
    """Raise ``ScheduleError`` unless the province-wide schedule and every plan's can be applied."""
    Schedule.from_mapping({key: value for key, value in data.items() if key != _SCOPE})
    for code in plan_scopes(data):
        plan_schedule(data, code)


def agency_schedule(data: Mapping[str, Any] | None, plan_codes: Iterable[str]) -> Schedule:
    """The schedule of a report covering ``plan_codes``: for each quarter and period, the earliest deadline."""
    if not data:
        return DEFAULT_SCHEDULE
    province = Schedule.from_mapping({key: value for key, value in data.items() if key != _SCOPE})
    scopes = plan_scopes(data)
    covered = sorted({nfc(code).strip() for code in plan_codes} & set(scopes))
    if not covered:
        return province
    schedules = [plan_schedule(data, code) for code in covered]
    due = tuple(min((s.due[q] for s in schedules), key=_order) for q in range(4))
    codes = sorted({code for s in schedules for code, _day in s.periods})
    periods: tuple[tuple[str, date], ...] = tuple(
        (code, min(s.deadline(Period.parse(code)) for s in schedules)) for code in codes)
    return Schedule((due[0], due[1], due[2], due[3]), periods)


def _order(day: DueDay) -> tuple[int, int, int]:
    return day.year_offset, day.month, day.day
