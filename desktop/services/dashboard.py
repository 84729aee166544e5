"""What is due: the current and next periods as cards, and the tasks past their own deadline.

A report the province has not yet received stays on the dashboard after its deadline, as an overdue card
before the current one: on the deadline day the current period moves on, but the late report is still
owed, and it is the one that most needs the user's attention. Once received it stays a while longer
(``RECEIVED_DAYS`` after its deadline) as a "received" card with its receipt: a report that vanished the
moment the province had it left the user wondering where it went. ``Dashboard.next_step`` names the one
report to work on now (``domain/next_step.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.issue_tally import tally
from desktop.domain.next_step import UNSIGNED, CardState, NextStep, next_step
from desktop.domain.task_status import DONE, DONE_LATE
from desktop.domain.validation_rules import overdue_explained
from desktop.domain.vietnam_clock import vietnam_today
from desktop.models.outbox import OutboxItem
from desktop.models.plan import Agency
from desktop.models.report import Report
from desktop.models.store import Store
from desktop.services import periods as period_service
from desktop.services.identity import device_revocation
from desktop.services.installation import installation_agency
from desktop.services.report_items import (
    Assignment,
    IndicatorItem,
    TaskItem,
    assignment,
    indicator_items,
    task_items,
)
from desktop.services.reports import latest_report
from desktop.services.signed_documents import signature_result
from desktop.services.sync_status import PENDING_STATES
from desktop.services.validation import validate_stored


@dataclass(frozen=True)
class PeriodCard:
    """One period on the dashboard."""

    period: period_service.PeriodView
    revision: int | None
    status: str
    filled: int
    total: int
    errors: int
    warnings: int
    sync_state: str | None
    receipt_at: datetime | None
    role: str = "current"  # "overdue" (an earlier report still owed), "received" (it reached the province
    # lately), "current" or "next"
    signature: str | None = None  # the province's word on its signed PDF (signed_documents.signature_result)
    signed_on: date | None = None  # the date of the signed document (Vietnam time), None while unsigned
    sync_revision: int | None = None  # set when ``sync_state`` is an earlier revision's, still on its way
    unanswered: int = 0  # items with nothing entered yet (``errors`` are about what was entered)

    @property
    def percent_filled(self) -> int:
        """How much of the report is answered, 0–100."""
        return round(100 * self.filled / self.total) if self.total else 100


@dataclass(frozen=True)
class Dashboard:
    """The home screen: agency, period cards, overdue tasks."""

    agency_name: str
    cards: list[PeriodCard] = field(default_factory=list)
    overdue: list[TaskItem] = field(default_factory=list)
    next_step: NextStep | None = None
    revoked: bool = False  # the province revoked this PC's key: nothing it sends is taken until it enrolls again


RECEIVED_DAYS = 30


def dashboard(store: Store, today: date | None = None) -> Dashboard:
    """The cards of a late report still owed (if any), the current and the next period, and the overdue tasks
    of the current report."""
    moment = today or vietnam_today()
    with store.session() as session:
        agency = installation_agency(session)
        current = period_service.current_period_code(moment, session)
        period = period_service.check_code(current)
        assigned = assignment(session, agency)
        previous = period.previous().code
        earlier = _earlier_role(session, agency, previous, moment)
        cards = [_card(session, agency, assigned, previous, moment, earlier)] if earlier else []
        cards += [_card(session, agency, assigned, current, moment, "current"),
                  _card(session, agency, assigned, period.next().code, moment, "next")]
        report = latest_report(session, agency, current)
        overdue = [t for t in task_items(session, report, agency, assigned) if _overdue(t, moment)] if report else []
        step = next_step([CardState(c.period.code, c.role, c.status, c.sync_state, c.period.data_start) for c in cards],
                         moment)
        return Dashboard(agency.name, cards, overdue, step, device_revocation(session) is not None)


def _card(session: Session, agency: Agency, assigned: Assignment, code: str, today: date,
          role: str) -> PeriodCard:
    view = period_service.period_view(session, code, today)
    report, item = _latest(session, agency, code)
    if report is None:
        return PeriodCard(view, None, "not_started", 0, 0, 0, 0, None, None, role)
    tasks = task_items(session, report, agency, assigned)
    indicators = indicator_items(session, report, agency, assigned)
    if _only_opened(report, [*tasks, *indicators]):
        return PeriodCard(view, None, "not_started", 0, 0, 0, 0, None, None, role)
    filled = sum(1 for t in tasks if t.status or t.not_applicable_reason)
    filled += sum(1 for i in indicators if any(v is not None for v in i.values().values()))
    counts = tally(validate_stored(session, report, agency, assigned))
    receipt_at = item.updated_at if item is not None and item.state == "receipted" else None
    sync_state, sync_revision = (item.state, None) if item is not None else _earlier_on_its_way(session, agency, code)
    return PeriodCard(view, report.revision, report.status, filled, len(tasks) + len(indicators),
                      counts.errors, counts.warnings, sync_state, receipt_at, role,
                      signature_result(session, code, report.revision),
                      report.document_date if report.status not in UNSIGNED else None, sync_revision, counts.unanswered)


def _only_opened(report: Report, items: list[TaskItem | IndicatorItem]) -> bool:
    """Whether the period's first draft was only opened, to look: nothing typed, no file attached. Opening
    Quý II to read it turned its card from «Chưa bắt đầu» into «Đang soạn (lần 1)»; typing a value starts it."""
    if report.revision != 1 or report.status != "draft" or report.summary or report.difficulties or report.proposals:
        return False
    return not any(item.evidence or any(v not in (None, "") for v in item.values().values()) for item in items)


def _earlier_on_its_way(session: Session, agency: Agency, code: str) -> tuple[str | None, int | None]:
    """The state and revision of the newest earlier revision still waiting to reach the province, or (None,
    None): a draft opened on top of a signed revision not yet sent must not hide that it waits."""
    row = session.execute(
        select(OutboxItem.state, Report.revision).join(Report, OutboxItem.report_id == Report.id)
        .where(Report.agency_id == agency.id, Report.period_code == code, OutboxItem.state.in_(PENDING_STATES))
        .order_by(Report.revision.desc()).limit(1)).first()
    return (row[0], row[1]) if row is not None else (None, None)


def _latest(session: Session, agency: Agency, code: str) -> tuple[Report | None, OutboxItem | None]:
    """The period's newest report and its bundle in the outbox (each None when there is none)."""
    report = latest_report(session, agency, code)
    if report is None:
        return None, None
    return report, session.scalar(select(OutboxItem).where(OutboxItem.report_id == report.id))


def _owed(session: Session, agency: Agency, code: str) -> bool:
    """Whether the period's report was started but has not reached the province."""
    report, item = _latest(session, agency, code)
    if report is None or report.status == "acknowledged":
        return False
    return item is None or item.state != "receipted"


def _earlier_role(session: Session, agency: Agency, code: str, today: date) -> str | None:
    """"overdue" while the previous period's report is owed, "received" for ``RECEIVED_DAYS`` after its
    deadline once the province has it, else None (no card)."""
    if _owed(session, agency, code):
        return "overdue"
    report, _item = _latest(session, agency, code)
    shown_until = period_service.period_view(session, code, today).last_day + timedelta(days=RECEIVED_DAYS)
    return "received" if report is not None and today <= shown_until else None


def _overdue(task: TaskItem, today: date) -> bool:
    """Past its deadline, unfinished, and not yet explained as the overdue warning asks (reason and new date):
    a task stayed on the home screen after the officer had written what was asked of them."""
    return (task.due is not None and date.fromisoformat(task.due) < today and task.status not in (DONE, DONE_LATE)
            and not task.not_applicable_reason and not overdue_explained(task))
