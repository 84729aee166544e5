"""Reading the rows of an indicator table (Phụ lục 1 of seed 003) into indicators with targets.

A letter or roman numeral with text and no targets ("a | Về Cung cấp dịch vụ số…") opens a group;
a numbered row is an indicator. When "Chỉ tiêu" spans two columns the first is the area (often
merged down over several indicators, "Dịch vụ công trực tuyến (DVCTT)") and the last the indicator.
An unnumbered row with only a name that starts with a capital letter ("Hạ tầng số", a bold or italic
heading between indicators) is a category: it is the area of the indicators under it, until the next
one or the next group; an unnumbered name in small letters continues the indicator above (a name
split by a page). Each phase column gives one target. Without a unit column, a unit in parentheses at
the end of the name ("Tỷ lệ … (%)", "Số … (người)") is taken out of it (domain.indicator_units).
Keys are the STT when unique in the table, else "group.stt".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.documents.plan_header import COORDINATORS, INDICATOR, MONITORING, PHASE, STT, UNIT, Header
from desktop.documents.plan_model import ParsedIndicator, ParseWarning
from desktop.documents.plan_tasks import roman_value, strip_footnote
from desktop.documents.sheet_grid import SheetGrid
from desktop.domain.agencies import split_agencies
from desktop.domain.indicator_targets import LEVEL, MAINTAIN, PERCENT, PhaseTarget, parse_phase_target
from desktop.domain.indicator_units import split_unit

_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\s*[.)]?$")
_GROUP = re.compile(r"^([a-zA-Zđ]|[IVXL]{1,6})\s*[.)]?$")


@dataclass
class _Row:
    row: int
    stt: str
    group: str
    group_code: str
    area: str | None
    name: str
    targets: list[str | None]
    monitoring: str
    coordinators: str | None
    unit: str | None


@dataclass
class IndicatorTable:
    """Reads one indicator table; ``indicators`` and ``warnings`` collect what it found."""

    grid: SheetGrid
    header: Header
    indicators: list[ParsedIndicator] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    _group: str = ""
    _group_code: str = ""
    _category: str | None = None
    _rows: list[_Row] = field(default_factory=list)

    def read_row(self, row: int) -> None:
        """Take one data row of the table."""
        stt_column = self.header.column(STT)
        stt_cell = self.grid.cell(row, stt_column) if stt_column else None
        stt = stt_cell.text if stt_cell and stt_cell.anchor[0] == row else ""
        names = self.header.columns(INDICATOR)
        phases = self.header.columns(PHASE)
        name = self._text(row, names[-1]) if names else None
        area = self.grid.text(row, names[0]) if len(names) > 1 else None
        targets = [self._text(row, c) for c in phases]
        if _GROUP.match(stt) and not any(targets) and (roman_value(stt.rstrip(".)")) or not _NUMBER.match(stt)):
            self._group_code = stt.rstrip(".)")
            self._group = next((t for c in self.grid.columns(row) if c != stt_column
                                and (t := self.grid.text(row, c))), "")
            self._category = None
            return
        number = _NUMBER.match(stt)
        if number:
            self._rows.append(_Row(
                row=row, stt=number.group(1), group=self._group, group_code=self._group_code,
                area=area if len(names) > 1 else self._category,
                name=name or "", targets=targets, monitoring=self._text(row, self.header.column(MONITORING)) or "",
                coordinators=self._text(row, self.header.column(COORDINATORS)),
                unit=self._text(row, self.header.column(UNIT))))
            return
        if name and not stt and not any(targets) and name[:1].isupper() and self._only_name(row, names[-1]):
            self._category = name
            return
        if self._rows and name:
            self._rows[-1].name = f"{self._rows[-1].name} {name}".strip()
            return
        if any(self._text(row, c) for c in self.grid.columns(row)):
            self._warn(row, "Dòng không đánh số trong bảng chỉ tiêu được bỏ qua.")

    def finish(self) -> None:
        """Build the indicators once every row is read (keys depend on the whole table)."""
        stts = [r.stt for r in self._rows]
        unique = len(set(stts)) == len(stts)
        phases = [self.header.phase(c) for c in self.header.columns(PHASE)]
        for item in self._rows:
            key = item.stt if unique or not item.group_code else f"{item.group_code}.{item.stt}"
            name, had_mark = strip_footnote(item.name)
            if had_mark:
                self._warn(item.row, f"Đã bỏ dấu chú thích ở cuối chỉ tiêu {key}.")
            targets = tuple(parse_phase_target(p, t) for p, t in zip(phases, item.targets, strict=True))
            unit = item.unit
            if not unit:
                name, unit = split_unit(name)
            self.indicators.append(ParsedIndicator(
                key=key, group=item.group, name=name, unit=unit or _unit(targets), targets=targets,
                monitoring_agency=item.monitoring, monitoring_agencies=tuple(split_agencies(item.monitoring)),
                area=item.area, coordinators=item.coordinators, sheet=self.grid.name, row=item.row))

    def _only_name(self, row: int, name_column: int) -> bool:
        """Whether ``row`` holds text in its name column (or merged across from it) and nowhere else."""
        return all(self.grid.text(row, c, down=False) is None for c in self.grid.columns(row)
                   if c != name_column and (cell := self.grid.cell(row, c)) and cell.anchor[1] != name_column)

    def _warn(self, row: int, message: str) -> None:
        self.warnings.append(ParseWarning(self.grid.name, row, message))

    def _text(self, row: int, column: int | None) -> str | None:
        return self.grid.text(row, column, down=False) if column else None


def _unit(targets: tuple[PhaseTarget, ...]) -> str:
    """The unit implied by the targets when the table has no unit column: "%" or "cấp độ"."""
    kinds = {t.kind for t in targets}
    if kinds & {PERCENT, MAINTAIN} and any("%" in t.text for t in targets):
        return "%"
    if LEVEL in kinds:
        return "cấp độ"
    return ""
