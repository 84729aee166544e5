"""Numbers as Vietnamese staff write them: "1.250" is one thousand two hundred and fifty, "99,5" a decimal.

A dot followed by groups of exactly three digits separates thousands; a comma is the decimal mark.
A lone dot with other than three digits after it ("99.5") is read as a decimal point too, since that is
what a spreadsheet in an English locale writes.
"""

from __future__ import annotations

import math
import re

NUMBER_PATTERN = r"[-+−]?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
_WHOLE_NUMBER = re.compile(rf"^\s*({NUMBER_PATTERN})\s*(%?)\s*$")
_MAX_NUMBER_TEXT = 64


def number_from_match(text: str) -> float:
    """The value of text matched by ``NUMBER_PATTERN``."""
    sign = -1.0 if text[:1] in "-−" else 1.0
    digits = text.lstrip("+-−")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        digits = digits.replace(".", "").replace(",", ".")
    else:
        digits = digits.replace(",", ".")
    return sign * float(digits)


def parse_number(text: object) -> float | None:
    """The number a cell's text holds ("1.250", "99,5", "95 %", " 40 "); None when it holds no single number."""
    if not isinstance(text, str) or len(text) > _MAX_NUMBER_TEXT:
        return None
    match = _WHOLE_NUMBER.match(text)
    if not match:
        return None
    value = number_from_match(match.group(1))
    return value if math.isfinite(value) else None


def format_number(value: float, language: str = "vi") -> str:
    """A short human form: whole numbers without decimals, else up to two; "99,5" in Vietnamese."""
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e12:
        text = f"{value:.3g}"
    elif value == int(value):
        text = str(int(value))
    else:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "vi" else text
