"""The body of the report: what the plans asked, results by section, indicators, difficulties, proposals.

Written as an office writes it: an opening sentence citing the plans, "I. KẾT QUẢ THỰC HIỆN" with the
general situation, the tasks counted by status for each section and the indicators against their
targets (details in the appendices), "II. KHÓ KHĂN, VƯỚNG MẮC", "III. ĐỀ XUẤT, KIẾN NGHỊ", and the
closing sentence ending "./.".
"""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable, Paragraph

from desktop.documents.pdf_chart import indicator_charts
from desktop.documents.pdf_styles import Styles, markup
from desktop.documents.report_text import (
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
from desktop.domain.report_snapshot import TASK_STATUSES, ReportSnapshot, TaskEntry
from desktop.domain.task_status import status_label

NOTHING = "Không có."


def body(snapshot: ReportSnapshot, styles: Styles) -> list[Flowable]:
    """Every paragraph between the title block and the signature."""
    flowables: list[Flowable] = []
    if snapshot.supersedes is not None:
        reason = f" Lý do: {snapshot.revision_reason.strip().rstrip('.')}." if snapshot.revision_reason else ""
        flowables.append(Paragraph(markup(f"(Báo cáo này thay thế báo cáo đã gửi lần {snapshot.supersedes}.{reason})"),
                                   styles.note))
    flowables.append(Paragraph(markup(_opening(snapshot)), styles.body))
    flowables.append(Paragraph("I. KẾT QUẢ THỰC HIỆN", styles.heading))
    numbered = [("Tình hình chung", _paragraphs(snapshot.summary, styles) or
                 [Paragraph(markup(_default_summary(snapshot)), styles.body)])]
    if snapshot.tasks:
        numbered.append(("Kết quả thực hiện nhiệm vụ", _task_results(snapshot, styles)))
    if snapshot.indicators:
        numbered.append(("Kết quả thực hiện các chỉ tiêu", _indicator_results(snapshot, styles)))
    for number, (title, content) in enumerate(numbered, start=1):
        flowables.append(Paragraph(markup(f"{number}. {title}"), styles.heading))
        flowables += content
    flowables.append(Paragraph("II. KHÓ KHĂN, VƯỚNG MẮC", styles.heading))
    flowables += _paragraphs(snapshot.difficulties, styles) or [Paragraph(NOTHING, styles.body)]
    flowables.append(Paragraph("III. ĐỀ XUẤT, KIẾN NGHỊ", styles.heading))
    flowables += _paragraphs(snapshot.proposals, styles) or [Paragraph(NOTHING, styles.body)]
    return flowables


def closing(snapshot: ReportSnapshot, styles: Styles) -> Paragraph:
    """ "Trên đây là báo cáo … của …./."."""
    subject = subject_line(snapshot.document.subject) or f"kết quả thực hiện {snapshot.period.label}"
    subject = subject[:1].lower() + subject[1:]
    return Paragraph(markup(f"Trên đây là báo cáo {subject} của {agency_in_text(snapshot.agency.name)}./."),
                     styles.body)


def _opening(snapshot: ReportSnapshot) -> str:
    used = [item.plan for item in (*snapshot.tasks, *snapshot.indicators)]
    cited = [plan_citation(p) for p in cited_plans(snapshot.plans, used)]
    start, end = iso_day(snapshot.period.data_start), iso_day(snapshot.period.data_end)
    window = f" (số liệu tính từ ngày {short_date(start)} đến ngày {short_date(end)})" if start and end else ""
    label = snapshot.period.label
    text = f"{agency_in_text(snapshot.agency.name)} báo cáo kết quả thực hiện {label[:1].lower()}{label[1:]}" \
           f"{window} như sau:"
    return f"Căn cứ {'; '.join(cited)}, {text}" if cited else text


def _default_summary(snapshot: ReportSnapshot) -> str:
    return (f"Trong kỳ báo cáo, đơn vị được giao {len(snapshot.tasks)} nhiệm vụ và {len(snapshot.indicators)} "
            "chỉ tiêu; kết quả cụ thể như sau.")


def _task_results(snapshot: ReportSnapshot, styles: Styles) -> list[Flowable]:
    roles = Counter(t.role for t in snapshot.tasks)
    lines = [f"Tổng số nhiệm vụ: {len(snapshot.tasks)} (chủ trì {roles['lead']}, phối hợp "
             f"{roles['coordinator']}); {_status_counts(snapshot.tasks)}."]
    sections: dict[tuple[str, str, str], list[TaskEntry]] = {}
    for task in grouped_tasks(snapshot.tasks):
        sections.setdefault((task.plan, task.section, task.section_title), []).append(task)
    plans = list(dict.fromkeys(plan for plan, _, _ in sections))
    known = {plan_code(p): p for p in snapshot.plans}
    if len(sections) > 1:
        for plan in plans:
            if len(plans) > 1:
                lines.append(f"{plan_heading(known.get(plan), plan)}:")
            lines += [f"- {section}. {title}: {len(tasks)} nhiệm vụ; {_status_counts(tasks)}."
                      for (owner, section, title), tasks in sections.items() if owner == plan]
    return [*(Paragraph(markup(line), styles.body) for line in lines),
            Paragraph("(Chi tiết tại Phụ lục I kèm theo)", styles.note)]


def _status_counts(tasks: list[TaskEntry] | tuple[TaskEntry, ...]) -> str:
    counts = Counter(t.status for t in tasks)
    parts = [f"{status_label(code, 'vi').lower()} {counts[code]}" for code in TASK_STATUSES if counts[code]]
    if counts[None]:
        parts.append(f"chưa báo cáo {counts[None]}")
    return ", ".join(parts)


def _indicator_results(snapshot: ReportSnapshot, styles: Styles) -> list[Flowable]:
    verdicts = Counter(assessment(i) for i in snapshot.indicators)
    reported = sum(1 for i in snapshot.indicators
                   if any(v is not None for v in (i.numerator, i.value, i.level, i.note)))
    text = f"Tổng số chỉ tiêu: {len(snapshot.indicators)}; đã có số liệu {reported}"
    if verdicts["Đạt"] or verdicts["Chưa đạt"]:
        text += f"; trong số chỉ tiêu có mục tiêu định lượng: đạt {verdicts['Đạt']}, chưa đạt {verdicts['Chưa đạt']}"
    return [Paragraph(markup(text + "."), styles.body), *indicator_charts(snapshot, styles),
            Paragraph("(Chi tiết tại Phụ lục II kèm theo)", styles.note)]


def _paragraphs(text: str, styles: Styles) -> list[Flowable]:
    return [Paragraph(markup(line.strip()), styles.body) for line in text.splitlines() if line.strip()]
