"""Finding the header row of a plan appendix table by its Vietnamese column names, in any order.

Task tables: STT / TT; Nhiệm vụ / Nội dung nhiệm vụ / Nhiệm vụ, giải pháp; Cơ quan (Đơn vị) chủ trì /
Cơ quan thực hiện; Cơ quan (Đơn vị) phối hợp; Thời hạn (Thời gian) hoàn thành / Hạn hoàn thành /
Thời gian thực hiện / Tiến độ; Kết quả (thực hiện) / Sản phẩm; Ghi chú. Indicator tables: Chỉ tiêu
(over one or two columns: area, then the indicator), phases ("Giai đoạn" over "2026 - 2027",
"2028 - 2030", or a year), Cơ quan chủ trì theo dõi, đánh giá; Đơn vị tính.

A header may take two rows (a group cell such as "Giai đoạn" merged over its sub-columns) and be
followed by a row of column numbers ("(1) (2) (3)…"); both are recognised and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.documents.sheet_grid import SheetGrid
from desktop.domain.text import fold

STT, TITLE, LEAD, COORDINATORS, DEADLINE, RESULT, NOTE = "stt", "title", "lead", "coordinators", "deadline", \
    "result", "note"
INDICATOR, UNIT, PHASE, MONITORING = "indicator", "unit", "phase", "monitoring"
TASKS, INDICATORS = "tasks", "indicators"

_MAX_HEADER_CHARS = 80
_YEARS = re.compile(r"((?:19|20)\d{2})(?:\s*[-–—]\s*((?:19|20)\d{2}))?")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$|^\([a-z]\)$")
_TASK_ROLES = frozenset({STT, LEAD, COORDINATORS, DEADLINE, RESULT, NOTE})


def classify(text: str) -> str | None:
    """The role of a header cell's text, or None."""
    if len(text) > _MAX_HEADER_CHARS:
        return None
    t = " ".join(re.sub(r"[^\w\s/,]", " ", fold(text)).replace(",", " ").split())
    if "theo doi" in t and ("chu tri" in t or "co quan" in t or "don vi" in t):
        return MONITORING
    if t in ("stt", "tt", "so tt", "so thu tu", "s tt", "thu tu"):
        return STT
    if "phoi hop" in t:
        return COORDINATORS
    if re.match(r"^(co quan|don vi|co quan don vi)?\s*(chu tri|thuc hien|chu tri thuc hien)$", t) or \
            t in ("co quan don vi thuc hien", "don vi dau moi", "co quan dau moi"):
        return LEAD
    if re.search(r"\b(thoi han|thoi gian|han hoan thanh|tien do|moc thoi gian)\b", t):
        return DEADLINE
    if re.search(r"\b(ket qua|san pham)\b", t):
        return RESULT
    if t.startswith("ghi chu"):
        return NOTE
    if t in ("don vi tinh", "dvt", "don vi do"):
        return UNIT
    if _YEARS.search(t) or t.startswith(("giai doan", "muc tieu", "lo trinh")):
        return PHASE
    if re.match(r"^(ten |noi dung )?chi tieu", t):
        return INDICATOR
    if "nhiem vu" in t or "giai phap" in t or t in ("noi dung", "noi dung cong viec", "cong viec", "ten de an"):
        return TITLE
    return None


@dataclass
class Header:
    """A recognised header: its rows, the kind of table and the role of each column."""

    kind: str
    first_row: int
    last_row: int  # the last row that belongs to the header (sub-header, column numbers)
    roles: dict[int, str]
    labels: dict[int, str] = field(default_factory=dict)

    def column(self, role: str) -> int | None:
        """The first column of ``role``."""
        return next((c for c, r in sorted(self.roles.items()) if r == role), None)

    def columns(self, role: str) -> list[int]:
        """Every column of ``role``, left to right."""
        return [c for c, r in sorted(self.roles.items()) if r == role]

    def phase(self, column: int) -> str:
        """A phase column's label: "2026-2027" for "Giai đoạn 2026 - 2027", else its header text."""
        label = self.labels.get(column, "")
        years = _YEARS.search(label)
        if years:
            return f"{years.group(1)}-{years.group(2)}" if years.group(2) else years.group(1)
        return label


_MAX_LABEL_CHARS = 60  # a column's name; longer text under a header is data


def row_roles(grid: SheetGrid, row: int) -> dict[int, str]:
    """The role of each column of ``row`` read as a header (merged cells filled across)."""
    roles = {}
    for column in grid.columns(row):
        role = classify(grid.text(row, column, across=True) or "")
        if role:
            roles[column] = role
    return roles


def kind_of(roles: dict[int, str]) -> str | None:
    """"tasks" or "indicators" when ``roles`` make a header of that table, else None."""
    found = set(roles.values())
    if INDICATOR in found and (PHASE in found or MONITORING in found):
        return INDICATORS
    if TITLE in found and len(found & _TASK_ROLES) >= 2:
        return TASKS
    return None


def detect_header(grid: SheetGrid, row: int) -> Header | None:
    """The header starting at ``row``, with its sub-header and column-number rows, or None."""
    roles = row_roles(grid, row)
    kind = kind_of(roles)
    if kind is None:
        return None
    labels = {c: grid.text(row, c, across=True) or "" for c in grid.columns(row)}
    last = row
    following = _next_row(grid, row)
    if following is not None and _is_sub_header(grid, row, following, roles):
        for column in grid.columns(following):
            text = grid.text(following, column, across=True) or ""
            if text and text != labels.get(column):
                labels[column] = f"{labels.get(column, '')} {text}".strip()
        last = following
        following = _next_row(grid, following)
    roles = {c: r for c in sorted(labels) if (r := classify(labels[c]) or roles.get(c))}
    if following is not None and is_column_number_row(grid, following):
        last = following
    return Header(kind=kind_of(roles) or kind, first_row=row, last_row=last, roles=roles, labels=labels)


def is_column_number_row(grid: SheetGrid, row: int) -> bool:
    """A row of column numbers under a header: "(1)", "(2)"… or 1, 2, 3… in every filled cell."""
    texts = [t for t in (grid.text(row, c) for c in grid.columns(row)) if t]
    return len(texts) >= 3 and all(_COLUMN_NUMBER.match(fold(t)) for t in texts)


def _is_sub_header(grid: SheetGrid, row: int, following: int, roles: dict[int, str]) -> bool:
    if following != row + 1 or is_column_number_row(grid, following):
        return False
    stt_column = next((c for c, r in roles.items() if r == STT), None)
    own = [c for c in grid.columns(following) if (cell := grid.cell(following, c)) and cell.anchor[0] == following]
    if not own:
        return False
    if stt_column is not None and stt_column in own:
        return False
    # Every cell of the sub-header sits under a header cell merged across it, or names a role; a
    # sentence ("… vào năm 2030.") is the end of a task a page break split, never a column's name.
    return all(_under_merged(grid, row, c) or _names_a_role(grid.text(following, c) or "") for c in own)


def _names_a_role(text: str) -> bool:
    return len(text) <= _MAX_LABEL_CHARS and not text.rstrip().endswith((".", ";")) and bool(classify(text))


def _under_merged(grid: SheetGrid, row: int, column: int) -> bool:
    cell = grid.cell(row, column)
    if cell is None:
        return True
    merged_across = any((other := grid.cell(row, c)) is not None and other.anchor == cell.anchor
                        for c in (column - 1, column + 1))
    return merged_across or cell.anchor[0] != row


def _next_row(grid: SheetGrid, row: int) -> int | None:
    return row + 1 if grid.columns(row + 1) else None
