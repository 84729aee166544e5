"""Deadlines the Sở sets for one plan: the report covering that plan is due by them (the earliest wins)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.periods import DEFAULT_SCHEDULE, LATE, ON_TIME, Period, ScheduleError, timeliness
from desktop.domain.plan_deadlines import agency_schedule, check_schedule, plan_schedule

Q1_2027 = Period(2027, 1)
Q2_2027 = Period(2027, 2)

# As server/schedule.py publishes it: province-wide Q1 25/02; plan 594 sets Q1 15/02 and one period;
# plan 12 sets a later Q2 and nothing else.
PACKAGE = {"Q1": "25/02", "periods": {"2027Q2": "30/05/2027"},
           "plans": {"594/KH-UBND": {"Q1": "15/02", "periods": {"2027Q3": "10/09/2027"}},
                     "12/KH-SKHCN": {"Q2": "05/06"}}}


def test_a_plan_s_earlier_deadline_is_the_report_s_when_the_agency_reports_on_that_plan() -> None:
    schedule = agency_schedule(PACKAGE, ["594/KH-UBND"])
    assert schedule.deadline(Q1_2027) == date(2027, 2, 15)
    assert schedule.deadline(Period(2027, 3)) == date(2027, 9, 10)
    assert schedule.deadline(Q2_2027) == date(2027, 5, 30), "the province's period entry still holds"
    assert timeliness(Q1_2027, date(2027, 2, 14), schedule) == ON_TIME
    assert timeliness(Q1_2027, date(2027, 2, 20), schedule) == LATE, "on time by the province-wide date only"


def test_a_plan_the_agency_does_not_report_on_changes_nothing() -> None:
    assert agency_schedule(PACKAGE, ["99/KH-KHAC"]).deadline(Q1_2027) == date(2027, 2, 25)
    assert agency_schedule(PACKAGE, []).deadline(Q1_2027) == date(2027, 2, 25)


def test_a_report_covering_several_plans_is_due_by_the_earliest_of_their_deadlines() -> None:
    both = agency_schedule(PACKAGE, ["12/KH-SKHCN", "594/KH-UBND"])
    assert both.deadline(Q1_2027) == date(2027, 2, 15)  # 594's own
    assert both.deadline(Q2_2027) == date(2027, 5, 30)  # the period entry beats 12's later 05/06
    later_only = agency_schedule(PACKAGE, ["12/KH-SKHCN"])
    assert later_only.deadline(Q2_2027) == date(2027, 5, 30)
    assert later_only.deadline(Period(2028, 2)) == date(2028, 6, 5), "12's every-year Q2 in other years"


def test_plan_numbers_compare_in_nfc() -> None:
    decomposed = {"plans": {"Kế hoạch 1".replace("ế", "e\u0302\u0301"): {"Q1": "10/02"}}}
    assert agency_schedule(decomposed, ["Kế hoạch 1"]).deadline(Q1_2027) == date(2027, 2, 10)


def test_no_schedule_is_the_plan_default_and_a_bad_plan_scope_is_refused() -> None:
    assert agency_schedule(None, ["594/KH-UBND"]) == DEFAULT_SCHEDULE
    assert plan_schedule(PACKAGE, "594/KH-UBND").deadline(Q2_2027) == date(2027, 5, 30)
    with pytest.raises(ScheduleError):
        check_schedule({"plans": {"594/KH-UBND": {"Q1": "31/13"}}})
    with pytest.raises(ScheduleError):
        check_schedule({"plans": ["594/KH-UBND"]})
    with pytest.raises(ScheduleError):
        check_schedule({"plans": {f"KH {n}": {} for n in range(201)}})
