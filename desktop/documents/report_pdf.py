"""The report PDF in the administrative format of Nghị định 30/2020/NĐ-CP (a "Báo cáo", Mẫu 1.4).

Portrait A4 pages carry the head (agency and quốc hiệu), the title and subject, the body and the
signature block with "Nơi nhận"; the appendices (Phụ lục I tasks, Phụ lục II indicators, then the list of
evidence when there is any) follow on landscape pages. Page numbers stand centred in the top margin from
page 2. Fonts are embedded subsets of Times New Roman or Tinos (see ``fonts``). The file is written
atomically: a crash or a cancel leaves the previous file, if any, untouched and no partial file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate

from desktop.documents.fonts import FontFamily, report_font_family
from desktop.documents.pdf_body import body, closing
from desktop.documents.pdf_draft_mark import draw_draft_mark
from desktop.documents.pdf_header import header_block
from desktop.documents.pdf_signature import signature_block
from desktop.documents.pdf_styles import (
    LANDSCAPE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_SIZE,
    PORTRAIT,
    Styles,
    make_styles,
)
from desktop.documents.pdf_tables import appendix_heading, evidence_table, indicator_table, task_table
from desktop.documents.report_evidence import EVIDENCE_TITLE, evidence_appendix_number, evidence_items
from desktop.documents.report_text import agency_in_text, is_draft, issued_number, subject_line
from desktop.domain.report_snapshot import ReportSnapshot
from desktop.errors import Cancelled
from desktop.sync.atomic_file import atomic_output
from desktop.sync.signed_document import BINDING_PREFIX

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
PAGE_NUMBER_FROM_TOP = 12 * mm
# Rough pages the appendices take, for a progress bar that moves steadily.
_TASKS_PER_PAGE = 7
_INDICATORS_PER_PAGE = 12


class DocumentCancelled(Cancelled):
    """The user cancelled writing a document; nothing was written."""

    code = "cancelled"


def write_report_pdf(snapshot: ReportSnapshot, out: Path, *, progress: Progress | None = None,
                     cancelled: IsCancelled | None = None, bundle_sha256: str | None = None) -> Path:
    """Render ``snapshot`` to ``out`` (replaced atomically); ``progress(done, total)`` is called as pages
    are laid out, and ``cancelled()`` returning True stops with ``DocumentCancelled``. ``bundle_sha256`` (the
    signed report's bundle) goes into /Keywords, where a digital signature covers it and the province reads
    which bundle the signed PDF is of (``desktop.signing.binding``)."""
    fonts = report_font_family()
    styles = make_styles(fonts)
    story = _story(snapshot, styles)
    out = Path(out)
    with atomic_output(out) as handle:
        template = _ReportTemplate(handle, snapshot, fonts, progress, cancelled,
                                   total=_estimated_steps(snapshot, story), bundle_sha256=bundle_sha256)
        template.build(story)
    if progress is not None:
        progress(template.total, template.total)
    return out


def report_story(snapshot: ReportSnapshot, styles: Styles, whole_plan: bool = False) -> list[Flowable]:
    """The report's flowables (head, body, signature, Phụ lục I and II), for a document that adds its own parts
    after them (the province's consolidated report, which passes ``whole_plan``: see ``body_lines``)."""
    return _story(snapshot, styles, whole_plan)


def build_report_pdf(handle: BinaryIO, snapshot: ReportSnapshot, fonts: FontFamily, story: list[Flowable]) -> None:
    """Lay ``story`` out on the report's portrait and landscape pages (page numbers, draft mark, metadata of
    ``snapshot``) into the open binary ``handle``."""
    _ReportTemplate(handle, snapshot, fonts, None, None, total=len(story)).build(story)


def _story(snapshot: ReportSnapshot, styles: Styles, whole_plan: bool = False) -> list[Flowable]:
    story: list[Flowable] = [*header_block(snapshot, styles), *body(snapshot, styles, whole_plan)]
    story.append(KeepTogether([closing(snapshot, styles), signature_block(snapshot, styles)]))
    appendices = [("I", f"Kết quả thực hiện nhiệm vụ {snapshot.period.label}", task_table, bool(snapshot.tasks)),
                  ("II", f"Kết quả thực hiện các chỉ tiêu {snapshot.period.label}", indicator_table,
                   bool(snapshot.indicators))]
    if evidence_items(snapshot):
        appendices.append((evidence_appendix_number(snapshot), EVIDENCE_TITLE, evidence_table, True))
    for number, title, table, present in appendices:
        if present:
            story += [NextPageTemplate("landscape"), PageBreak(), *appendix_heading(number, title, snapshot, styles),
                      table(snapshot, styles)]
    return story


def _estimated_steps(snapshot: ReportSnapshot, story: list[Flowable]) -> int:
    return len(story) + len(snapshot.tasks) // _TASKS_PER_PAGE + len(snapshot.indicators) // _INDICATORS_PER_PAGE


class _ReportTemplate(BaseDocTemplate):
    """Portrait and landscape pages with the page number in the top margin; reports progress and cancel."""

    def __init__(self, handle: Any, snapshot: ReportSnapshot, fonts: FontFamily, progress: Progress | None,
                 cancelled: IsCancelled | None, total: int, bundle_sha256: str | None = None) -> None:
        agency = agency_in_text(snapshot.agency.name)
        subject = subject_line(snapshot.document.subject)
        super().__init__(
            handle, pagesize=PORTRAIT, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=f"Báo cáo số {issued_number(snapshot)}: {subject}",
            author=agency, subject=subject, creator="baocao", producer="baocao (ReportLab)",
            keywords=f"báo cáo, {snapshot.period.label}, {snapshot.agency.code}"
            + (f", {BINDING_PREFIX}{bundle_sha256}" if bundle_sha256 else ""), lang="vi",
            displayDocTitle=True, initialFontName=fonts.regular, initialFontSize=13)
        self.fonts = fonts
        self.draft = is_draft(snapshot)
        self.progress = progress
        self.cancelled = cancelled
        self.total = max(total, 1)
        self.done = 0
        self.addPageTemplates([self._page_template("portrait", PORTRAIT),
                               self._page_template("landscape", LANDSCAPE)])

    def _page_template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, size[0] - MARGIN_LEFT - MARGIN_RIGHT,
                      size[1] - MARGIN_TOP - MARGIN_BOTTOM, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0, id=name)
        return PageTemplate(id=name, frames=[frame], pagesize=size, onPage=self._on_page, autoNextPageTemplate=name)

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._check_cancelled()
        if self.draft:
            draw_draft_mark(canvas, self.fonts, first_page=doc.page == 1)
        if doc.page > 1:
            width, height = canvas._pagesize
            canvas.setFont(self.fonts.regular, PAGE_NUMBER_SIZE)
            canvas.drawCentredString(MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) / 2,
                                     height - PAGE_NUMBER_FROM_TOP, str(doc.page))

    def afterFlowable(self, flowable: Flowable) -> None:
        self._check_cancelled()
        self.done += 1
        if self.progress is not None:
            self.progress(min(self.done, self.total - 1), self.total)

    def _check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise DocumentCancelled("Đã hủy xuất báo cáo PDF; không ghi tệp nào.",
                                    "Writing the report PDF was cancelled; no file was written.")
