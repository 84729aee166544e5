"""The report as it is frozen at signing: one plain value shared by the bundle, the PDF and the workbook.

A ``ReportSnapshot`` is what the report JSON of a bundle holds (schema ``baocao.report/1``) and what the
document writers render. It knows nothing of the store: the reporting services build it from a report
revision, and the province server rebuilds it from a verified bundle with ``from_dict``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "baocao.report/1"

TASK_STATUSES = ("not_started", "in_progress", "done", "done_late", "not_done")
ROLES = ("lead", "coordinator")
INDICATOR_KINDS = ("ratio", "count", "level", "text")


@dataclass(frozen=True)
class AttachmentRef:
    """An evidence file as the report names it; its bytes travel beside the report JSON."""

    name: str
    sha256: str
    size: int
    media_type: str


@dataclass(frozen=True)
class AgencyInfo:
    """The reporting agency as the document header and signature block need it."""

    code: str
    name: str
    parent_name: str
    place: str
    symbol: str = "UBND"
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""


@dataclass(frozen=True)
class PeriodInfo:
    """The reporting period: code like "2026Q4", its data window and the province's deadline."""

    code: str
    label: str
    data_start: str
    data_end: str
    deadline: str
    figures: str = "quarter"


@dataclass(frozen=True)
class DocumentInfo:
    """The administrative document: number, symbol, date, subject and recipients."""

    number: int
    symbol: str
    date: str
    subject: str
    addressee: str = ""
    recipients: tuple[str, ...] = ()
    drafting_unit: str = "VP"
    archive_copies: int = 2


@dataclass(frozen=True)
class TaskEntry:
    """One task of the plan as reported: what was assigned and what the agency says of it."""

    key: str
    section: str
    section_title: str
    title: str
    role: str
    plan: str = ""
    deadline_text: str = ""
    due: str | None = None
    expected_result: str | None = None
    status: str | None = None
    percent: float | None = None
    result: str | None = None
    difficulties: str | None = None
    proposals: str | None = None
    not_applicable_reason: str | None = None
    attachments: tuple[AttachmentRef, ...] = ()


@dataclass(frozen=True)
class IndicatorEntry:
    """One indicator as reported: its target for the phase and the value the agency gives."""

    key: str
    group: str
    name: str
    unit: str
    kind: str
    plan: str = ""
    target_text: str | None = None
    target_value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    level: str | None = None
    note: str | None = None
    not_applicable_reason: str | None = None
    attachments: tuple[AttachmentRef, ...] = ()


@dataclass(frozen=True)
class ReportSnapshot:
    """One revision of one agency's report for one period, ready to sign, print or send."""

    agency: AgencyInfo
    period: PeriodInfo
    document: DocumentInfo
    revision: int
    supersedes: int | None = None
    revision_reason: str | None = None
    status: str = "draft"
    summary: str = ""
    difficulties: str = ""
    proposals: str = ""
    tasks: tuple[TaskEntry, ...] = ()
    indicators: tuple[IndicatorEntry, ...] = ()
    plans: tuple[dict[str, str], ...] = field(default_factory=tuple)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        return _listify(asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportSnapshot:
        """Rebuild from ``to_dict`` output; unknown keys are ignored, missing optional ones defaulted."""
        return cls(
            agency=_build(AgencyInfo, data["agency"]),
            period=_build(PeriodInfo, data["period"]),
            document=_build(DocumentInfo, {**data["document"],
                                           "recipients": tuple(data["document"].get("recipients", ()))}),
            revision=int(data["revision"]),
            supersedes=data.get("supersedes"),
            revision_reason=data.get("revision_reason"),
            status=data.get("status", "draft"),
            summary=data.get("summary", ""),
            difficulties=data.get("difficulties", ""),
            proposals=data.get("proposals", ""),
            tasks=tuple(_entry(TaskEntry, t) for t in data.get("tasks", ())),
            indicators=tuple(_entry(IndicatorEntry, i) for i in data.get("indicators", ())),
            plans=tuple(dict(p) for p in data.get("plans", ())),
            schema=data.get("schema", SCHEMA),
        )


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def _entry(cls: type, data: dict[str, Any]) -> Any:
    attachments = tuple(_build(AttachmentRef, a) for a in data.get("attachments", ()))
    return _build(cls, {**data, "attachments": attachments})


def _listify(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _listify(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_listify(v) for v in value]
    return value
