"""Indicator targets as appendices write them: "100%", "Duy trì 100%", "Đạt cấp độ 3", "-".

Kinds: ``percent`` ("95%"), ``maintain`` ("Duy trì 100%": keep a level already reached),
``level`` ("Đạt cấp độ 4, 5": the lowest level named is the value), ``number`` ("50"),
``none`` ("-" or empty: no target in that phase) and ``text`` (anything else, no value).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass

PERCENT, MAINTAIN, LEVEL, NUMBER, NONE, TEXT = "percent", "maintain", "level", "number", "none", "text"
TARGET_KINDS = (PERCENT, MAINTAIN, LEVEL, NUMBER, NONE, TEXT)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NO_TARGET = frozenset({"", "-", "–", "—", "x", "/", "không", "khong"})
_LEVEL = re.compile(r"\b(cấp độ|mức độ|cấp|mức)\s*(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """One phase's target of an indicator."""

    phase: str
    text: str
    kind: str
    value: float | None = None

    def to_dict(self) -> dict[str, str | float | None]:
        """The ``{"phase", "text", "kind", "value"}`` JSON object."""
        return asdict(self)


def parse_target(phase: str, text: str | None) -> Target:
    """Read a target cell; never raises (unknown text is ``text`` with no value)."""
    source = unicodedata.normalize("NFC", text or "").strip()
    lowered = source.lower()
    if lowered in _NO_TARGET:
        return Target(phase, source, NONE)
    number = _NUMBER.search(source)
    value = float(number.group(0).replace(",", ".")) if number else None
    if lowered.startswith("duy trì") or lowered.startswith("duy tri"):
        return Target(phase, source, MAINTAIN, value)
    level = _LEVEL.search(source)
    if level:
        return Target(phase, source, LEVEL, float(level.group(2)))
    if "%" in source and value is not None:
        return Target(phase, source, PERCENT, value)
    if value is not None and re.fullmatch(r"[≥≤><=~]?\s*\d+(?:[.,]\d+)?", source):
        return Target(phase, source, NUMBER, value)
    return Target(phase, source, TEXT)
