"""Reporting periods: quarters, their data windows, the province's deadlines, on time or late.

A period is a calendar quarter ("2026Q4"). Q2 also carries the figures of the first six months and Q4
those of the full year. Each figure covers a data window fixed by Nghị định 09/2019/NĐ-CP: a quarter
runs from the 15th of the month before it to the 14th of its last month (Q1 2026: 15/12/2025–14/03/2026),
six months from 15/12 of the previous year to 14/06, the year from 15/12 of the previous year to 14/12.

How the deadlines of seed 003 (Quyết định 3256/QĐ-UBND, section III.9) are read
--------------------------------------------------------------------------------
The plan says "Cung cấp số liệu Quý I: trước ngày 20/02 hằng năm", Q2 (with the six-month figures)
"trước ngày 20/05", Q3 "trước ngày 20/9", Q4 (with the full-year figures) "trước ngày 01/12". Read as
"of the year after the quarter", Q4 would fall eleven months late and Q1 a year late, which no
province intends; read as the same calendar year, every deadline falls inside its quarter's own
calendar quarter, before (Q1, Q2, Q4) or just after (Q3) its data window closes. The second reading is
the one we use: **a deadline is in the quarter's own year** (``year_offset`` 0). It matches the common
administrative practice of quarterly reports sent before the quarter ends, with figures to date and
estimates up to the end of the data window ("số liệu ước thực hiện"), so that the province can
consolidate and report upward in time; the Q4/full-year deadline of 01/12 is also the date section IV.2
of the same plan sets for the annual report ("định kỳ trước 01/12 hằng năm"). A province whose schedule
differs sets its own in the assignment package (``Schedule.from_mapping``), including a deadline in the
following year (``year_offset`` 1, e.g. Q4 figures before 15/01 of the next year).

"Trước ngày 20/02" means before 20/02: the deadline is the START of that day, 20/02 00:00 Vietnam time.
A report sent at 19/02 23:59 is on time; at 20/02 00:00 or later it is late. ``Schedule.deadline`` is
the date as the plan writes it (the first late day); ``Schedule.last_day`` is the day before.

Times are Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). An aware datetime is converted;
a naive datetime is read as Vietnam wall-clock time; a ``date`` means the start of that day.

A period is named in two styles (``Period.label``, ``period_name``), one implementation for every screen,
document and message:

- ``LONG``, «Quý IV năm 2026»: in titles and documents (window and print-preview titles, the PDF, the workbook,
  the report's header, the period chooser);
- ``SHORT``, «Quý IV/2026»: inside sentences and tables (CLI lines, sync, receipt and outbox messages, lists).

English says «Q4 2026» in both. The code «2026Q4» is for files, the store and the wire, not for people.

The current period is the one whose report is due next: the period with the earliest deadline that
has not passed. On 31/12/2026 that is Q1 2027; on 20/02/2026 (Q1's deadline has passed) it is Q2 2026.
Whether an earlier period is still unsent is for the caller to say (``days_left`` is then negative).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from itertools import pairwise
from typing import Any, Literal

from desktop.domain.report_snapshot import PeriodInfo
from desktop.domain.text import fold
from desktop.errors import InputError
from desktop.i18n import current_language


def _vietnam_zone() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - zoneinfo is in the standard library since 3.9
        return timezone(timedelta(hours=7), "ICT")
    try:
        return ZoneInfo("Asia/Ho_Chi_Minh")
    except (ZoneInfoNotFoundError, ValueError):
        # Windows without the tzdata package has no IANA database; Vietnam has had no DST since 1975.
        return timezone(timedelta(hours=7), "ICT")


VIETNAM_TZ: tzinfo = _vietnam_zone()

MIN_YEAR = 2000
MAX_YEAR = 2199
QUARTER = "quarter"
SIX_MONTHS = "six_months"
YEAR = "year"
FIGURES = (QUARTER, SIX_MONTHS, YEAR)
Timeliness = Literal["on_time", "late"]
ON_TIME: Timeliness = "on_time"
LATE: Timeliness = "late"

PeriodStyle = Literal["long", "short"]
LONG: PeriodStyle = "long"
SHORT: PeriodStyle = "short"

_ROMAN = ("I", "II", "III", "IV")
_MAX_CODE_LENGTH = 40
_CODE_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})\s*[-/ ]?\s*q\s*(?P<q>[1-4])$"),
    re.compile(r"^(?:q|quy)\s*(?P<q>[1-4]|i{1,3}|iv)\s*(?:[-/ ]|\s+nam\s+)\s*(?P<year>\d{4})$"),
    # «I/2027», «IV năm 2026»: the Roman numeral alone is a quarter (an Arabic «1/2027» could be a month).
    re.compile(r"^(?P<q>i{1,3}|iv)\s*(?:[-/ ]|\s+nam\s+)\s*(?P<year>\d{4})$"),
)
_FORMS_VI = "Quý IV/2026, Quý IV năm 2026, IV/2026, Q4/2026 hoặc 2026Q4"
_FORMS_EN = "Quý IV/2026, Quý IV năm 2026, IV/2026, Q4/2026 or 2026Q4"


class PeriodError(InputError):
    """A period code or date that names no reporting period."""

    code = "period"


class ScheduleError(InputError):
    """A province schedule that cannot be used: unknown quarter, impossible date, deadlines out of order."""

    code = "schedule"


@dataclass(frozen=True)
class DataWindow:
    """The days a figure covers, both ends included."""

    start: date
    end: date

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the window."""
        return self.start <= day <= self.end

    def label(self, language: str | None = None) -> str:
        """"từ ngày 15/12/2025 đến ngày 14/03/2026" (or its English form)."""
        if (language or current_language()) == "en":
            return f"from {format_date(self.start)} to {format_date(self.end)}"
        return f"từ ngày {format_date(self.start)} đến ngày {format_date(self.end)}"


@dataclass(frozen=True, order=True)
class Period:
    """A reporting quarter; ordered by time."""

    year: int
    quarter: int

    def __post_init__(self) -> None:
        if type(self.year) is not int or not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(f"Năm {self.year!r} ngoài khoảng {MIN_YEAR}–{MAX_YEAR}.",
                              f"Year {self.year!r} is outside {MIN_YEAR}–{MAX_YEAR}.")
        if type(self.quarter) is not int or not 1 <= self.quarter <= 4:
            raise PeriodError(f"Quý {self.quarter!r} không hợp lệ; quý là 1, 2, 3 hoặc 4.",
                              f"Quarter {self.quarter!r} is not valid; a quarter is 1, 2, 3 or 4.")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read a period as people type it: "Quý IV/2026", "Quý IV năm 2026", "IV/2026", "Q4/2026", "2026Q4"
        (also "2026-Q4", "quy 4/2026"), whatever the case and with or without diacritics; anything else is
        refused with a message that lists these forms."""
        raw = text if isinstance(text, str) else ""
        folded = fold(raw[:_MAX_CODE_LENGTH]) if len(raw) <= _MAX_CODE_LENGTH else ""
        for pattern in _CODE_PATTERNS:
            match = pattern.match(folded)
            if match:
                q = match.group("q")
                quarter = int(q) if q.isdigit() else _ROMAN.index(q.upper()) + 1
                return cls(int(match.group("year")), quarter)
        shown = raw[:_MAX_CODE_LENGTH] if isinstance(text, str) else repr(text)[:_MAX_CODE_LENGTH]
        raise PeriodError(f"Không hiểu kỳ báo cáo «{shown}»; hãy ghi kỳ theo một trong các dạng {_FORMS_VI}.",
                          f"Cannot read the period «{shown}»; write it in one of the forms {_FORMS_EN}.")

    @classmethod
    def of_date(cls, day: date) -> Period:
        """The quarter whose data window contains ``day`` (15/12/2025 belongs to Q1 2026)."""
        month = day.month + (1 if day.day >= 15 else 0)
        year = day.year
        if month == 13:
            month, year = 1, year + 1
        return cls(year, (month - 1) // 3 + 1)

    @property
    def code(self) -> str:
        """"2026Q4"."""
        return f"{self.year}Q{self.quarter}"

    def __str__(self) -> str:
        return self.code

    @property
    def roman(self) -> str:
        """The quarter in Roman numerals, as Vietnamese documents write it."""
        return _ROMAN[self.quarter - 1]

    def label(self, language: str | None = None, style: PeriodStyle = LONG) -> str:
        """The period as people read it: ``LONG`` "Quý IV năm 2026" in titles and documents, ``SHORT``
        "Quý IV/2026" inside sentences and tables; "Q4 2026" in English in both styles."""
        if (language or current_language()) == "en":
            return f"Q{self.quarter} {self.year}"
        return f"Quý {self.roman}/{self.year}" if style == SHORT else f"Quý {self.roman} năm {self.year}"

    def file_stem(self, language: str | None = None) -> str:
        """"quy-I-2027" ("Q1-2027" in English): the period in a file name a person reads (no slash, no
        diacritics), where "2027Q1" read like a code."""
        english = (language or current_language()) == "en"
        return f"Q{self.quarter}-{self.year}" if english else f"quy-{self.roman}-{self.year}"

    @property
    def cumulative(self) -> str | None:
        """The longer figure this period also carries: six months for Q2, the year for Q4."""
        return {2: SIX_MONTHS, 4: YEAR}.get(self.quarter)

    @property
    def figures(self) -> tuple[str, ...]:
        """Which figures a report for this period gives: ("quarter",) or with "six_months"/"year"."""
        return (QUARTER, self.cumulative) if self.cumulative else (QUARTER,)

    def figure_label(self, figure: str, language: str | None = None) -> str:
        """The name of one of this period's figures: "6 tháng đầu năm 2026", "cả năm 2026"."""
        self._check_figure(figure)
        english = (language or current_language()) == "en"
        if figure == SIX_MONTHS:
            return f"first six months of {self.year}" if english else f"6 tháng đầu năm {self.year}"
        if figure == YEAR:
            return f"full year {self.year}" if english else f"cả năm {self.year}"
        return self.label(language)

    @property
    def data_window(self) -> DataWindow:
        """The quarter's own window (ND 09/2019): the 15th of the month before it to the 14th of its last month."""
        return self.window(QUARTER)

    def window(self, figure: str = QUARTER) -> DataWindow:
        """The data window of one of this period's figures."""
        self._check_figure(figure)
        last_month = self.quarter * 3
        if figure == QUARTER:
            first = date(self.year - 1, 12, 15) if self.quarter == 1 else date(self.year, last_month - 3, 15)
            return DataWindow(first, date(self.year, last_month, 14))
        return DataWindow(date(self.year - 1, 12, 15), date(self.year, last_month, 14))

    def quarters_of(self, figure: str) -> tuple[Period, ...]:
        """The quarters whose figures make up ``figure``: (Q1, Q2) for six months, Q1–Q4 for the year."""
        self._check_figure(figure)
        if figure == QUARTER:
            return (self,)
        return tuple(Period(self.year, q) for q in range(1, self.quarter + 1))

    def next(self) -> Period:
        """The following quarter (Q4 2026 → Q1 2027)."""
        return Period(self.year + 1, 1) if self.quarter == 4 else Period(self.year, self.quarter + 1)

    def previous(self) -> Period:
        """The quarter before (Q1 2027 → Q4 2026)."""
        return Period(self.year - 1, 4) if self.quarter == 1 else Period(self.year, self.quarter - 1)

    def _check_figure(self, figure: str) -> None:
        if figure not in self.figures:
            raise PeriodError(f"Kỳ {self.label('vi', SHORT)} không có số liệu \"{figure}\".",
                              f"Period {self.label('en', SHORT)} carries no \"{figure}\" figures.")


@dataclass(frozen=True)
class DueDay:
    """A deadline as a province writes it: "trước ngày <day>/<month>", in the quarter's year plus an offset."""

    month: int
    day: int
    year_offset: int = 0

    def __post_init__(self) -> None:
        valid = (all(type(v) is int for v in (self.month, self.day, self.year_offset))
                 and 1 <= self.month <= 12 and self.year_offset in (-1, 0, 1))
        # 2000 is a leap year, so 29/02 is accepted here and moved to 28/02 in common years.
        if valid:
            try:
                date(2000, self.month, self.day)
            except ValueError:
                valid = False
        if not valid:
            raise ScheduleError(
                f"Hạn \"{self.day!r}/{self.month!r}\" (lệch năm {self.year_offset!r}) không phải ngày hợp lệ.",
                f"Deadline \"{self.day!r}/{self.month!r}\" (year offset {self.year_offset!r}) is not a valid date.")

    def date_for(self, year: int) -> date:
        """The deadline date for a quarter of ``year``; 29/02 becomes 28/02 in a common year."""
        target = year + self.year_offset
        try:
            return date(target, self.month, self.day)
        except ValueError:
            return date(target, 2, 28)


_DEFAULT_DUE = (DueDay(2, 20), DueDay(5, 20), DueDay(9, 20), DueDay(12, 1))
_DUE_TEXT = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$")
_MAX_SCHEDULE_KEYS = 8


@dataclass(frozen=True)
class Schedule:
    """The deadline of each quarter's report (index 0 is Q1). The default is seed 003 section III.9.

    ``periods`` are deadlines the province set for one period only (``baocao-server schedule set 2027Q1
    --deadline 15/04/2027``): they win over the every-year deadline of that quarter.
    """

    due: tuple[DueDay, DueDay, DueDay, DueDay] = _DEFAULT_DUE
    periods: tuple[tuple[str, date], ...] = ()

    def __post_init__(self) -> None:
        for code, day in self.periods:
            period = Period.parse(code)
            if day <= period.data_window.start:
                raise ScheduleError(
                    f"Hạn của {period.label('vi', SHORT)} ({format_date(day)}) rơi trước khi kỳ số liệu bắt đầu.",
                    f"The deadline of {period.label('en', SHORT)} ({format_date(day)}) falls before its data window "
                    "opens.")
        if len(self.due) != 4 or not all(isinstance(d, DueDay) for d in self.due):
            raise ScheduleError("Lịch báo cáo phải có đúng bốn hạn, mỗi quý một hạn.",
                                "A schedule needs exactly four deadlines, one per quarter.")
        # Deadlines must follow the quarters' order (checked over a common and a leap year), and
        # fall after the quarter's data window opens, or "the next report due" would be ambiguous.
        for year in (2027, 2028):
            days = [self.due[q].date_for(year) for q in range(4)] + [self.due[0].date_for(year + 1)]
            if any(a >= b for a, b in pairwise(days)):
                raise ScheduleError("Các hạn báo cáo phải theo đúng thứ tự Quý I, II, III, IV, Quý I năm sau.",
                                    "Deadlines must follow the order Q1, Q2, Q3, Q4, then next year's Q1.")
            for q in range(4):
                if days[q] <= Period(year, q + 1).data_window.start:
                    raise ScheduleError(
                        f"Hạn Quý {_ROMAN[q]} ({format_date(days[q])}) rơi trước khi kỳ số liệu bắt đầu.",
                        f"The Q{q + 1} deadline ({format_date(days[q])}) falls before its data window opens.")

    @classmethod
    def from_mapping(cls, data: Mapping[Any, Any]) -> Schedule:
        """A province's schedule from the assignment package; quarters it leaves out keep the default.

        Keys are "Q1".."Q4" or 1..4; a value is "20/02", [2, 20] or [2, 20, year_offset] (month first
        in lists), or {"month": 2, "day": 20, "year_offset": 0}.
        A "periods" key maps period codes to a deadline "DD/MM/YYYY" for that period only; a "plans" key
        (deadlines set for one plan's number) is not applied here: the agency's schedule is province-wide.
        """
        if not isinstance(data, Mapping) or len(data) > _MAX_SCHEDULE_KEYS:
            raise ScheduleError("Lịch báo cáo trong gói giao việc không đọc được.",
                                "The schedule in the assignment package cannot be read.")
        due = list(_DEFAULT_DUE)
        periods: tuple[tuple[str, date], ...] = ()
        for key, value in data.items():
            if key == "periods":
                periods = _period_deadlines(value)
            elif key != "plans":
                due[_quarter_index(key)] = _due_day(key, value)
        return cls((due[0], due[1], due[2], due[3]), periods)

    def to_mapping(self) -> dict[str, Any]:
        """The JSON form ``from_mapping`` reads back."""
        mapping: dict[str, Any] = {f"Q{q + 1}": {"month": d.month, "day": d.day, "year_offset": d.year_offset}
                                   for q, d in enumerate(self.due)}
        if self.periods:
            mapping["periods"] = {code: format_date(day) for code, day in self.periods}
        return mapping

    def deadline(self, period: Period) -> date:
        """The date in "trước ngày …": the first day on which the report is late."""
        for code, day in self.periods:
            if code == period.code:
                return day
        return self.due[period.quarter - 1].date_for(period.year)

    def last_day(self, period: Period) -> date:
        """The last day on which the report is still on time."""
        return self.deadline(period) - timedelta(days=1)

    def deadline_at(self, period: Period) -> datetime:
        """The instant the report becomes late: the start of the deadline day, Vietnam time."""
        return datetime.combine(self.deadline(period), time(0, 0), tzinfo=VIETNAM_TZ)

    def deadline_label(self, period: Period, language: str | None = None) -> str:
        """"trước ngày 20/02/2026" or "before 20/02/2026"."""
        day = format_date(self.deadline(period))
        return f"before {day}" if (language or current_language()) == "en" else f"trước ngày {day}"


DEFAULT_SCHEDULE = Schedule()


def period_name(code: str, language: str | None = None, style: PeriodStyle = LONG) -> str:
    """A period code ("2027Q1") as people read it ("Quý I năm 2027", ``SHORT`` "Quý I/2027", "Q1 2027"); a
    text that is not a period code is returned as it is (a note from elsewhere must still be shown)."""
    try:
        return Period.parse(code).label(language, style)
    except PeriodError:
        return code


def format_date(day: date) -> str:
    """dd/mm/yyyy with leading zeros, as administrative documents write dates."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def vietnam_time(moment: date | datetime) -> datetime:
    """``moment`` as an aware Vietnam-time datetime (naive means Vietnam wall clock; a date, its start)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None or moment.utcoffset() is None:
            return moment.replace(tzinfo=VIETNAM_TZ)
        return moment.astimezone(VIETNAM_TZ)
    if isinstance(moment, date):
        return datetime.combine(moment, time(0, 0), tzinfo=VIETNAM_TZ)
    raise PeriodError("Thời điểm không hợp lệ.", f"Not a date or time: {type(moment).__name__}.")


def current_period(moment: date | datetime, schedule: Schedule = DEFAULT_SCHEDULE) -> Period:
    """The period whose report is due next: the earliest deadline that has not passed at ``moment``."""
    local = vietnam_time(moment)
    for year in range(local.year - 2, local.year + 3):
        if not MIN_YEAR <= year <= MAX_YEAR:
            continue
        for quarter in range(1, 5):
            period = Period(year, quarter)
            if schedule.deadline_at(period) > local:
                return period
    raise PeriodError(f"Ngày {format_date(local.date())} ngoài khoảng năm {MIN_YEAR}–{MAX_YEAR}.",
                      f"Date {format_date(local.date())} is outside the years {MIN_YEAR}–{MAX_YEAR}.")


def next_period(moment: date | datetime, schedule: Schedule = DEFAULT_SCHEDULE) -> Period:
    """The period after the current one."""
    return current_period(moment, schedule).next()


def days_left(period: Period, moment: date | datetime, schedule: Schedule = DEFAULT_SCHEDULE) -> int:
    """Days from ``moment``'s day to the last on-time day: 0 on that day, negative once overdue."""
    return (schedule.last_day(period) - vietnam_time(moment).date()).days


def timeliness(period: Period, sent_at: date | datetime, schedule: Schedule = DEFAULT_SCHEDULE) -> Timeliness:
    """"on_time" when sent before the start of the deadline day (Vietnam time), else "late"."""
    return ON_TIME if vietnam_time(sent_at) < schedule.deadline_at(period) else LATE


def period_info(period: Period, schedule: Schedule = DEFAULT_SCHEDULE) -> PeriodInfo:
    """The period as a report snapshot records it; ``figures`` joins the figures with "+"."""
    window = period.data_window
    return PeriodInfo(code=period.code, label=period.label("vi"), data_start=window.start.isoformat(),
                      data_end=window.end.isoformat(), deadline=schedule.deadline(period).isoformat(),
                      figures="+".join(period.figures))


def _quarter_index(key: Any) -> int:
    text = fold(str(key))[:8] if isinstance(key, str | int) and not isinstance(key, bool) else ""
    match = re.fullmatch(r"q?\s*([1-4])", text)
    if not match:
        raise ScheduleError(f"Lịch báo cáo nêu quý không hợp lệ: \"{text or key!r:.20}\".",
                            f"The schedule names an unknown quarter: \"{text or key!r:.20}\".")
    return int(match.group(1)) - 1


_FULL_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
MAX_PERIOD_DEADLINES = 400


def _period_deadlines(value: Any) -> tuple[tuple[str, date], ...]:
    """The "periods" of a schedule: {"2027Q1": "15/04/2027", …}, sorted by period."""
    if not isinstance(value, Mapping) or len(value) > MAX_PERIOD_DEADLINES:
        raise ScheduleError("Hạn theo kỳ trong lịch báo cáo không đọc được.",
                            "The per-period deadlines in the schedule cannot be read.")
    found: dict[str, date] = {}
    for code, text in value.items():
        match = _FULL_DATE.match(text) if isinstance(text, str) and len(text) <= 16 else None
        try:
            period = Period.parse(str(code)[:16])
            day = date(int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else None
        except (PeriodError, ValueError):
            day = None
        if day is None:
            raise ScheduleError(f"Hạn của kỳ {str(code)[:16]} trong lịch báo cáo không đọc được.",
                                f"The deadline of period {str(code)[:16]} in the schedule cannot be read.")
        found[period.code] = day
    return tuple(sorted(found.items()))


def _due_day(key: Any, value: Any) -> DueDay:
    try:
        if isinstance(value, str) and len(value) <= 16 and (match := _DUE_TEXT.match(value)):
            return DueDay(int(match.group(2)), int(match.group(1)))
        if isinstance(value, list | tuple) and len(value) in (2, 3):
            return DueDay(*value)
        if isinstance(value, Mapping) and set(value) <= {"month", "day", "year_offset"}:
            return DueDay(**value)
    except TypeError:
        pass
    raise ScheduleError(f"Hạn của {str(key)[:8]} trong lịch báo cáo không đọc được.",
                        f"The deadline for {str(key)[:8]} in the schedule cannot be read.")
