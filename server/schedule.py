"""The province's reporting deadlines, published in every assignment package (``schedule``).

Two kinds of entry, each for every plan or for one plan's number:

- a quarter every year ("Q1" … "Q4", deadline "DD/MM"): the province default, replacing the plan's
  (seed 003: 20/02, 20/05, 20/09, 01/12);
- one period ("2027Q1", deadline "DD/MM/YYYY"): that quarter of that year only.

The package's ``schedule`` is ``{"Q1": "20/02", …, "periods": {"2027Q1": "15/04/2027"},
"plans": {"<plan number>": {<the same two kinds>}}}`` (keys present only when set), or null when nothing
is set. The app reads it with ``desktop.domain.periods.Schedule.from_mapping``. A deadline is the first
day on which the report is late ("trước ngày …"), a date in Vietnam time.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select

from desktop.domain.periods import Period, PeriodError, Schedule, ScheduleError, format_date
from desktop.domain.plan_deadlines import agency_schedule
from desktop.domain.text import nfc
from desktop.errors import InputError
from server.db import Database
from server.models import AuditEvent, Plan, ScheduleEntry

_QUARTER = re.compile(r"Q[1-4]\Z")
_DAY_MONTH = re.compile(r"\s*(\d{1,2})/(\d{1,2})\s*\Z")
_FULL_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*\Z")
# The console's fields are bounded the same (schedule.html); a longer plan number would name no plan once cut.
PLAN_NUMBER_MAX, PERIOD_MAX, DEADLINE_MAX = 100, 10, 20
_PLAN_CODES: dict[str, str] = {}  # a published plan's content digest → its number as the app reads it


@dataclass(frozen=True)
class Entry:
    """A deadline as stored: ``period`` "2027Q1" or "Q1", ``deadline`` ISO "2027-04-15" or "--02-20"."""

    period: str
    plan_code: str
    deadline: str

    @property
    def label(self) -> str:
        """The deadline as administrative documents write it: 15/04/2027, or 20/02 every year."""
        if self.deadline.startswith("--"):
            return f"{self.deadline[5:7]}/{self.deadline[2:4]}"
        return format_date(date.fromisoformat(self.deadline))


def set_deadline(db: Database, period: str, deadline: str, *, plan_code: str = "", actor: str) -> Entry:
    """Set (or replace) one deadline; checked against the quarter it is for, audited."""
    plan, code = _bounded_plan(plan_code), _bounded_period(period)
    _bounded(deadline, DEADLINE_MAX, "Hạn nộp", "The deadline", "deadline")
    entry = Entry(code, plan, _parse(code, deadline))
    with db.transaction() as session:
        session.execute(delete(ScheduleEntry).where(ScheduleEntry.period == entry.period,
                                                    ScheduleEntry.plan_code == plan))
        session.flush()
        others = [Entry(r.period, r.plan_code, r.deadline) for r in session.scalars(select(ScheduleEntry))]
        _check_quarters([*others, entry], plan)
        now = int(time.time())
        session.add(ScheduleEntry(period=entry.period, plan_code=plan, deadline=entry.deadline, updated_at=now))
        session.add(AuditEvent(at=now, actor=actor[:100], action="schedule.set", subject=entry.period,
                               details=json.dumps({"plan": plan, "deadline": entry.deadline})))
    return entry


def clear_deadline(db: Database, period: str, *, plan_code: str = "", actor: str) -> bool:
    """Remove one deadline (the plan's default applies again); audited. False when none was set."""
    plan, code = _bounded_plan(plan_code), _bounded_period(period)
    with db.transaction() as session:
        removed = cast(CursorResult[Any], session.execute(delete(ScheduleEntry).where(
            ScheduleEntry.period == code, ScheduleEntry.plan_code == plan))).rowcount
        if removed:
            session.add(AuditEvent(at=int(time.time()), actor=actor[:100], action="schedule.clear", subject=code,
                                   details=json.dumps({"plan": plan})))
    return bool(removed)


def list_entries(db: Database) -> list[Entry]:
    """Every deadline set, by plan then period."""
    with db.reading() as connection:
        rows = connection.execute(select(ScheduleEntry.period, ScheduleEntry.plan_code, ScheduleEntry.deadline)
                                  .order_by(ScheduleEntry.plan_code, ScheduleEntry.period)).all()
    return [Entry(*row) for row in rows]


def province_schedule(db: Database, plan_code: str = "") -> Schedule:
    """The deadlines in force: with no ``plan_code``, the ones every agency's app applies; else that plan's.

    An agency's app holds every published plan (the assignment package carries them all) and judges its
    report by the earliest deadline among them (``desktop.domain.plan_deadlines.agency_schedule``, the one
    rule), so the console, the summary workbook and the consolidated report judge "on time" by the same
    date the commune was shown, never a later one. With ``plan_code`` it is that plan's own deadlines over
    the province-wide ones (the schedule page's view of one plan). Quarters nobody set keep the default.
    """
    mapping = package_schedule(list_entries(db))
    if plan_code:
        return agency_schedule(mapping, [plan_code])
    return agency_schedule(mapping, published_plan_codes(db))


def published_plan_codes(db: Database) -> set[str]:
    """The numbers of the published plans as the app keys them (``desktop.services.sync``): the document's
    số ký hiệu, else the number the province published it under; NFC, stripped."""
    with db.reading() as connection:
        digests = set(connection.execute(select(Plan.sha256)).scalars())
        unread = digests - _PLAN_CODES.keys()
        if unread:
            for digest, content, number in connection.execute(select(Plan.sha256, Plan.content, Plan.number)
                                                              .where(Plan.sha256.in_(unread))):
                # A published plan never changes (its row is named by its content's digest): read it once.
                code = (json.loads(content).get("plan") or {}).get("code")
                _PLAN_CODES[digest] = nfc(str(code or number or "")).strip()
    return {_PLAN_CODES[digest] for digest in digests} - {""}


def schedule_version(session: Any) -> tuple[int, int]:
    """Changes whenever an entry is set (each set is a new row): part of the package cache key."""
    count, latest = session.execute(select(func.count(ScheduleEntry.id), func.max(ScheduleEntry.id))).one()
    return int(count or 0), int(latest or 0)


def package_schedule(entries: list[Entry]) -> dict[str, Any] | None:
    """The ``schedule`` field of the assignment package, or None when the province set nothing."""
    if not entries:
        return None
    result: dict[str, Any] = {}
    for entry in entries:
        target = result if not entry.plan_code else result.setdefault("plans", {}).setdefault(entry.plan_code, {})
        if _QUARTER.match(entry.period):
            target[entry.period] = entry.label
        else:
            target.setdefault("periods", {})[entry.period] = entry.label
    return result


def _bounded_plan(plan_code: str) -> str:
    return _bounded(nfc(plan_code).strip(), PLAN_NUMBER_MAX, "Số hiệu kế hoạch", "The plan number", "plan")


def _bounded_period(period: str) -> str:
    return _bounded(period.strip().upper(), PERIOD_MAX, "Kỳ", "The period", "period")


def _bounded(value: str, limit: int, field_vi: str, field_en: str, code: str) -> str:
    """``value`` when it fits in ``limit`` characters; refused naming the field otherwise (never cut: a cut plan
    number would name another plan, or none)."""
    if len(value) > limit:
        raise InputError(f"{field_vi} dài quá {limit} ký tự ({len(value)} ký tự).",
                         f"{field_en} is longer than {limit} characters ({len(value)}).", code=code)
    return value


def _parse(period: str, text: str) -> str:
    if _QUARTER.match(period):
        found = _DAY_MONTH.match(text)
        if not found:
            raise InputError(f"Hạn của {period} (mỗi năm) phải là DD/MM, không phải «{text}».",
                             f"The every-year deadline of {period} must be DD/MM, not «{text}».", code="deadline")
        return f"--{int(found[2]):02d}-{int(found[1]):02d}"
    try:
        quarter = Period.parse(period)
    except PeriodError as exc:
        raise InputError(f"Kỳ «{period}» không hợp lệ (ví dụ 2027Q1 hoặc Q1).",
                         f"Invalid period «{period}» (e.g. 2027Q1 or Q1).", code="period") from exc
    found = _FULL_DATE.match(text)
    try:
        day = date(int(found[3]), int(found[2]), int(found[1])) if found else None
    except ValueError:
        day = None
    if day is None:
        raise InputError(f"Hạn «{text}» phải là một ngày DD/MM/YYYY.", f"Deadline «{text}» must be a date DD/MM/YYYY.",
                         code="deadline")
    if day <= quarter.data_window.start:
        raise InputError(f"Hạn {format_date(day)} rơi trước khi kỳ số liệu của {period} bắt đầu.",
                         f"The deadline {format_date(day)} falls before {period}'s data window opens.",
                         code="deadline")
    return day.isoformat()


def _check_quarters(entries: list[Entry], plan: str) -> None:
    """The every-year deadlines of one scope must make a valid schedule (in the quarters' order)."""
    scoped = package_schedule([e for e in entries if e.plan_code == plan and _QUARTER.match(e.period)])
    try:
        Schedule.from_mapping((scoped or {}).get("plans", {}).get(plan, {}) if plan else (scoped or {}))
    except ScheduleError as exc:
        raise InputError(exc.message_vi, exc.message_en, code="deadline") from exc
