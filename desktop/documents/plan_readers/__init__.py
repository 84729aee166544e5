"""Format readers of plan appendices: each turns one file into the row model of sheet_grid.

``open_plan_source(path)`` recognises the format by the file's content (not its name): an .xlsx or
.docx (zip packages, bounded by workbook_guard), an Excel 97-2003 .xls (OLE), or a PDF. The source
lists its tables' names (sheets, "Bảng 1"…, "PDF") and reads each into a SheetGrid; the plan reader
(plan_workbook) applies the same header, section and indicator rules to all of them.
"""

from __future__ import annotations

from pathlib import Path

from desktop.documents.plan_readers.base import PlanSource, SourceRejected
from desktop.documents.workbook_guard import check_plan_file

__all__ = ["PlanSource", "SourceRejected", "open_plan_source"]


def open_plan_source(path: Path) -> PlanSource:
    """The reader for the file at ``path``; raises an InputError naming the file when it cannot be read."""
    kind = check_plan_file(path)
    if kind == "xlsx":
        from desktop.documents.plan_readers.xlsx import XlsxSource

        return XlsxSource(path)
    if kind == "xls":
        from desktop.documents.plan_readers.xls import XlsSource

        return XlsSource(path)
    if kind == "docx":
        from desktop.documents.plan_readers.docx import DocxSource

        return DocxSource(path)
    from desktop.documents.plan_readers.pdf import PdfSource

    return PdfSource(path)
