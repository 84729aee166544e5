"""Periods, data windows and deadlines around every boundary."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain.periods import (
    DEFAULT_SCHEDULE,
    LATE,
    ON_TIME,
    VIETNAM_TZ,
    DataWindow,
    DueDay,
    Period,
    PeriodError,
    Schedule,
    ScheduleError,
    current_period,
    days_left,
    next_period,
    period_info,
    timeliness,
    vietnam_time,
)


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VIETNAM_TZ)


@pytest.mark.parametrize("text", ["2026Q4", "2026q4", " 2026-Q4 ", "2026 Q4", "Q4/2026", "q4 2026", "Quý IV/2026",
                                  "Quý IV năm 2026", "quy 4/2026", "QUÝ IV - 2026"])
def test_parse_reads_the_ways_staff_write_a_quarter(text: str) -> None:
    assert Period.parse(text) == Period(2026, 4)


@pytest.mark.parametrize("text", ["2026Q5", "2026Q0", "Q4", "2026", "", "1999Q1", "2200Q1", "x" * 500, "2026Q4x"])
def test_parse_refuses_what_is_not_a_period(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        Period.parse(text)
    assert caught.value.code == "period" and ("2026Q4" in caught.value.message_vi or "2000" in caught.value.message_vi)


def test_parse_refuses_non_text() -> None:
    with pytest.raises(PeriodError):
        Period.parse(None)  # type: ignore[arg-type]


def test_code_label_and_order() -> None:
    period = Period(2026, 4)
    assert period.code == str(period) == "2026Q4"
    assert Period.parse(period.code) == period
    assert period.label("vi") == "Quý IV năm 2026"
    assert period.label("en") == "Q4 2026"
    assert Period(2026, 1) < Period(2026, 2) < Period(2027, 1)


def test_q2_carries_six_months_and_q4_the_year() -> None:
    assert Period(2026, 1).figures == ("quarter",)
    assert Period(2026, 2).figures == ("quarter", "six_months")
    assert Period(2026, 3).figures == ("quarter",)
    assert Period(2026, 4).figures == ("quarter", "year")
    assert Period(2026, 2).figure_label("six_months", "vi") == "6 tháng đầu năm 2026"
    assert Period(2026, 4).figure_label("year", "vi") == "cả năm 2026"
    assert Period(2026, 4).figure_label("year", "en") == "full year 2026"
    with pytest.raises(PeriodError):
        Period(2026, 3).window("six_months")


def test_data_windows_follow_decree_09_2019() -> None:
    assert Period(2026, 1).data_window == DataWindow(date(2025, 12, 15), date(2026, 3, 14))
    assert Period(2026, 2).data_window == DataWindow(date(2026, 3, 15), date(2026, 6, 14))
    assert Period(2026, 3).data_window == DataWindow(date(2026, 6, 15), date(2026, 9, 14))
    assert Period(2026, 4).data_window == DataWindow(date(2026, 9, 15), date(2026, 12, 14))
    assert Period(2026, 2).window("six_months") == DataWindow(date(2025, 12, 15), date(2026, 6, 14))
    assert Period(2026, 4).window("year") == DataWindow(date(2025, 12, 15), date(2026, 12, 14))
    assert Period(2026, 1).data_window.label("vi") == "từ ngày 15/12/2025 đến ngày 14/03/2026"


def test_windows_tile_the_year_without_gap_or_overlap() -> None:
    period = Period(2025, 1)
    for _ in range(12):
        assert period.next().data_window.start == period.data_window.end + timedelta(days=1)
        period = period.next()


@pytest.mark.parametrize(("day", "expected"), [
    (date(2025, 12, 14), Period(2025, 4)), (date(2025, 12, 15), Period(2026, 1)),
    (date(2025, 12, 31), Period(2026, 1)), (date(2026, 3, 14), Period(2026, 1)), (date(2026, 3, 15), Period(2026, 2)),
    (date(2028, 2, 29), Period(2028, 1)),
])
def test_of_date_gives_the_quarter_whose_window_holds_the_day(day: date, expected: Period) -> None:
    assert Period.of_date(day) == expected
    assert expected.data_window.contains(day)


def test_next_and_previous_cross_the_year() -> None:
    assert Period(2026, 4).next() == Period(2027, 1)
    assert Period(2027, 1).previous() == Period(2026, 4)
    assert [p.code for p in Period(2026, 4).quarters_of("year")] == ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    assert [p.code for p in Period(2026, 2).quarters_of("six_months")] == ["2026Q1", "2026Q2"]


def test_default_schedule_is_seed_003() -> None:
    assert [DEFAULT_SCHEDULE.deadline(Period(2026, q)) for q in range(1, 5)] == [
        date(2026, 2, 20), date(2026, 5, 20), date(2026, 9, 20), date(2026, 12, 1)]
    assert DEFAULT_SCHEDULE.last_day(Period(2026, 1)) == date(2026, 2, 19)
    assert DEFAULT_SCHEDULE.deadline_at(Period(2026, 1)) == vn(2026, 2, 20)
    assert DEFAULT_SCHEDULE.deadline_label(Period(2026, 4), "vi") == "trước ngày 01/12/2026"


@pytest.mark.parametrize(("moment", "expected"), [
    (vn(2026, 1, 1), "2026Q1"),
    (vn(2026, 2, 19, 23, 59), "2026Q1"),
    (vn(2026, 2, 20, 0, 0), "2026Q2"),
    (vn(2026, 5, 19, 23, 59, 59), "2026Q2"),
    (vn(2026, 5, 20), "2026Q3"),
    (vn(2026, 9, 20), "2026Q4"),
    (vn(2026, 11, 30, 23, 59), "2026Q4"),
    (vn(2026, 12, 1), "2027Q1"),
    (vn(2026, 12, 31, 23, 59), "2027Q1"),
    (date(2026, 12, 31), "2027Q1"),
    (date(2028, 2, 29), "2028Q2"),
    (date(2028, 2, 19), "2028Q1"),
])
def test_current_period_is_the_next_one_due(moment: datetime | date, expected: str) -> None:
    assert current_period(moment).code == expected


def test_next_period_follows_the_current_one() -> None:
    assert next_period(date(2026, 12, 31)) == Period(2027, 2)


def test_aware_times_are_converted_to_vietnam_time() -> None:
    # 19/02 17:00 UTC is 20/02 00:00 in Vietnam: Q1 is already late.
    assert current_period(datetime(2026, 2, 19, 16, 59, tzinfo=UTC)).code == "2026Q1"
    assert current_period(datetime(2026, 2, 19, 17, 0, tzinfo=UTC)).code == "2026Q2"
    assert vietnam_time(datetime(2026, 1, 1, 12, 0)).utcoffset() == timedelta(hours=7)


def test_a_report_sent_a_minute_after_the_deadline_is_late() -> None:
    q1 = Period(2026, 1)
    assert timeliness(q1, vn(2026, 2, 19, 23, 59)) == ON_TIME
    assert timeliness(q1, vn(2026, 2, 19, 23, 59, 59, 999999)) == ON_TIME
    assert timeliness(q1, vn(2026, 2, 20, 0, 0)) == LATE
    assert timeliness(q1, vn(2026, 2, 20, 0, 1)) == LATE
    assert timeliness(q1, datetime(2026, 2, 19, 16, 59, tzinfo=UTC)) == ON_TIME
    assert timeliness(q1, datetime(2026, 2, 19, 17, 1, tzinfo=UTC)) == LATE
    assert timeliness(q1, datetime(2026, 2, 20, 0, 1)) == LATE  # naive is Vietnam wall clock
    assert timeliness(q1, date(2026, 2, 19)) == ON_TIME
    assert timeliness(q1, date(2026, 2, 20)) == LATE


def test_days_left_is_zero_on_the_last_day_and_negative_once_overdue() -> None:
    q4 = Period(2026, 4)
    assert days_left(q4, date(2026, 11, 29)) == 1
    assert days_left(q4, vn(2026, 11, 30, 23, 59)) == 0
    assert days_left(q4, vn(2026, 12, 1, 0, 0)) == -1
    assert days_left(q4, date(2026, 12, 31)) == -31


def test_leap_day_deadline_falls_back_to_28_february_in_common_years() -> None:
    schedule = Schedule.from_mapping({"Q1": "29/02"})
    assert schedule.deadline(Period(2028, 1)) == date(2028, 2, 29)
    assert schedule.deadline(Period(2027, 1)) == date(2027, 2, 28)
    assert timeliness(Period(2028, 1), vn(2028, 2, 28, 23, 59), schedule) == ON_TIME
    assert timeliness(Period(2028, 1), vn(2028, 2, 29, 0, 1), schedule) == LATE
    assert timeliness(Period(2027, 1), vn(2027, 2, 28, 0, 1), schedule) == LATE


def test_province_schedule_in_every_accepted_form_and_round_trip() -> None:
    schedule = Schedule.from_mapping({"Q1": "15/03", 2: [6, 15], "q3": {"month": 9, "day": 25},
                                      "4": [1, 15, 1]})
    assert schedule.deadline(Period(2026, 1)) == date(2026, 3, 15)
    assert schedule.deadline(Period(2026, 2)) == date(2026, 6, 15)
    assert schedule.deadline(Period(2026, 3)) == date(2026, 9, 25)
    assert schedule.deadline(Period(2026, 4)) == date(2027, 1, 15)
    assert Schedule.from_mapping(schedule.to_mapping()) == schedule
    assert Schedule.from_mapping({}) == DEFAULT_SCHEDULE
    # With Q4 due in January of the next year, on 31/12 the Q4 report is still the one due.
    assert current_period(date(2026, 12, 31), schedule) == Period(2026, 4)
    assert current_period(date(2027, 1, 15), schedule) == Period(2027, 1)


@pytest.mark.parametrize("data", [
    {"Q5": "20/02"}, {"Q1": "31/02"}, {"Q1": "20/13"}, {"Q1": [2]}, {"Q1": {"month": "2", "day": 20}},
    {"Q1": "20/06"},  # after Q2's deadline
    {"Q1": [12, 1, -1]},  # before Q1's data window opens
    {"Q1": [2, 20, 2]}, {"Q1": True}, {"Q1": "x" * 100}, "20/02", {str(i): "1/1" for i in range(20)},
])
def test_unusable_schedules_are_refused(data: object) -> None:
    with pytest.raises(ScheduleError) as caught:
        Schedule.from_mapping(data)  # type: ignore[arg-type]
    assert caught.value.code == "schedule" and caught.value.message_vi


def test_due_day_refuses_impossible_dates() -> None:
    with pytest.raises(ScheduleError):
        DueDay(4, 31)


def test_period_info_for_the_snapshot() -> None:
    info = period_info(Period(2026, 4))
    assert (info.code, info.label, info.data_start, info.data_end, info.deadline, info.figures) == (
        "2026Q4", "Quý IV năm 2026", "2026-09-15", "2026-12-14", "2026-12-01", "quarter+year")


def test_dates_outside_the_supported_years_are_refused() -> None:
    with pytest.raises(PeriodError):
        current_period(date(1990, 1, 1))
    with pytest.raises(PeriodError):
        Period(2199, 4).next()
