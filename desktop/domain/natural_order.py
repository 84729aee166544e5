"""Natural order of item numbers: 1, 2, … 10 (not 1, 10, 2) and I, II, … IX, X for sections ("II.3" < "II.10")."""

from __future__ import annotations

import re

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PART = re.compile(r"\d+|[A-Za-z]+|[^\dA-Za-z]+")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key: numbers by value, Roman numerals (I–C) by value, other text by itself after them."""
    key: list[tuple[int, int | str]] = []
    for part in _PART.findall(str(text)):
        if part.isdigit():
            key.append((0, int(part)))
        elif part.isalpha() and _is_roman(part.upper()):
            key.append((0, _roman_value(part.upper())))
        elif part.strip(" .-/:"):
            key.append((1, part.lower()))
    return tuple(key)


def _is_roman(text: str) -> bool:
    return bool(text) and all(char in _ROMAN for char in text) and len(text) <= 8


def _roman_value(text: str) -> int:
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN[char]
        following = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def natural_sort_text(text: str) -> str:
    """``natural_key`` as one text that sorts the same way by plain comparison (for Qt's sort role):
    "II.3" before "II.10", "IX" before "X"."""
    return "\x01".join(f"0{value:012d}" if kind == 0 else f"1{value}" for kind, value in natural_key(text))
