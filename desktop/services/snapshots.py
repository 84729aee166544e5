"""Freeze a report revision into a ``ReportSnapshot``: what is signed, printed and sent."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.indicator_targets import indicator_kind, parse_target, target_for_year
from desktop.domain.periods import Period as PeriodRule
from desktop.domain.report_snapshot import (
    AgencyInfo,
    AttachmentRef,
    DocumentInfo,
    IndicatorEntry,
    ReportSnapshot,
    TaskEntry,
)
from desktop.domain.vietnam_clock import vietnam_today
from desktop.models.attachment import Attachment
from desktop.models.plan import Agency, Plan
from desktop.models.report import Report
from desktop.models.store import Store
from desktop.services import periods as period_service
from desktop.services.installation import installation_agency
from desktop.services.report_items import Assignment, indicator_items, task_items
from desktop.services.reports import latest_report, report_for_edit

DEFAULT_RECIPIENTS = ("Như trên", "Sở Khoa học và Công nghệ", "Chủ tịch, các PCT UBND")


def report_snapshot(store: Store, period_code: str) -> ReportSnapshot:
    """The newest revision of the period's report as it stands (a new empty draft if there is none)."""
    with store.session() as session:
        agency = installation_agency(session)
        report = latest_report(session, agency, period_code) or report_for_edit(session, agency, period_code)
        return build_snapshot(session, report, agency)


def signed_bundle_sha256(store: Store, period_code: str) -> str | None:
    """The SHA-256 of the bundle the period's newest revision was signed into (None: not signed yet)."""
    with store.session() as session:
        report = latest_report(session, installation_agency(session), period_code)
        return report.bundle_sha256 if report is not None and report.signed_at is not None else None


def build_snapshot(session: Session, report: Report, agency: Agency, today: date | None = None,
                   assigned: Assignment | None = None) -> ReportSnapshot:
    """The snapshot of ``report`` as it stands in the store now (``assigned``: the agency's assignment, if
    already loaded in this session)."""
    period = PeriodRule.parse(report.period_code)
    attachments = _attachments(session, report.id)
    tasks = tuple(
        TaskEntry(key=i.key, section=i.section, section_title=i.section_title, title=i.title, role=i.role,
                  plan=i.plan, deadline_text=i.deadline_text, due=i.due, expected_result=i.expected_result,
                  status=i.status, percent=i.percent, result=i.result, difficulties=i.difficulties,
                  proposals=i.proposals, not_applicable_reason=i.not_applicable_reason,
                  attachments=attachments.get(("task", i.ref), ()))
        for i in task_items(session, report, agency, assigned))
    indicators = []
    for i in indicator_items(session, report, agency, assigned):
        chosen = target_for_year(i.targets, period.year)
        target_text = chosen[1] if chosen else None
        target = parse_target(target_text)
        kind = indicator_kind(i.name, *i.targets.values())
        target_value = target.value if target.measurable else None
        indicators.append(IndicatorEntry(
            key=i.key, group=i.group, name=i.name, unit=i.unit, kind=kind, plan=i.plan, target_text=target_text,
            target_value=target_value, numerator=i.numerator, denominator=i.denominator, value=i.value,
            level=i.level, note=i.note, not_applicable_reason=i.not_applicable_reason,
            attachments=attachments.get(("indicator", i.ref), ())))
    doc_date = report.document_date or today or vietnam_today()
    plans = tuple(_plan_info(p) for p in session.scalars(select(Plan).order_by(Plan.id)))
    return ReportSnapshot(
        agency=AgencyInfo(code=agency.code, name=agency.name, parent_name=agency.parent_name, place=agency.place,
                          symbol=agency.symbol, signer_title=agency.signer_title, signer_name=agency.signer_name),
        period=period_service.period_info(session, period.code),
        document=DocumentInfo(
            number=report.document_number or 0, symbol=f"BC-{agency.symbol}", date=doc_date.isoformat(),
            subject=f"Kết quả thực hiện nhiệm vụ, chỉ tiêu {period.label('vi')}",
            addressee="Sở Khoa học và Công nghệ", recipients=DEFAULT_RECIPIENTS),
        revision=report.revision, supersedes=report.revision - 1 if report.supersedes_id else None,
        revision_reason=report.revision_reason, status=report.status, summary=report.summary,
        difficulties=report.difficulties, proposals=report.proposals, tasks=tasks, indicators=tuple(indicators),
        plans=plans)


def _plan_info(plan: Plan) -> dict[str, str]:
    info = {"code": plan.code, "title": plan.title}
    if plan.issued_on is not None:
        info["issued_on"] = plan.issued_on.isoformat()
    if plan.issuer:
        info["issuer"] = plan.issuer
    return info


def _attachments(session: Session, report_id: int) -> dict[tuple[str, str], tuple[AttachmentRef, ...]]:
    out: dict[tuple[str, str], list[AttachmentRef]] = {}
    rows = session.scalars(select(Attachment).where(Attachment.report_id == report_id).order_by(Attachment.id))
    for row in rows:
        out.setdefault((row.owner_kind, row.owner_key), []).append(
            AttachmentRef(name=row.name, sha256=row.sha256, size=row.size, media_type=row.media_type))
    return {key: tuple(value) for key, value in out.items()}


