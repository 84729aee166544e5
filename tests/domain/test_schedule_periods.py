"""Deadlines the province set for one period win over the every-year deadline of that quarter."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.periods import Period, Schedule, ScheduleError, current_period


def test_a_period_deadline_overrides_its_quarter_only():
    rules = Schedule.from_mapping({"Q2": "25/05", "periods": {"2027Q1": "15/04/2027"}})
    assert rules.deadline(Period(2027, 1)) == date(2027, 4, 15)
    assert rules.deadline(Period(2028, 1)) == date(2028, 2, 20)
    assert rules.deadline(Period(2027, 2)) == date(2027, 5, 25)
    assert current_period(date(2027, 3, 1), rules) == Period(2027, 1)
    assert Schedule.from_mapping(rules.to_mapping()) == rules


def test_plan_scoped_deadlines_are_read_but_not_applied():
    rules = Schedule.from_mapping({"plans": {"594/KH-UBND": {"periods": {"2027Q1": "01/05/2027"}}}})
    assert rules.deadline(Period(2027, 1)) == date(2027, 2, 20)


@pytest.mark.parametrize("periods", [{"2027Q1": "01/12/2026"}, {"2027Q1": "2027-04-15"}, {"2027Q9": "15/04/2027"},
                                     {"2027Q1": "31/02/2027"}, ["2027Q1"]])
def test_unreadable_period_deadlines_are_refused(periods):
    with pytest.raises(ScheduleError):
        Schedule.from_mapping({"periods": periods})
