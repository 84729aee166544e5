"""Agency texts of the three reference plans split into canonical agencies and groups."""

from __future__ import annotations

import pytest

from desktop.domain.agencies import agency_kind, canonical_agency, group_includes, is_group, split_agencies
from desktop.domain.assignment import COORDINATOR, LEAD, role_for

SKHCN, VP, CA = "Sở Khoa học và Công nghệ", "Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh"
SBN, ALL, XA = "Các sở, ban, ngành", "Các sở, ban, ngành, địa phương", "UBND các xã, phường"
HUYEN = "UBND các huyện, thị xã, thành phố"


@pytest.mark.parametrize(("text", "expected"), [
    # seed 000 (An Giang), multi-line cells as typed
    ("Sở Khoa học và Công nghệ", [SKHCN]),
    ("Văn phòng UBND tỉnh", [VP]),
    ("Các sở, ban, ngành\nUBND các huyện, thị xã, thành phố", [SBN, HUYEN]),
    ("Các sở, ngành, địa\nphương", [ALL]),
    ("Các sở, ngành tỉnh", [SBN]),
    ("Sở Nông nghiệp và Môi trường\nSở Y tế;\nSở Xây dựng;",
     ["Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Xây dựng"]),
    ("Văn phòng UBND tỉnh;\nSở Khoa học và Công nghệ", [VP, SKHCN]),
    ("Công an tỉnh", [CA]),
    # seed 001 (Đồng Tháp, 1012)
    ("Văn phòng UBND Tỉnh", [VP]),
    ("Văn phòng Chính phủ; các sở, ban, ngành Tỉnh", ["Văn phòng Chính phủ", SBN]),
    ("Các sở, ban, ngành Tỉnh", [SBN]),
    ("Văn phòng UBND Tỉnh; các sở, ban, ngành Tỉnh có liên quan", [VP, SBN]),
    ("Sở Văn hóa Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Công an Tỉnh", [CA]),
    ("", []),
    # seed 003 (Đồng Tháp, 3256)
    ("Sở KH&CN", [SKHCN]),
    ("VP UBND tỉnh, Sở Tài chính, Sở Tư pháp, Sở Nội vụ và các sở, ban, ngành, UBND xã, phường",
     [VP, "Sở Tài chính", "Sở Tư pháp", "Sở Nội vụ", SBN, XA]),
    ("Các sở, ban, ngành có liên quan", [SBN]),
    ("Sở Tư pháp; Sở GD&ĐT, Sở Y tế, Sở NN&MT",
     ["Sở Tư pháp", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Nông nghiệp và Môi trường"]),
    ("VP UBND tỉnh; Công an tỉnh", [VP, CA]),
    ("Các sở, ban, ngành, UBND các xã, phường", [SBN, XA]),
    ("Sở KH&CN; Công an tỉnh", [SKHCN, CA]),
    ("Các sở, ban, ngành, địa phương", [ALL]),
    ("Sở Giáo dục và Đào tạo;\nSở KH&CN", ["Sở Giáo dục và Đào tạo", SKHCN]),
    ("Sở KH&CN;\nSở Nội vụ", [SKHCN, "Sở Nội vụ"]),
    ("Bộ KH&CN", ["Bộ Khoa học và Công nghệ"]),
    # other ways of writing them
    ("Sở Tài chính, Sở Công thương", ["Sở Tài chính", "Sở Công Thương"]),
    ("Chủ trì: SKHCN", [SKHCN]),
    ("CA tỉnh và UBND tỉnh", [CA, "Ủy ban nhân dân tỉnh"]),
    ("Sở KH&CN, địa phương", [SKHCN, "Các địa phương"]),
    ("Các cơ quan, đơn vị liên quan", ["Các cơ quan, đơn vị"]),
    ("UBND xã Mỹ An, UBND phường Cao Lãnh", ["Ủy ban nhân dân xã Mỹ An", "Ủy ban nhân dân phường Cao Lãnh"]),
    ("Sở Khoa học và Công nghệ, Sở KH&CN", [SKHCN]),
])
def test_split(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


@pytest.mark.parametrize(("name", "canonical"), [
    ("SKHCN", SKHCN), ("Sở KHCN", SKHCN), ("sở kh&cn", SKHCN), ("VP UBND", VP), ("VPUBND tỉnh", VP),
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"), ("UBND xã Tân Hòa", "Ủy ban nhân dân xã Tân Hòa"),
    ("Công an Tỉnh", CA), ("VPCP", "Văn phòng Chính phủ"), ("Các sở, ban, ngành tỉnh", SBN),
])
def test_canonical(name: str, canonical: str) -> None:
    assert canonical_agency(name) == canonical


@pytest.mark.parametrize(("name", "kind"), [
    ("Sở KH&CN", "province_department"), ("VP UBND tỉnh", "province_department"),
    ("Công an tỉnh", "province_department"),
    ("UBND tỉnh", "province"), ("UBND xã Mỹ An", "commune"), ("Phường Cao Lãnh", "commune"),
    ("UBND huyện Châu Thành", "district"), ("Bộ Công an", "central"), ("Văn phòng Chính phủ", "central"),
    ("Các sở, ban, ngành", "group"),
])
def test_kind(name: str, kind: str) -> None:
    assert agency_kind(name) == kind


@pytest.mark.parametrize(("group", "kind", "included"), [
    (ALL, "province_department", True), (ALL, "commune", True), (ALL, "central", False),
    ("Các sở, ngành, địa phương", "commune", True),
    (SBN, "province_department", True), (SBN, "commune", False),
    ("UBND các xã, phường", "commune", True), ("UBND xã, phường", "commune", True),
    ("UBND các xã, phường", "province_department", False),
    ("Các địa phương", "commune", True), ("Các cơ quan, đơn vị", "province_department", True),
    ("Sở KH&CN", "province_department", False),
])
def test_group_includes(group: str, kind: str, included: bool) -> None:
    assert group_includes(group, kind) is included


def test_a_department_enrolled_by_the_province_server_is_in_the_departments_groups() -> None:
    """The server registers a sở as kind "department" and enrolls its PCs with it: «Các sở, ban, ngành» names
    it all the same, so its PC and the server's console both count it as a lead of such a task."""
    assert group_includes(SBN, "department") and group_includes(ALL, "department")
    assert not group_includes("UBND các xã, phường", "department")
    assert role_for([SBN], [], "Sở Tài chính", "department") == LEAD
    assert role_for(["Sở Y tế"], [ALL], "Sở Tài chính", "department") == COORDINATOR


def test_groups_are_groups_and_agencies_are_not() -> None:
    assert is_group("Các sở, ban, ngành Tỉnh có liên quan")
    assert is_group("UBND các huyện, thị xã, thành phố")
    assert not is_group("Sở Tài chính")
    assert not is_group("UBND xã Mỹ An")
