"""What a report field accepts from the keyboard: the value exactly as typed, or a refusal with the reason.

One rule for the table's cells, the form's fields and the CLI: a percent is 0–100, a count is a number and
not negative, a text is at most ``MAX_TEXT`` characters. Nothing is ever cut or rounded to fit: a value
that does not fit is refused, and the caller keeps the text for the user to correct.
"""

from __future__ import annotations

from typing import Any

from desktop.domain.numbers import format_number, parse_number
from desktop.errors import InputError

MAX_TEXT = 20_000
MAX_NUMBER = 1e12
PERCENT_FIELDS = ("percent",)
NUMBER_FIELDS = ("numerator", "denominator", "value")
# A measured value may fall (a growth rate); counts and percents cannot be negative.
SIGNED_FIELDS = ("value",)


class FieldRefused(InputError):
    """A typed value that the field cannot store; the message says why and what to type."""

    code = "field_refused"


def read_field(field: str, text: str) -> Any:
    """The value ``text`` stands for in ``field`` (None for an empty field); raises ``FieldRefused``."""
    if field in PERCENT_FIELDS or field in NUMBER_FIELDS:
        return _read_number(field, text)
    if len(text) > MAX_TEXT:
        raise FieldRefused(f"Nội dung dài {len(text)} ký tự, quá {MAX_TEXT}; hãy rút gọn.",
                           f"The text is {len(text)} characters, over {MAX_TEXT}; shorten it.")
    return text.strip() or None


def _read_number(field: str, text: str) -> float | None:
    if not text.strip():
        return None
    value = parse_number(text.replace("%", "") if field in PERCENT_FIELDS else text)
    shown = text.strip()[:40]
    if value is None:
        raise FieldRefused(f"«{shown}» không phải là một số (ví dụ: 1.250 hoặc 99,5).",
                           f"«{shown}» is not a number (for example 1250 or 99.5).")
    if field in PERCENT_FIELDS and not 0 <= value <= 100:
        raise FieldRefused(f"{format_number(value, 'vi')}% nằm ngoài 0–100; hãy nhập số từ 0 đến 100.",
                           f"{format_number(value, 'en')}% is outside 0–100; enter 0 to 100.")
    if value < 0 and field not in SIGNED_FIELDS:
        raise FieldRefused(f"{format_number(value, 'vi')} là số âm; ở đây chỉ nhập số từ 0 trở lên.",
                           f"{format_number(value, 'en')} is negative; enter 0 or more here.")
    if abs(value) > MAX_NUMBER:
        raise FieldRefused(f"{format_number(value, 'vi')} quá lớn (tối đa 1.000.000.000.000).",
                           f"{format_number(value, 'en')} is too large (at most 1,000,000,000,000).")
    return value
