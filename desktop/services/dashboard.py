"""What is due: the current and next periods as cards, and the tasks past their own deadline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.task_status import DONE, DONE_LATE
from desktop.models.outbox import OutboxItem
from desktop.models.plan import Agency
from desktop.models.store import Store
from desktop.services import periods as period_service
from desktop.services.installation import installation_agency
from desktop.services.report_items import TaskItem, indicator_items, task_items
from desktop.services.reports import latest_report
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


def dashboard(store: Store, today: date | None = None) -> Dashboard:
    """The cards of the current and the next period, and the overdue tasks of the current report."""
    moment = today or date.today()
    with store.session() as session:
        agency = installation_agency(session)
        current = period_service.current_period_code(moment, session)
        following = period_service.check_code(current).next().code
        cards = [_card(session, agency, code, moment) for code in (current, following)]
        report = latest_report(session, agency, current)
        overdue = [t for t in task_items(session, report, agency) if _overdue(t, moment)] if report else []
        return Dashboard(agency.name, cards, overdue)


def _card(session: Session, agency: Agency, code: str, today: date) -> PeriodCard:
    view = period_service.period_view(session, code, today)
    report = latest_report(session, agency, code)
    if report is None:
        return PeriodCard(view, None, "not_started", 0, 0, 0, 0, None, None)
    tasks, indicators = task_items(session, report, agency), indicator_items(session, report, agency)
    filled = sum(1 for t in tasks if t.status or t.not_applicable_reason)
    filled += sum(1 for i in indicators if any(v is not None for v in i.values().values()))
    result = validate_stored(session, report, agency)
    item = session.scalar(select(OutboxItem).where(OutboxItem.report_id == report.id))
    receipt_at = item.updated_at if item is not None and item.state == "receipted" else None
    return PeriodCard(view, report.revision, report.status, filled, len(tasks) + len(indicators),
                      len(result.errors), len(result.warnings), item.state if item else None, receipt_at)


def _overdue(task: TaskItem, today: date) -> bool:
    return task.due is not None and date.fromisoformat(task.due) < today and task.status not in (DONE, DONE_LATE)
