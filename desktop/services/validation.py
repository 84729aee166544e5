"""Validate a stored report revision against the domain rules, with last quarter's figures as context.

Keys repeat across plans ("I.1" is in every plan), so each plan's items are validated on their own and
every item issue is re-keyed to the item's ref ("3256/QĐ-UBND::I.1"): that is what the editor and the CLI
use to find the row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.officer_words import counted
from desktop.domain.periods import Period
from desktop.domain.report_snapshot import IndicatorEntry, ReportSnapshot, TaskEntry
from desktop.domain.validation import ValidationContext, ValidationResult, validate_report
from desktop.errors import ValidationFailed
from desktop.models.plan import Agency
from desktop.models.report import Report
from desktop.models.store import Store
from desktop.services.installation import installation_agency
from desktop.services.report_items import Assignment, assignment, make_ref
from desktop.services.snapshots import build_snapshot


def validate(store: Store, period_code: str) -> ValidationResult:
    """Every issue of the newest revision of the period's report (an empty draft if none yet)."""
    from desktop.services.reports import latest_report, report_for_edit

    with store.session() as session:
        agency = installation_agency(session)
        report = latest_report(session, agency, period_code) or report_for_edit(session, agency, period_code)
        return validate_stored(session, report, agency)


def validate_stored(session: Session, report: Report, agency: Agency,
                    assigned: Assignment | None = None) -> ValidationResult:
    """The validation of one stored revision, compared with the agency's earlier quarters."""
    assigned = assigned or assignment(session, agency)
    snapshot = build_snapshot(session, report, agency, assigned=assigned)
    period = Period.parse(report.period_code)
    previous = _snapshot_of(session, agency, period.previous(), assigned)
    earlier = [_snapshot_of(session, agency, Period(period.year, q), assigned) for q in range(1, period.quarter)]
    issues = []
    entries: tuple[TaskEntry | IndicatorEntry, ...] = (*snapshot.tasks, *snapshot.indicators)
    for plan in sorted({e.plan for e in entries}):
        context = ValidationContext(
            period=period,
            previous_tasks=_by_key(previous.tasks if previous else (), plan),
            previous_indicators=_by_key(previous.indicators if previous else (), plan),
            earlier_quarters=_earlier(earlier, plan))
        result = validate_report(_entries(snapshot.tasks, plan), _entries(snapshot.indicators, plan), context)
        issues += [replace(i, item_key=make_ref(plan, i.item_key)) if i.item_key else i for i in result.issues]
    return ValidationResult(tuple(issues))


def require_no_errors(result: ValidationResult, action_vi: str, action_en: str) -> None:
    """Refuse an approval or a signature while errors remain, naming how many and the first."""
    if result.blocking:
        first = result.errors[0]
        raise ValidationFailed(
            f"Chưa {action_vi} được: còn {len(result.errors)} lỗi. Lỗi đầu tiên: {first.message_vi}",
            f"Cannot {action_en}: {counted(len(result.errors), 'error')} left. First: {first.message_en}",
            code="validation_errors")


def _snapshot_of(session: Session, agency: Agency, period: Period, assigned: Assignment) -> ReportSnapshot | None:
    from desktop.services.reports import latest_report

    report = latest_report(session, agency, period.code)
    return build_snapshot(session, report, agency, assigned=assigned) if report is not None else None


def _fields(entry: TaskEntry | IndicatorEntry) -> dict[str, Any]:
    # A shallow copy: the rules read the entry's own fields, and ``asdict``'s deep copy of every attachment
    # was a third of a validation's time.
    return dict(vars(entry))


def _entries(entries: Iterable[TaskEntry | IndicatorEntry], plan: str) -> list[dict[str, Any]]:
    return [_fields(e) for e in entries if e.plan == plan]


def _by_key(entries: Iterable[TaskEntry | IndicatorEntry], plan: str) -> dict[str, dict[str, Any]]:
    return {e.key: _fields(e) for e in entries if e.plan == plan}


def _earlier(snapshots: list[ReportSnapshot | None], plan: str) -> dict[str, list[Any]]:
    keys = {e.key for s in snapshots if s for e in s.indicators if e.plan == plan}
    return {key: [_by_key(s.indicators, plan).get(key) if s else None for s in snapshots] for key in keys}
