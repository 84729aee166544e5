"""What a report field accepts from the keyboard: the value exactly as typed, or a refusal with the reason.

One rule for the table's cells, the form's fields and the CLI: a percent is 0–100, a count is a number and
not negative, a text is at most ``MAX_TEXT`` characters. Nothing is ever cut or rounded to fit: a value
that does not fit is refused, and the caller keeps the text for the user to correct.

Numbers are read so that no text ever stands for two values. Vietnamese groups thousands with "." and
writes decimals with ","; English does the opposite. Both styles are accepted when the text can mean one
number only: both marks present ("1.250,5", "1,250.5": the last one is the decimal mark), one mark
repeated ("1.250.000"), or a mark not followed by exactly three digits ("99,5", "99.5"). A lone mark
followed by exactly three digits ("1.250", "1,250") means thousands in one style and a decimal in the
other: it is read as thousands when the mark is the UI language's own thousands mark (the way the field
itself shows numbers) and refused otherwise, with the two readings named.
"""

from __future__ import annotations

import math
import re
from typing import Any

from desktop.domain.numbers import format_number
from desktop.errors import InputError

MAX_TEXT = 20_000
MAX_NUMBER = 1e12
PERCENT_FIELDS = ("percent",)
NUMBER_FIELDS = ("numerator", "denominator", "value")
# A measured value may fall (a growth rate); counts and percents cannot be negative.
SIGNED_FIELDS = ("value",)
MAX_NUMBER_TEXT = 40
THOUSANDS_MARK = {"vi": ".", "en": ","}
_NUMBER = re.compile(r"([-+\u2212]?)([0-9][0-9.,]*)")


class FieldRefused(InputError):
    """A typed value that the field cannot store; the message says why and what to type."""

    code = "field_refused"


def read_field(field: str, text: str, language: str = "vi") -> Any:
    """The value ``text`` stands for in ``field`` (None for an empty field); raises ``FieldRefused``.

    ``language`` is the UI's: it decides only what a lone "1.250" or "1,250" means (see the module's rule).
    """
    if field in PERCENT_FIELDS or field in NUMBER_FIELDS:
        return _read_number(field, text, language)
    if len(text) > MAX_TEXT:
        raise FieldRefused(f"Nội dung dài {len(text)} ký tự, quá {MAX_TEXT}; hãy rút gọn.",
                           f"The text is {len(text)} characters, over {MAX_TEXT}; shorten it.")
    return text.strip() or None


def read_number(text: str, language: str = "vi") -> float | None:
    """The one number ``text`` stands for ("1.250", "1,250.5", "99,5", "-3"); None for an empty text.

    Raises ``FieldRefused`` when it is not a number or when it could be two numbers.
    """
    stripped = text.strip()
    if not stripped:
        return None
    shown = stripped[:MAX_NUMBER_TEXT]
    match = _NUMBER.fullmatch(stripped) if len(stripped) <= MAX_NUMBER_TEXT else None
    digits = _plain_digits(match.group(2), language, shown) if match else None
    if digits is None:
        raise FieldRefused(f"«{shown}» không phải là một số (ví dụ: 1.250 hoặc 99,5).",
                           f"«{shown}» is not a number (for example 1250 or 99.5).")
    value = float(digits)
    if not math.isfinite(value):
        raise FieldRefused(f"«{shown}» quá lớn.", f"«{shown}» is too large.")
    return -value if match and match.group(1) in ("-", "\u2212") else value


def _plain_digits(text: str, language: str, shown: str) -> str | None:
    """``text`` (digits and marks) as Python reads a number ("1250.5"); None when it is not one."""
    dots, commas = text.count("."), text.count(",")
    if not dots and not commas:
        return text
    if dots and commas:  # both marks: the last one is the decimal mark, the other groups thousands
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        group = "," if decimal == "." else "."
        whole, _mark, fraction = text.rpartition(decimal)
        if text.count(decimal) > 1 or not fraction or not _grouped(whole, group):
            return None
        return whole.replace(group, "") + "." + fraction
    mark = "." if dots else ","
    if dots + commas > 1:  # one mark repeated: thousands only
        return text.replace(mark, "") if _grouped(text, mark) else None
    whole, _mark, fraction = text.partition(mark)
    if not whole or not fraction:
        return None
    if len(fraction) != 3 or whole.startswith("0") or len(whole) > 3:
        return whole + "." + fraction  # a decimal: no grouping reads this way
    if mark == THOUSANDS_MARK.get(language, "."):
        return whole + fraction
    thousands, decimal = whole + fraction, whole + "." + fraction
    raise FieldRefused(
        f"«{shown}» có thể là {thousands} hoặc {format_number(float(decimal), 'vi')}: hãy gõ {thousands} nếu là "
        f"số nguyên, {format_number(float(decimal), 'vi')} nếu là số thập phân.",
        f"«{shown}» could be {thousands} or {decimal}: type {thousands} for the whole number, {decimal} for "
        f"the decimal.")


def _grouped(text: str, mark: str) -> bool:
    """Whether ``text`` is digits grouped by threes with ``mark`` ("1.250.000")."""
    return re.fullmatch(r"[1-9][0-9]{0,2}(?:" + re.escape(mark) + r"[0-9]{3})+", text) is not None


def _read_number(field: str, text: str, language: str) -> float | None:
    value = read_number(text.replace("%", "") if field in PERCENT_FIELDS else text, language)
    if value is None:
        return None
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
