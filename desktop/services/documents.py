"""Report documents out and values in: the PDF, the report workbook, and fill-from-Excel.

The writers in ``desktop.documents`` render a ``ReportSnapshot``; this module builds the snapshot of the
newest revision and applies a filled workbook all at once or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.documents.report_pdf import write_report_pdf
from desktop.documents.report_workbook import read_report_workbook, write_report_workbook
from desktop.documents.report_workbook_reader import read_workbook_identity
from desktop.domain.officer_words import counted
from desktop.errors import InputError
from desktop.models.store import Store
from desktop.services.installation import installation_agency
from desktop.services.reports import apply_values
from desktop.services.snapshots import report_snapshot, signed_bundle_sha256
from desktop.services.workbook_target import WorkbookForAnotherReport, fill_target

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
MAX_PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class FillResult:
    """What a workbook fill changed."""

    tasks: int
    indicators: int
    period: str = ""


def export_pdf(store: Store, period_code: str, out: Path, *, progress: Progress | None = None,
               cancelled: IsCancelled | None = None) -> Path:
    """Write the report PDF (Nghị định 30/2020 layout) to ``out``, atomically; a signed report's PDF names
    its bundle, so that once digitally signed it can follow the bundle to the province."""
    return write_report_pdf(report_snapshot(store, period_code), out, progress=progress, cancelled=cancelled,
                            bundle_sha256=signed_bundle_sha256(store, period_code))


def export_workbook(store: Store, period_code: str, out: Path) -> Path:
    """Write the report workbook (the province's appendix layout with the reported columns)."""
    return write_report_workbook(report_snapshot(store, period_code), out)


def export_docx(store: Store, period_code: str, out: Path) -> Path:
    """Write the report as a Word document (the same layout, for the office to edit; the signed PDF is the record)."""
    from desktop.documents.report_docx import write_report_docx

    return write_report_docx(report_snapshot(store, period_code), out)


def fill_from_workbook(store: Store, period_code: str | None, path: Path, *, force: bool = False) -> FillResult:
    """Take the values of a filled report workbook into the report it was written for (``period_code`` None:
    the period it records); a workbook of another agency or period is refused unless ``force``, and any cell
    that cannot be taken refuses the whole file."""
    values = read_report_workbook(path)
    with store.session() as session:
        agency_code = installation_agency(session).code
    period_code = fill_target(path.name, values.identity, agency_code, period_code, force=force).period
    if values.problems:
        shown = values.problems[:MAX_PROBLEMS_SHOWN]
        more_vi = f"\n… và {len(values.problems) - len(shown)} ô khác." if len(values.problems) > len(shown) else ""
        more_en = f"\n… and {len(values.problems) - len(shown)} more." if len(values.problems) > len(shown) else ""
        raise InputError(
            f"Không nhận tệp {path.name}: {len(values.problems)} ô không đọc được, chưa ghi gì.\n"
            + "\n".join(f"{p.sheet}!{p.cell}: {p.message_vi}" for p in shown) + more_vi,
            f"{path.name} was not taken: {counted(len(values.problems), 'cell')} cannot be read; nothing was saved.\n"
            + "\n".join(f"{p.sheet}!{p.cell}: {p.message_en}" for p in shown) + more_en,
            code="workbook_cells")
    apply_values(store, period_code, tasks=values.tasks, indicators=values.indicators)
    return FillResult(len(values.tasks), len(values.indicators), period_code)


def workbook_mismatch(store: Store, period_code: str, path: Path) -> WorkbookForAnotherReport | None:
    """Why ``path`` should not go into ``period_code``'s report (for the GUI to ask first), or None."""
    identity = read_workbook_identity(path)
    with store.session() as session:
        agency_code = installation_agency(session).code
    try:
        fill_target(path.name, identity, agency_code, period_code)
    except WorkbookForAnotherReport as mismatch:
        return mismatch
    return None
