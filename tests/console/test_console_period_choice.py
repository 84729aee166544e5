"""Which period the console opens on (``server.console.period_choice``): after a deadline passes, the Sở is
still consolidating that period and chasing late agencies, so the console stays on it until the next
period's data window starts; the dashboard says so, and Lịch báo cáo says why Q4's deadline is early."""

from __future__ import annotations

import re
from contextlib import closing
from datetime import date, datetime

from desktop.domain.periods import DEFAULT_SCHEDULE, VIETNAM_TZ, Period, Schedule
from server.console.period_choice import OpenPeriod, period_to_open
from tests.console.console_server import ConsoleServer


def test_after_q4s_deadline_the_console_stays_on_q4_until_q1s_data_window_opens() -> None:
    assert period_to_open(date(2026, 12, 3), DEFAULT_SCHEDULE) == OpenPeriod(Period(2026, 4), True)
    assert period_to_open(date(2026, 12, 14), DEFAULT_SCHEDULE) == OpenPeriod(Period(2026, 4), True)
    assert period_to_open(date(2026, 12, 15), DEFAULT_SCHEDULE) == OpenPeriod(Period(2027, 1), False)


def test_before_a_deadline_the_console_opens_on_the_period_due_next() -> None:
    assert period_to_open(date(2026, 11, 30), DEFAULT_SCHEDULE) == OpenPeriod(Period(2026, 4), False)
    assert period_to_open(date(2027, 2, 19), DEFAULT_SCHEDULE) == OpenPeriod(Period(2027, 1), False)


def test_q1_is_consolidated_from_its_deadline_to_the_15th_of_march() -> None:
    assert period_to_open(date(2027, 2, 20), DEFAULT_SCHEDULE) == OpenPeriod(Period(2027, 1), True)
    assert period_to_open(datetime(2027, 3, 14, 23, 59, tzinfo=VIETNAM_TZ), DEFAULT_SCHEDULE).consolidating
    assert period_to_open(date(2027, 3, 15), DEFAULT_SCHEDULE) == OpenPeriod(Period(2027, 2), False)


def test_a_deadline_the_sở_moved_past_the_next_window_keeps_the_period_due() -> None:
    late_q4 = Schedule(periods=(("2026Q4", date(2027, 1, 10)),))
    assert period_to_open(date(2027, 1, 5), late_q4) == OpenPeriod(Period(2026, 4), False)
    assert period_to_open(date(2027, 1, 11), late_q4) == OpenPeriod(Period(2027, 1), False)


def test_the_dashboard_names_the_period_being_consolidated_and_the_calendar_explains_q4(
        console: ConsoleServer) -> None:
    opening = period_to_open(datetime.now(VIETNAM_TZ), DEFAULT_SCHEDULE)
    with closing(console.login("viewer")) as viewer:
        page = viewer.get("/console/period").text
        assert f"Kỳ báo cáo {opening.period.label('vi')}" in page
        assert ('id="period-phase"' in page) == opening.consolidating
        q4 = viewer.get("/console/period?period=2026Q4").text
        assert ('Kỳ đang tổng hợp' in q4) == (opening == OpenPeriod(Period(2026, 4), True))
        calendar = viewer.get("/console/schedule?period=2026Q4").text
        assert 'id="early-deadline"' in calendar and "01/12 hằng năm" in calendar
        assert re.search(r'id="reporting-rate">0%<', page) and "0.0%" not in page
        viewer.get("/console/lang/en?next=/console/period")
        assert "The plan chose it" in viewer.get("/console/schedule?period=2026Q4").text
