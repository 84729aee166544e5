"""What the console's view of one agency's report shows beside the snapshot: the place and date line and the
indicators' values, verdicts and explanations, in the words the app's own PDF uses (``report_text``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.documents.report_text import (
    agency_in_text,
    assessment,
    indicator_note_text,
    indicator_value_text,
    iso_day,
    place_date,
)
from desktop.domain.report_snapshot import IndicatorEntry, ReportSnapshot

# "Ủy ban nhân dân xã Mỹ Hiệp" → "Mỹ Hiệp": the place a report without one of its own is dated at.
_PLACE = re.compile(r"\b(?:xã|phường|thị trấn|thị xã|thành phố|huyện|quận|tỉnh)\s+(.+)$")


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as the report view lists it."""

    entry: IndicatorEntry
    value: str
    verdict: str
    note: str


def dated(snapshot: ReportSnapshot) -> str:
    """ "Mỹ Hiệp, ngày 03 tháng 12 năm 2026", as the report's PDF dates it; the place from the agency's name when
    the report gives none."""
    place = snapshot.agency.place.strip()
    if not place:
        match = _PLACE.search(agency_in_text(snapshot.agency.name))
        place = match.group(1) if match else ""
    return place_date(place, iso_day(snapshot.document.date))


def indicator_rows(snapshot: ReportSnapshot) -> list[IndicatorRow]:
    """Each indicator with what the agency reported ("45/50 (90%)"), «Đạt»/«Chưa đạt» and its explanation."""
    return [IndicatorRow(i, indicator_value_text(i), assessment(i), indicator_note_text(i))
            for i in snapshot.indicators]
