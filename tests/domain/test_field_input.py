"""What a typed number stands for: one value or a refusal naming the readings, never a silently different
number ("1,250" in English was read as 1.25)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.field_input import FieldRefused, read_field, read_number


@pytest.mark.parametrize(("text", "language", "value"), [
    ("1250", "vi", 1250), ("1250", "en", 1250),
    ("1.250", "vi", 1250), ("1,250", "en", 1250),
    ("1.250.000", "vi", 1_250_000), ("1.250.000", "en", 1_250_000), ("1,250,000", "vi", 1_250_000),
    ("1.250,5", "vi", 1250.5), ("1.250,5", "en", 1250.5), ("1,250.5", "vi", 1250.5), ("1,250.5", "en", 1250.5),
    ("99,5", "vi", 99.5), ("99,5", "en", 99.5), ("99.5", "vi", 99.5), ("99.5", "en", 99.5),
    ("0,250", "en", 0.25), ("0.250", "vi", 0.25), ("1234.567", "vi", 1234.567), ("12,5000", "en", 12.5),
    (" 40 ", "vi", 40), ("-3,5", "vi", -3.5), ("−2", "vi", -2), ("", "vi", None), ("  ", "en", None),
])
def test_a_number_is_read_as_the_one_value_it_can_mean(text: str, language: str, value: float | None) -> None:
    assert read_number(text, language) == value


@pytest.mark.parametrize(("text", "language", "readings"), [
    ("1,250", "vi", ("1250", "1,25")), ("1.250", "en", ("1250", "1.25")), ("12,500", "vi", ("12500", "12,5")),
])
def test_a_lone_other_mark_before_three_digits_is_refused_with_both_readings(
        text: str, language: str, readings: tuple[str, str]) -> None:
    with pytest.raises(FieldRefused) as refused:
        read_number(text, language)
    message = refused.value.message(language)
    assert text in message and all(reading in message for reading in readings)


@pytest.mark.parametrize("text", ["7 ho so", "1.25.0", "1,2,3", "1.250,000,5", "1,250.000.5", "12.", ",5", "1e3",
                                  "٣", "1 250", "0.250.000", "--1", "1" * 41])
def test_what_is_not_one_number_is_refused(text: str) -> None:
    with pytest.raises(FieldRefused):
        read_number(text, "vi")


def test_the_english_bug_1250_is_no_longer_a_decimal() -> None:
    assert read_field("numerator", "1,250", "en") == 1250
    with pytest.raises(FieldRefused):
        read_field("numerator", "1,250", "vi")


def test_a_percent_keeps_its_range_rule() -> None:
    assert read_field("percent", "95 %", "vi") == 95
    with pytest.raises(FieldRefused):
        read_field("percent", "150", "vi")


def _vi(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**11), st.integers(min_value=0, max_value=99),
       st.sampled_from(["vi", "en"]))
def test_a_number_written_in_either_full_style_reads_back_exactly(whole: int, cents: int, language: str) -> None:
    """Grouped with a decimal part, both styles name one value in both languages."""
    assert read_number(f"{_vi(whole)},{cents:02d}", language) == pytest.approx(whole + cents / 100)
    assert read_number(f"{whole:,}.{cents:02d}", language) == pytest.approx(whole + cents / 100)


@given(st.text(alphabet="0123456789.,-", max_size=14), st.sampled_from(["vi", "en"]))
def test_any_text_is_read_as_in_one_of_the_two_styles_or_refused(text: str, language: str) -> None:
    """Whatever is accepted equals the reading of the Vietnamese or the English style: never a third value."""
    try:
        value = read_number(text, language)
    except FieldRefused:
        return
    if value is None:
        return
    candidates = set()
    for group, decimal in ((".", ","), (",", ".")):
        plain = text.replace(group, "").replace(decimal, ".")
        with contextlib.suppress(ValueError):
            candidates.add(float(plain))
    assert value in candidates
    # and the language's own thousands reading wins a lone mark before three digits
    if text.count(".") + text.count(",") == 1 and len(text.split(".")[-1].split(",")[-1]) == 3:
        group = "." if language == "vi" else ","
        if group in text and not text.lstrip("-").startswith("0") and len(text.lstrip("-").split(group)[0]) <= 3:
            assert value == float(text.replace(group, ""))
