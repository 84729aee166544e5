"""A period is named on screen and in file names as people read it, never as the code «2027Q1»."""

from __future__ import annotations

import pytest

from desktop.domain.officer_words import period_words
from desktop.domain.periods import LONG, SHORT, Period, PeriodError, period_name
from desktop.sync.agency_chain import period_label


def test_a_period_code_is_shown_by_its_name() -> None:
    assert period_name("2027Q1", "vi") == "Quý I năm 2027"
    assert period_name("2026Q4", "en") == "Q4 2026"
    assert period_name("không phải mã", "vi") == "không phải mã", "a text that is no code is kept"


def test_file_names_carry_the_quarter_as_read() -> None:
    assert Period(2027, 1).file_stem("vi") == "quy-I-2027"
    assert Period(2027, 1).file_stem("en") == "Q1-2027"


def test_one_formatter_names_a_period_in_a_long_and_a_short_style() -> None:
    """Long in titles and documents, short inside sentences and tables; the CLI's, the sync's and the receipts'
    words are the short style of the same function, so no place spells a period its own way."""
    period = Period(2026, 3)
    assert period.label("vi", LONG) == period.label("vi") == "Quý III năm 2026"
    assert period.label("vi", SHORT) == "Quý III/2026"
    assert period.label("en", LONG) == period.label("en", SHORT) == "Q3 2026"
    assert period_name("2026Q3", "vi", SHORT) == "Quý III/2026"
    assert period_words("2026Q3") == ("Quý III/2026", "Q3 2026")
    assert period_label("2026Q3") == ("quý III/2026", "Q3 2026"), "mid-sentence: «báo cáo quý III/2026»"
    assert period_words("lạ") == ("lạ", "lạ") and period_label("lạ") == ("lạ", "lạ")


@pytest.mark.parametrize("typed", ["2027Q1", "Q1/2027", "I/2027", "quý I/2027", "Quý I năm 2027", "QUY I NAM 2027",
                                   "quý 1/2027", "i - 2027", "Q1 2027"])
def test_a_period_is_read_as_people_type_it(typed: str) -> None:
    assert Period.parse(typed) == Period(2027, 1)


@pytest.mark.parametrize("typed", ["1/2027", "V/2027", "Quý 5/2027", "tháng 1/2027", "I/27"])
def test_a_period_that_cannot_be_read_is_refused_naming_the_forms_accepted(typed: str) -> None:
    with pytest.raises(PeriodError) as caught:
        Period.parse(typed)
    for form in ("Quý IV/2026", "Quý IV năm 2026", "IV/2026", "Q4/2026", "2026Q4"):
        assert form in caught.value.message_vi and form in caught.value.message_en
    assert f"«{typed}»" in caught.value.message_vi
