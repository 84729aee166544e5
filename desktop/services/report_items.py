"""The rows of a report as the editor, the CLI and the documents see them: assignment plus entered values."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.assignment import role_for
from desktop.domain.periods import Period
from desktop.models.attachment import Attachment
from desktop.models.plan import Agency, Indicator, Plan, Task
from desktop.models.report import IndicatorValue, Report, TaskProgress

REF_SEPARATOR = "::"
TASK_FIELDS = ("status", "percent", "result", "difficulties", "proposals", "not_applicable_reason")
INDICATOR_FIELDS = ("numerator", "denominator", "value", "level", "note", "not_applicable_reason")


def make_ref(plan_code: str, key: str) -> str:
    """A stable name for a task or indicator across plans: "3256/QĐ-UBND::II.3"."""
    return f"{plan_code}{REF_SEPARATOR}{key}"


@dataclass
class TaskItem:
    """A task assigned to this agency, and what the report says of it."""

    ref: str
    plan: str
    key: str
    section: str
    section_title: str
    title: str
    role: str
    lead: str
    coordinators: str
    deadline_text: str
    deadline_kind: str
    due: str | None
    expected_result: str | None
    status: str | None = None
    percent: float | None = None
    result: str | None = None
    difficulties: str | None = None
    proposals: str | None = None
    not_applicable_reason: str | None = None
    evidence: int = 0

    def values(self) -> dict[str, Any]:
        """The entered fields only."""
        return {name: getattr(self, name) for name in TASK_FIELDS}


@dataclass
class IndicatorItem:
    """An indicator this agency reports, its target for the phase and the values entered."""

    ref: str
    plan: str
    key: str
    group: str
    name: str
    unit: str
    role: str
    targets: dict[str, str] = field(default_factory=dict)
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    level: str | None = None
    note: str | None = None
    not_applicable_reason: str | None = None
    evidence: int = 0

    def values(self) -> dict[str, Any]:
        """The entered fields only."""
        return {name: getattr(self, name) for name in INDICATOR_FIELDS}


IN_LIST_LIMIT = 500  # a workbook's thousands of rows are filtered here, not in one statement's parameters


def _keys_of(refs: Collection[str]) -> set[str]:
    # Every tail after a separator: a plan code or key holding "::" itself still finds its row.
    parts = (ref.split(REF_SEPARATOR) for ref in refs)
    return {REF_SEPARATOR.join(pieces[n:]) for pieces in parts for n in range(1, len(pieces))}


def assigned_tasks(session: Session, agency: Agency, refs: Collection[str] | None = None) -> list[tuple[Task, str]]:
    """Every live task where the agency is lead or coordinator, in plan order, with the role; with ``refs``,
    only those tasks (saving one field reads one task, not the plans' hundreds)."""
    query = select(Task).join(Plan).where(Task.retired.is_(False))
    if refs is not None and len(refs) <= IN_LIST_LIMIT:
        query = query.where(Task.key.in_(_keys_of(refs)))
    tasks = session.scalars(
        query.options(selectinload(Task.agencies), selectinload(Task.section), selectinload(Task.plan))
        .order_by(Plan.id, Task.position)).all()
    out = []
    for task in tasks:
        if refs is not None and make_ref(task.plan.code, task.key) not in refs:
            continue
        lead = [a.agency_name for a in task.agencies if a.role == "lead"]
        coordinators = [a.agency_name for a in task.agencies if a.role == "coordinator"]
        role = role_for(lead, coordinators, agency.name, agency.kind)
        if role is not None:
            out.append((task, role))
    return out


def assigned_indicators(session: Session, agency: Agency,
                        refs: Collection[str] | None = None) -> list[tuple[Indicator, str]]:
    """Every live indicator the agency monitors (lead) or contributes to (coordinator); with ``refs``, only
    those."""
    query = select(Indicator).join(Plan).where(Indicator.retired.is_(False))
    if refs is not None and len(refs) <= IN_LIST_LIMIT:
        query = query.where(Indicator.key.in_(_keys_of(refs)))
    indicators = session.scalars(
        query.options(selectinload(Indicator.targets), selectinload(Indicator.plan))
        .order_by(Plan.id, Indicator.position)).all()
    out = []
    for indicator in indicators:
        if refs is not None and make_ref(indicator.plan.code, indicator.key) not in refs:
            continue
        role = role_for([indicator.monitoring_agency], [], agency.name, agency.kind) if indicator.monitoring_agency \
            else None
        # Indicators are province-wide: every agency reports its own figure; the monitoring agency leads.
        out.append((indicator, role or "coordinator"))
    return out


@dataclass(frozen=True)
class Assignment:
    """What the plans give one agency: the live tasks and indicators with its role.

    Loaded once and shared by every report built in the same session: a validation reads the report and
    up to three earlier quarters, the dashboard three periods, all against the same assignment.
    """

    tasks: list[tuple[Task, str]]
    indicators: list[tuple[Indicator, str]]


def assignment(session: Session, agency: Agency) -> Assignment:
    """The agency's tasks and indicators as the stored plans assign them now."""
    return Assignment(assigned_tasks(session, agency), assigned_indicators(session, agency))


def task_items(session: Session, report: Report, agency: Agency, assigned: Assignment | None = None) -> list[TaskItem]:
    """The report's task rows: assignment joined with progress (if any)."""
    progress = {p.task_id: p for p in session.scalars(
        select(TaskProgress).where(TaskProgress.report_id == report.id))}
    evidence = _evidence_counts(session, report.id, "task")
    items = []
    for task, role in assigned.tasks if assigned else assigned_tasks(session, agency):
        ref = make_ref(task.plan.code, task.key)
        item = TaskItem(
            ref=ref, plan=task.plan.code, key=task.key, section=task.section.code if task.section else "",
            section_title=task.section.title if task.section else "", title=task.title, role=role,
            lead=task.lead_text, coordinators=task.coordinator_text, deadline_text=task.deadline_text,
            deadline_kind=task.deadline_kind, due=task.deadline_due.isoformat() if task.deadline_due else None,
            expected_result=task.expected_result, evidence=evidence.get(ref, 0))
        row = progress.get(task.id)
        if row is not None:
            for name in TASK_FIELDS:
                setattr(item, name, getattr(row, name))
        items.append(item)
    return items


def indicator_items(session: Session, report: Report, agency: Agency,
                    assigned: Assignment | None = None) -> list[IndicatorItem]:
    """The report's indicator rows: target joined with the value entered (if any)."""
    values = {v.indicator_id: v for v in session.scalars(
        select(IndicatorValue).where(IndicatorValue.report_id == report.id))}
    evidence = _evidence_counts(session, report.id, "indicator")
    items = []
    for indicator, role in assigned.indicators if assigned else assigned_indicators(session, agency):
        ref = make_ref(indicator.plan.code, indicator.key)
        item = IndicatorItem(
            ref=ref, plan=indicator.plan.code, key=indicator.key, group=indicator.group, name=indicator.name,
            unit=indicator.unit, role=role, targets={t.phase: t.text for t in indicator.targets},
            evidence=evidence.get(ref, 0))
        row = values.get(indicator.id)
        if row is not None:
            for name in INDICATOR_FIELDS:
                setattr(item, name, getattr(row, name))
        items.append(item)
    return items


def _evidence_counts(session: Session, report_id: int, kind: str) -> dict[str, int]:
    rows = session.execute(
        select(Attachment.owner_key, func.count()).where(Attachment.report_id == report_id,
                                                         Attachment.owner_kind == kind)
        .group_by(Attachment.owner_key))
    return {key: count for key, count in rows}


@dataclass(frozen=True)
class EditorContext:
    """What the editor's form shows beside a report's own rows: the plans' titles and, for each item,
    what the agency answered the quarter before (``ref`` → the entered fields)."""

    plan_titles: dict[str, str]
    previous: dict[str, dict[str, Any]]


def editor_context(session: Session, agency: Agency, period_code: str) -> EditorContext:
    """The plans' titles and the previous quarter's answers (none when that quarter has no report)."""
    titles = {plan.code: plan.title for plan in session.scalars(select(Plan))}
    previous_code = Period.parse(period_code).previous().code
    report = session.scalar(select(Report).where(Report.agency_id == agency.id, Report.period_code == previous_code)
                            .order_by(Report.revision.desc()).limit(1))
    if report is None:
        return EditorContext(titles, {})
    assigned = assignment(session, agency)
    items: list[TaskItem | IndicatorItem] = [*task_items(session, report, agency, assigned),
                                             *indicator_items(session, report, agency, assigned)]
    return EditorContext(titles, {item.ref: item.values() for item in items
                                  if any(value not in (None, "") for value in item.values().values())})
