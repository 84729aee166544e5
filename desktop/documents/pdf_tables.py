"""The appendices of the report: Phụ lục I (tasks) and Phụ lục II (indicators), on landscape pages.

Each appendix opens with its number and title centred in bold and the italic line "(Kèm theo Báo cáo số
…)". Its table repeats the header and the column-number row on every page, groups rows under their plan
and section (or indicator group), wraps every cell, and may split a very long row across pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.documents.pdf_styles import LANDSCAPE_WIDTH, Styles, markup
from desktop.documents.report_text import (
    ROLE_LABELS,
    agency_in_text,
    assessment,
    grouped_tasks,
    indicator_note_text,
    indicator_value_text,
    iso_day,
    issued_number,
    long_date,
    percent_text,
    plan_code,
    plan_heading,
    status_text,
    task_number,
)
from desktop.domain.report_snapshot import IndicatorEntry, ReportSnapshot, TaskEntry

TASK_COLUMNS = (("STT", 12), ("Nhiệm vụ", 68), ("Vai trò", 17), ("Thời hạn hoàn thành", 24),
                ("Tình trạng", 24), ("Tỷ lệ hoàn thành (%)", 21), ("Kết quả thực hiện", 51),
                ("Khó khăn, vướng mắc; đề xuất", 35))
INDICATOR_COLUMNS = (("STT", 15), ("Chỉ tiêu", 88), ("Đơn vị tính", 20), ("Chỉ tiêu giai đoạn", 28),
                     ("Kết quả thực hiện", 36), ("Đánh giá", 20), ("Ghi chú", 45))
HEADER_ROWS = 2
# Taller rows are cut into continuation rows: a landscape frame is about 480 pt, less the header rows.
MAX_ROW_HEIGHT = 360.0
_GRID = 0.5
_PADDING = 3


class CellParagraph(Paragraph):
    """A table cell's paragraph that wraps once per width: a long table re-measures its remaining rows at
    every page break, and without this the cost grows with the square of its length."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped is None or self._wrapped[0] != avail_width:
            self._wrapped = (avail_width, super().wrap(avail_width, avail_height))
        return self._wrapped[1]


class RuledTable(Table):
    """A table that closes each page's piece with a bottom rule, even where a cut row continues overleaf."""

    def draw(self) -> None:
        super().draw()
        self.canv.setLineWidth(_GRID)
        self.canv.line(0, 0, self._width, 0)


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


def task_table(snapshot: ReportSnapshot, styles: Styles) -> RuledTable:
    """Phụ lục I: every task under its plan and section, with status, percent, result and difficulties."""
    rows: list[list[object]] = []
    current: tuple[str, str] | None = None
    for task in grouped_tasks(snapshot.tasks):
        if task.plan and (current is None or current[0] != task.plan):
            rows.append(_group_row("", _plan_title(snapshot, task.plan), len(TASK_COLUMNS), styles))
            current = (task.plan, "")
        if current is None or current != (task.plan, task.section):
            rows.append(_group_row(task.section, task.section_title, len(TASK_COLUMNS), styles))
            current = (task.plan, task.section)
        rows.append(_task_row(task, styles))
    return _table(TASK_COLUMNS, rows, styles)


def indicator_table(snapshot: ReportSnapshot, styles: Styles) -> RuledTable:
    """Phụ lục II: every indicator under its group, with target, reported value and assessment."""
    rows: list[list[object]] = []
    current: str | None = None
    for number, indicator in enumerate(snapshot.indicators, start=1):
        if indicator.group and indicator.group != current:
            rows.append(_group_row("", indicator.group, len(INDICATOR_COLUMNS), styles))
            current = indicator.group
        rows.append(_indicator_row(number, indicator, styles))
    return _table(INDICATOR_COLUMNS, rows, styles)


def _plan_title(snapshot: ReportSnapshot, plan: str) -> str:
    known = {plan_code(info): info for info in snapshot.plans}
    return plan_heading(known.get(plan), plan)


def task_cells(task: TaskEntry) -> list[tuple[str, bool]]:
    """Phụ lục I's cells of one task as (text, centred), in ``TASK_COLUMNS`` order."""
    result = [task.result or ""]
    if task.not_applicable_reason:
        result.append(f"Lý do không thực hiện: {task.not_applicable_reason}")
    troubles = [task.difficulties or ""]
    if task.proposals:
        troubles.append(f"Đề xuất: {task.proposals}")
    status = status_text(task) or ("Không áp dụng" if task.not_applicable_reason else "")
    return [(task_number(task), True), (task.title, False), (ROLE_LABELS.get(task.role, task.role), True),
            (task.deadline_text, True), (status, True), (percent_text(task.percent), True),
            (_joined(result), False), (_joined(troubles), False)]


def indicator_cells(number: int, indicator: IndicatorEntry) -> list[tuple[str, bool]]:
    """Phụ lục II's cells of one indicator as (text, centred), in ``INDICATOR_COLUMNS`` order."""
    return [(str(number), True), (indicator.name, False), (indicator.unit, True),
            (indicator.target_text or "", True), (indicator_value_text(indicator), True),
            (assessment(indicator), True), (indicator_note_text(indicator), False)]


def _task_row(task: TaskEntry, styles: Styles) -> list[object]:
    return [CellParagraph(markup(text), styles.cell_centre if centred else styles.cell)
            for text, centred in task_cells(task)]


def _indicator_row(number: int, indicator: IndicatorEntry, styles: Styles) -> list[object]:
    return [CellParagraph(markup(text), styles.cell_centre if centred else styles.cell)
            for text, centred in indicator_cells(number, indicator)]


class _GroupRow(list[object]):
    """A plan, section or indicator-group row: it stays on the page of the row that follows it."""


def _group_row(number: str, title: str, columns: int, styles: Styles) -> list[object]:
    return _GroupRow([CellParagraph(markup(number), styles.cell_head),
                      CellParagraph(markup(title), styles.cell_section), *([""] * (columns - 2))])


def _table(columns: Sequence[tuple[str, float]], items: list[list[object]], styles: Styles) -> RuledTable:
    header: list[object] = [CellParagraph(markup(name), styles.cell_head) for name, _ in columns]
    numbers: list[object] = [CellParagraph(f"({i})", styles.cell_centre) for i in range(1, len(columns) + 1)]
    scale = LANDSCAPE_WIDTH / sum(width * mm for _, width in columns)
    widths = [width * mm * scale for _, width in columns]
    rows: list[list[object]] = [header, numbers]
    ends: list[int] = [0, 1]  # rows after which a horizontal rule is drawn
    kept: list[int] = []
    for item in items:
        if isinstance(item, _GroupRow):
            kept.append(len(rows))
        rows += _fitted(item, widths)
        ends.append(len(rows) - 1)
    table = RuledTable(rows, colWidths=widths, repeatRows=HEADER_ROWS)
    commands: list[tuple[object, ...]] = [
        ("BOX", (0, 0), (-1, -1), _GRID, "black"),
        ("LINEAFTER", (0, 0), (-2, -1), _GRID, "black"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("LINEBELOW", (0, start), (-1, end), _GRID, "black") for start, end in _runs(ends)]
    commands += [("NOSPLIT", (0, row), (-1, row + 1)) for row in kept if row + 1 < len(rows)]
    table.setStyle(TableStyle(commands))
    return table


def _fitted(cells: list[object], widths: list[float]) -> list[list[object]]:
    """The row, or, when it is taller than a page allows, the row cut into continuation rows: each cell's
    paragraph is split where it reaches ``MAX_ROW_HEIGHT``, and the pieces stand in successive rows."""
    room = MAX_ROW_HEIGHT - 5
    heights = [cell.wrap(width - 2 * _PADDING, room)[1] if isinstance(cell, Paragraph) else 0
               for cell, width in zip(cells, widths, strict=True)]
    if max(heights) <= room:
        return [cells]
    columns: list[list[object]] = []
    for cell, width in zip(cells, widths, strict=True):
        pieces: list[object] = []
        rest: object = cell
        while isinstance(rest, Paragraph) and rest.wrap(width - 2 * _PADDING, room)[1] > room:
            split = rest.split(width - 2 * _PADDING, room)
            if len(split) < 2:
                break
            pieces.append(split[0])
            rest = split[1]
        pieces.append(rest)
        columns.append(pieces)
    return [[pieces[n] if n < len(pieces) else "" for pieces in columns] for n in range(max(map(len, columns)))]


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive row numbers gathered into (first, last) ranges, so the table keeps few style commands."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _joined(parts: Iterable[str]) -> str:
    return "\n".join(part for part in parts if part)
