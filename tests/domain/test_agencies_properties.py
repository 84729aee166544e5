"""Property: any list of known agencies and groups, joined with the separators people use, splits back
into them (canonical, in order, without repeats)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.agencies import canonical_agency, split_agencies

AGENCIES = ["Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế",
            "Văn phòng UBND tỉnh", "Công an tỉnh", "Sở Nội vụ", "Sở GD&ĐT", "Sở NN&MT",
            "Sở Lao động - Thương binh và Xã hội",
            "Ủy ban nhân dân tỉnh", "Bộ Công an", "Sở Xây dựng"]
GROUPS = ["Các sở, ban, ngành", "UBND các xã, phường", "UBND các huyện, thị xã, thành phố",
          "Các cơ quan, đơn vị", "Các bộ, ngành trung ương", "Các sở, ban, ngành, địa phương"]
SEPARATORS = [", ", "; ", "\n", " và ", ";\n", ",\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(AGENCIES + GROUPS), min_size=1, max_size=6), st.data())
def test_joined_names_split_back(names: list[str], data: st.DataObject) -> None:
    assert_splits_back(names, data, SEPARATORS)


def assert_splits_back(names: list[str], data: st.DataObject, separators: list[str]) -> None:
    """``names`` joined by separators drawn from ``separators`` split back into their canonical names."""
    text = names[0]
    for name in names[1:]:
        text += data.draw(st.sampled_from(separators)) + name
    expected: list[str] = []
    for name in names:
        canonical = canonical_agency(name)
        if canonical not in expected:
            expected.append(canonical)
    assert split_agencies(text) == expected, text
