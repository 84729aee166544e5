"""Reading the rows of a task table (under a recognised header) into sections and tasks.

Row by row:
- a roman numeral in the STT column (or "II. TITLE" across the row) opens a section; numbering of
  tasks may restart in every section, so a task's key is "section.stt" ("II.3");
- a number ("3", "3.1", "3.") is a task; footnote marks on it or on its title are removed, with a
  warning;
- a numbered row that carries only a title and is followed by deeper numbering ("a)", "b)" under
  "1", or "1.1" under "1") is a group heading, not a task: its number prefixes its sub-items' keys
  ("II.1.a"; "III.1.2" is already "section.stt"). A sub-item with its own lead or deadline is a task;
- a row with an empty STT continues the task above (a task split across rows or pages): each cell
  is appended to the same field, unless it is the same merged cell seen before;
- an unnumbered row right under a section row, or one that reads as a note or footnote
  ("Ghi chú…", "(1) …", "* …"), is not a task: it becomes the section's note and a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.documents.plan_header import COORDINATORS, DEADLINE, LEAD, NOTE, RESULT, STT, TITLE, Header
from desktop.documents.plan_model import ParsedGroup, ParsedSection, ParsedTask, ParseWarning
from desktop.documents.plan_readers.pdf_cell_lines import starts_item
from desktop.documents.sheet_grid import SheetGrid
from desktop.domain.agencies import split_agencies, split_roles
from desktop.domain.deadlines import CONDITIONAL, parse_deadline
from desktop.domain.text import fold

_ROMAN = re.compile(r"^(?:PHẦN\s+)?([IVXL]{1,6})\s*[.:)\-–]?\s*(.*)$", re.DOTALL)
_TASK_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\s*[.)]?\s*(\*+|\(\d{1,2}\)|\(\*\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?$")
_LETTER = re.compile(r"^([a-zđ])\s*[.)]?$")
_FOOTNOTE = re.compile(r"\s*(?:\(\d{1,2}\)|\(\*+\)|\*+|\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
_NOTE_ROW = re.compile(r"^(ghi chu|luu y|chu thich|\(\d{1,2}\)\s|\*|\(\*)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_FIELDS = (TITLE, RESULT, LEAD, COORDINATORS, DEADLINE, NOTE)
_JOIN = {TITLE: " ", RESULT: " ", DEADLINE: " ", NOTE: " ", LEAD: "\n", COORDINATORS: "\n"}


def roman_value(numeral: str) -> int | None:
    """The value of a roman numeral written the usual way (I…XXXIX, L…), or None."""
    values = [_ROMAN_VALUES.get(ch) for ch in numeral.upper()]
    if not values or None in values:
        return None
    total = 0
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else 0
        total += -value if following and value < following else value  # type: ignore[operator]
    return total


def strip_footnote(text: str) -> tuple[str, bool]:
    """``text`` without a trailing footnote mark ("(1)", "*", "¹"), and whether one was removed."""
    stripped = _FOOTNOTE.sub("", text).rstrip()
    return stripped, stripped != text


@dataclass
class _Draft:
    row: int
    section: str
    stt: str
    group: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    anchors: set[tuple[int, int]] = field(default_factory=set)

    def add(self, name: str, text: str | None, anchor: tuple[int, int] | None, wrapped: bool = False) -> None:
        """Append ``text`` to the field ``name``; ``wrapped``: the text was cut by a page break, not typed."""
        if not text or anchor in self.anchors:
            return
        if anchor is not None:
            self.anchors.add(anchor)
        previous = self.fields.get(name)
        joint = " " if wrapped and not starts_item(text) else _JOIN[name]
        self.fields[name] = f"{previous}{joint}{text}" if previous else text


@dataclass
class TaskTable:
    """Reads one task table; ``sections``, ``tasks`` and ``warnings`` collect what it found."""

    grid: SheetGrid
    header: Header
    sections: list[ParsedSection] = field(default_factory=list)
    groups: list[ParsedGroup] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    _draft: _Draft | None = None
    _parent: str = ""  # the number of the section's last numbered row (a group or a task): lettered items' prefix
    _section: str = ""
    _section_value: int = 0
    _section_notes: dict[str, list[str]] = field(default_factory=dict)
    _page: int | None = None  # the page of the row read last (a PDF)

    def read_row(self, row: int) -> None:
        """Take one data row of the table."""
        page, _page_row = self.grid.place(row)
        after_page_break = page is not None and self._page is not None and page != self._page
        self._page = page
        stt_column = self.header.column(STT)
        stt_cell = self.grid.cell(row, stt_column) if stt_column else None
        # A number merged down over the rows of one task counts on its first row only.
        stt = stt_cell.text if stt_cell and stt_cell.anchor[0] == row else ""
        if not stt and self._section_row_without_number(row):
            return
        section = _ROMAN.match(stt) if stt else None
        if section and roman_value(section.group(1)) and not _TASK_NUMBER.match(stt):
            self._open_section(row, section.group(1), section.group(2) or self._title_text(row))
            return
        number = _TASK_NUMBER.match(stt) or _LETTER.match(stt)
        if number:
            self._start_task(row, stt, number)
            return
        if stt and (len(stt) > 12 or _NOTE_ROW.match(fold(stt))):
            self._section_note(row, " ".join(t for c in self.grid.columns(row) if (t := self.grid.text(row, c))))
            return
        if stt:
            self._warn(row, f"STT «{stt}» không phải số thứ tự; dòng được nối vào nhiệm vụ phía trên.")
        self._continue(row, prefix=stt, wrapped=after_page_break)

    def finish(self) -> None:
        """Close the last task and attach section notes."""
        self._close()
        self.sections = [
            ParsedSection(s.code, s.title, "\n".join(self._section_notes.get(s.code, [])) or None)
            for s in self.sections
        ]

    def _section_row_without_number(self, row: int) -> bool:
        """ "II. TITLE" written in the title column (or merged across the row) with no STT."""
        texts = [t for c in self.grid.columns(row) if (t := self.grid.text(row, c))]
        if len(texts) != 1:
            return False
        match = _ROMAN.match(texts[0])
        if not match or not match.group(2) or not roman_value(match.group(1)):
            return False
        title = match.group(2)
        if title != title.upper() or not re.match(r"^[IVXL]{1,6}\s*[.:)\-–]\s", texts[0]):
            return False
        self._open_section(row, match.group(1), title)
        return True

    def _open_section(self, row: int, numeral: str, title: str) -> None:
        self._close()
        self._parent = ""
        code = numeral.upper()
        value = roman_value(code) or 0
        if self._section_value and value != self._section_value + 1:
            self._warn(row, f"Số mục La Mã nhảy từ {_roman(self._section_value)} sang {code}.")
        if any(s.code == code for s in self.sections):
            self._warn(row, f"Mục {code} xuất hiện hai lần.")
        self._section, self._section_value = code, value
        clean, had_mark = strip_footnote(title.strip())
        if had_mark:
            self._warn(row, f"Đã bỏ dấu chú thích ở tên mục {code}.")
        self.sections.append(ParsedSection(code, clean))

    def _start_task(self, row: int, stt_text: str, number: re.Match[str]) -> None:
        stt = number.group(1)
        lettered = number.re is _LETTER
        draft = self._draft
        if (
            draft is not None
            and not set(draft.fields) - {TITLE, NOTE}
            and (lettered or stt.startswith(f"{draft.stt}."))
        ):
            self._open_group(draft)
        else:
            self._close()
        if number.re is _TASK_NUMBER and number.group(2):
            self._warn(row, f"Đã bỏ dấu chú thích «{number.group(2)}» ở số thứ tự {stt_text}.")
        # "a)" under "1" is "II.1.a" whether "1" is a group heading or a task with its own lead.
        self._draft = _Draft(row=row, section=self._section, stt=stt, group=self._parent if lettered else "")
        if not lettered:
            self._parent = stt
        stt_cell = self.grid.cell(row, self.header.column(STT) or 0)
        if stt_cell:
            self._draft.anchors.add(stt_cell.anchor)
        self._add_fields(row)

    def _open_group(self, draft: _Draft) -> None:
        """The title-only row ``draft`` heads the numbered rows under it: a group, not a task."""
        self._draft = None
        title, _mark = strip_footnote(draft.fields.get(TITLE, ""))
        key = f"{draft.section}.{draft.stt}" if draft.section else draft.stt
        self.groups.append(ParsedGroup(key=key, title=title))

    def _continue(self, row: int, prefix: str = "", wrapped: bool = False) -> None:
        texts = {name: self._field_text(row, name) for name in _FIELDS}
        if not any(t for t, _a in texts.values()) and not prefix:
            return
        first = next((t for t, _a in texts.values() if t), "") or prefix
        if self._draft is None or _NOTE_ROW.match(fold(first)):
            self._section_note(row, " ".join(filter(None, [prefix, *(t for t, _a in texts.values())])))
            return
        if prefix:
            title, anchor = texts[TITLE]
            texts[TITLE] = (f"{prefix} {title}".strip(), anchor)
        self._add_fields(row, texts, wrapped)

    def _add_fields(
        self, row: int, texts: dict[str, tuple[str | None, tuple[int, int] | None]] | None = None, wrapped: bool = False
    ) -> None:
        assert self._draft is not None
        for name, (text, anchor) in (texts or {n: self._field_text(row, n) for n in _FIELDS}).items():
            self._draft.add(name, text, anchor, wrapped)

    def _field_text(self, row: int, name: str) -> tuple[str | None, tuple[int, int] | None]:
        column = self.header.column(name)
        cell = self.grid.cell(row, column) if column else None
        if cell is None or cell.anchor[1] != column:
            return None, None
        return cell.text, cell.anchor

    def _title_text(self, row: int) -> str:
        column = self.header.column(TITLE)
        title = self.grid.text(row, column) if column else None
        if title:
            return title
        stt_column = self.header.column(STT)
        return next((t for c in self.grid.columns(row) if c != stt_column and (t := self.grid.text(row, c))), "")

    def _section_note(self, row: int, text: str) -> None:
        where = f"mục {self._section}" if self._section else "bảng"
        self._section_notes.setdefault(self._section, []).append(text)
        self._warn(
            row, f"Dòng không đánh số thứ tự trong {where} được coi là ghi chú, không phải nhiệm vụ: «{text[:80]}»."
        )

    def _close(self) -> None:
        draft, self._draft = self._draft, None
        if draft is None:
            return
        title, had_mark = strip_footnote(draft.fields.get(TITLE, ""))
        if had_mark:
            self._warn(draft.row, f"Đã bỏ dấu chú thích ở cuối tên nhiệm vụ {draft.stt}.")
        if not title:
            self._warn(draft.row, f"Nhiệm vụ {draft.stt} không có nội dung.")
        number = f"{draft.group}.{draft.stt}" if draft.group else draft.stt
        key = f"{draft.section}.{number}" if draft.section else number
        lead = draft.fields.get(LEAD, "")
        coordinators = draft.fields.get(COORDINATORS, "")
        deadline = parse_deadline(draft.fields.get(DEADLINE))
        leads, named_with_lead = split_roles(lead)  # "Sở Y tế chủ trì, phối hợp với Sở Tài chính"
        if not lead:
            self._warn(draft.row, f"Nhiệm vụ {key} không ghi cơ quan chủ trì.")
        if deadline.kind == CONDITIONAL and re.search(r"\d", deadline.text):
            self._warn(draft.row, f"Không hiểu thời hạn «{deadline.text}» của nhiệm vụ {key}; giữ nguyên văn.")
        self.tasks.append(
            ParsedTask(
                key=key,
                section=draft.section,
                stt=draft.stt,
                title=title,
                result=draft.fields.get(RESULT),
                lead=lead,
                lead_agencies=tuple(leads),
                coordinators=coordinators,
                coordinator_agencies=tuple(dict.fromkeys([*named_with_lead, *split_agencies(coordinators)])),
                deadline=deadline,
                note=draft.fields.get(NOTE),
                sheet=self.grid.name,
                row=draft.row,
            )
        )

    def _warn(self, row: int, message: str) -> None:
        self.warnings.append(ParseWarning(self.grid.name, row, message))


def _roman(value: int) -> str:
    out = ""
    for number, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out, value = out + numeral, value - number
    return out
