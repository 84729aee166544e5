"""Property: a head word written once before a list of names («Sở Nội vụ, Tài chính và Tư pháp», «Các sở:
Nội vụ, Tài chính»), among other agencies and groups joined with the separators people use, splits back into
one agency per name (canonical, in order, no repeats)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.agencies import canonical_agency, split_agencies
from tests.domain.test_agency_grammar_properties import AGENCIES, GROUPS

# Names of provincial departments after the 2025 reorganisation, as written after a distributed «Sở».
DEPARTMENTS = ["Nội vụ", "Tài chính", "Tư pháp", "Y tế", "Xây dựng", "Công Thương", "Khoa học và Công nghệ",
               "Giáo dục và Đào tạo", "Nông nghiệp và Môi trường", "Văn hóa, Thể thao và Du lịch",
               "Dân tộc và Tôn giáo", "Ngoại vụ"]
# How the list of names is opened: the head before the first name, or the head and a listing colon.
OPENINGS = ["Sở ", "Các sở ", "Các Sở ", "Các sở: ", "Các Sở: ", "Sở: "]
LIST_SEPARATORS = [", ", ",", " , ", "\n"]
SEPARATORS = [", ", " và ", "; ", "\n", ";\n", " ; ", "\r\n", ";", " ;\n", "\n\n"]


@st.composite
def distributed(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A head distributed over two to four names: the text and the agencies it names."""
    names = draw(st.lists(st.sampled_from(DEPARTMENTS), min_size=2, max_size=4, unique=True))
    text = draw(st.sampled_from(OPENINGS)) + names[0]
    for index, name in enumerate(names[1:], start=1):
        last = index == len(names) - 1
        text += draw(st.sampled_from([*LIST_SEPARATORS, " và "] if last else LIST_SEPARATORS)) + name
    return text, [canonical_agency(f"Sở {name}") for name in names]


@st.composite
def cells(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Distributed lists, agencies and groups joined by separators: the cell and the agencies it names."""
    pieces = draw(st.lists(st.one_of(distributed(), st.sampled_from(AGENCIES + GROUPS).map(
        lambda name: (name, [canonical_agency(name)]))), min_size=1, max_size=4).filter(
        lambda items: any(len(names) > 1 for _text, names in items)))
    text = pieces[0][0]
    for piece, _names in pieces[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + piece
    expected: list[str] = []
    for _text, names in pieces:
        expected.extend(name for name in names if name not in expected)
    return text, expected


@settings(max_examples=500, deadline=None)
@given(cells())
def test_a_distributed_head_splits_back_into_one_agency_per_name(cell: tuple[str, list[str]]) -> None:
    text, expected = cell
    assert split_agencies(text) == expected, text
