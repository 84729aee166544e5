"""Cells where one head word distributes over a list of names, as provinces write them."""

from __future__ import annotations

import pytest

from desktop.domain.agencies import split_agencies

NV, TC, TP, YT = "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Y tế"
HUYEN = "UBND các huyện, thị xã, thành phố"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Nội vụ, Tài chính, Tư pháp", [NV, TC, TP]),
        ("Sở Nội vụ, Tài chính và Tư pháp", [NV, TC, TP]),
        ("Các Sở Nội vụ, Tài chính", [NV, TC]),
        ("Các Sở: Nội vụ, Tài chính", [NV, TC]),
        ("Các sở: Nội vụ, Tài chính, Tư pháp; UBND các huyện, thị xã, thành phố", [NV, TC, TP, HUYEN]),
        ("Phối hợp: Các sở: Y tế, Tư pháp", [YT, TP]),
        ("Sở: Văn hóa, Thể thao và Du lịch, Tài chính", ["Sở Văn hóa, Thể thao và Du lịch", TC]),
        ("Sở Nội vụ\nTài chính", [NV, TC]),
    ],
)
def test_a_head_word_distributes_over_the_listed_names(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Sở Lao động - Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"]),
        ("Phòng Văn hóa và Xã hội", ["Phòng Văn hóa và Xã hội"]),
        ("UBND các huyện, thị xã, thành phố", [HUYEN]),
        ("Chủ trì: Sở Y tế; Phối hợp: Sở Tài chính", [YT, TC]),
    ],
)
def test_one_name_with_commas_and_role_labels_stay_as_they_were(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected
