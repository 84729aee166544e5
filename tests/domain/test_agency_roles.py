"""A lead cell that also names the coordinators in a sentence, as provinces write it."""

from __future__ import annotations

import pytest

from desktop.domain.agencies import split_agencies, split_roles

CA, TC, NV, YT = "Công an tỉnh", "Sở Tài chính", "Sở Nội vụ", "Sở Y tế"


@pytest.mark.parametrize(
    ("text", "lead", "coordinators"),
    [
        ("Sở Y tế chủ trì, phối hợp với Sở Tài chính", [YT], [TC]),
        ("Sở Y tế chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ", [YT], [TC, NV]),
        ("Sở Y tế phối hợp với Công an tỉnh", [YT], [CA]),
        ("Sở Y tế chủ trì phối hợp cùng Công an tỉnh và Sở Nội vụ", [YT], [CA, NV]),
        ("Chủ trì: Sở Y tế; phối hợp: Sở Tài chính", [YT], [TC]),
        ("Sở Y tế", [YT], []),
        ("Sở Tài chính (chủ trì)", [TC], []),
    ],
)
def test_the_lead_and_the_coordinators_of_a_sentence_are_told_apart(
    text: str, lead: list[str], coordinators: list[str]
) -> None:
    assert split_roles(text) == (lead, coordinators)
    assert split_agencies(text) == lead + coordinators
