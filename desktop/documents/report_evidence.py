"""The list of evidence the report carries: an appendix "Danh mục tài liệu minh chứng", in the PDF and the Word copy.

Nghị định 30/2020 lets a report carry appendices, each numbered on its own and headed like the others; this
one follows Phụ lục I and II (its number is the next after those present). Each row names the item by the code
the officer saw in the editor (task "II.3", indicator "CT.1"), under its plan when the report follows several,
then the file's name, type and size and its SHA-256, so that whoever holds the signed PDF can tell that a file
is the one the report was signed with. A report without attachments has no such appendix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from desktop.documents.report_text import grouped_tasks, plan_code, plan_heading
from desktop.domain.numbers import format_number
from desktop.domain.report_snapshot import AttachmentRef, ReportSnapshot

EVIDENCE_COLUMNS = (("STT", 12), ("Mã", 18), ("Nhiệm vụ, chỉ tiêu", 70), ("Tên tệp", 62), ("Loại tệp", 22),
                    ("Dung lượng", 22), ("Mã kiểm tra (SHA-256)", 46))
EVIDENCE_TITLE = "Danh mục tài liệu minh chứng"
_ROMAN = ("I", "II", "III")
_TYPES = {"application/pdf": "PDF", "image/jpeg": "Ảnh JPEG", "image/png": "Ảnh PNG", "image/tiff": "Ảnh TIFF",
          "application/msword": "Word", "application/vnd.ms-excel": "Excel",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
          "application/zip": "ZIP", "text/plain": "Văn bản", "text/csv": "CSV"}
_UNITS = ("byte", "KB", "MB", "GB")  # «812 B» read like a code to a commune officer
# Hash digits per group: groups of 16 let a narrow cell break the hash between groups, never inside one.
_HASH_GROUP = 16


@dataclass(frozen=True)
class EvidenceItem:
    """One attachment of one item: ``plan`` is the item's plan's heading (a row above it when it changes)."""

    plan: str
    code: str
    item: str
    file: AttachmentRef


def evidence_items(snapshot: ReportSnapshot) -> list[EvidenceItem]:
    """Every attachment, tasks first in Phụ lục I's order, then indicators in Phụ lục II's."""
    known = {plan_code(info): info for info in snapshot.plans}
    several = len(({task.plan for task in snapshot.tasks} | {i.plan for i in snapshot.indicators}) - {""}) > 1
    found: list[EvidenceItem] = []
    owners = [(t.plan, t.key, t.title, t.attachments) for t in grouped_tasks(snapshot.tasks)]
    owners += [(i.plan, i.key or str(n), i.name, i.attachments) for n, i in enumerate(snapshot.indicators, start=1)]
    for plan, code, title, attachments in owners:
        heading = plan_heading(known.get(plan), plan) if several and plan else ""
        found += [EvidenceItem(heading, code, title, file) for file in attachments]
    return found


def evidence_appendix_number(snapshot: ReportSnapshot) -> str:
    """The evidence appendix's number: the next after Phụ lục I (tasks) and II (indicators), those present."""
    return _ROMAN[bool(snapshot.tasks) + bool(snapshot.indicators)]


def evidence_cells(number: int, entry: EvidenceItem) -> list[tuple[str, bool]]:
    """One row's cells as (text, centred), in ``EVIDENCE_COLUMNS`` order."""
    return [(str(number), True), (entry.code, True), (entry.item, False), (entry.file.name, False),
            (file_type_text(entry.file), True), (file_size_text(entry.file.size), True),
            (hash_text(entry.file.sha256), False)]


def file_size_text(size: int) -> str:
    """ "512 byte", "298,7 KB", "1,4 MB" (binary units, as Windows shows them)."""
    value, unit = float(size), 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value, unit = value / 1024, unit + 1
    return f"{size} {_UNITS[0]}" if unit == 0 else f"{format_number(round(value, 1))} {_UNITS[unit]}"


def file_type_text(file: AttachmentRef) -> str:
    """The file's type as an office names it ("PDF", "Ảnh JPEG", "Word"), else its extension in capitals."""
    known = _TYPES.get(file.media_type.split(";")[0].strip().lower())
    return known or PurePath(file.name).suffix.lstrip(".").upper() or file.media_type


def hash_text(sha256: str) -> str:
    """The hex digest in groups of 16 digits, so a narrow cell breaks it between groups."""
    digest = sha256.lower()
    return " ".join(digest[n:n + _HASH_GROUP] for n in range(0, len(digest), _HASH_GROUP))
