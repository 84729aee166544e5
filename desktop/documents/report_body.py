"""The body of the report as text: what the plans asked, results by section, indicators, difficulties,
proposals; the same words in the PDF and in the Word copy.

Written as an office writes it: an opening sentence citing the plans, "I. KẾT QUẢ THỰC HIỆN" with the
general situation, the tasks counted by status for each section (under their plan when there are several)
and the indicators against their targets (details in the appendices), "II. KHÓ KHĂN, VƯỚNG MẮC",
"III. ĐỀ XUẤT, KIẾN NGHỊ", and the closing sentence ending "./.". Each line is a ``BodyLine`` whose kind
the writer maps to its own style; ``CHART`` marks where the PDF draws the indicator chart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from desktop.documents.report_evidence import evidence_appendix_number, evidence_items
from desktop.documents.report_text import (
    NO_TARGET,
    agency_in_text,
    assessment,
    cited_plans,
    grouped_tasks,
    iso_day,
    plan_citation,
    plan_code,
    plan_heading,
    short_date,
    subject_line,
)
from desktop.domain.report_snapshot import ReportSnapshot, TaskEntry
from desktop.domain.task_status import UNANSWERED, outcome_counts

NOTHING = "Không có."
BODY, HEADING, NOTE, CHART = "body", "heading", "note", "chart"


@dataclass(frozen=True)
class BodyLine:
    """One paragraph of the body: ``kind`` is BODY, HEADING, NOTE or CHART (no text)."""

    kind: str
    text: str = ""


def body_lines(snapshot: ReportSnapshot, whole_plan: bool = False) -> list[BodyLine]:
    """Every paragraph between the title block and the signature; ``whole_plan`` (the Sở's consolidated report,
    whose tasks are every task of the plans) counts the plan's tasks and those with a report, not roles."""
    lines: list[BodyLine] = []
    if snapshot.supersedes is not None:
        reason = f" Lý do: {snapshot.revision_reason.strip().rstrip('.')}." if snapshot.revision_reason else ""
        lines.append(BodyLine(NOTE, f"(Báo cáo này thay thế báo cáo đã gửi lần {snapshot.supersedes}.{reason})"))
    lines.append(BodyLine(BODY, opening(snapshot)))
    lines.append(BodyLine(HEADING, "I. KẾT QUẢ THỰC HIỆN"))
    numbered = [("Tình hình chung", _paragraphs(snapshot.summary) or [BodyLine(BODY, _default_summary(snapshot))])]
    if snapshot.tasks:
        numbered.append(("Kết quả thực hiện nhiệm vụ", _task_results(snapshot, whole_plan)))
    if snapshot.indicators:
        numbered.append(("Kết quả thực hiện các chỉ tiêu", _indicator_results(snapshot)))
    for number, (title, content) in enumerate(numbered, start=1):
        lines.append(BodyLine(HEADING, f"{number}. {title}"))
        lines += content
    evidence = evidence_items(snapshot)
    if evidence:
        lines.append(BodyLine(NOTE, f"(Danh mục {len(evidence)} tài liệu minh chứng tại Phụ lục "
                                    f"{evidence_appendix_number(snapshot)} kèm theo)"))
    lines.append(BodyLine(HEADING, "II. KHÓ KHĂN, VƯỚNG MẮC"))
    lines += _paragraphs(snapshot.difficulties) or [BodyLine(BODY, NOTHING)]
    lines.append(BodyLine(HEADING, "III. ĐỀ XUẤT, KIẾN NGHỊ"))
    lines += _paragraphs(snapshot.proposals) or [BodyLine(BODY, NOTHING)]
    return lines


def closing_text(snapshot: ReportSnapshot) -> str:
    """ "Trên đây là báo cáo … của …./."."""
    subject = subject_line(snapshot.document.subject) or f"kết quả thực hiện {snapshot.period.label}"
    subject = subject[:1].lower() + subject[1:]
    return f"Trên đây là báo cáo {subject} của {agency_in_text(snapshot.agency.name)}./."


def opening(snapshot: ReportSnapshot) -> str:
    """ "Căn cứ Kế hoạch số … về …; …, Ủy ban nhân dân xã … báo cáo kết quả thực hiện … như sau:"."""
    used = [task.plan for task in snapshot.tasks] + [indicator.plan for indicator in snapshot.indicators]
    cited = [plan_citation(p) for p in cited_plans(snapshot.plans, used)]
    start, end = iso_day(snapshot.period.data_start), iso_day(snapshot.period.data_end)
    window = f" (số liệu tính từ ngày {short_date(start)} đến ngày {short_date(end)}{_estimated(snapshot, end)})" \
        if start and end else ""
    label = snapshot.period.label
    text = f"{agency_in_text(snapshot.agency.name)} báo cáo kết quả thực hiện {label[:1].lower()}{label[1:]}" \
           f"{window} như sau:"
    return f"Căn cứ {'; '.join(cited)}, {text}" if cited else text


def _estimated(snapshot: ReportSnapshot, end: date) -> str:
    """A report dated before its data window closes gives estimates for the days after its date, and says so
    ("số ước thực hiện"), as offices write it when the province asks for the report before the quarter ends."""
    day = iso_day(snapshot.document.date)
    return f", số liệu sau ngày {short_date(day)} là số ước thực hiện" if day and day < end else ""


def _default_summary(snapshot: ReportSnapshot) -> str:
    return (f"Trong kỳ báo cáo, đơn vị được giao {len(snapshot.tasks)} nhiệm vụ và {len(snapshot.indicators)} "
            "chỉ tiêu; kết quả cụ thể như sau.")


def _task_results(snapshot: ReportSnapshot, whole_plan: bool) -> list[BodyLine]:
    roles = Counter(t.role for t in snapshot.tasks)
    reported = sum(1 for t in snapshot.tasks if t.outcome != UNANSWERED)
    total = f"Tổng số nhiệm vụ của kế hoạch: {len(snapshot.tasks)}; có báo cáo: {reported}" if whole_plan else \
        f"Tổng số nhiệm vụ: {len(snapshot.tasks)} (chủ trì {roles['lead']}, phối hợp {roles['coordinator']})"
    lines = [f"{total}; {status_counts(snapshot.tasks)}."]
    sections: dict[tuple[str, str, str], list[TaskEntry]] = {}
    for task in grouped_tasks(snapshot.tasks):
        sections.setdefault((task.plan, task.section, task.section_title), []).append(task)
    plans = list(dict.fromkeys(plan for plan, _, _ in sections))
    known = {plan_code(p): p for p in snapshot.plans}
    if len(sections) > 1:
        for plan in plans:
            if len(plans) > 1:
                lines.append(f"{plan_heading(known.get(plan), plan)}:")
            lines += [f"- {section}. {title}: {len(tasks)} nhiệm vụ; {status_counts(tasks)}."
                      for (owner, section, title), tasks in sections.items() if owner == plan]
    return [*(BodyLine(BODY, line) for line in lines), BodyLine(NOTE, "(Chi tiết tại Phụ lục I kèm theo)")]


def status_counts(tasks: list[TaskEntry] | tuple[TaskEntry, ...]) -> str:
    """ "đang triển khai 3, hoàn thành 2, không áp dụng 1, chưa báo cáo 1" (``task_status.outcome_counts``)."""
    return outcome_counts([t.outcome for t in tasks])


def _indicator_results(snapshot: ReportSnapshot) -> list[BodyLine]:
    verdicts = Counter(assessment(i) for i in snapshot.indicators)
    reported = sum(1 for i in snapshot.indicators
                   if any(v is not None for v in (i.numerator, i.value, i.level, i.note)))
    not_applicable = sum(1 for i in snapshot.indicators if i.not_applicable_reason)
    text = f"Tổng số chỉ tiêu: {len(snapshot.indicators)}; đã có số liệu {reported}"
    if not_applicable:
        text += f"; không áp dụng {not_applicable}"
    if verdicts["Đạt"] or verdicts["Chưa đạt"]:
        text += f"; trong số chỉ tiêu có mục tiêu định lượng: đạt {verdicts['Đạt']}, chưa đạt {verdicts['Chưa đạt']}"
    if verdicts[NO_TARGET]:
        text += f"; {NO_TARGET.lower()} trong kỳ: {verdicts[NO_TARGET]}"
    return [BodyLine(BODY, text + "."), BodyLine(CHART), BodyLine(NOTE, "(Chi tiết tại Phụ lục II kèm theo)")]


def _paragraphs(text: str) -> list[BodyLine]:
    return [BodyLine(BODY, line.strip()) for line in text.splitlines() if line.strip()]
