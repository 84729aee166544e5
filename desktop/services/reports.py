"""Report use cases: open the quarter's report, autosave each edit, approve, and open a new revision.

A report is one row per (agency, period, revision). Only a draft or approved revision can be edited;
a signed one is frozen and a change opens ``revision + 1`` that supersedes it and records why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.officer_words import counted, period_words
from desktop.domain.periods import Period, timeliness
from desktop.domain.report_values import clean_text, normalise_indicator_values, normalise_task_values
from desktop.domain.task_status import TASK_STATUSES, status_choices
from desktop.domain.text import nfc
from desktop.domain.validation_issues import field_label
from desktop.errors import InputError
from desktop.models.attachment import Attachment, share_attachment
from desktop.models.base import utcnow
from desktop.models.outbox import OutboxItem
from desktop.models.plan import Agency, Indicator, Task
from desktop.models.report import IndicatorValue, Report, TaskProgress
from desktop.models.store import Store
from desktop.services import periods as period_service
from desktop.services.installation import installation_agency
from desktop.services.report_items import (
    INDICATOR_FIELDS,
    TASK_FIELDS,
    IndicatorItem,
    TaskItem,
    assigned_indicators,
    assigned_tasks,
    indicator_items,
    make_ref,
    task_items,
)

EDITABLE = ("draft", "approved")
NUMBER_FIELDS = frozenset({"percent", "numerator", "denominator", "value"})
MAX_TEXT = 20_000


@dataclass
class ReportView:
    """A report revision with its rows, as the editor and ``report show`` present it."""

    period: period_service.PeriodView
    agency_code: str
    agency_name: str
    revision: int
    status: str
    editable: bool
    revision_reason: str | None
    summary: str = ""
    difficulties: str = ""
    proposals: str = ""
    tasks: list[TaskItem] = field(default_factory=list)
    indicators: list[IndicatorItem] = field(default_factory=list)


def latest_report(session: Session, agency: Agency, period_code: str) -> Report | None:
    """The newest revision of the agency's report for the period, if any."""
    return session.scalar(select(Report).where(Report.agency_id == agency.id, Report.period_code == period_code)
                          .order_by(Report.revision.desc()).limit(1))


def report_for_edit(session: Session, agency: Agency, period_code: str) -> Report:
    report = latest_report(session, agency, period_code)
    if report is None:
        period_service.ensure_period(session, period_code)
        report = Report(agency_id=agency.id, period_code=period_code, revision=1, status="draft",
                        created_by=session.info.get("actor", ""))
        session.add(report)
        session.flush()
    if report.status not in EDITABLE:
        period_vi, period_en = period_words(period_code)
        raise InputError(
            f"Báo cáo {period_vi} lần {report.revision} đã ký, không sửa được; hãy mở lần sửa đổi mới.",
            f"The {period_en} report, revision {report.revision}, is signed and frozen; open a new revision.",
            code="report_frozen")
    return report


def open_report(store: Store, period_code: str | None = None, today: date | None = None) -> ReportView:
    """The newest revision of the period's report (the current period by default), created if needed."""
    with store.session() as session:
        agency = installation_agency(session)
        code = period_code or period_service.current_period_code(today)
        period_service.check_code(code)
        report = latest_report(session, agency, code)
        if report is None:
            report = report_for_edit(session, agency, code)
        return ReportView(
            period=period_service.period_view(session, code, today), agency_code=agency.code,
            agency_name=agency.name, revision=report.revision, status=report.status,
            editable=report.status in EDITABLE, revision_reason=report.revision_reason, summary=report.summary,
            difficulties=report.difficulties, proposals=report.proposals,
            tasks=task_items(session, report, agency), indicators=indicator_items(session, report, agency))


def update_task(store: Store, period_code: str, ref: str, **values: Any) -> None:
    """Save fields of one task's progress at once (autosave); approval is withdrawn by any edit."""
    apply_values(store, period_code, tasks={ref: values})


def update_indicator(store: Store, period_code: str, ref: str, **values: Any) -> None:
    """Save fields of one indicator's value at once (autosave)."""
    apply_values(store, period_code, indicators={ref: values})


def apply_values(store: Store, period_code: str, *, tasks: dict[str, dict[str, Any]] | None = None,
                 indicators: dict[str, dict[str, Any]] | None = None) -> None:
    """Save many rows in one transaction: every value is checked first, and one bad value saves nothing."""
    clean_tasks = {ref: _clean(values, TASK_FIELDS, ref) for ref, values in (tasks or {}).items()}
    clean_indicators = {ref: _clean(values, INDICATOR_FIELDS, ref) for ref, values in (indicators or {}).items()}
    with store.session() as session:
        agency = installation_agency(session)
        report = report_for_edit(session, agency, period_code)
        task_map = {make_ref(t.plan.code, t.key): (t, role)
                    for t, role in assigned_tasks(session, agency, clean_tasks.keys())} if clean_tasks else {}
        indicator_map = {make_ref(i.plan.code, i.key): (i, role)
                         for i, role in assigned_indicators(session, agency, clean_indicators.keys())} \
            if clean_indicators else {}
        for ref, clean in clean_tasks.items():
            task, role = _assigned(task_map, ref, "task")
            _apply(_row(session, TaskProgress, report.id, role, task_id=task.id), clean)
        for ref, clean in clean_indicators.items():
            indicator, role = _assigned(indicator_map, ref, "indicator")
            _apply(_row(session, IndicatorValue, report.id, role, indicator_id=indicator.id), clean)
        _withdraw_approval(report)


def update_narrative(store: Store, period_code: str, *, summary: str | None = None,
                     difficulties: str | None = None, proposals: str | None = None) -> None:
    """Save the report's general text (summary, difficulties, proposals)."""
    with store.session() as session:
        report = report_for_edit(session, installation_agency(session), period_code)
        for name, value in (("summary", summary), ("difficulties", difficulties), ("proposals", proposals)):
            if value is not None:
                setattr(report, name, clean_text(value) or "")
        _withdraw_approval(report)


def approve_report(store: Store, period_code: str) -> None:
    """Approve the draft; refused while validation finds errors (warnings do not block)."""
    from desktop.services.validation import require_no_errors, validate

    require_no_errors(validate(store, period_code), "phê duyệt", "approve")
    with store.session() as session:
        report = report_for_edit(session, installation_agency(session), period_code)
        report.status = "approved"
        report.approved_at = utcnow()
        report.approved_by = session.info.get("actor")


def reopen_report(store: Store, period_code: str, reason: str) -> int:
    """Open a new revision after a signed one, copying its values and keeping its evidence; returns the new
    revision number."""
    reason = nfc(reason).strip()
    if not reason:
        raise InputError("Cần ghi lý do sửa đổi báo cáo.", "A reason for the new revision is required.",
                         code="reason_required")
    with store.session() as session:
        agency = installation_agency(session)
        previous = latest_report(session, agency, period_code)
        if previous is None or previous.status in EDITABLE:
            raise InputError("Báo cáo chưa ký: cứ sửa trực tiếp.", "The report is not signed: edit it directly.",
                             code="not_signed")
        report = Report(agency_id=agency.id, period_code=period_code, revision=previous.revision + 1,
                        supersedes_id=previous.id, revision_reason=reason, status="draft",
                        summary=previous.summary, difficulties=previous.difficulties, proposals=previous.proposals,
                        created_by=session.info.get("actor", ""))
        session.add(report)
        session.flush()
        for progress in session.scalars(select(TaskProgress).where(TaskProgress.report_id == previous.id)):
            session.add(TaskProgress(report_id=report.id, task_id=progress.task_id, role=progress.role,
                                     **{name: getattr(progress, name) for name in TASK_FIELDS}))
        for value in session.scalars(select(IndicatorValue).where(IndicatorValue.report_id == previous.id)):
            session.add(IndicatorValue(report_id=report.id, indicator_id=value.indicator_id, role=value.role,
                                       **{name: getattr(value, name) for name in INDICATOR_FIELDS}))
        # The evidence goes on with the values: the new revision supersedes the old one at the province, and
        # a revision without it would lose the files. The rows share the stored bytes; nothing is copied.
        for attachment in session.scalars(select(Attachment).where(Attachment.report_id == previous.id)
                                          .order_by(Attachment.id)):
            share_attachment(session, attachment, report_id=report.id)
        return report.revision


def report_history(store: Store, period_code: str) -> list[dict[str, Any]]:
    """Every revision of the period's report, oldest first: nothing is overwritten."""
    with store.session() as session:
        agency = installation_agency(session)
        rows = session.scalars(select(Report).where(Report.agency_id == agency.id, Report.period_code == period_code)
                               .order_by(Report.revision))
        rules, period = period_service.schedule(session), Period.parse(period_code)
        refused = set(session.scalars(select(OutboxItem.report_id).where(
            OutboxItem.period_code == period_code, OutboxItem.kind.is_(None), OutboxItem.state == "needs_attention")))
        return [{"revision": r.revision, "status": r.status, "reason": r.revision_reason, "refused": r.id in refused,
                 "supersedes": r.supersedes_id is not None, "signed_at": r.signed_at, "sent_at": r.sent_at,
                 "timeliness": timeliness(period, r.sent_at, rules) if r.sent_at else None} for r in rows]



def _row(session: Session, table: type[TaskProgress] | type[IndicatorValue], report_id: int, role: str,
         **item: int) -> TaskProgress | IndicatorValue:
    """The report's row for one task or indicator, created on the first edit."""
    (column, item_id), = item.items()
    row = cast("TaskProgress | IndicatorValue | None", session.scalar(
        select(table).where(table.report_id == report_id, getattr(table, column) == item_id)))
    if row is None:
        row = table(report_id=report_id, role=role, **item)
        session.add(row)
    return row


def _withdraw_approval(report: Report) -> None:
    if report.status == "approved":
        report.status = "draft"
        report.approved_at = None
        report.approved_by = None


def _assigned(assigned: dict[str, tuple[Any, str]], ref: str, kind: str) -> tuple[Any, str]:
    if ref not in assigned:
        what_vi, what_en = ("Nhiệm vụ", "Task") if kind == "task" else ("Chỉ tiêu", "Indicator")
        raise InputError(f"{what_vi} {ref} không thuộc cơ quan này.",
                         f"{what_en} {ref} is not assigned to this agency.", code="not_assigned")
    return assigned[ref]


def find_assigned_task(session: Session, agency: Agency, ref: str) -> tuple[Task, str]:
    """The task named by ``ref`` with this agency's role in it; refused if it is not the agency's."""
    return _assigned({make_ref(t.plan.code, t.key): (t, r) for t, r in assigned_tasks(session, agency, {ref})}, ref,
                     "task")


def find_assigned_indicator(session: Session, agency: Agency, ref: str) -> tuple[Indicator, str]:
    """The indicator named by ``ref`` with this agency's role in it."""
    assigned = {make_ref(i.plan.code, i.key): (i, r) for i, r in assigned_indicators(session, agency, {ref})}
    return _assigned(assigned, ref, "indicator")


def _clean(values: dict[str, Any], allowed: tuple[str, ...], ref: str) -> dict[str, Any]:
    """The given fields in the store's canonical form (NFC, trimmed, "1.250,5" read as 1250.5); a value the
    store cannot hold is refused with the row and field named."""
    unknown = set(values) - set(allowed)
    if unknown:
        raise InputError(f"Trường không hợp lệ cho {ref}: {', '.join(sorted(unknown))}",
                         f"{counted(len(unknown), 'unknown field')} for {ref}: {', '.join(sorted(unknown))}",
                         code="bad_field")
    normalise = normalise_task_values if allowed == TASK_FIELDS else normalise_indicator_values
    canonical = normalise(values)
    out = {name: canonical[name] for name in values}
    for name, value in out.items():
        if name in NUMBER_FIELDS and isinstance(value, str):
            raise InputError(f"{ref}: «{field_label(name, 'vi')}» phải là một số (nhận được «{value}»).",
                             f"{ref}: «{field_label(name, 'en')}» must be a number (got «{value}»).",
                             code="not_a_number")
        if name == "status" and value is not None and value not in TASK_STATUSES:
            raise InputError(f"{ref}: tình trạng «{value}» không hợp lệ; chọn một trong: {status_choices('vi')}.",
                             f"{ref}: status «{value}» is not valid; choose one of: {status_choices('en')}.",
                             code="bad_status")
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise InputError(f"{ref}: «{field_label(name, 'vi')}» dài quá {MAX_TEXT} ký tự.",
                             f"{ref}: «{field_label(name, 'en')}» is over {MAX_TEXT} characters.",
                             code="text_too_long")
    return out


def _apply(row: object, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
