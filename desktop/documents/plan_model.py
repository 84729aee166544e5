"""What a parsed plan workbook holds: sections, tasks, indicators and warnings, as the JSON of
``baocao plan parse``.

``ParsedPlan.to_json()`` gives the object of issue 3:
``{"sheet", "sections", "tasks", "indicators", "warnings"}`` plus, additively, ``"sheets"`` (every
sheet a table was read from, in workbook order) and ``"plan"`` (number, title and date found in
the title rows, each null when absent) and ``"groups"`` (numbered headings inside a section whose
number prefixes their sub-items' keys: group "II.1" over tasks "II.1.a", "II.1.b"). Sections carry
an additive ``"note"`` (unnumbered rows under them), indicators an additive ``"area"`` (the
sub-heading column of seed 003's "Chỉ tiêu"), ``"monitoring_agencies"`` (canonical names) and ``"coordinators"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.domain.deadlines import Deadline
from desktop.domain.indicator_targets import PhaseTarget
from desktop.i18n import tr


@dataclass(frozen=True)
class PlanInfo:
    """The plan's number (số ký hiệu), title and date, as far as the title rows tell."""

    code: str | None = None
    title: str | None = None
    issued_on: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """JSON object."""
        return {"code": self.code, "title": self.title, "issued_on": self.issued_on}


@dataclass(frozen=True)
class ParsedSection:
    """A roman-numeral section row of a task table."""

    code: str
    title: str
    note: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """JSON object."""
        return {"code": self.code, "title": self.title, "note": self.note}


@dataclass(frozen=True)
class ParsedGroup:
    """A numbered heading inside a section ("1. Hạ tầng số" over "a)", "b)" or "1.1", "1.2"): not a task."""

    key: str
    title: str

    def to_dict(self) -> dict[str, str]:
        """JSON object."""
        return {"key": self.key, "title": self.title}


@dataclass(frozen=True)
class ParsedTask:
    """A task row (or rows, when split) of a task table."""

    key: str
    section: str
    stt: str
    title: str
    result: str | None
    lead: str
    lead_agencies: tuple[str, ...]
    coordinators: str
    coordinator_agencies: tuple[str, ...]
    deadline: Deadline
    note: str | None
    sheet: str
    row: int

    def to_dict(self) -> dict[str, Any]:
        """JSON object (sheet and row are where it was read, not part of the JSON)."""
        return {"key": self.key, "section": self.section, "stt": self.stt, "title": self.title,
                "result": self.result, "lead": self.lead, "lead_agencies": list(self.lead_agencies),
                "coordinators": self.coordinators, "coordinator_agencies": list(self.coordinator_agencies),
                "deadline": self.deadline.to_dict(), "note": self.note}


@dataclass(frozen=True)
class ParsedIndicator:
    """An indicator row of an indicator table, with its targets per phase."""

    key: str
    group: str
    name: str
    unit: str
    targets: tuple[PhaseTarget, ...]
    monitoring_agency: str
    monitoring_agencies: tuple[str, ...]
    area: str | None
    coordinators: str | None
    sheet: str
    row: int

    def to_dict(self) -> dict[str, Any]:
        """JSON object."""
        return {"key": self.key, "group": self.group, "name": self.name, "unit": self.unit,
                "targets": [t.to_dict() for t in self.targets], "monitoring_agency": self.monitoring_agency,
                "monitoring_agencies": list(self.monitoring_agencies), "area": self.area,
                "coordinators": self.coordinators}


@dataclass(frozen=True)
class ParseWarning:
    """Something the user should look at: where (sheet or table, and for a PDF the page), and what."""

    sheet: str
    row: int
    message: str
    page: int | None = None  # a PDF's page; ``row`` is then the row of that page's tables

    def to_dict(self) -> dict[str, str | int]:
        """JSON object ("page" only for a PDF)."""
        out: dict[str, str | int] = {"sheet": self.sheet, "row": self.row, "message": self.message}
        if self.page is not None:
            out["page"] = self.page
        return out


def warning_place(warning: dict[str, Any]) -> str:
    """Where a warning (as in the JSON) points, as users read it: "Phụ lục:12" or "PDF, trang 3, dòng 2"."""
    if warning.get("page") is not None:
        sheet, page, row = warning["sheet"], warning["page"], warning["row"]
        return tr(f"{sheet}, trang {page}, dòng {row}", f"{sheet}, page {page}, row {row}")
    return f"{warning['sheet']}:{warning['row']}"


@dataclass
class ParsedPlan:
    """Everything read from a plan workbook. ``sheet`` joins the names of ``sheets`` with ", "."""

    sheets: list[str] = field(default_factory=list)
    plan: PlanInfo = field(default_factory=PlanInfo)
    sections: list[ParsedSection] = field(default_factory=list)
    groups: list[ParsedGroup] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)
    indicators: list[ParsedIndicator] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    @property
    def sheet(self) -> str:
        """The sheet(s) tables were read from, joined with ", " in workbook order."""
        return ", ".join(self.sheets)

    def to_json(self) -> dict[str, Any]:
        """The JSON object of ``baocao plan parse``."""
        return {"sheet": self.sheet, "sheets": list(self.sheets), "plan": self.plan.to_dict(),
                "sections": [s.to_dict() for s in self.sections], "groups": [g.to_dict() for g in self.groups],
                "tasks": [t.to_dict() for t in self.tasks],
                "indicators": [i.to_dict() for i in self.indicators],
                "warnings": [w.to_dict() for w in self.warnings]}
