"""Natural order as one sortable text (the table's sort role): the same order as ``natural_key``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.natural_order import natural_key, natural_sort_text

_NUMBERS = st.text(alphabet="IVX0123456789.abc", max_size=8)


def test_section_numbers_sort_naturally() -> None:
    shown = ["II.10", "I", "X", "II.3", "IX", "II", "12", "III.1"]
    assert sorted(shown, key=natural_sort_text) == ["I", "II", "II.3", "II.10", "III.1", "IX", "X", "12"]


@given(_NUMBERS, _NUMBERS)
def test_the_sort_text_never_contradicts_the_natural_key(a: str, b: str) -> None:
    if natural_key(a) < natural_key(b):
        assert natural_sort_text(a) < natural_sort_text(b)
