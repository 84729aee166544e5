"""How the GUI writes dates and numbers: dd/mm/yyyy everywhere, and the Vietnamese decimal comma."""

from __future__ import annotations

import math
from datetime import date, datetime

from PySide6.QtCore import QLocale

from desktop.domain.numbers import parse_number
from desktop.domain.periods import vietnam_time


def locale_for(language: str) -> QLocale:
    """The Qt locale of the UI language (Vietnamese: "99,5"; English: "99.5")."""
    locale = QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
                     QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedKingdom)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale


def format_date(value: date | datetime | str | None) -> str:
    """"31/12/2026" for a date, a datetime or an ISO text; "" for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            return format_date(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_datetime(value: datetime | None) -> str:
    """"31/12/2026 14:05" in Vietnam time, whatever the PC's zone (a naive time is read as Vietnam time
    already), so that every time the app shows is on the one clock the province and the deadlines use;
    "" for none."""
    if value is None:
        return ""
    local = vietnam_time(value)
    return f"{format_date(local)} {local.hour:02d}:{local.minute:02d}"


def format_number(value: float | None, language: str) -> str:
    """A number without needless decimals; Vietnamese groups thousands with a dot and uses the decimal comma
    ("4.500", "1.250,5"), English writes "4500", "1250.5" (a comma there would read back as a decimal).
    "" for none."""
    if value is None:
        return ""
    if not math.isfinite(value) or abs(value) >= 1e15:
        return str(value)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if language != "vi":
        return text
    whole, _dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}".replace(",", ".")
    return sign + grouped + ("," + fraction if fraction else "")


def read_number(text: str) -> float | None:
    """The number typed in a cell ("99,5", "1.250", "95 %"); None when the text is empty.

    Raises ValueError when the text holds something that is not one number.
    """
    if not text.strip():
        return None
    value = parse_number(text)
    if value is None:
        raise ValueError(text)
    return value


def format_size(size: int, language: str) -> str:
    """A file size as people read it: "582 byte" ("582 bytes"), "1,4 MB": «582 B» read as a code."""
    units = ("bytes" if language == "en" else "byte", "KB", "MB", "GB")
    value = float(size)
    unit = 0
    while value >= 1024 and unit < len(units) - 1:
        value /= 1024
        unit += 1
    shown = str(int(value)) if unit == 0 else locale_for(language).toString(value, "f", 1)
    return f"{shown} {units[unit]}"
