"""The values a report holds for a task or an indicator, read safely and put in canonical form.

``read_number`` and ``read_text`` classify whatever a field holds (a number, a number typed as text,
garbage, blank) without raising; validation reports what they find. ``normalise_task_values`` and
``normalise_indicator_values`` give the canonical form the store keeps: NFC text without surrounding
blanks (blank becomes None), numbers as floats (a number typed as text is read), status codes rather
than labels, a level as its number ("Cấp độ 3" → "3"). They are idempotent, and a value set that passes
validation without a "clean" warning is already in canonical form.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from desktop.domain.indicator_targets import parse_level
from desktop.domain.numbers import parse_number
from desktop.domain.report_snapshot import TASK_STATUSES
from desktop.domain.task_status import parse_status
from desktop.domain.text import nfc

TASK_TEXT_FIELDS = ("result", "difficulties", "proposals", "not_applicable_reason")
TASK_VALUE_FIELDS = ("status", "percent", *TASK_TEXT_FIELDS)
INDICATOR_NUMBER_FIELDS = ("numerator", "denominator", "value")
INDICATOR_TEXT_FIELDS = ("note", "not_applicable_reason")
INDICATOR_VALUE_FIELDS = (*INDICATOR_NUMBER_FIELDS, "level", *INDICATOR_TEXT_FIELDS)
MAX_TEXT_LENGTH = 20_000

NumberState = Literal["absent", "number", "text", "not_number", "not_finite"]
_ALLOWED_CONTROLS = {"\n", "\t"}


@dataclass(frozen=True)
class NumberField:
    """What a numeric field holds: its state and the usable number (read from text when typed as text)."""

    state: NumberState
    value: float | None = None


def read_field(item: Any, name: str) -> Any:
    """``item[name]`` for a mapping, else ``item.name``; None when absent or unreadable."""
    try:
        if isinstance(item, Mapping):
            return item.get(name)
        return getattr(item, name, None)
    except Exception:  # any object may be passed; a field that cannot be read is an absent field
        return None


def read_number(raw: Any) -> NumberField:
    """Classify a numeric field's content."""
    if raw is None:
        return NumberField("absent")
    if isinstance(raw, bool):
        return NumberField("not_number")
    if isinstance(raw, int | float):
        number = _float(raw)
        return NumberField("number", number) if number is not None else NumberField("not_finite")
    if isinstance(raw, str):
        if not raw.strip():
            return NumberField("absent")
        parsed = parse_number(raw)
        return NumberField("text", parsed) if parsed is not None else NumberField("not_number")
    return NumberField("not_number")


def text_problems(raw: Any) -> tuple[str, ...]:
    """What is unclean in a text field: "not_text", "whitespace_only", "untrimmed", "not_nfc",
    "control_characters", "too_long" (empty for None or clean text)."""
    if raw is None:
        return ()
    if not isinstance(raw, str):
        return ("not_text",)
    if len(raw) > MAX_TEXT_LENGTH:
        return ("too_long",)
    if raw and not raw.strip():
        return ("whitespace_only",)
    problems = []
    if raw != raw.strip():
        problems.append("untrimmed")
    if not unicodedata.is_normalized("NFC", raw):
        problems.append("not_nfc")
    if any(unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS for ch in raw):
        problems.append("control_characters")
    return tuple(problems)


def clean_text(raw: Any) -> str | None:
    """The text as the store keeps it: NFC, stray control characters dropped, trimmed; blank is None."""
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return None
    text = raw if isinstance(raw, str) else _number_text(raw)
    # Controls go before NFC: removing one between a letter and its accent would un-normalise the text.
    text = "".join(ch for ch in text if ch in _ALLOWED_CONTROLS or unicodedata.category(ch) != "Cc")
    text = nfc(text.strip()).strip()
    return text or None


def normalise_task_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The canonical form of a task's entered values (every field of ``TASK_VALUE_FIELDS``)."""
    source = values if isinstance(values, Mapping) else {}
    out: dict[str, Any] = {name: clean_text(read_field(source, name)) for name in TASK_TEXT_FIELDS}
    status = clean_text(read_field(source, "status"))
    out["status"] = status if status in TASK_STATUSES else (parse_status(status) or status)
    out["percent"] = _canonical_number(read_field(source, "percent"))
    return {name: out[name] for name in TASK_VALUE_FIELDS}


def normalise_indicator_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The canonical form of an indicator's entered values (every field of ``INDICATOR_VALUE_FIELDS``)."""
    source = values if isinstance(values, Mapping) else {}
    out: dict[str, Any] = {name: clean_text(read_field(source, name)) for name in INDICATOR_TEXT_FIELDS}
    for name in INDICATOR_NUMBER_FIELDS:
        out[name] = _canonical_number(read_field(source, name))
    level = read_field(source, "level")
    parsed = parse_level(level)
    out["level"] = str(parsed) if parsed is not None else clean_text(level)
    return {name: out[name] for name in INDICATOR_VALUE_FIELDS}


def _canonical_number(raw: Any) -> Any:
    field = read_number(raw)
    if field.state in ("number", "text"):
        return field.value
    if field.state == "not_number":
        # Kept as text so validation can name it; dropping it would lose what the user typed.
        return clean_text(raw) if isinstance(raw, str) else None
    return None


def _float(raw: int | float) -> float | None:
    try:
        number = float(raw)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _number_text(raw: int | float) -> str:
    number = _float(raw)
    if number is None:
        return ""
    return str(int(number)) if number == int(number) and abs(number) < 1e15 else repr(number)
