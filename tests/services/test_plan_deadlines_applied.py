"""A deadline the Sở set for one of the agency's plans is the deadline the app shows, records and checks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.domain.periods import LATE, ON_TIME, Period, timeliness
from desktop.models.plan import Plan
from desktop.models.store import Store
from desktop.services import periods
from tests.services.conftest import TODAY


def test_the_agency_s_plan_deadline_is_shown_recorded_and_checked(demo_store: Store) -> None:
    with demo_store.session() as session:
        code = session.scalars(select(Plan.code)).first()
        assert code
        periods.save_schedule(session, {"Q4": "05/12", "plans": {code: {"Q4": "28/11"}, "99/KH-KHAC": {"Q4": "20/11"}}})
    with demo_store.session() as session:
        view = periods.period_view(session, "2026Q4", TODAY)
        assert view.last_day == date(2026, 11, 27) and view.days_left == 4, "this agency's plan, not 99/KH-KHAC"
        assert periods.period_info(session, "2026Q4").deadline == "2026-11-28"
        rules = periods.schedule(session)
        assert timeliness(Period(2026, 4), date(2026, 11, 27), rules) == ON_TIME
        assert timeliness(Period(2026, 4), date(2026, 12, 1), rules) == LATE
        assert periods.current_period_code(date(2026, 11, 29), session) == "2027Q1", "2026Q4 is past its deadline"
        assert periods.schedule(session).deadline(Period(2027, 4)) == date(2027, 11, 28)


def test_a_province_wide_deadline_applies_when_no_plan_of_the_agency_has_its_own(demo_store: Store) -> None:
    with demo_store.session() as session:
        periods.save_schedule(session, {"Q4": "05/12", "plans": {"99/KH-KHAC": {"Q4": "20/11"}}})
    with demo_store.session() as session:
        assert periods.period_view(session, "2026Q4", TODAY).last_day == date(2026, 12, 4)
