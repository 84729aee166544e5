"""The Sở's consolidated report to the UBND tỉnh for a period (ND 30/2020 layout), as a report snapshot.

The province's report is built as the same ``ReportSnapshot`` an agency signs — the Sở KH&CN as the
issuing agency, the UBND tỉnh as addressee — so that the app's own document code lays it out
(``consolidated_pdf``); its general text holds the province-wide figures (reporting and on-time
rates, task completion, the late and missing agencies), its difficulties and proposals those gathered
from the agencies' reports, its tasks and indicators the province values against their targets, and
one appendix per agency follows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from desktop.documents.report_text import (
    FOR_NUMBERING,
    agency_in_text,
    assessment,
    indicator_value_text,
    plan_citation,
    plan_code,
)
from desktop.domain.periods import Period, format_date, period_info, vietnam_time
from desktop.domain.report_snapshot import (
    AgencyInfo,
    DocumentInfo,
    IndicatorEntry,
    ReportSnapshot,
    TaskEntry,
)
from desktop.domain.task_status import outcome_counts
from desktop.domain.text import nfc
from desktop.errors import InputError
from server.console.consolidated_tasks import completion, covered_tasks, plan_tasks
from server.console.period_figures import latest_bundles
from server.console.period_status import PeriodStatus, period_status
from server.console.plan_publishing import versions
from server.console.stored_reports import ReportReader
from server.console.task_roles import registered_agencies
from server.db import Database
from server.province import ProvinceSettings, province_settings
from server.schedule import province_schedule

NO_RECEIVED = "chưa nhận được báo cáo nào"
NO_NAME_VI = ("Chưa đặt tên tỉnh, nên báo cáo tổng hợp chưa ghi được «UBND tỉnh …» và nơi gửi. Quản trị viên đặt "
              "tại trang Cài đặt, hoặc bằng lệnh: baocao-server province set --name \"Đồng Tháp\".")
NO_NAME_EN = ("The province's name is not set, so the consolidated report cannot name the province and its "
              "addressee. An administrator sets it on the Settings page, or with: "
              "baocao-server province set --name \"Đồng Tháp\".")


@dataclass(frozen=True)
class Consolidated:
    """The province's report and, for the appendices, each reporting agency's own."""

    report: ReportSnapshot
    agencies: list[ReportSnapshot]
    status: PeriodStatus


def consolidate(db: Database, reader: ReportReader, period: Period) -> Consolidated:
    """Gather the period's latest reports into the Sở's report; refused until the province's name is set."""
    province = province_settings(db)
    if not province.name:
        raise InputError(NO_NAME_VI, NO_NAME_EN, code="province_name")
    status = period_status(db, period)
    reports = [reader.snapshot(sha256) for _code, _name, sha256, _figures in latest_bundles(db, period)]
    today = vietnam_time(datetime.now(UTC)).date()
    plans = _plans(db, reports)
    tasks = covered_tasks(plan_tasks(db), reports, province.department, registered_agencies(db))
    label = period.label("vi")
    named = "; ".join(plan_name(p) for p in plans) or "kế hoạch"
    report = ReportSnapshot(
        agency=AgencyInfo(code="SO-KHCN", name=province.department, parent_name=f"UBND {province.unit.upper()}",
                          place=province.place, symbol=province.symbol, signer_authority=province.signer_authority,
                          signer_title=province.signer_title, signer_name=province.signer_name),
        period=period_info(period, province_schedule(db)),
        # No number: the Sở's văn thư gives it on paper («Số:      /BC-SKHCN»).
        document=DocumentInfo(number=0, symbol=f"BC-{province.symbol}", date=today.isoformat(),
                              subject=f"Báo cáo kết quả thực hiện {named} {label[:1].lower()}{label[1:]}",
                              addressee=province.people_committee, recipients=consolidated_recipients(province),
                              drafting_unit=province.drafting_unit),
        revision=1, status=FOR_NUMBERING, summary=_summary(status, reports, tasks),
        difficulties=_gathered(reports, "difficulties", explained_difficulties),
        proposals=_gathered(reports, "proposals"), tasks=tasks, indicators=province_indicators(reports), plans=plans)
    return Consolidated(report, reports, status)


def consolidated_recipients(province: ProvinceSettings) -> tuple[str, ...]:
    """«Nơi nhận» of the Sở's report: the UBND tỉnh addressed above, its leaders by name of office, the Sở's own
    leaders, and the archive (``recipient_lines`` prints «- Như trên;» first and «- Lưu: VT, VP (02b).» last)."""
    return ("Như trên", f"Chủ tịch, các PCT UBND {province.unit}", "Lãnh đạo Sở", "Lưu: VT")


@dataclass(frozen=True)
class Readiness:
    """What the Tổng hợp page tells before the report is made: is the province named, how many reports are in."""

    province_named: bool
    received: int
    expected: int


def readiness(db: Database, period: Period) -> Readiness:
    """The province's name set or not, and the period's reports received against those expected."""
    status = period_status(db, period)
    received = status.counts["on_time"] + status.counts["late"]
    return Readiness(bool(province_settings(db).name), received, status.expected)


def _plans(db: Database, reports: list[ReportSnapshot]) -> tuple[dict[str, str], ...]:
    """The plans the agencies reported on; the published ones when no report is in yet."""
    found = {plan_code(p): dict(p) for r in reports for p in r.plans if plan_code(p)}
    if not found:
        found = {v.number: {"code": v.number, "title": v.title} for v in reversed(versions(db)) if v.number}
    return tuple(found.values())


def plan_name(plan: Mapping[str, str]) -> str:
    """ "Quyết định số 3256/QĐ-UBND": the plan as a subject line names it (the opening cites it in full)."""
    return plan_citation({"code": plan_code(plan)})


def _names(status: PeriodStatus, states: tuple[str, ...]) -> str:
    return "; ".join(row.name for row in status.rows if row.state in states) or "không có"


def _summary(status: PeriodStatus, reports: list[ReportSnapshot], tasks: tuple[TaskEntry, ...]) -> str:
    reported = status.counts["on_time"] + status.counts["late"]
    received = (f"Sở đã nhận {reported} báo cáo, tỷ lệ báo cáo {_pct(status.reporting_rate)}%; trong đó "
                f"{status.counts['on_time']} báo cáo đúng hạn (tỷ lệ đúng hạn {_pct(status.on_time_rate)}%) và "
                f"{status.counts['late']} báo cáo trễ hạn." if reported else f"Sở {NO_RECEIVED}.")
    return "\n".join((
        f"Toàn tỉnh có {status.expected} cơ quan phải báo cáo, hạn gửi báo cáo trước ngày "
        f"{format_date(status.deadline)}; {received}",
        completion(tasks),
        f"Các cơ quan báo cáo trễ hạn: {_names(status, ('late',))}.",
        f"Các cơ quan chưa gửi báo cáo: {_names(status, ('missing', 'rejected', 'pending'))}.",
    ))


def _pct(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _gathered(reports: list[ReportSnapshot], name: str,
              more: Callable[[ReportSnapshot], list[str]] = lambda _report: []) -> str:
    """One line per distinct text (NFC, whitespace collapsed), naming every agency that wrote it: a
    difficulty many communes share reads once, with how many raised it; ``more`` adds a report's other texts."""
    agencies: dict[str, list[str]] = {}
    for report in reports:
        for raw in (str(getattr(report, name) or ""), *more(report)):
            text = " ".join(nfc(raw).split())
            if text:
                agencies.setdefault(text, []).append(agency_in_text(report.agency.name))
    return "\n".join(f"- {names[0]}: {text}" if len(names) == 1 else
                     f"- {text} ({len(names)} cơ quan: {', '.join(names)})" for text, names in agencies.items())


def explained_difficulties(report: ReportSnapshot) -> list[str]:
    """The difficulties a report gives beside its own section: each task's «Khó khăn» and the explanation
    (Ghi chú) of each indicator that falls short of its target."""
    texts = [f"Nhiệm vụ {t.key}: {t.difficulties}" for t in report.tasks if t.difficulties]
    texts += [f"Chỉ tiêu {i.key} ({i.name.rstrip('.')}) chưa đạt, đạt {indicator_value_text(i)}: {i.note}"
              for i in report.indicators if i.note and assessment(i) == "Chưa đạt"]
    return texts


def province_indicators(reports: list[ReportSnapshot]) -> tuple[IndicatorEntry, ...]:
    """Each indicator over every report: ratios and counts summed; a level or a text kept as each agency gave it."""
    grouped: dict[str, list[IndicatorEntry]] = {}
    names: dict[str, list[str]] = {}
    for report in reports:
        for indicator in report.indicators:
            grouped.setdefault(indicator.key, []).append(indicator)
            names.setdefault(indicator.key, []).append(agency_in_text(report.agency.name))
    found = []
    for key, items in grouped.items():
        first = items[0]
        if first.kind in ("level", "text"):
            found.append(_as_reported(first, list(zip(names[key], items, strict=True))))
            continue
        numerators = [i.numerator for i in items if i.numerator is not None and i.denominator]
        denominators = [i.denominator for i in items if i.numerator is not None and i.denominator]
        values = [i.value for i in items if i.value is not None]
        note = f"{len(items)} cơ quan báo cáo"
        if first.kind == "ratio" and numerators:
            found.append(IndicatorEntry(key=key, group=first.group, name=first.name, unit=first.unit, kind="ratio",
                                        plan=first.plan, target_text=first.target_text,
                                        target_value=first.target_value, numerator=sum(numerators),
                                        denominator=sum(d or 0 for d in denominators), note=note))
        else:
            found.append(IndicatorEntry(key=key, group=first.group, name=first.name, unit=first.unit,
                                        kind=first.kind if first.kind != "ratio" else "count", plan=first.plan,
                                        target_text=first.target_text, target_value=first.target_value,
                                        value=sum(values) if values and first.kind == "count" else None,
                                        level=None, note=note))
    return tuple(sorted(found, key=lambda i: (i.group, i.key)))


def _as_reported(first: IndicatorEntry, items: list[tuple[str, IndicatorEntry]]) -> IndicatorEntry:
    """A level or a text cannot be added up: one level all agencies share reads as it is («Cấp độ 2»),
    else each agency's value is named with the agency, so that nothing an agency reported is dropped."""
    given = [(agency, indicator_value_text(i)) for agency, i in items if indicator_value_text(i)]
    levels = {i.level for _agency, i in items if i.level}
    base = replace(first, numerator=None, denominator=None, value=None, not_applicable_reason=None, attachments=())
    count = f"{len(items)} cơ quan báo cáo"
    if first.kind == "level" and len(levels) == 1 and len(given) == len(items):
        return replace(base, level=levels.pop(), note=count)
    text = "; ".join(f"{agency}: {value}" for agency, value in given)
    if first.kind == "level":
        return replace(base, level=text or None, note=count)
    return replace(base, level=None, note=text or count)


def task_counts(report: ReportSnapshot) -> str:
    """ "nhiệm vụ: 12 (hoàn thành 3, đang triển khai 8, không áp dụng 1)" — one agency's tasks, each counted as
    what it is (``task_status.outcome_counts``)."""
    parts = outcome_counts([t.outcome for t in report.tasks])
    return f"nhiệm vụ: {len(report.tasks)}" + (f" ({parts})" if parts else "")


def agencies_appendix(consolidated: Consolidated) -> ReportSnapshot:
    """The appendix of every agency's figures as one snapshot: each agency a group (its name and its tasks
    by status) of its indicators, for the app's indicator table."""
    indicators = []
    for agency in consolidated.agencies:
        group = f"{agency_in_text(agency.agency.name)} — {task_counts(agency)}"
        indicators += [replace(indicator, group=group, attachments=()) for indicator in agency.indicators]
    return replace(consolidated.report, tasks=(), indicators=tuple(indicators))
