"""Deadline texts of plan appendices, kept verbatim and parsed into a kind and a due date.

Kinds (DESIGN.md "Data (desktop)"):
- ``date``: "31/12/2025", "Trước ngày 30/5/2025", "ngày 30 tháng 5 năm 2025";
- ``month``: "Tháng 6/2025", "Tháng 12 năm 2025" (due: the last day of the month);
- ``quarter``: "Quý II/2025", "Quý II năm 2025" (due: the last day of the quarter);
- ``year``: "Năm 2026" (due: 31/12);
- ``range``: "Năm 2026 - 2030", "2026-2030", "Giai đoạn 2026-2030" (due: 31/12 of the last year);
- ``recurring``: "Thường xuyên", "Hằng năm", "Định kỳ hằng quý" (no due date);
- ``conditional``: anything else that names a condition, "Theo hướng dẫn của Bộ, ngành trung ương",
  "Khi Khung … được ban hành", "Theo lộ trình của Văn phòng Chính phủ" (no due date);
- ``none``: an empty cell.
The first date-like phrase decides; text after it ("(Đã hoàn thành; tiếp tục triển khai thực hiện)")
is kept verbatim as the note.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date

DATE, MONTH, QUARTER, YEAR, RANGE, RECURRING, CONDITIONAL, NONE = (
    "date", "month", "quarter", "year", "range", "recurring", "conditional", "none")
KINDS = (DATE, MONTH, QUARTER, YEAR, RANGE, RECURRING, CONDITIONAL, NONE)

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"((?:19|20)\d{2})"
_SEP = r"\s*(?:/|-|\.|nam)\s*"
# Matched against the folded text (lower case, no diacritics, đ → d), which keeps every index.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (DATE, re.compile(rf"\b(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*{_YEAR}\b")),
    (DATE, re.compile(rf"\bngay\s+(\d{{1,2}})\s+thang\s+(\d{{1,2}})\s+nam\s+{_YEAR}\b")),
    (QUARTER, re.compile(rf"\bquy\s+(iv|i{{1,3}}|[1-4])\b{_SEP}{_YEAR}\b")),
    (MONTH, re.compile(rf"\bthang\s+(\d{{1,2}}){_SEP}{_YEAR}\b")),
    (MONTH, re.compile(rf"(?<![\d/])(\d{{1,2}})\s*/\s*{_YEAR}\b")),
    (RANGE, re.compile(rf"{_YEAR}\s*(?:-|–|—|den(?:\s+nam)?)\s*{_YEAR}\b")),
    (YEAR, re.compile(rf"(?:\bnam\s+|^\s*){_YEAR}\b")),
)
_RECURRING = re.compile(r"\b(thuong xuyen|hang nam|hang quy|hang thang|dinh ky|lien tuc|hang tuan|moi nam)\b")


@dataclass(frozen=True)
class Deadline:
    """A deadline text and what it means: kind, due date (ISO) where one exists, and the note after it."""

    text: str
    kind: str
    due: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """The ``{"text", "kind", "due", "note"}`` JSON object."""
        return asdict(self)

    @property
    def due_date(self) -> date | None:
        """``due`` as a date."""
        return date.fromisoformat(self.due) if self.due else None


def parse_deadline(text: str | None) -> Deadline:
    """Parse a deadline cell; never raises (an unknown text is ``conditional`` with no due date)."""
    source = unicodedata.normalize("NFC", text or "").strip()
    if not source:
        return Deadline(text="", kind=NONE)
    folded = _fold_keep_length(source)
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            due = _due(kind, match.groups())
            if due is not None:
                note = source[match.end():].strip(" \t\n;,.:-–—").strip() or None
                return Deadline(text=source, kind=kind, due=due.isoformat(), note=note)
    if _RECURRING.search(folded):
        return Deadline(text=source, kind=RECURRING)
    return Deadline(text=source, kind=CONDITIONAL)


def _due(kind: str, groups: tuple[str, ...]) -> date | None:
    try:
        if kind == DATE:
            return date(int(groups[2]), int(groups[1]), int(groups[0]))
        if kind == MONTH:
            year, month = int(groups[1]), int(groups[0])
            return date(year, month, calendar.monthrange(year, month)[1])
        if kind == QUARTER:
            year, month = int(groups[1]), 3 * _ROMAN_QUARTERS[groups[0]]
            return date(year, month, calendar.monthrange(year, month)[1])
        if kind == RANGE:
            start, end = int(groups[0]), int(groups[1])
            return date(end, 12, 31) if end >= start else None
        return date(int(groups[0]), 12, 31)
    except ValueError:  # 31/2/2025, month 13: not a date, so the phrase is not this kind
        return None


def _fold_keep_length(text: str) -> str:
    """Lower case without diacritics, one output character per input character (so indices match)."""
    out = []
    for char in text:
        if char in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", char)[0]
        out.append(base.lower() if len(base.lower()) == 1 else char)
    return "".join(out)
