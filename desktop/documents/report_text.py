"""How a report's facts read in Vietnamese on paper: document number, place and date, values, labels.

Shared by the PDF and the workbook so that both print "152/BC-UBND", "Tân Hòa, ngày 28 tháng 11 năm
2026" and "170/200 (85%)" the same way. Dates follow Nghị định 30/2020: a leading zero for days below 10
and for months 1 and 2 in the written-out form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from desktop.domain.indicator_targets import NONE, parse_target
from desktop.domain.numbers import format_number
from desktop.domain.report_snapshot import DocumentInfo, IndicatorEntry, ReportSnapshot, TaskEntry
from desktop.domain.sentence_case import in_sentence
from desktop.domain.task_status import task_status

UNSIGNED = ("draft", "approved")
DRAFT_MARK = "DỰ THẢO"
# A finished document whose number the office's văn thư writes in on paper (the province's consolidated report):
# printed without the draft mark, with the number left blank.
FOR_NUMBERING = "for_numbering"
DRAFT_NUMBER_BLANK = "\u00a0" * 6
NO_TARGET = "Không có chỉ tiêu"
ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp"}
REF_SEPARATOR = "::"
_UBND = re.compile(r"^(ỦY|UỶ) BAN NHÂN DÂN\s+(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+(.+)$")
_DOCUMENT_KINDS = {"KH": "Kế hoạch", "QĐ": "Quyết định", "CT": "Chỉ thị", "NQ": "Nghị quyết", "CV": "Công văn",
                   "TB": "Thông báo", "HD": "Hướng dẫn", "CTR": "Chương trình"}
_SUBJECT_PREFIX = re.compile(r"^\s*báo cáo\s+", re.IGNORECASE)


def item_ref(plan: str, key: str) -> str:
    """The ref that names a task or indicator across plans: "3256/QĐ-UBND::II.3"."""
    return f"{plan}{REF_SEPARATOR}{key}"


def document_number(document: DocumentInfo) -> str:
    """ "05/BC-UBND": the number from 01 with a leading zero below 10, the symbol in capitals without spaces."""
    symbol = "".join(document.symbol.split()).upper()
    return f"{document.number:02d}/{symbol}" if symbol else f"{document.number:02d}"


def is_draft(snapshot: ReportSnapshot) -> bool:
    """True until the revision is signed: a draft has no number of its own yet."""
    return snapshot.status in UNSIGNED or (snapshot.document.number <= 0 and snapshot.status != FOR_NUMBERING)


def issued_number(snapshot: ReportSnapshot) -> str:
    """ "152/BC-UBND" once signed; "      /BC-UBND" (the number left blank, as drafts are printed) before."""
    if not is_draft(snapshot) and snapshot.document.number > 0:
        return document_number(snapshot.document)
    symbol = "".join(snapshot.document.symbol.split()).upper()
    return f"{DRAFT_NUMBER_BLANK}/{symbol}" if symbol else DRAFT_NUMBER_BLANK


def iso_day(text: str | None) -> date | None:
    """The date of an ISO text ("2026-11-28", time part ignored); None when blank or unreadable."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def place_date(place: str, day: date | None) -> str:
    """ "Tân Hòa, ngày 05 tháng 01 năm 2027" (blanks left for a hand-written date when ``day`` is None)."""
    return f"{place}, {long_date(day)}"


def long_date(day: date | None) -> str:
    """ "ngày 05 tháng 01 năm 2027" (blanks to fill by hand when ``day`` is None)."""
    if day is None:
        return "ngày      tháng      năm      "
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(day: date | None) -> str:
    """ "28/11/2026", or blank."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""


def subject_line(subject: str) -> str:
    """The trích yếu under "BÁO CÁO": a subject that begins with "Báo cáo" would repeat the title."""
    text = _SUBJECT_PREFIX.sub("", subject.strip(), count=1)
    return text[:1].upper() + text[1:] if text != subject.strip() else text


def agency_in_text(name: str) -> str:
    """The agency as a sentence names it: "ỦY BAN NHÂN DÂN XÃ TÂN HÒA" → "Ủy ban nhân dân xã Tân Hòa";
    other names are kept as given when not all in capitals."""
    text = " ".join(name.split())
    match = _UBND.match(text.upper())
    if match:
        place = " ".join(word.capitalize() for word in match.group(3).split())
        return f"Ủy ban nhân dân {match.group(2).lower()} {place}"
    return text if text != text.upper() else text.capitalize()


def status_text(task: TaskEntry) -> str:
    """The Vietnamese status word, or blank when not reported."""
    return task_status(task.status).label_vi if task.status else ""


def percent_text(value: float | None) -> str:
    """ "60", "99,5" or blank."""
    return format_number(value) if value is not None else ""


def indicator_percent(indicator: IndicatorEntry) -> float | None:
    """The achieved value in percent for an indicator measured in percent; None otherwise."""
    if indicator.unit.strip() != "%":
        return None
    if indicator.numerator is not None and indicator.denominator:
        return indicator.numerator / indicator.denominator * 100
    return indicator.value


def indicator_value_text(indicator: IndicatorEntry) -> str:
    """What the agency reported, as one line: "170/200 (85%)", "12", "Cấp độ 3", a note."""
    if indicator.kind == "ratio" and indicator.numerator is not None and indicator.denominator is not None:
        fraction = f"{format_number(indicator.numerator)}/{format_number(indicator.denominator)}"
        percent = indicator_percent(indicator)
        return f"{fraction} ({format_number(percent)}%)" if percent is not None else fraction
    if indicator.value is not None:
        return format_number(indicator.value) + ("%" if indicator.unit.strip() == "%" else "")
    if indicator.level:
        return f"Cấp độ {indicator.level}" if indicator.level.isdigit() else indicator.level
    if indicator.kind == "text" and indicator.note:
        return indicator.note
    return ""


def indicator_note_text(indicator: IndicatorEntry) -> str:
    """The note column: the note (unless it is the value itself) and the reason it does not apply."""
    parts = []
    if indicator.note and not (indicator.kind == "text" and indicator_value_text(indicator) == indicator.note):
        parts.append(indicator.note)
    if indicator.not_applicable_reason:
        parts.append(f"Không áp dụng: {indicator.not_applicable_reason}")
    return "\n".join(parts)


def assessment(indicator: IndicatorEntry) -> str:
    """ "Đạt" or "Chưa đạt" against a numeric target where both sides are comparable; «Không có chỉ tiêu» when
    the plan gives «-» for the period (counted neither met nor not met); else blank."""
    if has_no_target(indicator.target_text):
        return NO_TARGET
    if indicator.target_value is None:
        return ""
    achieved = indicator_percent(indicator)
    if achieved is None and indicator.kind == "count":
        achieved = indicator.value
    if achieved is None:
        return ""
    return "Đạt" if achieved >= indicator.target_value - 1e-9 else "Chưa đạt"


def has_no_target(target_text: str | None) -> bool:
    """True when the plan writes that the period has no target («-», «không»); a target never given is unknown."""
    return bool((target_text or "").strip()) and parse_target(target_text).kind == NONE


def grouped_tasks(tasks: Sequence[TaskEntry]) -> list[TaskEntry]:
    """The tasks gathered under their plan and section, in the order each first appears."""
    groups: dict[tuple[str, str], list[TaskEntry]] = {}
    for task in tasks:
        groups.setdefault((task.plan, task.section), []).append(task)
    plan_order = list(dict.fromkeys(task.plan for task in tasks))
    return [task for plan in plan_order for (group_plan, _), members in groups.items() if group_plan == plan
            for task in members]


def plan_code(plan: Mapping[str, str]) -> str:
    """The plan's số ký hiệu ("594/KH-UBND"): stored as "code" (bundles before 2026-12 also said "number")."""
    return (plan.get("code") or plan.get("number") or "").strip()


def cited_plans(plans: Sequence[Mapping[str, str]], used: Iterable[str]) -> list[Mapping[str, str]]:
    """The plans the report answers to, in the store's order: those its tasks or indicators come from (all of
    them when no item names a plan)."""
    named = set(used)
    chosen = [p for p in plans if plan_code(p) and (plan_code(p) in named or not named)]
    return chosen or [p for p in plans if plan_code(p)]


def plan_citation(plan: Mapping[str, str]) -> str:
    """ "Kế hoạch số 594/KH-UBND ngày 05/3/2025 của … về …" as the opening "Căn cứ" cites it."""
    code = plan_code(plan)
    kind = _DOCUMENT_KINDS.get(code.split("/")[-1].split("-")[0].upper(), "văn bản") if "/" in code else "văn bản"
    text = f"{kind} số {code}"
    day = iso_day(plan.get("issued_on") or plan.get("date"))
    if day:
        text += f" ngày {short_date(day)}"
    if plan.get("issuer"):
        text += f" của {plan['issuer']}"
    title = (plan.get("title") or "").strip().rstrip(".")
    if title:
        about = "" if title.lower().startswith("về ") else "về "
        text += f" {about}{in_sentence(title)}"
    return text


def plan_heading(plan: Mapping[str, str] | None, code: str) -> str:
    """A plan's row in an appendix: "Kế hoạch số 594/KH-UBND: Triển khai …" (the code alone if unknown)."""
    if plan is None:
        return code
    title = (plan.get("title") or "").strip()
    citation = plan_citation({"code": code})
    return f"{citation[:1].upper()}{citation[1:]}: {title}" if title else citation[:1].upper() + citation[1:]


def indicator_code(number: int, indicator: IndicatorEntry) -> str:
    """The indicator's code as the editor shows it ("CT.1"), or its place in Phụ lục II when it has none."""
    return indicator.key.strip() or str(number)
