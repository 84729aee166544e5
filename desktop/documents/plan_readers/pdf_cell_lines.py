"""A PDF table cell's lines back into the text the writer typed: wrapped lines joined, typed breaks kept.

A PDF holds lines, not paragraphs: it does not say which line ends where the writer pressed Enter and
which where the layout ran out of width. The geometry does: a line the layout wrapped was full, so
the next line's first word would not have fitted after it; a line the writer ended had room left
for that word. A new item ("- …", "+ …", "• …", "a) …", "1. …", "1.2 …", "(1) …") starts a new line
whatever the room. Typed breaks come back as "\\n" (as a Word cell's paragraphs do), wrapped lines as
one space (none after a hyphen the line was broken at: "QĐ-" + "TTg", which PDFium marks). A word too
long for the column is moved to a line of its own and broken inside it, with no hyphen: that line is one
word ending in a letter with no space glyph after it, filled to the border (not even the next line's
first letter would have fitted), and the next line starts with a letter ("CNTT/CĐ" + "S" is "CNTT/CĐS").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.documents.plan_readers.pdf_pages import Char

# The start of a new item: a bullet (not a dash before a number: "2026 -" + "2030"), a lettered or
# numbered sub-item, a numbered note.
LINE_END_HYPHEN = "\ufffe"  # PDFium's character for a hyphen a line was broken after
_ITEM = re.compile(r"^(?:[-+•–—*]\s*(?!\d)\S|[a-zđ]\)\s|\(\d{1,2}\)\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|"
                   r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\s+[A-ZĐÀ-Ỹ])")
# Points: boxes and margins are not exact; in doubt the line was wrapped (a lost typed break is the
# smaller harm: the splitters of agencies also cut at head words).
_FIT_TOLERANCE = 1.0
_LINE_TOLERANCE = 3.0  # points between the tops of characters on one line (pdfplumber's default)
_WORD_GAP = 0.4  # of a space's width: letters' loose boxes touch, so a smaller gap already parts two words


@dataclass(frozen=True)
class CellLine:
    """One line of a cell: its text, where it starts and ends, its first word's width and a space's, how it
    ends and its first character's width."""

    text: str
    x0: float
    x1: float
    first_word: float
    space: float
    open_end: bool = False  # ends in a letter or digit with no space glyph after it
    first_glyph: float = 0.0  # the width of its first character


def starts_item(text: str) -> bool:
    """Whether a line opens a new item (bullet, "a)", "1.", "1.2 Xây…", "(1)")."""
    return _ITEM.match(text) is not None


def was_wrapped(previous: CellLine, line: CellLine, right: float) -> bool:
    """Whether ``line`` continues ``previous`` because the layout ran out of room before ``right``."""
    return previous.x1 + previous.space + line.first_word > right - _FIT_TOLERANCE


def broke_inside_a_word(previous: CellLine, line: CellLine, right: float) -> bool:
    """Whether the layout broke one word across ``previous`` and ``line``: ``previous`` is one word, full to
    ``right`` (where the text must end), with no space glyph between its last letter and the next line's."""
    one_word = previous.first_word >= previous.x1 - previous.x0
    full = previous.x1 + line.first_glyph > right - _FIT_TOLERANCE
    return previous.open_end and line.text[:1].isalnum() and one_word and full


def join_cell_lines(lines: Sequence[CellLine], left: float, right: float) -> str:
    """The cell's text: ``left`` and ``right`` are the cell's borders (its padding is measured here)."""
    if not lines:
        return ""
    padding = max(0.0, min(line.x0 for line in lines) - left)
    limit = right - padding
    out = lines[0].text
    for previous, line in itertools.pairwise(lines):
        if starts_item(line.text) or not was_wrapped(previous, line, limit):
            out += "\n" + line.text
        elif out.endswith(LINE_END_HYPHEN):
            out += line.text  # "1132/QĐ-" + "TTg": the layout broke the line after a hyphen
        elif broke_inside_a_word(previous, line, limit):
            out += line.text
        else:
            out += " " + line.text
    return out.replace(LINE_END_HYPHEN, "-")


def cell_lines(chars: Sequence[Char], space: float) -> list[CellLine]:
    """The lines of a cell's characters, top to bottom, words parted where a gap is near ``space`` wide."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: c.top):
        if lines and char.top - lines[-1][-1].top <= _LINE_TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [_line(sorted(line, key=lambda c: c.x0), space) for line in lines]


def _line(chars: list[Char], space: float) -> CellLine:
    gap = space * _WORD_GAP
    text = chars[0].text
    first_word_end = None
    for previous, char in itertools.pairwise(chars):
        if char.x0 - previous.x1 > gap:
            text += " "
            if first_word_end is None:
                first_word_end = previous.x1
        text += char.text
    last = chars[-1]
    end = first_word_end if first_word_end is not None else last.x1
    return CellLine(text, chars[0].x0, last.x1, end - chars[0].x0, space, last.text.isalnum() and not last.space_after,
                    chars[0].x1 - chars[0].x0)
