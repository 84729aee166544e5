"""The report as a Word document (.docx), for the office to edit the wording and print.

The same Nghị định 30/2020 layout as the PDF, from the same texts: the head (agency and quốc hiệu, number
and date), "BÁO CÁO" with the subject and "Kính gửi", the body, the closing, "Nơi nhận" and the signature
block on portrait pages; Phụ lục I (tasks, under their plan and section), Phụ lục II (indicators) and the list
of evidence in a landscape section whose table headers repeat on every page. A draft carries the "DỰ THẢO"
stamp and a blank number. The signed PDF stays the record: this copy is for work, and says nothing the PDF does not.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION

from desktop.documents.pdf_header import agency_lines
from desktop.documents.pdf_tables import INDICATOR_COLUMNS, TASK_COLUMNS, indicator_cells, task_cells
from desktop.documents.report_body import CHART, HEADING, NOTE, body_lines, closing_text
from desktop.documents.report_docx_blocks import (
    HeadFacts,
    add_grid_row,
    add_item_row,
    draft_stamp,
    grid_table,
    head_block,
    page_numbers_from_page_two,
    paragraph,
    setup_document,
    setup_section,
    signature_block,
    text_width,
    title_block,
)
from desktop.documents.report_evidence import (
    EVIDENCE_COLUMNS,
    EVIDENCE_TITLE,
    evidence_appendix_number,
    evidence_cells,
    evidence_items,
)
from desktop.documents.report_recipients import recipient_lines
from desktop.documents.report_text import (
    DRAFT_MARK,
    agency_in_text,
    grouped_tasks,
    is_draft,
    iso_day,
    issued_number,
    long_date,
    place_date,
    plan_code,
    plan_heading,
    subject_line,
)
from desktop.domain.report_snapshot import ReportSnapshot
from desktop.sync.atomic_file import atomic_output

CELL_SIZE = 11


def write_report_docx(snapshot: ReportSnapshot, out: Path) -> Path:
    """Write ``snapshot`` as a .docx to ``out`` (replaced atomically)."""
    document = Document()
    setup_document(document)
    page_numbers_from_page_two(document.sections[0])
    _first_pages(document, snapshot)
    appendices = [("I", f"Kết quả thực hiện nhiệm vụ {snapshot.period.label}", _task_appendix, snapshot.tasks),
                  ("II", f"Kết quả thực hiện các chỉ tiêu {snapshot.period.label}", _indicator_appendix,
                   snapshot.indicators)]
    if evidence_items(snapshot):
        appendices.append((evidence_appendix_number(snapshot), EVIDENCE_TITLE, _evidence_appendix, (True,)))
    landscape = False
    for number, title, table, items in appendices:
        if not items:
            continue
        section = document.add_section(WD_SECTION.NEW_PAGE)
        # Only the report's own first page goes unnumbered: an appendix's first page is numbered like the rest.
        section.different_first_page_header_footer = False
        if not landscape:
            setup_section(section, landscape=True)
            landscape = True
        _appendix_heading(document, number, title, snapshot)
        table(document, snapshot)
    _properties(document, snapshot)
    out = Path(out)
    with atomic_output(out) as handle:
        document.save(handle)
    return out


def _first_pages(document: DocxDocument, snapshot: ReportSnapshot, whole_plan: bool = False) -> None:
    if is_draft(snapshot):
        draft_stamp(document, DRAFT_MARK)
    head_block(document, HeadFacts(
        parent=" ".join(snapshot.agency.parent_name.split()), agency_lines=agency_lines(snapshot.agency.name),
        number_line=f"Số: {issued_number(snapshot)}",
        place_date=place_date(snapshot.agency.place, iso_day(snapshot.document.date))))
    title_block(document, "BÁO CÁO", subject_line(snapshot.document.subject),
                " ".join(snapshot.document.addressee.split()).rstrip("."))
    for line in body_lines(snapshot, whole_plan):
        if line.kind == CHART:
            continue  # the chart is the PDF's; the numbers it draws are in Phụ lục II
        if line.kind == HEADING:
            paragraph(document, line.text, bold=True, align="justify", indent=True, before=6, after=3)
        elif line.kind == NOTE:
            paragraph(document, line.text, italic=True, align="justify", indent=True, after=3)
        else:
            paragraph(document, line.text, align="justify", indent=True, after=6)
    paragraph(document, closing_text(snapshot), align="justify", indent=True, after=6)
    agency = snapshot.agency
    signature_block(document, recipient_lines(snapshot),
                    [line for line in (agency.signer_authority, agency.signer_title) if line.strip()],
                    agency.signer_name.strip())


def _appendix_heading(document: DocxDocument, number: str, title: str, snapshot: ReportSnapshot) -> None:
    paragraph(document, f"Phụ lục {number}", size=14, bold=True, align="centre")
    paragraph(document, title.upper(), size=14, bold=True, align="centre")
    paragraph(document, f"(Kèm theo Báo cáo số {issued_number(snapshot)} {long_date(iso_day(snapshot.document.date))} "
                        f"của {agency_in_text(snapshot.agency.name)})", size=13, italic=True, align="centre",
              after=8)


def _widths(document: DocxDocument, columns: tuple[tuple[str, float], ...]) -> list[int]:
    total = sum(width for _, width in columns)
    room = text_width(document.sections[-1])
    return [int(room * width / total) for _, width in columns]


def _task_appendix(document: DocxDocument, snapshot: ReportSnapshot) -> None:
    table = grid_table(document, [name for name, _ in TASK_COLUMNS], _widths(document, TASK_COLUMNS),
                       size=CELL_SIZE)
    known = {plan_code(p): p for p in snapshot.plans}
    current: tuple[str, str] | None = None
    for task in grouped_tasks(snapshot.tasks):
        if task.plan and (current is None or current[0] != task.plan):
            add_grid_row(table, [("", True), (plan_heading(known.get(task.plan), task.plan), False)],
                         size=CELL_SIZE, bold=True, merge_from=1)
            current = (task.plan, "")
        if current is None or current != (task.plan, task.section):
            add_grid_row(table, [(task.section, True), (task.section_title, False)], size=CELL_SIZE, bold=True,
                         merge_from=1)
            current = (task.plan, task.section)
        add_item_row(table, task_cells(task), size=CELL_SIZE)


def _indicator_appendix(document: DocxDocument, snapshot: ReportSnapshot) -> None:
    table = grid_table(document, [name for name, _ in INDICATOR_COLUMNS], _widths(document, INDICATOR_COLUMNS),
                       size=CELL_SIZE)
    current: str | None = None
    for number, indicator in enumerate(snapshot.indicators, start=1):
        if indicator.group and indicator.group != current:
            add_grid_row(table, [("", True), (indicator.group, False)], size=CELL_SIZE, bold=True, merge_from=1)
            current = indicator.group
        add_item_row(table, indicator_cells(number, indicator), size=CELL_SIZE)


def _evidence_appendix(document: DocxDocument, snapshot: ReportSnapshot) -> None:
    table = grid_table(document, [name for name, _ in EVIDENCE_COLUMNS], _widths(document, EVIDENCE_COLUMNS),
                       size=CELL_SIZE)
    plan: str | None = None
    for number, entry in enumerate(evidence_items(snapshot), start=1):
        if entry.plan and entry.plan != plan:
            add_grid_row(table, [("", True), (entry.plan, False)], size=CELL_SIZE, bold=True, merge_from=1)
        plan = entry.plan
        add_item_row(table, evidence_cells(number, entry), size=CELL_SIZE)


def _properties(document: DocxDocument, snapshot: ReportSnapshot) -> None:
    properties = document.core_properties
    properties.title = f"Báo cáo số {issued_number(snapshot)}: {subject_line(snapshot.document.subject)}"
    properties.author = agency_in_text(snapshot.agency.name)
    properties.subject = snapshot.period.label
    properties.language = "vi-VN"
    properties.keywords = f"báo cáo, {snapshot.period.label}, {snapshot.agency.code}"
    properties.comments = "Bản Word để chỉnh sửa và in; bản PDF đã ký là bản chính."


# The report's parts, public for a document built from them (the province's consolidated report).


def first_pages(document: DocxDocument, snapshot: ReportSnapshot, whole_plan: bool = False) -> None:
    """The head, title, body and signature block of ``snapshot``'s report (``whole_plan``: see ``body_lines``)."""
    _first_pages(document, snapshot, whole_plan)


def appendix_heading(document: DocxDocument, number: str, title: str, snapshot: ReportSnapshot) -> None:
    """"Phụ lục ``number``", its title and the line naming the report it goes with."""
    _appendix_heading(document, number, title, snapshot)


def task_appendix(document: DocxDocument, snapshot: ReportSnapshot) -> None:
    """The table of ``snapshot``'s tasks (Phụ lục I)."""
    _task_appendix(document, snapshot)


def indicator_appendix(document: DocxDocument, snapshot: ReportSnapshot) -> None:
    """The table of ``snapshot``'s indicators (Phụ lục II)."""
    _indicator_appendix(document, snapshot)
