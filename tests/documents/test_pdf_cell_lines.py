"""A PDF cell's lines: wrapped lines joined, breaks the writer typed kept (new items, short lines).

The geometry is that of LibreOffice's export of a Word table at 11 pt Times New Roman (a 72-point
column, 5.5-point padding, spaces 2.75 points wide), as measured on tests/bench's appendix."""

from __future__ import annotations

import pytest

from desktop.documents.plan_readers.pdf_cell_lines import (
    LINE_END_HYPHEN,
    CellLine,
    cell_lines,
    join_cell_lines,
    starts_item,
)
from desktop.documents.plan_readers.pdf_pages import Char

LEFT, RIGHT, SPACE = 156.6, 228.6, 2.75


def _line(text: str, x1: float, first_word: float) -> CellLine:
    return CellLine(text, LEFT + 5.5, x1, first_word, SPACE)


def test_lines_the_layout_wrapped_are_one_paragraph() -> None:
    lines = [_line("Khung hướng", 223.0, 29.9), _line("dẫn đánh giá", 218.2, 15.9), _line("mức độ", 195.2, 19.4),
             _line("trưởng thành", 218.7, 29.5), _line("về quản trị", 209.1, 10.4), _line("dữ liệu", 190.0, 11.7)]
    assert join_cell_lines(lines, LEFT, RIGHT) == "Khung hướng dẫn đánh giá mức độ trưởng thành về quản trị dữ liệu"


def test_a_short_line_followed_by_a_word_that_would_have_fitted_was_ended_by_hand() -> None:
    lines = [_line("Sở Tài chính", 198.0, 12.0), _line("Sở Y tế", 185.0, 12.0)]
    assert join_cell_lines(lines, LEFT, RIGHT) == "Sở Tài chính\nSở Y tế"


@pytest.mark.parametrize("item", ["- Sở Y tế", "+ Cấp xã", "• Hạ tầng", "a) Rà soát", "2. Ban hành", "(1) Ghi chú",
                                  "1.2 Xây dựng", "b) xây dựng"])
def test_a_new_item_starts_a_new_line_even_when_the_line_above_is_full(item: str) -> None:
    assert starts_item(item)
    lines = [_line("Triển khai các nhiệm vụ sau", 222.5, 40.0), _line(item, 200.0, 6.0)]
    assert join_cell_lines(lines, LEFT, RIGHT) == f"Triển khai các nhiệm vụ sau\n{item}"


@pytest.mark.parametrize("text", ["2026 - 2030", "1.500 hồ sơ", "100% hồ sơ", "-2030"])
def test_numbers_that_continue_a_sentence_are_no_new_item(text: str) -> None:
    assert not starts_item(text)


def test_a_line_broken_after_a_hyphen_joins_without_a_space() -> None:
    lines = [_line(f"Quyết định số 1132/QĐ{LINE_END_HYPHEN}", 224.0, 20.0), _line("TTg ngày 09", 200.0, 18.0)]
    assert join_cell_lines(lines, LEFT, RIGHT) == "Quyết định số 1132/QĐ-TTg ngày 09"


def test_in_doubt_the_line_was_wrapped() -> None:
    """"về quản trị" + "dữ" would end 0.1 point inside the text box: the layout wrapped it."""
    lines = [_line("về quản trị", 209.1, 11.7 - 0.45), _line("dữ liệu do", 206.5, 11.7)]
    assert join_cell_lines(lines, LEFT, RIGHT) == "về quản trị dữ liệu do"


def _word_line(text: str, x1: float, *, open_end: bool = True, first_glyph: float = 6.1) -> CellLine:
    width = x1 - (LEFT + 5.5)
    first = width if " " not in text else 12.0
    return CellLine(text, LEFT + 5.5, x1, first, SPACE, open_end, first_glyph)


def test_a_word_too_long_for_the_column_broken_inside_is_one_word_again() -> None:
    """LibreOffice moves "CNTT/CĐS" to a line of its own and breaks it there: no space glyph after "Đ", the
    line full to the border (not even "S" fits), the next line starts with a letter."""
    lines = [_word_line("chuyên trách", 200.0, open_end=False), _word_line("CNTT/CĐ", 222.9),
             _word_line("S được đào", 210.0)]
    assert join_cell_lines(lines, LEFT, RIGHT) == "chuyên trách CNTT/CĐS được đào"


@pytest.mark.parametrize(("previous", "following", "why"), [
    (_word_line("CNTT/CĐ", 222.9, open_end=False), "S được", "a space glyph ends the line"),
    (_word_line("bộ CNTT/CĐ", 222.9), "S được", "the line holds two words: the layout wrapped at a space"),
    (_word_line("CNTT/CĐ", 222.9), "(S) được", "the next line starts with no letter"),
    (_word_line("CNTT/CĐ", 214.0, first_glyph=6.1), "S được", "the next letter would have fitted"),
])
def test_a_wrap_between_words_keeps_its_space(previous: CellLine, following: str, why: str) -> None:
    joined = join_cell_lines([previous, _word_line(following, 200.0)], LEFT, RIGHT)
    assert joined == f"{previous.text} {following}", why


def test_lines_know_a_space_glyph_at_their_end() -> None:
    """PDFium's space characters are left out of a page's characters, but the one before a line end is
    remembered on the character it follows."""
    def chars(text: str, top: float, space_after_last: bool) -> list[Char]:
        out = [Char(ch, 162.1 + 7 * i, 169.1 + 7 * i, top, top + 10, 165.6 + 7 * i, top + 5)
               for i, ch in enumerate(text)]
        out[-1] = out[-1]._replace(space_after=space_after_last)
        return out
    lines = cell_lines([*chars("CNTT/CĐ", 100.0, False), *chars("Sở", 112.0, False)], SPACE)
    assert [(line.text, line.open_end) for line in lines] == [("CNTT/CĐ", True), ("Sở", True)]
    assert not cell_lines(chars("CNTT/CĐ", 100.0, True), SPACE)[0].open_end
    assert lines[1].first_glyph == 7
