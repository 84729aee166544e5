"""A period is named on screen and in file names as people read it, never as the code «2027Q1»."""

from __future__ import annotations

from desktop.domain.periods import Period, period_name


def test_a_period_code_is_shown_by_its_name() -> None:
    assert period_name("2027Q1", "vi") == "Quý I năm 2027"
    assert period_name("2026Q4", "en") == "Q4 2026"
    assert period_name("không phải mã", "vi") == "không phải mã", "a text that is no code is kept"


def test_file_names_carry_the_quarter_as_read() -> None:
    assert Period(2027, 1).file_stem("vi") == "quy-I-2027"
    assert Period(2027, 1).file_stem("en") == "Q1-2027"
