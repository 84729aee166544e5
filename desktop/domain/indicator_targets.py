"""Indicator targets as plans write them, an indicator's actual value, and whether it meets the target.

Targets in plans are short texts: "100%", "Duy trì 100%", "≥ 90%", "-", "Đạt cấp độ 3", "Đạt cấp độ 4, 5",
"10 sản phẩm". ``parse_target`` reads them into a kind — ratio (a percentage), count, level, none (no
target in this phase) or text (a target we cannot measure) — a number, a comparison and, for levels, the
levels named. A ratio's actual value is numerator / denominator × 100; a count's is its value; a level's is
the level number. "Đạt cấp độ 3" is met by level 3 or higher; "Đạt cấp độ 4, 5" by 4 or higher.

``parse_phase_target`` is the same reading in the terms of the plan importer's JSON (``baocao plan
parse``): a phase and kinds ``percent``, ``maintain`` ("Duy trì 100%": keep a level reached),
``level``, ``number`` (a bare number), ``none`` and ``text`` (anything else, no value). There is one
parser of target texts; the two shapes are two views of its result.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from desktop.domain.numbers import NUMBER_PATTERN, number_from_match, parse_number
from desktop.domain.text import fold, nfc

RATIO = "ratio"
COUNT = "count"
LEVEL = "level"
NONE = "none"
TEXT = "text"
TARGET_KINDS = (RATIO, COUNT, LEVEL, NONE, TEXT)
COMPARISONS = (">=", ">", "<=", "<", "=")

_MAX_TARGET_TEXT = 200
_MAX_LEVEL = 100
# Relative slack for float comparisons, so 1/3 × 300 % still "reaches" 100 %.
_TOLERANCE = 1e-9
_NO_TARGET = {"", "-", "–", "—", "x", "/", "không", "khong", "không có", "chưa có"}
_LEVEL = re.compile(r"(?:cap\s*do|muc\s*do|cap|muc|level)\s*(?P<levels>\d{1,3}(?:\s*(?:,|-|–|va|hoac|den)\s*\d{1,3})*)")
_LEVEL_VALUE = re.compile(r"^\s*(?:(?:dat\s+)?(?:cap\s*do|muc\s*do|cap|muc|level)\s*)?(\d{1,3})\s*$")
_NUMBER = re.compile(rf"(?P<number>{NUMBER_PATTERN})\s*(?P<percent>%?)")
# Most specific first: "không dưới" (at least) must win over "dưới" (below).
_COMPARISON_WORDS = (
    ("khong duoi", ">="), ("khong thap hon", ">="), ("khong vuot qua", "<="), ("khong qua", "<="),
    ("tro len", ">="), ("tro xuong", "<="), ("toi thieu", ">="), ("it nhat", ">="), ("toi da", "<="),
    ("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), (">", ">"), ("<", "<"),
    ("tren ", ">"), ("duoi ", "<"), ("tu ", ">="),
)


@dataclass(frozen=True)
class Target:
    """A parsed target: its kind, the number to reach, how it compares and, for levels, the levels named."""

    text: str
    kind: str
    value: float | None = None
    comparison: str = ">="
    levels: tuple[int, ...] = ()
    unit: str = ""
    maintain: bool = False

    @property
    def measurable(self) -> bool:
        """Whether an actual value can be checked against this target."""
        return self.kind in (RATIO, COUNT, LEVEL) and self.value is not None

    def meets(self, actual: float | None) -> bool | None:
        """Whether ``actual`` reaches the target; None when there is no measurable target or no value."""
        if not self.measurable or actual is None or not _finite(actual):
            return None
        goal = float(self.value or 0.0)
        slack = _TOLERANCE * max(1.0, abs(goal))
        if self.comparison == ">":
            return actual > goal + slack
        if self.comparison == "<=":
            return actual <= goal + slack
        if self.comparison == "<":
            return actual < goal - slack
        if self.comparison == "=":
            return abs(actual - goal) <= slack
        return actual >= goal - slack


def parse_target(text: object) -> Target:
    """Read a target text; never raises (unreadable text gives kind "text", blank or "-" gives "none")."""
    raw = nfc(text).strip() if isinstance(text, str) else ""
    raw = raw[:_MAX_TARGET_TEXT]
    folded = fold(raw)
    if raw.lower() in _NO_TARGET or folded in _NO_TARGET:
        return Target(text=raw, kind=NONE)
    maintain = folded.startswith("duy tri")
    level_match = _LEVEL.search(folded)
    if level_match:
        levels = _levels(level_match.group("levels"))
        if levels:
            return Target(text=raw, kind=LEVEL, value=float(min(levels)), levels=levels, maintain=maintain)
    matches = list(_NUMBER.finditer(raw))
    # "Năm 2027 đạt 50%": the percentage is the target, not the year before it.
    number_match = next((m for m in matches if m.group("percent")), matches[0] if matches else None)
    if number_match:
        value = number_from_match(number_match.group("number"))
        if _finite(value):
            comparison = _comparison(folded)
            if number_match.group("percent"):
                return Target(text=raw, kind=RATIO, value=value, comparison=comparison, maintain=maintain)
            unit = raw[number_match.end():].strip(" .;:")
            return Target(text=raw, kind=COUNT, value=value, comparison=comparison, unit=unit, maintain=maintain)
    return Target(text=raw, kind=TEXT, maintain=maintain)


# The plan JSON's kinds of a phase's target.
PERCENT, MAINTAIN, NUMBER = "percent", "maintain", "number"
PHASE_TARGET_KINDS = (PERCENT, MAINTAIN, LEVEL, NUMBER, NONE, TEXT)
_BARE_NUMBER = re.compile(rf"[≥≤><=~]?\s*{NUMBER_PATTERN}")


@dataclass(frozen=True)
class PhaseTarget:
    """One phase's target of an indicator, as the plan importer stores it."""

    phase: str
    text: str
    kind: str
    value: float | None = None

    def to_dict(self) -> dict[str, str | float | None]:
        """The ``{"phase", "text", "kind", "value"}`` JSON object."""
        return asdict(self)


def parse_phase_target(phase: str, text: str | None) -> PhaseTarget:
    """Read a plan's target cell for ``phase``; never raises (unknown text is ``text`` with no value)."""
    source = nfc(text or "").strip()
    target = parse_target(source)
    if target.kind == NONE:
        return PhaseTarget(phase, source, NONE)
    if target.maintain:
        return PhaseTarget(phase, source, MAINTAIN, target.value)
    if target.kind == LEVEL:
        return PhaseTarget(phase, source, LEVEL, target.value)
    if target.kind == RATIO:
        return PhaseTarget(phase, source, PERCENT, target.value)
    if target.kind == COUNT and _BARE_NUMBER.fullmatch(source):
        return PhaseTarget(phase, source, NUMBER, target.value)
    return PhaseTarget(phase, source, TEXT)


def parse_level(value: object) -> int | None:
    """The level number of "3", "Cấp độ 3", "Đạt cấp độ 3" or the number 3; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if not _finite(value) or value != int(value) or not 0 <= value <= _MAX_LEVEL:
            return None
        return int(value)
    if not isinstance(value, str) or len(value) > 64:
        return None
    match = _LEVEL_VALUE.match(fold(value))
    if not match or int(match.group(1)) > _MAX_LEVEL:
        return None
    return int(match.group(1))


def indicator_kind(name: object, *target_texts: object) -> str:
    """The kind of an indicator: from its name ("Tỷ lệ …" is a ratio, "Mức độ …" a level), else its targets."""
    folded = fold(name)[:200] if isinstance(name, str) else ""
    if folded.startswith(("ty le", "ti le")):
        return RATIO
    if folded.startswith(("muc do", "cap do")):
        return LEVEL
    if folded.startswith(("so ", "so luong")):
        return COUNT
    for text in target_texts:
        kind = parse_target(text).kind
        if kind in (RATIO, COUNT, LEVEL):
            return kind
    return TEXT


def actual_value(kind: str, numerator: object = None, denominator: object = None, value: object = None,
                 level: object = None) -> float | None:
    """The indicator's actual figure: a percentage for a ratio, the value for a count, the level number."""
    if kind == RATIO:
        num, den = _number(numerator), _number(denominator)
        if num is None or den is None or den <= 0:
            return None
        result = num / den * 100.0
        return result if _finite(result) else None
    if kind == COUNT:
        return _number(value)
    if kind == LEVEL:
        parsed = parse_level(level)
        if parsed is None:
            parsed = parse_level(value)
        return None if parsed is None else float(parsed)
    return None


def _levels(text: str) -> tuple[int, ...]:
    found: set[int] = set()
    for part in re.split(r"\s*(?:,|va|hoac)\s*", text):
        bounds = [int(b) for b in re.split(r"\s*(?:-|–|den)\s*", part) if b.isdigit()]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= _MAX_LEVEL:
            found.update(range(bounds[0], bounds[1] + 1))
        elif len(bounds) == 1 and bounds[0] <= _MAX_LEVEL:
            found.add(bounds[0])
    return tuple(sorted(found))


def _comparison(folded: str) -> str:
    for words, comparison in _COMPARISON_WORDS:
        if words in folded:
            return comparison
    return ">="


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value) if abs(value) < 1e308 else math.inf
        return number if _finite(number) else None
    return parse_number(value)


def _finite(value: float) -> bool:
    try:
        return math.isfinite(value)
    except (TypeError, OverflowError):
        return False


def target_for_year(targets: Mapping[str, str], year: int) -> tuple[str, str] | None:
    """The (phase, text) whose phase covers ``year``: "2026-2027" covers 2026 and 2027; failing that,
    the earliest phase still ahead ("2030" for 2027: the target to work towards); None if all are past."""
    spans: list[tuple[int, int, str]] = []
    for phase in targets:
        years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", phase if isinstance(phase, str) else "")]
        if years:
            spans.append((min(years), max(years), phase))
    for start, end, phase in sorted(spans):
        if start <= year <= end:
            return phase, targets[phase]
    ahead = sorted((end, phase) for start, end, phase in spans if end >= year)
    return (ahead[0][1], targets[ahead[0][1]]) if ahead else None
