"""The appendices of the report: Phụ lục I (tasks), Phụ lục II (indicators) and the list of evidence, on
landscape pages.

Each appendix opens with its number and title centred in bold and the italic line "(Kèm theo Báo cáo số
…)". Its table repeats the header and the column-number row on every page, groups rows under their plan
and section (or indicator group), wraps every cell, and cuts a row where a page ends (``pdf_paged_table``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.documents.pdf_cell import cell_paragraph
from desktop.documents.pdf_paged_table import (
    BOTTOM_PADDING,
    PADDING,
    TOP_PADDING,
    PagedTable,
    TableLook,
    TableRow,
)
from desktop.documents.pdf_styles import LANDSCAPE_WIDTH, Styles, markup
from desktop.documents.report_evidence import EVIDENCE_COLUMNS, evidence_cells, evidence_items
from desktop.documents.report_text import (
    ROLE_LABELS,
    agency_in_text,
    assessment,
    grouped_tasks,
    indicator_code,
    indicator_note_text,
    indicator_value_text,
    iso_day,
    issued_number,
    long_date,
    percent_text,
    plan_code,
    plan_heading,
)
from desktop.domain.report_snapshot import IndicatorEntry, ReportSnapshot, TaskEntry
from desktop.domain.task_status import outcome_label

TASK_COLUMNS = (("STT", 16), ("Nhiệm vụ", 64), ("Vai trò", 17), ("Thời hạn hoàn thành", 24),
                ("Tình trạng", 24), ("Tỷ lệ hoàn thành (%)", 21), ("Kết quả thực hiện", 51),
                ("Khó khăn, vướng mắc; đề xuất", 35))
INDICATOR_COLUMNS = (("STT", 15), ("Chỉ tiêu", 88), ("Đơn vị tính", 20), ("Chỉ tiêu giai đoạn", 28),
                     ("Kết quả thực hiện", 36), ("Đánh giá", 20), ("Ghi chú", 45))


def appendix_heading(number: str, title: str, snapshot: ReportSnapshot, styles: Styles) -> list[Flowable]:
    """ "Phụ lục I", its title in bold capitals and "(Kèm theo Báo cáo số … ngày … của …)"."""
    reference = (f"(Kèm theo Báo cáo số {issued_number(snapshot)} "
                 f"{long_date(iso_day(snapshot.document.date))} của {agency_in_text(snapshot.agency.name)})")
    return [
        Paragraph(f"Phụ lục {number}", styles.title),
        Paragraph(markup(title.upper()), styles.subject),
        Paragraph(markup(reference), styles.centre_italic),
        Spacer(1, 4 * mm),
    ]


def task_table(snapshot: ReportSnapshot, styles: Styles) -> PagedTable:
    """Phụ lục I: every task under its plan and section, with status, percent, result and difficulties."""
    rows: list[TableRow] = []
    current: tuple[str, str] | None = None
    for task in grouped_tasks(snapshot.tasks):
        if task.plan and (current is None or current[0] != task.plan):
            rows.append(_group_row("", _plan_title(snapshot, task.plan), len(TASK_COLUMNS), styles))
            current = (task.plan, "")
        if current != (task.plan, task.section):
            if task.section or task.section_title:
                rows.append(_group_row(task.section, task.section_title, len(TASK_COLUMNS), styles))
            current = (task.plan, task.section)
        rows.append(TableRow(_task_row(task, styles), number=task.key))
    return _table(TASK_COLUMNS, rows, styles)


def indicator_table(snapshot: ReportSnapshot, styles: Styles) -> PagedTable:
    """Phụ lục II: every indicator under its group, with target, reported value and assessment."""
    rows: list[TableRow] = []
    current: str | None = None
    for number, indicator in enumerate(snapshot.indicators, start=1):
        if indicator.group and indicator.group != current:
            rows.append(_group_row("", indicator.group, len(INDICATOR_COLUMNS), styles))
            current = indicator.group
        rows.append(TableRow(_indicator_row(number, indicator, styles), number=indicator_code(number, indicator)))
    return _table(INDICATOR_COLUMNS, rows, styles)


def evidence_table(snapshot: ReportSnapshot, styles: Styles) -> PagedTable:
    """The evidence appendix: each attachment under its item's code, with its name, type, size and SHA-256."""
    rows: list[TableRow] = []
    plan: str | None = None
    for number, entry in enumerate(evidence_items(snapshot), start=1):
        if entry.plan and entry.plan != plan:
            rows.append(_group_row("", entry.plan, len(EVIDENCE_COLUMNS), styles))
        plan = entry.plan
        rows.append(TableRow([cell_paragraph(text, styles.cell_centre if centred else styles.cell)
                              for text, centred in evidence_cells(number, entry)], number=str(number)))
    return _table(EVIDENCE_COLUMNS, rows, styles)


def _plan_title(snapshot: ReportSnapshot, plan: str) -> str:
    known = {plan_code(info): info for info in snapshot.plans}
    return plan_heading(known.get(plan), plan)


def task_cells(task: TaskEntry) -> list[tuple[str, bool]]:
    """Phụ lục I's cells of one task as (text, centred), in ``TASK_COLUMNS`` order."""
    result = [task.result or ""]
    if task.not_applicable_reason:
        result.append(f"Lý do không áp dụng: {task.not_applicable_reason}")
    troubles = [task.difficulties or ""]
    if task.proposals:
        troubles.append(f"Đề xuất: {task.proposals}")
    status = outcome_label(task.outcome)
    return [(task.key, True), (task.title, False), (ROLE_LABELS.get(task.role, task.role), True),
            (task.deadline_text, True), (status, True), (percent_text(task.percent), True),
            (_joined(result), False), (_joined(troubles), False)]


def indicator_cells(number: int, indicator: IndicatorEntry) -> list[tuple[str, bool]]:
    """Phụ lục II's cells of one indicator as (text, centred), in ``INDICATOR_COLUMNS`` order."""
    return [(indicator_code(number, indicator), True), (indicator.name, False), (indicator.unit, True),
            (indicator.target_text or "", True), (indicator_value_text(indicator), True),
            (assessment(indicator), True), (indicator_note_text(indicator), False)]


def _task_row(task: TaskEntry, styles: Styles) -> list[object]:
    return [cell_paragraph(text, styles.cell_centre if centred else styles.cell)
            for text, centred in task_cells(task)]


def _indicator_row(number: int, indicator: IndicatorEntry, styles: Styles) -> list[object]:
    return [cell_paragraph(text, styles.cell_centre if centred else styles.cell)
            for text, centred in indicator_cells(number, indicator)]


def _group_row(number: str, title: str, columns: int, styles: Styles) -> TableRow:
    """A plan, section or indicator-group row: it stays on the page of the row that follows it."""
    return TableRow([cell_paragraph(number, styles.cell_head), cell_paragraph(title, styles.cell_section),
                     *([""] * (columns - 2))], heads_next=True)


def _table(columns: Sequence[tuple[str, float]], rows: list[TableRow], styles: Styles) -> PagedTable:
    header: list[object] = [cell_paragraph(name, styles.cell_head) for name, _ in columns]
    numbers: list[object] = [cell_paragraph(f"({i})", styles.cell_centre) for i in range(1, len(columns) + 1)]
    scale = LANDSCAPE_WIDTH / sum(width * mm for _, width in columns)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM_PADDING),
    ]
    look = TableLook(header=[header, numbers], widths=[width * mm * scale for _, width in columns],
                     commands=commands, number_style=styles.cell_centre,
                     continued_style=ParagraphStyle("continued", styles.cell, fontName=styles.fonts.italic))
    return PagedTable(look, rows)


def _joined(parts: Iterable[str]) -> str:
    return "\n".join(part for part in parts if part)
