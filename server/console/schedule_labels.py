"""Lịch báo cáo's words for a stored deadline: «Quý IV/2026» or «Quý I hằng năm», not the codes "2026Q4", "Q1"."""

from __future__ import annotations

import re

from desktop.domain.periods import Period, PeriodError

ROMAN = ("I", "II", "III", "IV")
_EVERY_YEAR = re.compile(r"Q([1-4])")


def period_text(code: str, lang: str) -> str:
    """«Quý IV/2026» («Q4/2026») for one period, «Quý I hằng năm» («Q1 every year») for a quarter every year."""
    every_year = _EVERY_YEAR.fullmatch(code)
    if every_year:
        quarter = int(every_year[1])
        return f"Q{quarter} every year" if lang == "en" else f"Quý {ROMAN[quarter - 1]} hằng năm"
    try:
        period = Period.parse(code)
    except PeriodError:
        return code
    return f"Q{period.quarter}/{period.year}" if lang == "en" else f"Quý {ROMAN[period.quarter - 1]}/{period.year}"
